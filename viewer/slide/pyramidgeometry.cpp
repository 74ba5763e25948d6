#include "viewer/slide/pyramidgeometry.h"

#include <algorithm>
#include <cmath>

namespace slidesight {

PyramidGeometry::PyramidGeometry(const std::vector<SlideLevel>& levels, int tileSize,
                                 int coarsestMaxSide)
    : tileSize_(std::max(16, tileSize)) {
    for (size_t i = 0; i < levels.size(); ++i) {
        const SlideLevel& l = levels[i];
        if (l.width <= 0 || l.height <= 0) continue;
        levels_.push_back(PyramidLevel{l.width, l.height, l.downsample, static_cast<int>(i), false});
    }
    if (levels_.empty()) return;
    const int64_t w0 = levels_.front().width;
    const int64_t h0 = levels_.front().height;
    coarsestMaxSide = std::max(coarsestMaxSide, tileSize_);
    while (std::max(levels_.back().width, levels_.back().height) > coarsestMaxSide) {
        const double ds = levels_.back().downsample * 2.0;
        PyramidLevel v;
        v.downsample = ds;
        v.width = std::max<int64_t>(1, static_cast<int64_t>(std::ceil(static_cast<double>(w0) / ds)));
        v.height = std::max<int64_t>(1, static_cast<int64_t>(std::ceil(static_cast<double>(h0) / ds)));
        v.isVirtual = true;
        // Pixels come from the coarsest native level that is not coarser than this one.
        int source = 0;
        for (const PyramidLevel& n : levels_)
            if (!n.isVirtual && n.downsample <= ds * 1.001) source = n.sourceLevel;
        v.sourceLevel = source;
        levels_.push_back(v);
    }
}

int64_t PyramidGeometry::columns(int level) const {
    const auto& l = this->level(level);
    return (l.width + tileSize_ - 1) / tileSize_;
}

int64_t PyramidGeometry::rows(int level) const {
    const auto& l = this->level(level);
    return (l.height + tileSize_ - 1) / tileSize_;
}

int PyramidGeometry::levelForDownsample(double downsample) const {
    int best = 0;
    for (int i = 0; i < levelCount(); ++i)
        if (levels_[static_cast<size_t>(i)].downsample <= downsample * 1.001) best = i;
    return best;
}

RectD PyramidGeometry::tileLevelRect(int level, int64_t column, int64_t row) const {
    if (level < 0 || level >= levelCount() || column < 0 || row < 0 || column >= columns(level) ||
        row >= rows(level))
        return RectD{};
    const auto& l = this->level(level);
    const int64_t x = column * tileSize_;
    const int64_t y = row * tileSize_;
    const int64_t w = std::max<int64_t>(0, std::min<int64_t>(tileSize_, l.width - x));
    const int64_t h = std::max<int64_t>(0, std::min<int64_t>(tileSize_, l.height - y));
    return RectD{static_cast<double>(x), static_cast<double>(y), static_cast<double>(w),
                 static_cast<double>(h)};
}

RectD PyramidGeometry::tileLevelZeroRect(int level, int64_t column, int64_t row) const {
    const double ds = this->level(level).downsample;
    const RectD r = tileLevelRect(level, column, row);
    return RectD{r.x * ds, r.y * ds, r.width * ds, r.height * ds};
}

TileRange PyramidGeometry::tilesCovering(int level, const RectD& levelZeroRect) const {
    TileRange range;
    if (levelZeroRect.isEmpty() || level < 0 || level >= levelCount()) return range;
    const PyramidLevel& l = this->level(level);
    const double ds = l.downsample;
    // Clip to the level's extent first: the padding beyond a partial last tile is no pixel of
    // the slide, and the clipped values stay small enough to convert to integers safely.
    const double left = std::max(0.0, levelZeroRect.x);
    const double top = std::max(0.0, levelZeroRect.y);
    const double right = std::min(static_cast<double>(l.width) * ds, levelZeroRect.right());
    const double bottom = std::min(static_cast<double>(l.height) * ds, levelZeroRect.bottom());
    if (!(right > left && bottom > top)) return range;
    const double step = tileSize_ * ds;
    range.firstColumn = static_cast<int64_t>(std::floor(left / step));
    range.firstRow = static_cast<int64_t>(std::floor(top / step));
    // The right and bottom edges are exclusive: a rect ending exactly on a tile border does
    // not touch the next tile.
    range.lastColumn = std::min<int64_t>(columns(level) - 1, static_cast<int64_t>(std::ceil(right / step)) - 1);
    range.lastRow = std::min<int64_t>(rows(level) - 1, static_cast<int64_t>(std::ceil(bottom / step)) - 1);
    return range;
}

}  // namespace slidesight
