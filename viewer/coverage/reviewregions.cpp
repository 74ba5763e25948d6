#include "viewer/coverage/reviewregions.h"

#include <algorithm>
#include <cmath>
#include <deque>
#include <functional>
#include <limits>

namespace slidesight {

ReviewReport reviewReport(const GridGeometry& geometry, const std::vector<float>& plane, const ReviewCoverage& coverage,
                          const ReviewOptions& options) {
    ReviewReport report;
    report.fractionSeen = coverage.fractionSeen(options.minMagnification, options.minSeconds);
    const int rows = geometry.rows;
    const int columns = geometry.columns;
    const size_t n = static_cast<size_t>(std::max(rows, 0)) * static_cast<size_t>(std::max(columns, 0));
    if (n == 0 || plane.size() != n || options.topK <= 0) return report;

    std::vector<float> valid;
    for (float v : plane)
        if (std::isfinite(v)) valid.push_back(v);
    if (valid.empty()) return report;
    const double fraction = std::clamp(options.topFraction, 0.0, 1.0);
    const size_t wanted = std::max<size_t>(1, static_cast<size_t>(std::ceil(fraction * static_cast<double>(valid.size()))));
    std::nth_element(valid.begin(), valid.begin() + static_cast<std::ptrdiff_t>(wanted - 1), valid.end(), std::greater<float>());
    const float cut = valid[wanted - 1];
    report.cut = cut;

    std::vector<char> top(n, 0);
    for (size_t i = 0; i < n; ++i) {
        top[i] = std::isfinite(plane[i]) && plane[i] >= cut ? 1 : 0;
        report.topCells += top[i];
    }

    // Connected components, 8-neighbourhood, in row-major order of their first cell.
    std::vector<int> label(n, -1);
    std::vector<ReviewRegion> regions;
    std::deque<size_t> queue;
    for (size_t start = 0; start < n; ++start) {
        if (!top[start] || label[start] >= 0) continue;
        const int id = static_cast<int>(regions.size());
        ReviewRegion region;
        region.score = -std::numeric_limits<double>::infinity();
        label[start] = id;
        queue.push_back(start);
        while (!queue.empty()) {
            const size_t i = queue.front();
            queue.pop_front();
            const int r = static_cast<int>(i / static_cast<size_t>(columns));
            const int c = static_cast<int>(i % static_cast<size_t>(columns));
            const QRectF cell = geometry.cellRect(r, c);
            ++region.cells;
            region.bounds = region.bounds.isNull() ? cell : region.bounds.united(cell);
            if (plane[i] > region.score) {
                region.score = plane[i];
                region.peak = cell.center();
            }
            if (coverage.seenAt(cell.center(), options.minMagnification, options.minSeconds)) ++region.seenCells;
            for (int dr = -1; dr <= 1; ++dr)
                for (int dc = -1; dc <= 1; ++dc) {
                    const int rr = r + dr;
                    const int cc = c + dc;
                    if (rr < 0 || rr >= rows || cc < 0 || cc >= columns) continue;
                    const size_t j = static_cast<size_t>(rr) * static_cast<size_t>(columns) + static_cast<size_t>(cc);
                    if (top[j] && label[j] < 0) {
                        label[j] = id;
                        queue.push_back(j);
                    }
                }
        }
        regions.push_back(region);
    }
    // Highest value first; stable, so equal scores keep row-major order.
    std::stable_sort(regions.begin(), regions.end(),
                     [](const ReviewRegion& a, const ReviewRegion& b) { return a.score > b.score; });
    if (regions.size() > static_cast<size_t>(options.topK)) regions.resize(static_cast<size_t>(options.topK));
    for (size_t i = 0; i < regions.size(); ++i) {
        ReviewRegion& region = regions[i];
        region.rank = static_cast<int>(i) + 1;
        region.reviewed = region.cells > 0 &&
                          static_cast<double>(region.seenCells) >= options.reviewedFraction * region.cells - 1e-9;
        report.reviewed += region.reviewed ? 1 : 0;
    }
    report.regions = std::move(regions);
    return report;
}

}  // namespace slidesight
