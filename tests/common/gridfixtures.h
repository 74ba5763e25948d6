#pragma once

// Hand-made grid data for tests of layers and the widgets built on them.

#include "viewer/layers/griddata.h"

#include <limits>
#include <memory>
#include <utility>
#include <vector>

namespace slidesight::test {

/// A cell without a value.
inline constexpr float kNaN = std::numeric_limits<float>::quiet_NaN();

/// channels x rows x columns values (row-major per channel) on a grid at `origin` with cells
/// of `cellSize` level-0 pixels.
inline GridDataPtr makeGridData(QPointF origin, QSizeF cellSize, int rows, int columns, int channels,
                                std::vector<float> values, QString units = {}) {
    GridGeometry g;
    g.origin = origin;
    g.cellSize = cellSize;
    g.rows = rows;
    g.columns = columns;
    return std::make_shared<GridData>(g, channels, std::move(values), std::move(units));
}

}  // namespace slidesight::test
