#include "viewer/tiles/tileplanner.h"

#include <algorithm>

namespace slidesight {

namespace {

void appendCentreOut(const PyramidGeometry& g, quint64 sourceId, int level, const TileRange& range,
                     double cx, double cy, std::vector<TileKey>& out, const TileRange* exclude) {
    struct Candidate {
        double distance;
        TileKey key;
    };
    std::vector<Candidate> candidates;
    candidates.reserve(static_cast<size_t>(range.count()));
    for (qint64 row = range.firstRow; row <= range.lastRow; ++row) {
        for (qint64 col = range.firstColumn; col <= range.lastColumn; ++col) {
            if (exclude && col >= exclude->firstColumn && col <= exclude->lastColumn &&
                row >= exclude->firstRow && row <= exclude->lastRow)
                continue;
            const RectD r = g.tileLevelZeroRect(level, col, row);
            const double dx = r.x + r.width / 2 - cx;
            const double dy = r.y + r.height / 2 - cy;
            candidates.push_back({dx * dx + dy * dy, TileKey{sourceId, level, col, row}});
        }
    }
    std::stable_sort(candidates.begin(), candidates.end(),
                     [](const Candidate& a, const Candidate& b) { return a.distance < b.distance; });
    for (const Candidate& c : candidates) out.push_back(c.key);
}

}  // namespace

std::vector<TileKey> TilePlanner::plan(const PyramidGeometry& g, quint64 sourceId,
                                       const RectD& visible, double downsample, int prefetchRing) {
    std::vector<TileKey> out;
    if (g.levelCount() == 0 || visible.isEmpty()) return out;
    const double cx = visible.x + visible.width / 2;
    const double cy = visible.y + visible.height / 2;
    const int coarsest = g.coarsestLevel();
    const RectD whole{0, 0, static_cast<double>(g.width()), static_cast<double>(g.height())};
    appendCentreOut(g, sourceId, coarsest, g.tilesCovering(coarsest, whole), cx, cy, out, nullptr);

    const int target = g.levelForDownsample(downsample);
    if (target == coarsest) return out;
    const TileRange inView = g.tilesCovering(target, visible);
    appendCentreOut(g, sourceId, target, inView, cx, cy, out, nullptr);
    if (prefetchRing > 0 && !inView.isEmpty()) {
        TileRange ring = inView;
        ring.firstColumn = std::max<qint64>(0, ring.firstColumn - prefetchRing);
        ring.firstRow = std::max<qint64>(0, ring.firstRow - prefetchRing);
        ring.lastColumn = std::min<qint64>(g.columns(target) - 1, ring.lastColumn + prefetchRing);
        ring.lastRow = std::min<qint64>(g.rows(target) - 1, ring.lastRow + prefetchRing);
        appendCentreOut(g, sourceId, target, ring, cx, cy, out, &inView);
    }
    return out;
}

}  // namespace slidesight
