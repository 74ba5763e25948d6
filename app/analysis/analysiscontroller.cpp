#include "app/analysis/analysiscontroller.h"

#include "viewer/common/threadsanitizer.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QDeadlineTimer>
#include <QtCore/QDir>
#include <QtCore/QFileInfo>
#include <QtCore/QList>
#include <QtCore/QPointer>
#include <QtCore/QThread>

#include <chrono>
#include <cstdio>
#include <functional>
#include <optional>

namespace slidesight {

namespace {

using Clock = std::chrono::steady_clock;
constexpr auto kProgressInterval = std::chrono::milliseconds(50);  // at most ~20 reports per second

/// Analysis threads whose controller went while they were still finishing a cancelled run.
QList<QPointer<QThread>>& detachedThreads() {
    static QList<QPointer<QThread>> threads;
    return threads;
}

/// At application exit: waits (bounded) for detached analysis threads, so none is still inside
/// the model library when the process tears down, and deletes those that ended (their queued
/// deleteLater needs an event loop that no longer runs). One still running after the bound is
/// left to the process's end: deleting a running QThread would abort.
void joinDetachedThreads() {
    QDeadlineTimer deadline(AnalysisController::kExitJoinMs);
    for (const QPointer<QThread>& thread : detachedThreads())
        if (thread && thread->wait(deadline)) delete thread.data();
    detachedThreads().clear();
}

/// Turns the model's progress calls into throttled reports with an ETA.
class ProgressThrottle {
public:
    explicit ProgressThrottle(std::function<void(const AnalysisProgressInfo&)> emitter) : emit_(std::move(emitter)) {}

    void operator()(model::AnalysisStage stage, int64_t done, int64_t total) {
        const Clock::time_point now = Clock::now();
        if (stage == model::AnalysisStage::Extraction && !extractionStart_) {
            extractionStart_ = now;
            extractionDone0_ = done;
        }
        const bool stageChanged = !last_ || stage != lastStage_;
        const bool complete = done >= total;
        if (!stageChanged && !complete && now - *last_ < kProgressInterval) return;
        last_ = now;
        lastStage_ = stage;
        AnalysisProgressInfo info;
        info.stage = stage;
        info.done = done;
        info.total = total;
        if (stage == model::AnalysisStage::Extraction && extractionStart_) {
            const double seconds = std::chrono::duration<double>(now - *extractionStart_).count();
            const int64_t cells = done - extractionDone0_;
            if (seconds > 0.5 && cells > 0) info.etaSeconds = double(total - done) / (double(cells) / seconds);
        }
        emit_(info);
    }

private:
    std::function<void(const AnalysisProgressInfo&)> emit_;
    std::optional<Clock::time_point> last_;
    model::AnalysisStage lastStage_ = model::AnalysisStage::Tissue;
    std::optional<Clock::time_point> extractionStart_;
    int64_t extractionDone0_ = 0;
};

}  // namespace

AnalysisController::AnalysisController(QObject* parent) : QObject(parent) {
    qRegisterMetaType<AnalysisProgressInfo>();
    qRegisterMetaType<AnalysisResultPtr>();
    static const bool registered = [] {
        qAddPostRoutine(joinDetachedThreads);
        return true;
    }();
    Q_UNUSED(registered);
    thread_ = new QThread;  // no parent: it may outlive this controller while a run finishes
    thread_->setObjectName(QStringLiteral("analysis"));
    worker_ = new AnalysisWorker;
    worker_->moveToThread(thread_);
    connect(thread_, &QThread::finished, worker_, &QObject::deleteLater);
    connect(worker_, &AnalysisWorker::progress, this, &AnalysisController::onWorkerProgress);
    connect(worker_, &AnalysisWorker::done, this, &AnalysisController::onWorkerDone);
    thread_->start();
}

AnalysisController::~AnalysisController() {
    if (cancelToken_) cancelToken_->store(true);
    disconnect(worker_, nullptr, this, nullptr);
    // Work queued by others on this thread (LRAN) was cancelled by its owners; once the
    // event loop has run what is queued, the thread ends. The worker is deleted on the thread
    // as it finishes (deferred deletes run after QThread::finished), never here.
    thread_->quit();
    if (thread_->wait(QDeadlineTimer(0))) {
        delete thread_;
        return;
    }
    connect(thread_, &QThread::finished, thread_, &QObject::deleteLater);
    detachedThreads().append(QPointer<QThread>(thread_));  // joined, bounded, at exit
}

void AnalysisController::start(const model::ModelBundle& bundle, const model::AnalysisOptions& options) {
    if (running_ && cancelToken_) cancelToken_->store(true);
    cancelToken_ = std::make_shared<std::atomic<bool>>(false);
    const quint64 run = ++run_;
    running_ = true;
    Q_EMIT started();
    AnalysisWorker* worker = worker_;
    const auto token = cancelToken_;
    threadsanitizer::queued([&] {
        QMetaObject::invokeMethod(
            worker_, [worker, run, bundle, options, token] {
                threadsanitizer::received();
                worker->run(run, bundle, options, token);
            },
            Qt::QueuedConnection);
    });
}

void AnalysisController::cancel() {
    if (running_ && cancelToken_) cancelToken_->store(true);
}

void AnalysisController::onWorkerProgress(quint64 run, const AnalysisProgressInfo& info) {
    threadsanitizer::received();  // sent by the worker through queued()
    if (run != run_ || !running_) return;
    Q_EMIT progress(info);
}

void AnalysisController::onWorkerDone(quint64 run, const AnalysisResultPtr& result, const QString& error,
                                      bool wasCancelled) {
    threadsanitizer::received();  // sent by the worker through queued()
    if (run != run_) return;  // superseded by a newer start()
    running_ = false;
    if (wasCancelled) Q_EMIT cancelled();
    else if (result) Q_EMIT finished(result);
    else Q_EMIT failed(error);
}

void AnalysisWorker::run(quint64 run, const model::ModelBundle& bundle, const model::AnalysisOptions& options,
                         const std::shared_ptr<std::atomic<bool>>& cancel) {
    if (cancel->load()) {
        threadsanitizer::queued([&] { Q_EMIT done(run, nullptr, QString(), true); });
        return;
    }
    if (!options.resultPath.empty()) QDir().mkpath(QFileInfo(QString::fromStdString(options.resultPath)).absolutePath());
    ProgressThrottle throttle([this, run](const AnalysisProgressInfo& info) {
        threadsanitizer::queued([&] { Q_EMIT progress(run, info); });
    });
    auto result = model::runAnalysis(
        bundle, options,
        [&throttle](model::AnalysisStage stage, int64_t done, int64_t total) { throttle(stage, done, total); },
        cancel.get());
    if (!result) {
        const bool wasCancelled = cancel->load() || result.error() == model::kAnalysisCancelled;
        const QString error = QString::fromStdString(result.error());
        threadsanitizer::queued([&] { Q_EMIT done(run, nullptr, error, wasCancelled); });
        return;
    }
    if (cancel->load()) {  // finished just as it was cancelled: the user asked for nothing
        if (!result->resultPath.empty()) std::remove(result->resultPath.c_str());
        threadsanitizer::queued([&] { Q_EMIT done(run, nullptr, QString(), true); });
        return;
    }
    const auto shared = std::make_shared<const model::AnalysisResult>(std::move(result).value());
    threadsanitizer::queued([&] { Q_EMIT done(run, shared, QString(), false); });
}

}  // namespace slidesight
