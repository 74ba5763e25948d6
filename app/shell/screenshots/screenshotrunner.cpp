#include "app/shell/screenshots/screenshotrunner.h"

#include "app/analysis/analysislayers.h"
#include "app/analysis/bundlepicker.h"
#include "app/shell/screenshots/imageio.h"
#include "app/shell/screenshots/screenshotlayers.h"
#include "app/shell/screenshots/untrainednotice.h"
#include "app/shell/settings/appsettings.h"
#include "app/shell/slide/slidecontroller.h"
#include "viewer/common/background.h"
#include "viewer/layers/layer.h"
#include "viewer/layers/layerstack.h"
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
    stack_ = new LayerStack(this);
    view_->setLayerStack(stack_);
    connect(controller_, &SlideController::opened, this, &ScreenshotRunner::onOpened);
    connect(controller_, &SlideController::openFailed, this,
            [this](const QString&, const QString& message) { fail(message); });
    pollTimer_.setInterval(20);
    connect(&pollTimer_, &QTimer::timeout, this, &ScreenshotRunner::poll);
    timeout_.setSingleShot(true);
    connect(&timeout_, &QTimer::timeout, this, [this] {
        fail(options_.bundle.isEmpty() || layersReady_
                 ? tr("Timed out after %1 s waiting for the slide's tiles.").arg(options_.timeoutMs / 1000)
                 : tr("Timed out after %1 s waiting for the analysis.").arg(options_.timeoutMs / 1000));
    });
}

ScreenshotRunner::~ScreenshotRunner() {
    delete extraLayers_;  // its LRAN runs on the analysis thread
    extraLayers_ = nullptr;
    delete analysis_;    // cancels a run still going
    analysis_ = nullptr;
    view_->setLayerStack(nullptr);
    delete controller_;  // before the view it draws into
    controller_ = nullptr;
}

void ScreenshotRunner::start() {
    view_->show();  // laid out at its size, but never on screen (WA_DontShowOnScreen)
    timeout_.start(options_.timeoutMs);
    if (!options_.show.isEmpty()) {
        const auto requests = AnalysisLayers::parseRequests(options_.show, ScreenshotLayers::ids());
        if (!requests) {
            fail(QString::fromStdString(requests.error()));
            return;
        }
        requests_ = *requests;
        for (const AnalysisLayers::Request& r : requests_)
            if (options_.bundle.isEmpty() && ScreenshotLayers::needsBundle(r.id)) {
                fail(tr("The layer \"%1\" needs a model bundle (--analyze BUNDLE).").arg(r.id));
                return;
            }
        extraLayers_ = new ScreenshotLayers(stack_, requests_, options_.annotations, this);
        connect(extraLayers_, &ScreenshotLayers::failed, this, &ScreenshotRunner::fail);
        connect(extraLayers_, &ScreenshotLayers::ready, this, &ScreenshotRunner::finishLayers);
    }
    if (!options_.bundle.isEmpty()) {
        const std::string path = options_.bundle.toStdString();
        runInBackground(this, [path] { return readAndCheckBundle(path); }, [this](Expected<model::ModelBundle> bundle) {
            if (!bundle) {
                fail(QString::fromStdString(bundle.error()));
                return;
            }
            bundle_ = std::move(bundle).value();
            startAnalysisWhenReady();
        });
    }
    controller_->open(options_.slide);
}

void ScreenshotRunner::startAnalysisWhenReady() {
    if (done_ || !opened_ || !bundle_ || analysis_) return;
    model::AnalysisOptions o;
    o.slidePath = options_.slide.toStdString();
    o.slideMpp = options_.userMpp;
    o.gridMpp = options_.gridMpp;
    o.device = options_.device.toStdString();
    o.cacheFolder = options_.cacheFolder.toStdString();
    analysis_ = new AnalysisController(this);
    connect(analysis_, &AnalysisController::finished, this, &ScreenshotRunner::onAnalysed);
    connect(analysis_, &AnalysisController::failed, this, &ScreenshotRunner::fail);
    analysis_->start(*bundle_, o);
}

void ScreenshotRunner::onAnalysed(const AnalysisResultPtr& result) {
    result_ = result;
    AnalysisLayers::install(*stack_, *result);
    if (AnalysisLayers::anyUntrainedVisible(*stack_))
        QTextStream(stdout) << tr("slidesight: note: the model bundle \"%1\" was never trained; its layers are not meaningful.")
                                   .arg(QString::fromStdString(result->bundle.name))
                            << Qt::endl;
    if (extraLayers_)
        extraLayers_->analysed(*result, analysis_->thread(), options_.slide, options_.userMpp, options_.device,
                               view_->visibleLevelZeroRect());
    finishLayers();
}

void ScreenshotRunner::finishLayers() {
    if (done_ || layersReady_) return;
    if (!options_.bundle.isEmpty() && !result_) return;
    if (extraLayers_ && !extraLayers_->isReady()) return;
    if (!requests_.isEmpty()) {
        if (const auto shown = AnalysisLayers::showOnly(*stack_, requests_, options_.layerOpacity); !shown) {
            fail(QString::fromStdString(shown.error()));
            return;
        }
    }
    layersReady_ = true;
    view_->flushViewChange();
}

void ScreenshotRunner::onOpened() {
    if (options_.userMpp > 0.0) controller_->setUserMpp(options_.userMpp);
    view_->setRotation(options_.rotation);  // before zooming: the fit is the rotated slide's
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
    opened_ = true;
    if (extraLayers_) extraLayers_->slideOpened(options_.slide);
    startAnalysisWhenReady();
    finishLayers();
    pollTimer_.start();
}

void ScreenshotRunner::poll() {
    if (done_ || !controller_->isViewSharp() || !controller_->scheduler()->isIdle()) return;
    if (!layersReady_) return;
    done_ = true;
    pollTimer_.stop();
    timeout_.stop();
    QImage image = view_->grab().toImage();
    // A picture of a model that was never trained carries the notice itself.
    if (result_ && AnalysisLayers::anyUntrainedVisible(*stack_))
        image = UntrainedNotice::stamped(std::move(image), UntrainedNotice::untrainedModel());
    else if (result_ && !result_->extractorTrained && anyLayerVisible())
        image = UntrainedNotice::stamped(std::move(image), UntrainedNotice::untrainedExtractor());
    if (const Check saved = saveImageAtomically(image, options_.output); !saved) {
        done_ = false;
        fail(QString::fromStdString(saved.error()));
        return;
    }
    Q_EMIT finished(0);
}

bool ScreenshotRunner::anyLayerVisible() const {
    for (int row = 0; row < stack_->count(); ++row)
        if (stack_->layerAt(row)->isVisible()) return true;
    return false;
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
