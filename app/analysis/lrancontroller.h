#pragma once

#include "app/analysis/lranworker.h"
#include "model/bundle/bundle.h"

#include <QtCore/QElapsedTimer>
#include <QtCore/QObject>
#include <QtCore/QPoint>
#include <QtCore/QRectF>
#include <QtCore/QString>
#include <QtCore/QTimer>
#include <QtCore/QVector>

#include <memory>
#include <optional>

class QThread;

namespace slidesight {

class LayerStack;
class LranLayers;

/// The LRAN (or RAN) layers of a bundle on the open slide (spec, "LRAN": run per tissue patch
/// at the patch classifier's µm/px, viewport first): lran-probability, lran-mask, lran-gates
/// (LRAN only) and lran-cam in the layer stack, NaN where no patch has run yet.
///
/// A worker on the analysis thread keeps the session (tissue, patch grid, network) and runs one
/// batch per queued step: the patches not yet run that touch the latest visible rectangle,
/// nearest its centre first, then the others outward, so that cancel() and setVisibleRect()
/// take effect between batches. start() on the same slide and bundle goes on with the patches
/// not yet run; another slide or bundle starts over. The GUI thread never waits on the worker;
/// the layers receive new values at most every 200 ms (longer when a copy of the values takes
/// more than a twentieth of that).
///
/// GUI thread only.
class LranController : public QObject {
    Q_OBJECT
public:
    LranController(QThread* analysisThread, LayerStack* stack, QObject* parent = nullptr);
    ~LranController() override;

    /// Runs the bundle's LRAN over `slidePath`'s tissue patches. `slideMpp` overrides the
    /// slide's µm/px (0: the slide's); `device` is auto, cpu or cuda. A run already going on
    /// the same slide and bundle continues; any other is cancelled first.
    void start(const model::ModelBundle& bundle, const QString& slidePath, double slideMpp, const QString& device);
    /// The level-0 rectangle in view: the next batches are picked nearest it.
    void setVisibleRect(const QRectF& levelZeroRect);
    /// Stops after the batch being run; cancelled() follows. The layers keep what was run.
    void cancel();
    bool isRunning() const { return running_; }

    /// Runs only the patches touching the visible rectangle, then finishes (for screenshots).
    void setVisibleOnly(bool visibleOnly) { visibleOnly_ = visibleOnly; }

    /// Patches per batch; 0 (the default) takes the device's.
    void setBatchSize(int patches) { batchSize_ = patches; }
    /// Patches whose results reached the layers since this controller was made.
    qint64 patchesReceived() const { return patchesReceived_; }

Q_SIGNALS:
    /// Tissue patches run so far (earlier runs of the same session included), of all.
    void progress(qint64 done, qint64 total);
    /// The patches of a batch that has just been placed into the layers, as (column, row).
    void patchesCompleted(const QVector<QPoint>& cells);
    void finished();
    void failed(QString message);
    void cancelled();

private:
    void onOpened(quint64 generation, quint64 session, const LranInfoPtr& info, qint64 done, qint64 total);
    void onBatch(quint64 session, const LranBatchPtr& batch, qint64 done, qint64 total);
    void onStopped(quint64 generation, LranWorker::Outcome outcome, const QString& message);
    void scheduleUpdate();
    void updateLayers();
    void stopCurrent();

    LayerStack* stack_ = nullptr;
    LranWorker* worker_ = nullptr;
    std::shared_ptr<LranRequest> request_;
    std::optional<QRectF> visible_;
    bool visibleOnly_ = false;
    QString key_;
    quint64 generation_ = 0;
    bool running_ = false;
    int batchSize_ = 0;
    bool trained_ = false;
    std::unique_ptr<LranLayers> layers_;
    quint64 session_ = 0;        ///< the worker's session the layers hold, 0 for none
    bool acceptResults_ = false; ///< false between a start on another slide or bundle and its opened()
    qint64 patchesReceived_ = 0;
    QTimer updateTimer_;
    QElapsedTimer sinceUpdate_;
    int updateIntervalMs_ = 200;
    bool dirty_ = false;
};

}  // namespace slidesight
