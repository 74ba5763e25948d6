#include "viewer/tiles/tiledslide.h"

#include "viewer/tiles/tilememorypool.h"

#include <algorithm>
#include <cmath>

namespace slidesight {

TiledSlide::TiledSlide(std::shared_ptr<const SlideSource> source, int tileSize)
    : source_(std::move(source)),
      geometry_(source_->info().levels, tileSize),
      sourceId_(source_->info().identity.key()) {}

QImage TiledSlide::toQImage(ArgbImage image) {
    if (image.isNull()) return {};
    auto* owned = new ArgbImage(std::move(image));
    return QImage(reinterpret_cast<const uchar*>(owned->pixels.data()), owned->width, owned->height,
                  owned->width * 4, QImage::Format_RGB32,
                  [](void* p) { delete static_cast<ArgbImage*>(p); }, owned);
}

Expected<TiledSlide::NativeRegion> TiledSlide::nativeRegion(const TileKey& key) const {
    if (key.level < 0 || key.level >= geometry_.levelCount())
        return Expected<NativeRegion>::failure("No such tile level.");
    const PyramidLevel& level = geometry_.level(key.level);
    const RectD levelRect = geometry_.tileLevelRect(key.level, key.column, key.row);
    if (levelRect.isEmpty()) return Expected<NativeRegion>::failure("No such tile.");
    const RectD zeroRect = geometry_.tileLevelZeroRect(key.level, key.column, key.row);
    NativeRegion r;
    r.nativeLevel = level.sourceLevel;
    r.x0 = static_cast<int64_t>(std::llround(zeroRect.x));
    r.y0 = static_cast<int64_t>(std::llround(zeroRect.y));
    r.tileWidth = static_cast<int>(levelRect.width);
    r.tileHeight = static_cast<int>(levelRect.height);
    r.nativeWidth = r.tileWidth;
    r.nativeHeight = r.tileHeight;
    if (level.isVirtual) {
        // A virtual level: the same level-0 area is read from the native level, then downscaled.
        const double nativeDs = source_->info().levels[static_cast<size_t>(level.sourceLevel)].downsample;
        r.nativeWidth = std::max(1, static_cast<int>(std::ceil(zeroRect.width / nativeDs)));
        r.nativeHeight = std::max(1, static_cast<int>(std::ceil(zeroRect.height / nativeDs)));
    }
    return r;
}

Expected<QImage> TiledSlide::readTile(const TileKey& key) const {
    const auto where = nativeRegion(key);
    if (!where) return Expected<QImage>::failure(where.error());
    const NativeRegion& r = *where;
    // Pixels go straight into recycled pool memory, which the QImage returns to the pool
    // when the last copy of it is dropped (normally when the cache evicts the tile).
    TileMemoryPool& pool = TileMemoryPool::shared();
    const size_t bytes = static_cast<size_t>(r.nativeWidth) * static_cast<size_t>(r.nativeHeight) * 4u;
    void* memory = pool.acquire(bytes);
    if (!memory) return Expected<QImage>::failure("Out of memory for a tile.");
    const Check read = source_->readRegionInto(r.nativeLevel, r.x0, r.y0, r.nativeWidth, r.nativeHeight,
                                               static_cast<uint32_t*>(memory));
    if (!read) {
        pool.release(memory);
        return Expected<QImage>::failure(read.error());
    }
    QImage image(static_cast<const uchar*>(memory), r.nativeWidth, r.nativeHeight, r.nativeWidth * 4,
                 QImage::Format_RGB32, [](void* p) { TileMemoryPool::shared().release(p); }, memory);
    if (r.nativeWidth == r.tileWidth && r.nativeHeight == r.tileHeight) return image;
    return image.scaled(r.tileWidth, r.tileHeight, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
}

}  // namespace slidesight
