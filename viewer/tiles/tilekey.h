#pragma once

#include <QtCore/QHashFunctions>
#include <QtCore/QMetaType>

#include <cstdint>
#include <functional>

namespace slidesight {

/// Identifies one display tile: which slide (SlideIdentity::key()), which pyramid level of its
/// PyramidGeometry, which column and row. A value type used as a cache key; never a string.
struct TileKey {
    quint64 sourceId = 0;
    int level = 0;
    qint64 column = 0;
    qint64 row = 0;

    friend bool operator==(const TileKey& a, const TileKey& b) {
        return a.sourceId == b.sourceId && a.level == b.level && a.column == b.column && a.row == b.row;
    }
    friend bool operator!=(const TileKey& a, const TileKey& b) { return !(a == b); }
};

size_t hashTileKey(const TileKey& key);

inline size_t qHash(const TileKey& key, size_t seed = 0) { return hashTileKey(key) ^ seed; }

}  // namespace slidesight

template <>
struct std::hash<slidesight::TileKey> {
    size_t operator()(const slidesight::TileKey& key) const noexcept { return slidesight::hashTileKey(key); }
};

Q_DECLARE_METATYPE(slidesight::TileKey)
