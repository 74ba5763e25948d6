#pragma once

#include "app/cli/bench/benchworkload.h"

#include "viewer/common/expected.h"

#include <QtCore/QCoreApplication>

#include <string>

namespace slidesight::cli {

/// The reference the pipeline is compared with: plain single-threaded
/// openslide_read_region calls on a fresh OpenSlide handle, one per tile of the workload,
/// reading exactly the native region the pipeline reads for that tile (TiledSlide::
/// nativeRegion), without the pipeline's compositing, downscaling or caching; and the same
/// reads through the direct JPEG tile reader, for the two readers' speed per thread.
///
/// Main thread only.
class BaselineBench {
    Q_DECLARE_TR_FUNCTIONS(BaselineBench)
public:
    explicit BaselineBench(std::string path);

    struct Run {
        double seconds = 0.0;
        double cpuSeconds = 0.0;  ///< CPU time of the process meanwhile
        int directReads = 0;      ///< regions the direct reader served (runDirect)
    };
    /// Times reading every unique tile of `workload` once, in the order first requested.
    Expected<Run> run(const BenchWorkload& workload) const;
    /// The same regions, on one thread too, through a fresh OpenSlideSource whose reader is
    /// TileReader::Direct (JPEG tiles decoded by DirectTiffReader, the rest by OpenSlide).
    Expected<Run> runDirect(const BenchWorkload& workload) const;

private:
    std::string path_;
};

}  // namespace slidesight::cli
