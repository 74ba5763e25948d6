#include "app/shell/screenshots/windowshot.h"

#include "app/analysis/analysisdock.h"
#include "app/analysis/analysismodule.h"
#include "app/analysis/lrancontroller.h"
#include "app/panes/pane.h"
#include "app/panes/panegrid.h"
#include "app/panes/panesmodule.h"
#include "app/review/reviewmodule.h"
#include "app/review/reviewrecorder.h"
#include "app/shell/screenshots/imageio.h"
#include "app/shell/slide/slidecontroller.h"
#include "app/shell/window/firstlayout.h"
#include "app/shell/window/mainwindow.h"
#include "viewer/tiles/tilescheduler.h"
#include "viewer/view/slideview.h"

#include <QtCore/QTextStream>
#include <QtGui/QScreen>
#include <QtGui/QWindow>

namespace slidesight {

namespace {
/// Polls in a row that must find the window settled, so that the last frame is painted.
constexpr int kSettledPolls = 5;
}  // namespace

WindowShot::WindowShot(MainWindow* window, QString path, bool waitForAnalysis, int timeoutMs, QObject* parent)
    : QObject(parent), window_(window), path_(std::move(path)), waitForAnalysis_(waitForAnalysis) {
    poll_.setInterval(100);
    connect(&poll_, &QTimer::timeout, this, &WindowShot::poll);
    timeout_.setSingleShot(true);
    timeout_.setInterval(timeoutMs);
    connect(&timeout_, &QTimer::timeout, this, [this] {
        fail(tr("Timed out after %1 s waiting for the window to settle.").arg(timeout_.interval() / 1000));
    });
    AnalysisDock* dock = window_->analysis()->dock();
    connect(dock, &AnalysisDock::runFinished, this, [this] { analysed_ = true; });
    connect(dock, &AnalysisDock::runFailed, this, [this](const QString& message) { fail(message); });
    connect(dock, &AnalysisDock::bundleFailed, this, [this](const QString& message) { fail(message); });
    connect(window_->analysis()->lran(), &LranController::finished, this, [this] { lranDone_ = true; });
    connect(window_->analysis()->lran(), &LranController::failed, this, [this](const QString& message) { fail(message); });
}

void WindowShot::start() {
    // A scripted view is nobody's review: nothing is recorded.
    window_->review()->recorder()->setRecording(false);
    timeout_.start();
    poll_.start();
}

void WindowShot::poll() {
    if (done_) return;
    const SlideController* controller = window_->controller();
    bool settled = controller->hasSlide() && controller->isViewSharp() && window_->panes()->panesSharp() &&
                   controller->scheduler()->isIdle();
    if (waitForAnalysis_) {
        const AnalysisResultPtr result = window_->analysis()->dock()->lastResult();
        const bool lranExpected = result && result->bundle.lran.has_value();
        settled = settled && analysed_ && (!lranExpected || lranDone_);
    }
    settledPolls_ = settled ? settledPolls_ + 1 : 0;
    if (settledPolls_ < kSettledPolls) return;
    done_ = true;
    poll_.stop();
    timeout_.stop();
    // The screen's pixels where the window is: what the user sees, window manager and all.
    QScreen* screen = window_->windowHandle() ? window_->windowHandle()->screen() : nullptr;
    const QImage image = screen ? screen->grabWindow(window_->winId()).toImage() : window_->grab().toImage();
    if (const Check saved = saveImageAtomically(image, path_); !saved) {
        QTextStream(stderr) << tr("slidesight: %1").arg(QString::fromStdString(saved.error())) << Qt::endl;
        Q_EMIT finished(1);
        return;
    }
    const QRect view(window_->view()->mapTo(window_, QPoint(0, 0)), window_->view()->size());
    const QStringList sideways = FirstLayout::docksScrolledSideways(*window_);
    QTextStream(stdout) << tr("Docks scrolled sideways: %1.").arg(sideways.isEmpty() ? tr("none") : sideways.join(QStringLiteral(", ")))
                        << Qt::endl;
    QTextStream(stdout) << tr("Wrote %1 (%2 x %3 px; the slide view at %4,%5, %6 x %7 px).")
                               .arg(path_)
                               .arg(image.width())
                               .arg(image.height())
                               .arg(view.x())
                               .arg(view.y())
                               .arg(view.width())
                               .arg(view.height())
                        << Qt::endl;
    int number = 1;
    for (const Pane* pane : window_->panes()->grid()->panes()) {
        const QWidget* v = pane->view();
        const QRect r(v->mapTo(window_, QPoint(0, 0)), v->size());
        QTextStream(stdout) << tr("Pane %1 at %2,%3, %4 x %5 px.").arg(++number).arg(r.x()).arg(r.y()).arg(r.width()).arg(r.height())
                            << Qt::endl;
    }
    Q_EMIT finished(0);
}

void WindowShot::fail(const QString& message) {
    if (done_) return;
    done_ = true;
    poll_.stop();
    timeout_.stop();
    QTextStream(stderr) << tr("slidesight: %1").arg(message) << Qt::endl;
    Q_EMIT finished(1);
}

}  // namespace slidesight
