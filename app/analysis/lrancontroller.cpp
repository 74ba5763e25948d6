#include "app/analysis/lrancontroller.h"

#include "app/analysis/lranlayers.h"
#include "viewer/common/threadsanitizer.h"
#include "viewer/layers/layerstack.h"

#include <QtCore/QFile>
#include <QtCore/QThread>

#include <algorithm>

namespace slidesight {

namespace {

constexpr int kUpdateIntervalMs = 200;  ///< the shortest time between two updates of the layers
constexpr int kUpdateCostFactor = 20;   ///< updates take at most a twentieth of the GUI thread

/// What identifies a session: the slide, its µm/px, the device and the bundle's LRAN.
QString sessionKey(const model::ModelBundle& bundle, const QString& slidePath, double slideMpp, const QString& device) {
    const model::BundleLran& l = *bundle.lran;
    QStringList parts{slidePath, QString::number(slideMpp, 'g', 17), device, QString::fromStdString(bundle.path),
                      QString::fromStdString(l.network), QString::fromStdString(l.weights),
                      QString::number(l.mpp, 'g', 17), QString::number(l.patchSize)};
    for (const std::string& name : l.classes) parts << QString::fromStdString(name);
    return parts.join(QChar(0x1f));
}

/// The bundle's LRAN on a slide; the class count and names are the bundle's.
model::LranSessionOptions sessionOptions(const model::BundleLran& lran, const QString& slidePath, double slideMpp,
                                         const QString& device) {
    model::LranSessionOptions o;
    o.slidePath = QFile::encodeName(slidePath).toStdString();
    o.network = lran.network;
    o.weights = lran.weights;
    o.classes = static_cast<int64_t>(lran.classes.size());
    o.classNames = lran.classes;
    o.mpp = lran.mpp;
    o.patchSize = lran.patchSize;
    o.slideMpp = slideMpp;
    o.device = device.toStdString();
    o.torchThreads = std::max(1, QThread::idealThreadCount() - 1);  // the tile pool keeps a core
    return o;
}

}  // namespace

LranController::LranController(QThread* analysisThread, LayerStack* stack, QObject* parent)
    : QObject(parent), stack_(stack) {
    Q_ASSERT(analysisThread && stack);
    qRegisterMetaType<LranInfoPtr>();
    qRegisterMetaType<LranBatchPtr>();
    qRegisterMetaType<LranWorker::Outcome>();
    worker_ = new LranWorker;
    worker_->moveToThread(analysisThread);
    connect(worker_, &LranWorker::opened, this, &LranController::onOpened);
    connect(worker_, &LranWorker::batchDone, this, &LranController::onBatch);
    connect(worker_, &LranWorker::stopped, this, &LranController::onStopped);
    updateTimer_.setSingleShot(true);
    connect(&updateTimer_, &QTimer::timeout, this, &LranController::updateLayers);
}

LranController::~LranController() {
    // The worker finishes the batch it is in on its own thread, then goes; nothing here waits.
    if (request_) request_->cancel = true;
    worker_->deleteLater();
}

void LranController::start(const model::ModelBundle& bundle, const QString& slidePath, double slideMpp,
                           const QString& device) {
    if (!bundle.lran) {
        Q_EMIT failed(tr("The model bundle \"%1\" has no LRAN network.").arg(QString::fromStdString(bundle.name)));
        return;
    }
    const QString key = sessionKey(bundle, slidePath, slideMpp, device);
    if (running_ && key == key_ && !request_->cancel.load()) return;  // already running
    if (running_) {
        stopCurrent();
        Q_EMIT cancelled();
    }
    if (key != key_) acceptResults_ = false;  // the layers' patches are another session's
    key_ = key;
    trained_ = model::bundleLranTrained(bundle);
    request_ = std::make_shared<LranRequest>();
    if (visible_) request_->setVisibleRect(*visible_);
    request_->visibleOnly = visibleOnly_;
    const quint64 generation = ++generation_;
    running_ = true;
    const auto options = sessionOptions(*bundle.lran, slidePath, slideMpp, device);
    LranWorker* worker = worker_;
    threadsanitizer::queued([&] {
        QMetaObject::invokeMethod(
            worker_,
            [worker, generation, key, options, batch = batchSize_, request = request_] {
                threadsanitizer::received();
                worker->open(generation, key, options, batch, request);
            },
            Qt::QueuedConnection);
    });
}

void LranController::setVisibleRect(const QRectF& levelZeroRect) {
    visible_ = levelZeroRect;
    if (request_) request_->setVisibleRect(levelZeroRect);
}

void LranController::cancel() {
    if (running_) request_->cancel = true;
}

void LranController::stopCurrent() {
    request_->cancel = true;
    running_ = false;
    ++generation_;  // whatever the worker still reports for it is stale
}

void LranController::onOpened(quint64 generation, quint64 session, const LranInfoPtr& info, qint64 done,
                              qint64 total) {
    threadsanitizer::received();  // sent by the worker through queued()
    if (generation != generation_ || !info) return;
    if (!layers_ || session != session_) {
        layers_ = std::make_unique<LranLayers>(*info);
        session_ = session;
        dirty_ = false;
    }
    acceptResults_ = true;
    layers_->install(*stack_, trained_ && info->trained);
    Q_EMIT progress(done, total);
}

void LranController::onBatch(quint64 session, const LranBatchPtr& batch, qint64 done, qint64 total) {
    threadsanitizer::received();  // sent by the worker through queued()
    if (!acceptResults_ || !layers_ || session != session_ || !batch) return;
    layers_->add(*batch);
    patchesReceived_ += qint64(batch->patches.size());
    dirty_ = true;
    scheduleUpdate();
    QVector<QPoint> cells;
    cells.reserve(qsizetype(batch->patches.size()));
    for (const model::LranPatchResult& p : batch->patches) cells.append(QPoint(p.column, p.row));
    Q_EMIT patchesCompleted(cells);
    Q_EMIT progress(done, total);
}

void LranController::onStopped(quint64 generation, LranWorker::Outcome outcome, const QString& message) {
    threadsanitizer::received();  // sent by the worker through queued()
    if (generation != generation_) return;
    running_ = false;
    updateLayers();  // the last values before the news
    switch (outcome) {
    case LranWorker::Outcome::Finished: Q_EMIT finished(); break;
    case LranWorker::Outcome::Cancelled: Q_EMIT cancelled(); break;
    case LranWorker::Outcome::Failed: Q_EMIT failed(message); break;
    }
}

void LranController::scheduleUpdate() {
    if (updateTimer_.isActive()) return;
    const qint64 since = sinceUpdate_.isValid() ? sinceUpdate_.elapsed() : updateIntervalMs_;
    if (since >= updateIntervalMs_)
        updateLayers();
    else
        updateTimer_.start(int(updateIntervalMs_ - since));
}

void LranController::updateLayers() {
    updateTimer_.stop();
    if (!dirty_ || !layers_) return;
    QElapsedTimer cost;
    cost.start();
    layers_->update(*stack_);
    dirty_ = false;
    sinceUpdate_.start();
    updateIntervalMs_ = std::max(kUpdateIntervalMs, int(kUpdateCostFactor * cost.elapsed()));
}

}  // namespace slidesight
