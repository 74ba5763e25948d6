#pragma once

#include "viewer/tiles/tilekey.h"

#include <QtGui/QImage>

#include <list>
#include <mutex>
#include <optional>
#include <unordered_map>
#include <vector>
#include <utility>

namespace slidesight {

/// A least-recently-used tile cache bounded in bytes.
///
/// Tiles of a pinned (source, level) pair, normally a slide's coarsest level, are never
/// evicted, so the view always has something to draw; their bytes still count.
/// Thread-safe: the tile workers insert, the GUI thread looks up. The lock is never held
/// during I/O or image work.
class TileCache {
public:
    static constexpr qint64 kDefaultCapacityBytes = 512ll * 1024 * 1024;

    explicit TileCache(qint64 capacityBytes = kDefaultCapacityBytes);

    /// Looks a tile up and marks it as recently used.
    std::optional<QImage> find(const TileKey& key);
    bool contains(const TileKey& key) const;
    /// Inserts or replaces a tile, then evicts the least recently used unpinned tiles until
    /// the cache fits its capacity again.
    void insert(const TileKey& key, const QImage& image);

    /// Pins every present and future tile of (sourceId, level).
    void pinLevel(quint64 sourceId, int level);
    /// Removes all tiles of a source and its pins (a slide was closed).
    void removeSource(quint64 sourceId);
    void clear();

    void setCapacityBytes(qint64 bytes);
    qint64 capacityBytes() const;
    qint64 bytesUsed() const;
    qint64 pinnedBytes() const;
    int count() const;

private:
    struct Entry {
        QImage image;
        qint64 bytes = 0;
        bool pinned = false;
        std::list<TileKey>::iterator lruPosition;  ///< valid when !pinned
    };
    bool isPinned(const TileKey& key) const;
    void evictLocked();
    void eraseLocked(std::unordered_map<TileKey, Entry>::iterator it);

    mutable std::mutex mutex_;
    std::unordered_map<TileKey, Entry> entries_;
    std::list<TileKey> lru_;  ///< front: most recently used
    std::vector<std::pair<quint64, int>> pins_;
    qint64 capacity_ = kDefaultCapacityBytes;
    qint64 bytes_ = 0;
    qint64 pinnedBytes_ = 0;
};

}  // namespace slidesight
