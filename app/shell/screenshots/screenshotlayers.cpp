#include "app/shell/screenshots/screenshotlayers.h"

#include "app/agreement/agreementcomputation.h"
#include "app/agreement/agreementlayer.h"
#include "app/analysis/lrancontroller.h"
#include "app/analysis/lranlayers.h"
#include "app/annotations/annotationautosave.h"
#include "app/review/coveragelayer.h"
#include "app/review/reviewrecorder.h"
#include "viewer/annotations/annotationio.h"
#include "viewer/common/background.h"
#include "viewer/coverage/coveragefile.h"
#include "viewer/layers/annotationlayer.h"
#include "viewer/layers/heatmaplayer.h"
#include "viewer/layers/layerstack.h"

#include <QtCore/QDir>
#include <QtCore/QFileInfo>

namespace slidesight {

namespace {

const QString kAnnotations = QStringLiteral("annotations");
const QString kAgreement = QStringLiteral("agreement");

/// The newer of the slide's two possible annotation sidecars; empty when it has none.
QString annotationSidecarOf(const QString& slidePath) {
    QString found;
    for (const QString& candidate : {AnnotationAutosave::besideSlidePath(slidePath), AnnotationAutosave::userDataPath(slidePath)}) {
        const QFileInfo info(candidate);
        if (info.exists() && (found.isEmpty() || info.lastModified() > QFileInfo(found).lastModified())) found = candidate;
    }
    return found;
}

}  // namespace

QStringList ScreenshotLayers::ids() {
    return AnalysisLayers::ids() + LranLayers::ids() + QStringList{kAnnotations, kAgreement, CoverageLayer::kId};
}

bool ScreenshotLayers::needsBundle(const QString& id) {
    return id != kAnnotations && id != CoverageLayer::kId;
}

ScreenshotLayers::ScreenshotLayers(LayerStack* stack, QList<AnalysisLayers::Request> requests, QString annotationsFile,
                                   QObject* parent)
    : QObject(parent), stack_(stack), requests_(std::move(requests)), annotationsFile_(std::move(annotationsFile)) {
    annotationsPending_ = wants(kAnnotations) || wants(kAgreement);
    coveragePending_ = wants(CoverageLayer::kId);
    lranPending_ = wantsLran();
    agreementPending_ = wants(kAgreement);
    analysisPending_ = lranPending_ || agreementPending_;
}

ScreenshotLayers::~ScreenshotLayers() {
    delete lran_;  // cancels a run still going
    // The annotation layer points into annotations_.
    if (stack_) stack_->removeLayer(kAnnotations);
}

bool ScreenshotLayers::wants(const QString& id) const {
    for (const AnalysisLayers::Request& r : requests_)
        if (r.id == id) return true;
    return false;
}

bool ScreenshotLayers::wantsLran() const {
    for (const QString& id : LranLayers::ids())
        if (wants(id)) return true;
    return false;
}

bool ScreenshotLayers::isReady() const {
    return !failed_ && !annotationsPending_ && !coveragePending_ && !lranPending_ && !agreementPending_ && !analysisPending_;
}

void ScreenshotLayers::fail(const QString& message) {
    if (failed_) return;
    failed_ = true;
    Q_EMIT failed(message);
}

void ScreenshotLayers::checkReady() {
    if (isReady()) Q_EMIT ready();
}

void ScreenshotLayers::slideOpened(const QString& slidePath) {
    if (annotationsPending_) {
        const QString file = annotationsFile_.isEmpty() ? annotationSidecarOf(slidePath) : annotationsFile_;
        if (file.isEmpty()) {
            fail(tr("The slide has no annotations to show; give the file with --annotations FILE."));
            return;
        }
        runInBackground(this, [file] { return AnnotationIO::read(file); }, [this](Expected<AnnotationSet> read) {
            if (!read) {
                fail(AnnotationIO::errorOf(read));
                return;
            }
            annotations_ = std::make_unique<AnnotationSet>(std::move(read).value());
            if (wants(kAnnotations) && stack_) {
                auto* layer = new AnnotationLayer;
                layer->setAnnotationSet(annotations_.get());
                stack_->addLayer(layer);  // the stack owns it
            }
            annotationsPending_ = false;
            startAgreement();
            checkReady();
        });
    }
    if (coveragePending_) {
        const QString file = ReviewRecorder::sidecarPathFor(slidePath);
        if (!QFileInfo::exists(file)) {
            fail(tr("No review of this slide has been recorded (%1).").arg(QDir::toNativeSeparators(file)));
            return;
        }
        runInBackground(this, [file] { return CoverageFile::read(file); }, [this](Expected<ReviewCoverage> read) {
            if (!read) {
                fail(QString::fromStdString(read.error()));
                return;
            }
            if (stack_) stack_->addLayer(CoverageLayer::create(*read));
            coveragePending_ = false;
            checkReady();
        });
    }
    checkReady();
}

void ScreenshotLayers::analysed(const model::AnalysisResult& result, QThread* analysisThread, const QString& slidePath,
                                double slideMpp, const QString& device, const QRectF& visibleLevelZeroRect) {
    analysisPending_ = false;
    if (lranPending_) {
        if (!result.bundle.lran) {
            fail(tr("The model bundle \"%1\" has no LRAN network, so it gives no LRAN layers.")
                     .arg(QString::fromStdString(result.bundle.name)));
            return;
        }
        lran_ = new LranController(analysisThread, stack_, this);
        lran_->setVisibleRect(visibleLevelZeroRect);
        lran_->setVisibleOnly(true);
        connect(lran_, &LranController::finished, this, [this] {
            lranPending_ = false;
            checkReady();
        });
        connect(lran_, &LranController::failed, this, [this](const QString& message) { fail(tr("The LRAN layers failed: %1").arg(message)); });
        lran_->start(result.bundle, slidePath, slideMpp, device);
    }
    startAgreement();
    checkReady();
}

void ScreenshotLayers::startAgreement() {
    if (!agreementPending_ || analysisPending_ || annotationsPending_ || !annotations_ || !stack_) return;
    // The first heatmap named, else attention-max.
    HeatmapLayer* map = nullptr;
    for (const AnalysisLayers::Request& r : requests_)
        if (auto* heatmap = qobject_cast<HeatmapLayer*>(stack_->layer(r.id)); heatmap && r.id != CoverageLayer::kId) {
            map = heatmap;
            break;
        }
    if (!map) map = qobject_cast<HeatmapLayer*>(stack_->layer(QStringLiteral("attention-max")));
    if (!map || !map->data()) {
        fail(tr("There is no heatmap to compare the annotations with."));
        return;
    }
    std::vector<Annotation> annotations(annotations_->annotations().begin(), annotations_->annotations().end());
    runInBackground(
        this, [data = map->data(), channel = map->channel(), annotations = std::move(annotations)] {
            return AgreementComputation::compute(data, channel, annotations);
        },
        [this](const AgreementComputation& c) {
            if (!c.agreement) {
                fail(tr("The agreement could not be computed: %1").arg(c.error));
                return;
            }
            if (stack_) {
                auto* layer = new AgreementLayer;
                layer->setCells(c.geometry, c.agreement->at(c.midThreshold()));
                stack_->addLayer(layer);  // the stack owns it
            }
            agreementPending_ = false;
            checkReady();
        });
}

}  // namespace slidesight
