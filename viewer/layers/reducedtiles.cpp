#include "viewer/layers/reducedtiles.h"

#include <algorithm>
#include <cmath>

namespace slidesight {

int ReducedTiles::shiftFor(double scale) {
    if (!(scale >= 2.0)) return 0;
    return std::min(6, static_cast<int>(std::floor(std::log2(scale) + 1e-9)));
}

const QImage& ReducedTiles::reduced(const TileKey& key, const QImage& tile, int shift) {
    const Key k{key, shift};
    if (const auto found = entries_.find(k); found != entries_.end()) {
        lru_.splice(lru_.begin(), lru_, found->second);
        return found->second->image;
    }
    const int w = std::max(1, tile.width() >> shift), h = std::max(1, tile.height() >> shift);
    lru_.push_front(Entry{k, tile.scaled(w, h, Qt::IgnoreAspectRatio, Qt::SmoothTransformation)});
    entries_.emplace(k, lru_.begin());
    bytes_ += static_cast<std::size_t>(lru_.front().image.sizeInBytes());
    // Evict the least recently used, never the image just made.
    while (bytes_ > capacity_ && lru_.size() > 1) {
        const Entry& last = lru_.back();
        bytes_ -= static_cast<std::size_t>(last.image.sizeInBytes());
        entries_.erase(last.key);
        lru_.pop_back();
    }
    return lru_.front().image;
}

void ReducedTiles::clear() {
    lru_.clear();
    entries_.clear();
    bytes_ = 0;
}

}  // namespace slidesight
