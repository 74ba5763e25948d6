#pragma once

#include <QtCore/QObject>
#include <QtCore/QPointF>
#include <QtCore/QSize>
#include <QtCore/QString>
#include <QtCore/QTimer>

#include <memory>
#include <optional>

namespace slidesight {

class SlideController;
class SlideView;

/// Renders a slide view to an image file without showing a window, for scripted screenshots
/// and teaching material: opens the slide, zooms, waits until every tile the view needs is
/// loaded (never saves a half-loaded view), saves atomically and reports an exit code.
///
/// GUI thread only.
class ScreenshotRunner : public QObject {
    Q_OBJECT
public:
    struct Options {
        QString slide;
        QString output;
        QSize size{1280, 800};
        double magnification = 0.0;          ///< 0: zoom to fit
        std::optional<QPointF> centre;       ///< level-0 point; the slide's centre if unset
        double userMpp = 0.0;                ///< µm/px to assume when the slide has none
        int timeoutMs = 120000;
    };

    explicit ScreenshotRunner(Options options, QObject* parent = nullptr);
    ~ScreenshotRunner() override;

    /// Starts; finished() follows with 0 on success or 1 after printing one message.
    void start();

    SlideView* view() const { return view_.get(); }

Q_SIGNALS:
    void finished(int exitCode);

private:
    void onOpened();
    void poll();
    void fail(const QString& message);

    Options options_;
    std::unique_ptr<SlideView> view_;
    SlideController* controller_ = nullptr;
    QTimer pollTimer_;
    QTimer timeout_;
    bool done_ = false;
};

}  // namespace slidesight
