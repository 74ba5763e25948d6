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

namespace {

/// The native region of every unique tile of `workload`, worked out before any clock starts,
/// and the largest one's pixel count.
Expected<std::vector<TiledSlide::NativeRegion>> nativeRegions(const std::string& path, const BenchWorkload& workload,
                                                              size_t* largest) {
    using Result = Expected<std::vector<TiledSlide::NativeRegion>>;
    auto source = OpenSlideSource::open(path);
    if (!source) return Result::failure(source.error());
    const TiledSlide tiled(std::move(source).value());
    std::vector<TiledSlide::NativeRegion> regions;
    regions.reserve(workload.uniqueTiles.size());
    *largest = 0;
    for (const TileKey& key : workload.uniqueTiles) {
        const auto region = tiled.nativeRegion(key);
        if (!region) return Result::failure(region.error());
        regions.push_back(*region);
        *largest = std::max(*largest, static_cast<size_t>(region->nativeWidth) * static_cast<size_t>(region->nativeHeight));
    }
    return regions;
}

/// Runs `read(buffer, region)` for every region on a thread of its own, as the pipeline's
/// reads run (a worker thread's allocator arena, not the main thread's), and times it.
template <typename Read>
BaselineBench::Run timeOnAThread(const std::vector<TiledSlide::NativeRegion>& regions, size_t largest, Read read) {
    BaselineBench::Run result;
    std::thread reader([&] {
        std::vector<uint32_t> buffer(largest);
        const double cpuStart = processCpuSeconds();
        const auto start = std::chrono::steady_clock::now();
        for (const TiledSlide::NativeRegion& r : regions) read(buffer.data(), r);
        result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        result.cpuSeconds = processCpuSeconds() - cpuStart;
    });
    reader.join();
    return result;
}

}  // namespace

Expected<BaselineBench::Run> BaselineBench::run(const BenchWorkload& workload) const {
    size_t largest = 0;
    const auto regions = nativeRegions(path_, workload, &largest);
    if (!regions) return Expected<Run>::failure(regions.error());
    // A handle of its own, so that OpenSlide's internal tile cache starts cold, as the
    // pipeline's does.
    std::unique_ptr<openslide_t, OpenSlideCloser> osr(openslide_open(path_.c_str()));
    if (!osr || openslide_get_error(osr.get()))
        return failure(tr("OpenSlide cannot open the slide for the baseline."));
    const Run result = timeOnAThread(*regions, largest, [&](uint32_t* buffer, const TiledSlide::NativeRegion& r) {
        openslide_read_region(osr.get(), buffer, r.x0, r.y0, r.nativeLevel, r.nativeWidth, r.nativeHeight);
    });
    if (const char* error = openslide_get_error(osr.get()))
        return failure(tr("Reading the slide failed: %1").arg(QString::fromUtf8(error)));
    return result;
}

Expected<BaselineBench::Run> BaselineBench::runDirect(const BenchWorkload& workload) const {
    size_t largest = 0;
    const auto regions = nativeRegions(path_, workload, &largest);
    if (!regions) return Expected<Run>::failure(regions.error());
    auto source = OpenSlideSource::open(path_);  // fresh: its tile cache starts cold
    if (!source) return Expected<Run>::failure(source.error());
    (*source)->setTileReader(TileReader::Direct);
    std::string error;
    Run result = timeOnAThread(*regions, largest, [&](uint32_t* buffer, const TiledSlide::NativeRegion& r) {
        const Check read = (*source)->readRegionInto(r.nativeLevel, r.x0, r.y0, r.nativeWidth, r.nativeHeight, buffer);
        if (!read && error.empty()) error = read.error();
    });
    if (!error.empty()) return Expected<Run>::failure(error);
    for (const TiledSlide::NativeRegion& r : *regions) result.directReads += (*source)->readsDirectly(r.nativeLevel, r.x0, r.y0) ? 1 : 0;
    return result;
}

}  // namespace slidesight::cli
