#pragma once

#include "viewer/tiles/tilekey.h"

#include <QtGui/QImage>

#include <cstddef>
#include <list>
#include <unordered_map>

namespace slidesight {

/// Tiles shrunk by a power of two, for views between two pyramid levels: a level-L tile shown
/// at 2^s times its level's downsample (s >= 1) is drawn from a copy reduced by 2^s (area
/// averaging, once) instead of being resampled from four (or more) times as many pixels on
/// every frame. Most slides have levels 4x apart, so the views between them draw this way.
/// A least-recently-used cache bounded in bytes.
///
/// GUI thread only (the slide layer's paint).
class ReducedTiles {
public:
    explicit ReducedTiles(std::size_t capacityBytes = std::size_t(96) << 20) : capacity_(capacityBytes) {}

    /// `tile` (the image cached for `key`) reduced by 2^shift, made on first use.
    const QImage& reduced(const TileKey& key, const QImage& tile, int shift);
    void clear();
    std::size_t bytes() const { return bytes_; }
    std::size_t count() const { return entries_.size(); }

    /// The largest s >= 0 with 2^s <= `scale` (the view's downsample over the level's), at most 6.
    static int shiftFor(double scale);

private:
    struct Key {
        TileKey tile;
        int shift = 0;
        friend bool operator==(const Key& a, const Key& b) { return a.tile == b.tile && a.shift == b.shift; }
    };
    struct KeyHash {
        std::size_t operator()(const Key& k) const { return hashTileKey(k.tile) ^ (std::size_t(k.shift) * 0x9e3779b97f4a7c15ull); }
    };
    struct Entry {
        Key key;
        QImage image;
    };
    std::list<Entry> lru_;  // most recent first
    std::unordered_map<Key, std::list<Entry>::iterator, KeyHash> entries_;
    std::size_t capacity_;
    std::size_t bytes_ = 0;
};

}  // namespace slidesight
