#pragma once

#include <QtCore/QObject>
#include <QtCore/QPoint>
#include <QtCore/QPointF>
#include <QtCore/QPointer>

namespace slidesight {

class SlideView;
class ViewLink;

/// Aligning two linked panes by two points (View > Panes > Align by two points): the reader
/// clicks a feature in one pane, then the same feature in another; the second pane's offset
/// is set so that the two points coincide, and the panes move together from then on. Typical
/// use: a slide and its re-scan, or two serial sections, whose tissue sits at different places.
///
/// While it waits for the clicks it takes the left clicks of the linked views (drawing tools do
/// not see them); Escape or cancel() ends it. GUI thread only.
class PointAlignment : public QObject {
    Q_OBJECT
public:
    explicit PointAlignment(ViewLink* link, QObject* parent = nullptr);

    /// Waits for the first point.
    void start();
    void cancel();
    bool isActive() const { return step_ != Step::Idle; }

    /// A point picked in `view` (level-0 pixels): the first, or the second that aligns. The
    /// clicks come here; tests call it directly.
    void pick(SlideView* view, const QPointF& levelZeroPoint);

Q_SIGNALS:
    /// What to do next, or what was done, in one sentence for the status bar.
    void message(const QString& text);
    /// `view` was aligned on `reference` (its offset set, the link on).
    void aligned(SlideView* reference, SlideView* view);
    void ended();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    enum class Step { Idle, First, Second };
    void watch(bool on);
    SlideView* viewOfViewport(QObject* viewport) const;

    ViewLink* link_;
    Step step_ = Step::Idle;
    QPointer<SlideView> first_;
    QPointF firstPoint_;
    QPoint pressed_;
};

}  // namespace slidesight
