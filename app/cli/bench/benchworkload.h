#pragma once

#include "viewer/slide/pyramidgeometry.h"
#include "viewer/tiles/tilekey.h"

#include <QtCore/QtGlobal>

#include <vector>

namespace slidesight::cli {

/// A viewport of the display: what a window of `viewWidth` x `viewHeight` screen pixels shows
/// at `downsample` level-0 pixels per screen pixel.
struct BenchViewport {
    RectD levelZeroRect;
    double downsample = 1.0;
    int level = 0;  ///< the display level the viewer draws it from
};

/// The work of a tile benchmark: a seeded random walk of viewports over every level of a
/// slide's display pyramid, the tile plan the viewer makes for each (TilePlanner), and the
/// unique tiles of all plans in first-requested order: the set that both the pipeline and
/// the single-threaded baseline read, each tile once.
///
/// Immutable value type; thread-safe.
struct BenchWorkload {
    std::vector<BenchViewport> viewports;
    std::vector<std::vector<TileKey>> plans;  ///< one per viewport, as TilePlanner ordered it
    std::vector<TileKey> uniqueTiles;
    std::vector<qint64> uniqueTilesPerLevel;  ///< indexed by display level
    qint64 uniqueTileBytes = 0;               ///< ARGB32 bytes of all unique tiles

    /// `count` viewports: each picks a display level uniformly, a zoom log-uniformly between
    /// that level's downsample and the next one's (so the viewer draws from that level), and
    /// a centre uniformly over the slide. The same seed gives the same walk on every run.
    static BenchWorkload randomWalk(const PyramidGeometry& geometry, quint64 sourceId, int count,
                                    quint64 seed, int viewWidth, int viewHeight);

    /// The viewport that fits the whole slide into the view, centred.
    static BenchViewport fitToView(const PyramidGeometry& geometry, int viewWidth, int viewHeight);
};

}  // namespace slidesight::cli
