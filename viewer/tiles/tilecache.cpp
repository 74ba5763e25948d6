#include "viewer/tiles/tilecache.h"

#include <algorithm>

namespace slidesight {

TileCache::TileCache(qint64 capacityBytes) : capacity_(std::max<qint64>(0, capacityBytes)) {}

bool TileCache::isPinned(const TileKey& key) const {
    return std::find(pins_.begin(), pins_.end(), std::make_pair(key.sourceId, key.level)) != pins_.end();
}

std::optional<QImage> TileCache::find(const TileKey& key) {
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = entries_.find(key);
    if (it == entries_.end()) return std::nullopt;
    if (!it->second.pinned) lru_.splice(lru_.begin(), lru_, it->second.lruPosition);
    return it->second.image;
}

bool TileCache::contains(const TileKey& key) const {
    std::lock_guard<std::mutex> lock(mutex_);
    return entries_.count(key) != 0;
}

void TileCache::insert(const TileKey& key, const QImage& image) {
    std::lock_guard<std::mutex> lock(mutex_);
    auto existing = entries_.find(key);
    if (existing != entries_.end()) eraseLocked(existing);
    Entry e;
    e.image = image;
    e.bytes = image.sizeInBytes();
    e.pinned = isPinned(key);
    if (!e.pinned) {
        lru_.push_front(key);
        e.lruPosition = lru_.begin();
    } else {
        pinnedBytes_ += e.bytes;
    }
    bytes_ += e.bytes;
    entries_.emplace(key, std::move(e));
    evictLocked();
}

void TileCache::eraseLocked(std::unordered_map<TileKey, Entry>::iterator it) {
    bytes_ -= it->second.bytes;
    if (it->second.pinned) pinnedBytes_ -= it->second.bytes;
    else lru_.erase(it->second.lruPosition);
    entries_.erase(it);
}

void TileCache::evictLocked() {
    // The most recently used tile always stays, even when pinned tiles fill the budget.
    while (bytes_ > capacity_ && lru_.size() > 1) {
        auto it = entries_.find(lru_.back());
        eraseLocked(it);
    }
}

void TileCache::pinLevel(quint64 sourceId, int level) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (isPinned(TileKey{sourceId, level, 0, 0})) return;
    pins_.emplace_back(sourceId, level);
    for (auto& [key, entry] : entries_) {
        if (key.sourceId == sourceId && key.level == level && !entry.pinned) {
            lru_.erase(entry.lruPosition);
            entry.pinned = true;
            pinnedBytes_ += entry.bytes;
        }
    }
}

void TileCache::removeSource(quint64 sourceId) {
    std::lock_guard<std::mutex> lock(mutex_);
    for (auto it = entries_.begin(); it != entries_.end();) {
        if (it->first.sourceId == sourceId) {
            auto next = std::next(it);
            eraseLocked(it);
            it = next;
        } else {
            ++it;
        }
    }
    pins_.erase(std::remove_if(pins_.begin(), pins_.end(),
                               [sourceId](const auto& p) { return p.first == sourceId; }),
                pins_.end());
}

void TileCache::clear() {
    std::lock_guard<std::mutex> lock(mutex_);
    entries_.clear();
    lru_.clear();
    bytes_ = 0;
    pinnedBytes_ = 0;
}

void TileCache::setCapacityBytes(qint64 bytes) {
    std::lock_guard<std::mutex> lock(mutex_);
    capacity_ = std::max<qint64>(0, bytes);
    evictLocked();
}

qint64 TileCache::capacityBytes() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return capacity_;
}

qint64 TileCache::bytesUsed() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return bytes_;
}

qint64 TileCache::pinnedBytes() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return pinnedBytes_;
}

int TileCache::count() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return static_cast<int>(entries_.size());
}

}  // namespace slidesight
