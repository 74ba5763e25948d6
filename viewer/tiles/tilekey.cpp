#include "viewer/tiles/tilekey.h"

namespace slidesight {

size_t hashTileKey(const TileKey& key) {
    // splitmix64-style mixing of the four fields.
    auto mix = [](quint64 h, quint64 v) {
        h ^= v + 0x9e3779b97f4a7c15ull + (h << 6) + (h >> 2);
        return h;
    };
    quint64 h = key.sourceId;
    h = mix(h, static_cast<quint64>(key.level));
    h = mix(h, static_cast<quint64>(key.column));
    h = mix(h, static_cast<quint64>(key.row));
    h ^= h >> 31;
    h *= 0xbf58476d1ce4e5b9ull;
    h ^= h >> 27;
    return static_cast<size_t>(h);
}

}  // namespace slidesight
