#include "app/inspector/cellranking.h"

#include <algorithm>
#include <cmath>
#include <cstddef>

namespace slidesight {

namespace {
template <typename Before>
std::vector<RankedCell> rankCells(const std::vector<float>& plane, int rows, int columns, int k, Before before) {
    const size_t n = std::min(plane.size(), static_cast<size_t>(std::max(rows, 0)) * static_cast<size_t>(std::max(columns, 0)));
    std::vector<size_t> order;
    order.reserve(n);
    for (size_t i = 0; i < n; ++i)
        if (!std::isnan(plane[i])) order.push_back(i);
    const size_t count = std::min(order.size(), static_cast<size_t>(std::max(k, 0)));
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return before(plane[a], plane[b]); });
    std::vector<RankedCell> cells;
    cells.reserve(count);
    for (size_t i = 0; i < count; ++i) {
        const size_t index = order[i];
        cells.push_back({static_cast<int>(index / static_cast<size_t>(columns)),
                         static_cast<int>(index % static_cast<size_t>(columns)), plane[index]});
    }
    return cells;
}
}  // namespace

std::vector<RankedCell> topCells(const std::vector<float>& plane, int rows, int columns, int k) {
    return rankCells(plane, rows, columns, k, [](float a, float b) { return a > b; });
}

std::vector<RankedCell> bottomCells(const std::vector<float>& plane, int rows, int columns, int k) {
    return rankCells(plane, rows, columns, k, [](float a, float b) { return a < b; });
}

}  // namespace slidesight
