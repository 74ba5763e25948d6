#include "app/screenshotrunner.h"

#include "app/appsettings.h"
#include "app/imageio.h"
#include "app/slidecontroller.h"
#include "viewer/tiles/tilescheduler.h"
#include "viewer/view/slideview.h"

#include <QtCore/QTextStream>

namespace slidesight {

ScreenshotRunner::ScreenshotRunner(Options options, QObject* parent)
    : QObject(parent), options_(std::move(options)), view_(std::make_unique<SlideView>()) {
    view_->setAttribute(Qt::WA_DontShowOnScreen, true);
    view_->setAnimated(false);
    view_->resize(options_.size);
    controller_ = new SlideController(view_.get(), AppSettings::tileCacheBytes(), AppSettings::tileThreads(), this);
    connect(controller_, &SlideController::opened, this, &ScreenshotRunner::onOpened);
    connect(controller_, &SlideController::openFailed, this,
            [this](const QString&, const QString& message) { fail(message); });
    pollTimer_.setInterval(20);
    connect(&pollTimer_, &QTimer::timeout, this, &ScreenshotRunner::poll);
    timeout_.setSingleShot(true);
    connect(&timeout_, &QTimer::timeout, this, [this] {
        fail(tr("Timed out after %1 s waiting for the slide's tiles.").arg(options_.timeoutMs / 1000));
    });
}

ScreenshotRunner::~ScreenshotRunner() {
    delete controller_;  // before the view it draws into
    controller_ = nullptr;
}

void ScreenshotRunner::start() {
    view_->show();  // laid out at its size, but never on screen (WA_DontShowOnScreen)
    timeout_.start(options_.timeoutMs);
    controller_->open(options_.slide);
}

void ScreenshotRunner::onOpened() {
    if (options_.userMpp > 0.0) controller_->setUserMpp(options_.userMpp);
    if (options_.magnification > 0.0) {
        if (view_->nativeMagnification() <= 0.0) {
            fail(tr("The slide records neither µm/px nor objective power, so a magnification cannot be "
                    "chosen; give --mpp."));
            return;
        }
        view_->setMagnification(options_.magnification);
    } else {
        view_->zoomToFit();
    }
    if (options_.centre) view_->centerOnLevelZero(*options_.centre);
    view_->flushViewChange();
    pollTimer_.start();
}

void ScreenshotRunner::poll() {
    if (done_ || !controller_->isViewSharp() || !controller_->scheduler()->isIdle()) return;
    done_ = true;
    pollTimer_.stop();
    timeout_.stop();
    const QString error = saveImageAtomically(view_->grab().toImage(), options_.output);
    if (!error.isEmpty()) {
        done_ = false;
        fail(error);
        return;
    }
    Q_EMIT finished(0);
}

void ScreenshotRunner::fail(const QString& message) {
    if (done_) return;
    done_ = true;
    pollTimer_.stop();
    timeout_.stop();
    QTextStream(stderr) << tr("slidesight: %1").arg(message) << Qt::endl;
    Q_EMIT finished(1);
}

}  // namespace slidesight
