#pragma once

#include <QtCore/QObject>
#include <QtCore/QPointF>
#include <QtCore/QPointer>

#include <optional>
#include <vector>

namespace slidesight {

class SlideView;

/// Linked navigation of split panes: when the reader moves one linked view, the others show
/// the same place at the same physical scale and rotation. "The same place" is the same
/// level-0 point scaled by the slides' µm/px (two scans of one section line up), plus each
/// view's offset; linkHere() keeps the views' present placement as their offsets, so a reader
/// aligns two slides by hand (free navigation) and then links them. The same µm per screen
/// pixel means downsample_B = downsample_A * mpp_A / mpp_B; a slide without µm/px is taken at
/// the other's scale.
///
/// A view that was moved by the link reports its change like any other; the link knows the
/// state it set and does not pass it on, so nothing echoes back, even where a view could not
/// follow exactly (the edge of its slide, its zoom limits).
///
/// GUI thread only.
class ViewLink : public QObject {
    Q_OBJECT
public:
    explicit ViewLink(QObject* parent = nullptr);

    void addView(SlideView* view);
    void removeView(SlideView* view);
    std::vector<SlideView*> views() const;

    void setEnabled(bool enabled);
    bool isEnabled() const { return enabled_; }

    /// Keeps the views' present placement: from now on they move together with these offsets
    /// (in each view's level-0 pixels, relative to the first view).
    void linkHere();
    /// Linked views show the same point again.
    void resetOffsets();
    /// `view`'s offset (zero for the first view and after resetOffsets()).
    QPointF offset(SlideView* view) const;
    void setOffset(SlideView* view, const QPointF& offset);
    /// Sets `view`'s offset so that the level-0 point `referencePoint` of `reference` and
    /// `viewPoint` of `view` coincide (two points aligned by hand); `reference` keeps its own.
    void alignPoints(SlideView* reference, const QPointF& referencePoint, SlideView* view, const QPointF& viewPoint);

    /// Moves every other linked view to match `source` now.
    void follow(SlideView* source);

    /// Where `to` shows what `from` shows: its centre and downsample for `from`'s centre
    /// and downsample (offsets and µm/px applied).
    QPointF mapCentre(SlideView* from, SlideView* to, const QPointF& fromCentre) const;
    double mapDownsample(SlideView* from, SlideView* to, double fromDownsample) const;

private:
    struct State {
        QPointF centre;
        double downsample = 0.0;
        double rotation = 0.0;
        bool matches(const State& other) const;
    };
    struct Entry {
        QPointer<SlideView> view;
        QPointF offset;
        std::optional<State> applied;  ///< what the link set the view to last
    };
    static State stateOf(const SlideView& view);
    Entry* entryOf(const SlideView* view);
    const Entry* entryOf(const SlideView* view) const;
    void viewChanged(SlideView* view);
    /// `to`'s µm/px over `from`'s (1 where either is unknown).
    static double scaleRatio(const SlideView& from, const SlideView& to);

    std::vector<Entry> entries_;
    bool enabled_ = true;
    bool applying_ = false;
};

}  // namespace slidesight
