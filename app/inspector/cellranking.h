#pragma once

#include <vector>

namespace slidesight {

/// One grid cell and its value.
struct RankedCell {
    int row = 0;
    int column = 0;
    float value = 0.0f;
};

/// The k cells of a rows x columns plane (row-major) with the largest values, largest first;
/// cells without a value (NaN) are skipped; equal values keep row-major order.
std::vector<RankedCell> topCells(const std::vector<float>& plane, int rows, int columns, int k);
/// The k cells with the smallest values, smallest first, by the same rules.
std::vector<RankedCell> bottomCells(const std::vector<float>& plane, int rows, int columns, int k);

}  // namespace slidesight
