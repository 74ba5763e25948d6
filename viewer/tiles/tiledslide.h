#pragma once

#include "viewer/slide/pyramidgeometry.h"
#include "viewer/slide/slidesource.h"
#include "viewer/tiles/tilekey.h"

#include <QtGui/QImage>

#include <memory>

namespace slidesight {

/// A slide seen as a grid of display tiles: the source, its display pyramid and its cache id.
///
/// Immutable and thread-safe; shared between the GUI thread and the tile workers.
class TiledSlide {
public:
    TiledSlide(std::shared_ptr<const SlideSource> source, int tileSize = 256);

    const SlideSource& source() const { return *source_; }
    std::shared_ptr<const SlideSource> sourcePointer() const { return source_; }
    const PyramidGeometry& geometry() const { return geometry_; }
    quint64 sourceId() const { return sourceId_; }

    TileKey key(int level, qint64 column, qint64 row) const { return TileKey{sourceId_, level, column, row}; }

    /// Where a tile's pixels come from: a region of a native level in level-0 coordinates,
    /// `nativeWidth` x `nativeHeight` pixels of that level, downscaled to `tileWidth` x
    /// `tileHeight` for virtual levels (equal sizes for native ones).
    struct NativeRegion {
        int nativeLevel = 0;
        int64_t x0 = 0, y0 = 0;
        int nativeWidth = 0, nativeHeight = 0;
        int tileWidth = 0, tileHeight = 0;
    };
    /// The region readTile() reads for `key`; fails for a key outside the pyramid.
    Expected<NativeRegion> nativeRegion(const TileKey& key) const;

    /// Reads one tile as an opaque QImage (Format_RGB32), downscaling from a native level for
    /// virtual levels. Runs in the caller's thread; does I/O.
    Expected<QImage> readTile(const TileKey& key) const;

    /// Wraps an ArgbImage in a QImage without copying its pixels.
    static QImage toQImage(ArgbImage image);

private:
    std::shared_ptr<const SlideSource> source_;
    PyramidGeometry geometry_;
    quint64 sourceId_ = 0;
};

}  // namespace slidesight
