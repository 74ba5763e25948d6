#pragma once

#include "viewer/slide/pyramidgeometry.h"
#include "viewer/tiles/tilekey.h"

#include <vector>

namespace slidesight {

/// Decides which tiles a view needs and in what order: the whole coarsest level first (it is
/// pinned and makes the view never blank), then the level for the view's downsample from the
/// centre outwards, then a one-tile ring around the view for panning.
///
/// Pure function of its inputs; thread-safe.
struct TilePlanner {
    static std::vector<TileKey> plan(const PyramidGeometry& geometry, quint64 sourceId,
                                     const RectD& visibleLevelZeroRect, double downsample,
                                     int prefetchRing = 1);
};

}  // namespace slidesight
