#pragma once

// Work off the GUI thread, on Qt's global thread pool, with the result handed back under a
// std::mutex: the one way the application runs file reads, writes and computations in the
// background.
//
// Why not QtConcurrent::run and QFuture's result: both hand data between threads through
// Qt's QMutex, which on Linux is a bare futex. ThreadSanitizer cannot see that
// synchronisation in a Qt it did not build (Debian's), and reports every such handoff as a
// race, which would drown a real one. Here the work is built before it is handed over (and
// the handover announced to ThreadSanitizer), and the result travels under a std::mutex,
// which it sees; the QFuture<void> only signals completion.

#include "viewer/common/threadsanitizer.h"

#include <QtCore/QFuture>
#include <QtCore/QFutureWatcher>
#include <QtCore/QObject>
#include <QtCore/QPromise>
#include <QtCore/QThreadPool>

#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <type_traits>
#include <utility>
#include <variant>

namespace slidesight {

namespace background_detail {

template <typename Result>
struct Slot {
    std::mutex mutex;
    std::optional<Result> result;
};

}  // namespace background_detail

/// What a function returns, std::monostate for void.
template <typename Work>
using BackgroundResult = std::conditional_t<std::is_void_v<std::invoke_result_t<Work&>>, std::monostate,
                                            std::invoke_result_t<Work&>>;

/// A job started by startInBackground(): its completion (future(), for a QFutureWatcher or
/// waitForFinished) and its result, taken once it is finished.
template <typename Result>
class BackgroundTask {
public:
    BackgroundTask() = default;
    QFuture<void> future() const { return future_; }
    /// The result, once the job is finished; empty before, and after the first take().
    std::optional<Result> take() {
        if (!slot_) return std::nullopt;
        const std::lock_guard<std::mutex> lock(slot_->mutex);
        std::optional<Result> result = std::move(slot_->result);
        slot_->result.reset();
        return result;
    }

private:
    template <typename Work>
    friend BackgroundTask<BackgroundResult<Work>> startInBackground(Work work);
    QFuture<void> future_;
    std::shared_ptr<background_detail::Slot<Result>> slot_;
};

/// Starts `work` (a callable taking nothing, copied or moved here) on Qt's global thread pool.
template <typename Work>
BackgroundTask<BackgroundResult<Work>> startInBackground(Work work) {
    using Result = BackgroundResult<Work>;
    BackgroundTask<Result> task;
    task.slot_ = std::make_shared<background_detail::Slot<Result>>();
    auto promise = std::make_shared<QPromise<void>>();
    task.future_ = promise->future();
    promise->start();
    std::function<void()> job = [slot = task.slot_, promise, work = std::move(work)]() mutable {
        threadsanitizer::received();
        if constexpr (std::is_void_v<std::invoke_result_t<Work&>>) {
            work();
            const std::lock_guard<std::mutex> lock(slot->mutex);
            slot->result.emplace();
        } else {
            Result result = work();
            const std::lock_guard<std::mutex> lock(slot->mutex);
            slot->result.emplace(std::move(result));
        }
        promise->finish();
    };
    threadsanitizer::release(&threadsanitizer::handover);  // the job, as built above, is handed over
    QThreadPool::globalInstance()->start(std::move(job));
    return task;
}

/// Runs `work` on Qt's global thread pool and then `done(result)` on `context`'s thread,
/// unless `context` was destroyed in between (the work still runs to its end).
template <typename Work, typename Done>
void runInBackground(QObject* context, Work work, Done done) {
    auto task = std::make_shared<BackgroundTask<BackgroundResult<Work>>>(startInBackground(std::move(work)));
    auto* watcher = new QFutureWatcher<void>(context);
    QObject::connect(watcher, &QFutureWatcherBase::finished, context, [watcher, task, done = std::move(done)]() mutable {
        watcher->deleteLater();
        if (auto result = task->take()) done(std::move(*result));
    });
    watcher->setFuture(task->future());
}

}  // namespace slidesight
