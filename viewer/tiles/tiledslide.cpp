#include "viewer/tiles/tiledslide.h"

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

Expected<QImage> TiledSlide::readTile(const TileKey& key) const {
    if (key.level < 0 || key.level >= geometry_.levelCount())
        return Expected<QImage>::failure("No such tile level.");
    const PyramidLevel& level = geometry_.level(key.level);
    const RectD levelRect = geometry_.tileLevelRect(key.level, key.column, key.row);
    if (levelRect.isEmpty()) return Expected<QImage>::failure("No such tile.");
    const RectD zeroRect = geometry_.tileLevelZeroRect(key.level, key.column, key.row);
    const int w = static_cast<int>(levelRect.width);
    const int h = static_cast<int>(levelRect.height);
    const auto x0 = static_cast<int64_t>(std::llround(zeroRect.x));
    const auto y0 = static_cast<int64_t>(std::llround(zeroRect.y));
    if (!level.isVirtual) {
        auto region = source_->readRegion(level.sourceLevel, x0, y0, w, h);
        if (!region) return Expected<QImage>::failure(region.error());
        return toQImage(std::move(region).value());
    }
    // A virtual level: read the same level-0 area from the native level and area-downscale.
    const double nativeDs = source_->info().levels[static_cast<size_t>(level.sourceLevel)].downsample;
    const int nw = std::max(1, static_cast<int>(std::ceil(zeroRect.width / nativeDs)));
    const int nh = std::max(1, static_cast<int>(std::ceil(zeroRect.height / nativeDs)));
    auto region = source_->readRegion(level.sourceLevel, x0, y0, nw, nh);
    if (!region) return Expected<QImage>::failure(region.error());
    return toQImage(std::move(region).value()).scaled(w, h, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
}

}  // namespace slidesight
