#pragma once

#include "model/analysis/analysis.h"

#include <QtCore/QObject>
#include <QtCore/QPointer>
#include <QtCore/QString>

#include <atomic>
#include <memory>

class QThread;

namespace slidesight {

class AnalysisWorker;

/// What a running analysis reports to the GUI (throttled to about 20 per second).
struct AnalysisProgressInfo {
    model::AnalysisStage stage = model::AnalysisStage::Tissue;
    qint64 done = 0;
    qint64 total = 0;
    double etaSeconds = -1.0;  ///< from cells extracted per second; negative while unknown
};

using AnalysisResultPtr = std::shared_ptr<const model::AnalysisResult>;

/// Runs whole-slide analyses on the one analysis thread (objectName "analysis"), where a
/// worker calls model::runAnalysis. The GUI thread only posts requests and receives queued
/// signals: it never waits on the bundle, the slide or inference. Cancellation is an atomic
/// token checked between batches. Destroying the controller cancels the run and lets the
/// thread finish on its own; only at application exit is the thread joined, for a bounded time.
///
/// GUI thread only.
class AnalysisController : public QObject {
    Q_OBJECT
public:
    explicit AnalysisController(QObject* parent = nullptr);
    ~AnalysisController() override;

    /// The analysis thread, shared with other model work (LRAN) so that one thread runs inference.
    QThread* thread() const { return thread_; }

    /// Starts a run (a running one is cancelled first). Emits started(), then progress(),
    /// then exactly one of finished(), failed() or cancelled().
    void start(const model::ModelBundle& bundle, const model::AnalysisOptions& options);
    /// Asks the running analysis to stop; cancelled() follows once it has.
    void cancel();
    bool isRunning() const { return running_; }

    /// The longest the application waits for a running analysis when it exits.
    static constexpr int kExitJoinMs = 3000;

Q_SIGNALS:
    void started();
    void progress(const slidesight::AnalysisProgressInfo& info);
    void finished(const slidesight::AnalysisResultPtr& result);
    void failed(const QString& message);
    void cancelled();

private:
    void onWorkerProgress(quint64 run, const slidesight::AnalysisProgressInfo& info);
    void onWorkerDone(quint64 run, const slidesight::AnalysisResultPtr& result, const QString& error, bool wasCancelled);

    QThread* thread_ = nullptr;
    AnalysisWorker* worker_ = nullptr;
    std::shared_ptr<std::atomic<bool>> cancelToken_;
    quint64 run_ = 0;
    bool running_ = false;
};

/// Lives on the analysis thread; runs one analysis per call.
class AnalysisWorker : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;

    void run(quint64 run, const model::ModelBundle& bundle, const model::AnalysisOptions& options,
             const std::shared_ptr<std::atomic<bool>>& cancel);

Q_SIGNALS:
    void progress(quint64 run, const slidesight::AnalysisProgressInfo& info);
    void done(quint64 run, const slidesight::AnalysisResultPtr& result, const QString& error, bool cancelled);
};

}  // namespace slidesight

Q_DECLARE_METATYPE(slidesight::AnalysisProgressInfo)
Q_DECLARE_METATYPE(slidesight::AnalysisResultPtr)
