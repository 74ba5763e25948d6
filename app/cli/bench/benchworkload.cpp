#include "app/cli/bench/benchworkload.h"

#include "viewer/tiles/tileplanner.h"

#include <algorithm>
#include <cmath>
#include <random>
#include <unordered_set>

namespace slidesight::cli {

namespace {

/// A uniform double in [0, 1) from the generator's top 53 bits: unlike
/// std::uniform_real_distribution, the same on every standard library.
double unitInterval(std::mt19937_64& rng) {
    return static_cast<double>(rng() >> 11) * (1.0 / 9007199254740992.0);
}

}  // namespace

BenchWorkload BenchWorkload::randomWalk(const PyramidGeometry& g, quint64 sourceId, int count,
                                        quint64 seed, int viewWidth, int viewHeight) {
    BenchWorkload w;
    w.uniqueTilesPerLevel.assign(static_cast<size_t>(std::max(0, g.levelCount())), 0);
    if (g.levelCount() == 0) return w;
    std::mt19937_64 rng(seed);
    std::unordered_set<TileKey> seen;
    for (int i = 0; i < count; ++i) {
        const int level = static_cast<int>(rng() % static_cast<quint64>(g.levelCount()));
        const double low = g.level(level).downsample;
        const double high = level + 1 < g.levelCount() ? g.level(level + 1).downsample : 2.0 * low;
        double downsample = low * std::pow(high / low, unitInterval(rng));
        // Stay clear of levelForDownsample()'s tolerance, so the viewer draws from `level`.
        downsample = std::min(downsample, high / 1.002);
        const double centreX = unitInterval(rng) * static_cast<double>(g.width());
        const double centreY = unitInterval(rng) * static_cast<double>(g.height());
        BenchViewport v;
        v.downsample = downsample;
        v.levelZeroRect = RectD{centreX - viewWidth * downsample / 2, centreY - viewHeight * downsample / 2,
                                viewWidth * downsample, viewHeight * downsample};
        v.level = g.levelForDownsample(downsample);
        w.viewports.push_back(v);

        std::vector<TileKey> plan = TilePlanner::plan(g, sourceId, v.levelZeroRect, v.downsample);
        for (const TileKey& key : plan) {
            if (!seen.insert(key).second) continue;
            w.uniqueTiles.push_back(key);
            ++w.uniqueTilesPerLevel[static_cast<size_t>(key.level)];
            const RectD r = g.tileLevelRect(key.level, key.column, key.row);
            w.uniqueTileBytes += static_cast<qint64>(r.width) * static_cast<qint64>(r.height) * 4;
        }
        w.plans.push_back(std::move(plan));
    }
    return w;
}

BenchViewport BenchWorkload::fitToView(const PyramidGeometry& g, int viewWidth, int viewHeight) {
    const double w = static_cast<double>(g.width());
    const double h = static_cast<double>(g.height());
    BenchViewport v;
    v.downsample = std::max(w / viewWidth, h / viewHeight);
    v.levelZeroRect = RectD{w / 2 - viewWidth * v.downsample / 2, h / 2 - viewHeight * v.downsample / 2,
                            viewWidth * v.downsample, viewHeight * v.downsample};
    v.level = g.levelForDownsample(v.downsample);
    return v;
}

}  // namespace slidesight::cli
