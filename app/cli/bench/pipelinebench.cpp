#include "app/cli/bench/pipelinebench.h"

#include "viewer/slide/openslidesource.h"
#include "viewer/tiles/tilecache.h"
#include "viewer/tiles/tiledslide.h"
#include "viewer/tiles/tileplanner.h"
#include "viewer/tiles/tilescheduler.h"

#include "app/cli/bench/processcputime.h"
#include "viewer/common/qstringfailure.h"

#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>

namespace slidesight::cli {

namespace {

using Clock = std::chrono::steady_clock;

double millisecondsSince(Clock::time_point start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

/// Wakes the main thread when the scheduler's workers report. The workers call in directly
/// (no event loop runs in the CLI); the state is shared with the connections, so a late
/// signal from a worker never touches a destroyed object.
class SchedulerWaiter {
public:
    SchedulerWaiter(TileScheduler& scheduler, bool wakeOnEachTile) : state_(std::make_shared<State>()) {
        auto state = state_;
        QObject::connect(&scheduler, &TileScheduler::idle, &scheduler, [state] { state->notify(); },
                         Qt::DirectConnection);
        QObject::connect(&scheduler, &TileScheduler::tileFailed, &scheduler,
                         [state](const TileKey&, const QString& message) {
                             {
                                 std::lock_guard<std::mutex> lock(state->mutex);
                                 if (state->firstError.isEmpty()) state->firstError = message;
                             }
                             state->condition.notify_all();
                         },
                         Qt::DirectConnection);
        if (wakeOnEachTile)
            QObject::connect(&scheduler, &TileScheduler::tileReady, &scheduler,
                             [state](const TileKey&) { state->notify(); }, Qt::DirectConnection);
    }

    /// Blocks until `done()` is true or a tile failed; returns the failure message, if any.
    template <typename Predicate>
    QString waitUntil(Predicate done) {
        std::unique_lock<std::mutex> lock(state_->mutex);
        state_->condition.wait(lock, [&] { return !state_->firstError.isEmpty() || done(); });
        return state_->firstError;
    }

private:
    struct State {
        std::mutex mutex;
        std::condition_variable condition;
        QString firstError;
        void notify() {
            // Taking the lock orders this wake-up after the waiter's last check.
            { std::lock_guard<std::mutex> lock(mutex); }
            condition.notify_all();
        }
    };
    std::shared_ptr<State> state_;
};

Expected<std::shared_ptr<const TiledSlide>> openTiled(const std::string& path) {
    auto source = OpenSlideSource::open(path);
    if (!source) return Expected<std::shared_ptr<const TiledSlide>>::failure(source.error());
    return std::shared_ptr<const TiledSlide>(std::make_shared<TiledSlide>(std::move(source).value()));
}

}  // namespace

PipelineBench::PipelineBench(std::string path, int threads, qint64 cacheBytes)
    : path_(std::move(path)), threads_(threads), cacheBytes_(cacheBytes) {}

Expected<PipelineBench::Run> PipelineBench::run(const BenchWorkload& workload) const {
    auto slide = openTiled(path_);
    if (!slide) return Expected<Run>::failure(slide.error());
    const std::shared_ptr<const TiledSlide>& tiled = *slide;

    // The plans were made on another handle of the same file; key them to this one.
    std::vector<std::vector<TileKey>> plans = workload.plans;
    for (auto& plan : plans)
        for (TileKey& key : plan) key.sourceId = tiled->sourceId();

    TileCache cache(cacheBytes_);
    cache.pinLevel(tiled->sourceId(), tiled->geometry().coarsestLevel());
    TileScheduler scheduler(&cache, threads_);
    SchedulerWaiter waiter(scheduler, false);

    const double cpuStart = processCpuSeconds();
    const auto start = Clock::now();
    for (const auto& plan : plans) {
        scheduler.request(tiled, plan);
        const QString error = waiter.waitUntil([&] { return scheduler.isIdle(); });
        if (!error.isEmpty()) return failure(error);
    }
    Run result;
    result.seconds = millisecondsSince(start) / 1000.0;
    result.cpuSeconds = processCpuSeconds() - cpuStart;
    result.tilesRead = scheduler.tilesRead();
    result.threads = scheduler.threadCount();
    return result;
}

Expected<PipelineBench::FirstFrame> PipelineBench::firstSharpFrame(int viewWidth, int viewHeight) const {
    TileCache cache(cacheBytes_);
    TileScheduler scheduler(&cache, threads_);
    SchedulerWaiter waiter(scheduler, true);

    const auto start = Clock::now();
    auto slide = openTiled(path_);
    if (!slide) return Expected<FirstFrame>::failure(slide.error());
    FirstFrame result;
    result.openMilliseconds = millisecondsSince(start);
    const std::shared_ptr<const TiledSlide>& tiled = *slide;
    const PyramidGeometry& g = tiled->geometry();
    cache.pinLevel(tiled->sourceId(), g.coarsestLevel());

    const BenchViewport view = BenchWorkload::fitToView(g, viewWidth, viewHeight);
    const std::vector<TileKey> plan = TilePlanner::plan(g, tiled->sourceId(), view.levelZeroRect, view.downsample);
    std::vector<TileKey> needed;
    const TileRange range = g.tilesCovering(view.level, view.levelZeroRect);
    for (qint64 row = range.firstRow; row <= range.lastRow; ++row)
        for (qint64 column = range.firstColumn; column <= range.lastColumn; ++column)
            needed.push_back(tiled->key(view.level, column, row));

    scheduler.request(tiled, plan);
    size_t cached = 0;  // needed[0, cached) are known to be in the cache
    const QString error = waiter.waitUntil([&] {
        while (cached < needed.size() && cache.contains(needed[cached])) ++cached;
        return cached == needed.size();
    });
    if (!error.isEmpty()) return failure(error);
    result.milliseconds = millisecondsSince(start);
    result.level = view.level;
    result.tiles = static_cast<qint64>(plan.size());
    result.targetTiles = static_cast<qint64>(needed.size());
    return result;
}

}  // namespace slidesight::cli
