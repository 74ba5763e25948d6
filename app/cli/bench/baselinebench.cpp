#include "app/cli/bench/baselinebench.h"

#include "app/cli/bench/processcputime.h"

#include "viewer/slide/openslidesource.h"
#include "viewer/tiles/tiledslide.h"
#include "viewer/common/qstringfailure.h"

#include <openslide/openslide.h>

#include <chrono>
#include <cstdint>
#include <memory>
#include <thread>
#include <vector>

namespace slidesight::cli {

namespace {

struct OpenSlideCloser {
    void operator()(openslide_t* osr) const {
        if (osr) openslide_close(osr);
    }
};

}  // namespace

BaselineBench::BaselineBench(std::string path) : path_(std::move(path)) {}

Expected<BaselineBench::Run> BaselineBench::run(const BenchWorkload& workload) const {
    // The regions come from the pipeline's own geometry, worked out before the clock starts.
    auto source = OpenSlideSource::open(path_);
    if (!source) return Expected<Run>::failure(source.error());
    const TiledSlide tiled(std::move(source).value());
    std::vector<TiledSlide::NativeRegion> regions;
    regions.reserve(workload.uniqueTiles.size());
    size_t largest = 0;
    for (const TileKey& key : workload.uniqueTiles) {
        const auto region = tiled.nativeRegion(key);
        if (!region) return Expected<Run>::failure(region.error());
        regions.push_back(*region);
        largest = std::max(largest, static_cast<size_t>(region->nativeWidth) * static_cast<size_t>(region->nativeHeight));
    }

    // A handle of its own, so that OpenSlide's internal tile cache starts cold, as the
    // pipeline's does.
    std::unique_ptr<openslide_t, OpenSlideCloser> osr(openslide_open(path_.c_str()));
    if (!osr || openslide_get_error(osr.get()))
        return failure(tr("OpenSlide cannot open the slide for the baseline."));
    // The reads run on a thread of their own, as the pipeline's do, so that both sides read
    // under the same conditions (a worker thread's allocator arena, not the main thread's).
    Run result;
    std::thread reader([&] {
        std::vector<uint32_t> buffer(largest);
        const double cpuStart = processCpuSeconds();
        const auto start = std::chrono::steady_clock::now();
        for (const TiledSlide::NativeRegion& r : regions)
            openslide_read_region(osr.get(), buffer.data(), r.x0, r.y0, r.nativeLevel, r.nativeWidth, r.nativeHeight);
        result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        result.cpuSeconds = processCpuSeconds() - cpuStart;
    });
    reader.join();
    if (const char* error = openslide_get_error(osr.get()))
        return failure(tr("Reading the slide failed: %1").arg(QString::fromUtf8(error)));
    return result;
}

}  // namespace slidesight::cli
