#pragma once

#include <cstddef>
#include <cstdint>
#include <mutex>
#include <unordered_map>
#include <vector>

namespace slidesight {

/// Recycled pixel memory for tiles.
///
/// A deep-zoom viewer keeps hundreds of megabytes of decoded tiles and replaces them
/// continuously. Fresh heap memory for every tile costs a page fault per 4 KiB on first touch,
/// which on a virtual machine makes a read of a 256 x 256 tile about 40 % slower than a read
/// into memory already in use. The pool hands out fixed-size slots carved from 2 MiB slabs,
/// aligned and advised for transparent huge pages (one fault per slab instead of 512), and
/// reuses the slots of tiles the cache has dropped. Slabs that become wholly free are returned
/// to the system beyond a small reserve.
///
/// Thread-safe. Requests larger than a slot fall back to the ordinary heap.
class TileMemoryPool {
public:
    static constexpr size_t kSlabBytes = size_t{2} << 20;

    explicit TileMemoryPool(size_t slotBytes = 256 * 256 * 4, size_t reserveSlabs = 4);
    ~TileMemoryPool();
    TileMemoryPool(const TileMemoryPool&) = delete;
    TileMemoryPool& operator=(const TileMemoryPool&) = delete;

    /// The pool shared by all tile readers of the process. Never destroyed, so that images
    /// released during static destruction still find it.
    static TileMemoryPool& shared();

    /// Memory for `bytes` bytes (uninitialised), or nullptr when out of memory.
    void* acquire(size_t bytes);
    /// Gives back memory obtained from acquire().
    void release(void* memory);

    size_t slotBytes() const { return slotBytes_; }
    struct Stats {
        size_t slabs = 0;          ///< slabs held
        size_t slotsInUse = 0;     ///< slots handed out and not yet released
        size_t heapFallbacks = 0;  ///< live blocks from the ordinary heap
    };
    Stats stats() const;

private:
    struct Slab {
        uint32_t freeMask = 0;  ///< bit i set: slot i is free
        bool listed = false;    ///< in withFree_
    };
    void* takeSlot(uintptr_t base, Slab& slab);
    uint32_t allFree() const { return slotsPerSlab_ == 32 ? ~0u : ((1u << slotsPerSlab_) - 1u); }

    const size_t slotBytes_;
    const size_t slotsPerSlab_;
    const size_t reserveSlabs_;
    mutable std::mutex mutex_;
    std::unordered_map<uintptr_t, Slab> slabs_;  ///< by base address
    std::vector<uintptr_t> withFree_;            ///< slabs with a free slot
    size_t emptySlabs_ = 0;                      ///< slabs with every slot free
    size_t slotsInUse_ = 0;
    size_t heapFallbacks_ = 0;
};

}  // namespace slidesight
