#pragma once

#include "app/cli/bench/benchworkload.h"

#include "viewer/common/expected.h"

#include <QtCore/QCoreApplication>

#include <string>
#include <vector>

namespace slidesight::cli {

/// Measures the viewer's tile pipeline (OpenSlideSource, TiledSlide, TileScheduler and
/// TileCache) the way the viewer drives it: each viewport's plan is requested and the next
/// one comes when the scheduler is idle.
///
/// Main thread only; the scheduler's workers do the reading.
class PipelineBench {
    Q_DECLARE_TR_FUNCTIONS(PipelineBench)
public:
    struct Run {
        double seconds = 0.0;      ///< from the first request to the last tile in the cache
        double cpuSeconds = 0.0;   ///< CPU time of the whole process meanwhile, all threads
        qint64 tilesRead = 0;      ///< tiles the workers read (each unique tile once)
        int threads = 0;
    };
    struct FirstFrame {
        double milliseconds = 0.0;      ///< open to every target-level tile of the view cached
        double openMilliseconds = 0.0;  ///< OpenSlideSource::open alone
        int level = 0;                  ///< the display level of the fit-to-view frame
        qint64 tiles = 0;               ///< tiles requested (coarsest level, then the target)
        qint64 targetTiles = 0;         ///< target-level tiles that had to be in the cache
    };

    /// `threads` <= 0 lets the scheduler pick; `cacheBytes` bounds each run's fresh cache.
    PipelineBench(std::string path, int threads, qint64 cacheBytes);

    /// Opens the slide afresh (not timed), then times the walk through `workload`'s plans.
    Expected<Run> run(const BenchWorkload& workload) const;

    /// Times opening the slide and loading a fit-to-view frame of viewWidth x viewHeight until
    /// every tile of its target level is in the cache. The scheduler and cache exist before,
    /// as in the viewer.
    Expected<FirstFrame> firstSharpFrame(int viewWidth, int viewHeight) const;

private:
    std::string path_;
    int threads_ = 0;
    qint64 cacheBytes_ = 0;
};

}  // namespace slidesight::cli
