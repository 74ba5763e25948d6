#pragma once

#include "app/analysis/analysislayers.h"
#include "viewer/annotations/annotation.h"

#include <QtCore/QObject>
#include <QtCore/QPointer>
#include <QtCore/QRectF>
#include <QtCore/QString>
#include <QtCore/QStringList>

#include <memory>

class QThread;

namespace slidesight {

class LayerStack;
class LranController;

/// The layers a scripted screenshot (`--show`) may name besides the analysis's: the LRAN
/// layers (the bundle's LRAN run over the tissue patches in view), `annotations` (the file given, else
/// the slide's annotations sidecar), `agreement` (the first heatmap named, else attention-max,
/// against those annotations at the middle of the map's range, as the agreement dock starts)
/// and `coverage` (the review coverage recorded for the slide). Files are read and the
/// agreement computed on worker threads; ready() follows once every layer asked for is in the
/// stack, or failed() with one sentence.
///
/// GUI thread only.
class ScreenshotLayers : public QObject {
    Q_OBJECT
public:
    /// Every id --show takes, in the order the viewer stacks them.
    static QStringList ids();
    /// Whether a layer comes from a model bundle (analysis, LRAN, agreement).
    static bool needsBundle(const QString& id);

    ScreenshotLayers(LayerStack* stack, QList<AnalysisLayers::Request> requests, QString annotationsFile,
                     QObject* parent = nullptr);
    ~ScreenshotLayers() override;

    /// The slide is open: reads the annotations and the coverage asked for.
    void slideOpened(const QString& slidePath);
    /// The analysis's layers are in the stack: runs the LRAN and the agreement asked for.
    void analysed(const model::AnalysisResult& result, QThread* analysisThread, const QString& slidePath, double slideMpp,
                  const QString& device, const QRectF& visibleLevelZeroRect);
    /// Every layer asked for (beyond the analysis's) is in the stack.
    bool isReady() const;

Q_SIGNALS:
    void ready();
    void failed(const QString& message);

private:
    bool wants(const QString& id) const;
    bool wantsLran() const;
    void startAgreement();
    void fail(const QString& message);
    void checkReady();

    QPointer<LayerStack> stack_;
    QList<AnalysisLayers::Request> requests_;
    QString annotationsFile_;
    std::unique_ptr<AnnotationSet> annotations_;  ///< what the annotation layer shows
    bool annotationsPending_ = false;
    bool coveragePending_ = false;
    bool lranPending_ = false;
    bool agreementPending_ = false;
    bool analysisPending_ = false;
    bool failed_ = false;
    LranController* lran_ = nullptr;
};

}  // namespace slidesight
