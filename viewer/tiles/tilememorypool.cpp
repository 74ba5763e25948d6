#include "viewer/tiles/tilememorypool.h"

#include <algorithm>
#include <cstdlib>
#include <new>

#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace slidesight {

namespace {

void* slabAlloc() {
    void* memory = nullptr;
    if (posix_memalign(&memory, TileMemoryPool::kSlabBytes, TileMemoryPool::kSlabBytes) != 0) return nullptr;
#if defined(__linux__) && defined(MADV_HUGEPAGE)
    madvise(memory, TileMemoryPool::kSlabBytes, MADV_HUGEPAGE);  // advisory; failure is harmless
#endif
    return memory;
}

}  // namespace

TileMemoryPool::TileMemoryPool(size_t slotBytes, size_t reserveSlabs)
    : slotBytes_(std::max<size_t>(64, std::min(slotBytes, kSlabBytes))),
      slotsPerSlab_(std::min<size_t>(32, kSlabBytes / slotBytes_)),
      reserveSlabs_(reserveSlabs) {}

TileMemoryPool::~TileMemoryPool() {
    for (const auto& [base, slab] : slabs_) std::free(reinterpret_cast<void*>(base));
}

TileMemoryPool& TileMemoryPool::shared() {
    static TileMemoryPool* pool = new TileMemoryPool();  // intentionally never deleted
    return *pool;
}

void* TileMemoryPool::takeSlot(uintptr_t base, Slab& slab) {
    if (slab.freeMask == allFree()) --emptySlabs_;
    const int index = __builtin_ctz(slab.freeMask);
    slab.freeMask &= ~(1u << index);
    ++slotsInUse_;
    return reinterpret_cast<void*>(base + static_cast<size_t>(index) * slotBytes_);
}

void* TileMemoryPool::acquire(size_t bytes) {
    if (bytes > slotBytes_) {
        void* memory = std::malloc(bytes);
        if (memory) {
            std::lock_guard lock(mutex_);
            ++heapFallbacks_;
        }
        return memory;
    }
    std::lock_guard lock(mutex_);
    if (!withFree_.empty()) {
        const uintptr_t base = withFree_.back();
        Slab& slab = slabs_.at(base);
        void* slot = takeSlot(base, slab);
        if (slab.freeMask == 0) {
            slab.listed = false;
            withFree_.pop_back();
        }
        return slot;
    }
    void* memory = slabAlloc();
    if (!memory) return nullptr;
    const auto base = reinterpret_cast<uintptr_t>(memory);
    Slab& slab = slabs_[base];
    slab.freeMask = allFree();
    ++emptySlabs_;
    void* slot = takeSlot(base, slab);
    if (slab.freeMask != 0) {
        slab.listed = true;
        withFree_.push_back(base);
    }
    return slot;
}

void TileMemoryPool::release(void* memory) {
    if (!memory) return;
    const auto address = reinterpret_cast<uintptr_t>(memory);
    const uintptr_t base = address & ~(uintptr_t{kSlabBytes} - 1);
    std::lock_guard lock(mutex_);
    auto it = slabs_.find(base);
    const bool isSlot = it != slabs_.end() && (address - base) % slotBytes_ == 0 &&
                        (address - base) / slotBytes_ < slotsPerSlab_;
    if (!isSlot) {
        // Not inside any slab: a heap block. (A heap block cannot lie inside a slab, since
        // slabs are memory the heap handed to us.)
        --heapFallbacks_;
        std::free(memory);
        return;
    }
    Slab& slab = it->second;
    slab.freeMask |= 1u << ((address - base) / slotBytes_);
    --slotsInUse_;
    if (slab.freeMask == allFree() && ++emptySlabs_ > reserveSlabs_) {
        // Beyond the reserve: give the slab back to the system.
        if (slab.listed) withFree_.erase(std::find(withFree_.begin(), withFree_.end(), base));
        slabs_.erase(it);
        --emptySlabs_;
        std::free(reinterpret_cast<void*>(base));
        return;
    }
    if (!slab.listed) {
        slab.listed = true;
        withFree_.push_back(base);
    }
}

TileMemoryPool::Stats TileMemoryPool::stats() const {
    std::lock_guard lock(mutex_);
    return Stats{slabs_.size(), slotsInUse_, heapFallbacks_};
}

}  // namespace slidesight
