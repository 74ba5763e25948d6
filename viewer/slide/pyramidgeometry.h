#pragma once

#include "viewer/slide/slidesource.h"

#include <cstdint>
#include <vector>

namespace slidesight {

/// A rectangle in double precision; the space it lives in is named by the variable holding it
/// (levelZeroRect, levelRect, viewRect).
struct RectD {
    double x = 0.0, y = 0.0, width = 0.0, height = 0.0;
    double right() const { return x + width; }
    double bottom() const { return y + height; }
    bool isEmpty() const { return width <= 0.0 || height <= 0.0; }
    bool operator==(const RectD& o) const {
        return x == o.x && y == o.y && width == o.width && height == o.height;
    }
};

/// An inclusive range of tile columns and rows; empty when last < first.
struct TileRange {
    int64_t firstColumn = 0, lastColumn = -1, firstRow = 0, lastRow = -1;
    bool isEmpty() const { return lastColumn < firstColumn || lastRow < firstRow; }
    int64_t count() const {
        return isEmpty() ? 0 : (lastColumn - firstColumn + 1) * (lastRow - firstRow + 1);
    }
};

/// One level of the display pyramid: a native slide level, or a virtual level computed by
/// downscaling a native one (added on top so that the whole slide always fits a few tiles).
struct PyramidLevel {
    int64_t width = 0;
    int64_t height = 0;
    double downsample = 1.0;  ///< level-0 pixels per level pixel
    int sourceLevel = 0;      ///< the native level its pixels are read from
    bool isVirtual = false;
};

/// The fixed-size tile grid over a slide's pyramid used by the display.
///
/// Immutable value type; thread-safe.
class PyramidGeometry {
public:
    PyramidGeometry() = default;
    /// Native levels from `levels`, then virtual levels, each halving the previous, until the
    /// coarsest one's longer side is at most `coarsestMaxSide` pixels.
    PyramidGeometry(const std::vector<SlideLevel>& levels, int tileSize = 256,
                    int coarsestMaxSide = 1024);

    int tileSize() const { return tileSize_; }
    int levelCount() const { return static_cast<int>(levels_.size()); }
    const PyramidLevel& level(int index) const { return levels_[static_cast<size_t>(index)]; }
    int coarsestLevel() const { return levelCount() - 1; }
    int64_t width() const { return levels_.empty() ? 0 : levels_.front().width; }
    int64_t height() const { return levels_.empty() ? 0 : levels_.front().height; }

    int64_t columns(int level) const;
    int64_t rows(int level) const;

    /// The coarsest level whose downsample is not above `downsample` times 1.001, i.e. the
    /// cheapest level that still has at least the resolution asked for (level 0 when zoomed in
    /// beyond it).
    int levelForDownsample(double downsample) const;

    /// A tile's rectangle in its level's pixels, clipped to the level; empty for a level, column
    /// or row outside the grid.
    RectD tileLevelRect(int level, int64_t column, int64_t row) const;
    /// The same tile's rectangle in level-0 pixels.
    RectD tileLevelZeroRect(int level, int64_t column, int64_t row) const;

    /// The tiles of `level` that intersect `levelZeroRect`, clipped to the level.
    TileRange tilesCovering(int level, const RectD& levelZeroRect) const;

private:
    std::vector<PyramidLevel> levels_;
    int tileSize_ = 256;
};

}  // namespace slidesight
