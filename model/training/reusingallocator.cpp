#include "model/training/reusingallocator.h"

#include <c10/core/Allocator.h>
#include <c10/core/CPUAllocator.h>
#include <c10/core/impl/alloc_cpu.h>

#include <cstddef>
#include <mutex>
#include <unordered_map>
#include <vector>

namespace slidesight::model {

namespace {

constexpr size_t kPooledBytes = size_t{1} << 20;

class ReusingAllocator final : public c10::Allocator {
public:
    c10::DataPtr allocate(size_t bytes) const override {
        if (bytes < kPooledBytes) return previous_->allocate(bytes);
        void* data = nullptr;
        {
            const std::lock_guard<std::mutex> lock(mutex_);
            auto& blocks = free_[bytes];
            if (!blocks.empty()) {
                data = blocks.back();
                blocks.pop_back();
            }
        }
        if (!data) data = c10::alloc_cpu(bytes);
        const std::lock_guard<std::mutex> lock(mutex_);
        live_[data] = bytes;
        return {data, data, &release, c10::Device(c10::DeviceType::CPU)};
    }

    // oneDNN's buffers come through raw_allocate()/raw_deallocate(), which need the deleter.
    c10::DeleterFnPtr raw_deleter() const override { return &release; }

    void enter() {
        const std::lock_guard<std::mutex> lock(mutex_);
        if (scopes_++ > 0) return;
        previous_ = c10::GetCPUAllocator();
        c10::SetCPUAllocator(this, kPriority);
    }

    void leave() {
        std::vector<void*> blocks;
        {
            const std::lock_guard<std::mutex> lock(mutex_);
            if (--scopes_ > 0) return;
            c10::SetCPUAllocator(previous_, kPriority);
            for (auto& [bytes, list] : free_) blocks.insert(blocks.end(), list.begin(), list.end());
            free_.clear();
        }
        for (void* block : blocks) c10::free_cpu(block);
    }

    static ReusingAllocator& instance() {
        // Never destroyed: tensors from the pool may be freed during static destruction.
        static auto* allocator = new ReusingAllocator;
        return *allocator;
    }

private:
    // The priority of LibTorch's own CPU allocator, so that setting the previous one back works.
    static constexpr uint8_t kPriority = 0;

    static void release(void* data) {
        ReusingAllocator& self = instance();
        {
            const std::lock_guard<std::mutex> lock(self.mutex_);
            const auto it = self.live_.find(data);
            if (it == self.live_.end()) {
                // A small block from the previous allocator, returned through raw_deallocate().
                const c10::DeleterFnPtr previous = self.previous_->raw_deleter();
                if (previous) previous(data);
                else c10::free_cpu(data);
                return;
            }
            const size_t bytes = it->second;
            self.live_.erase(it);
            if (self.scopes_ > 0) {
                self.free_[bytes].push_back(data);
                return;
            }
        }
        c10::free_cpu(data);
    }

    mutable std::mutex mutex_;
    mutable std::unordered_map<size_t, std::vector<void*>> free_;
    mutable std::unordered_map<void*, size_t> live_;
    int scopes_ = 0;
    c10::Allocator* previous_ = nullptr;
};

}  // namespace

ReusingCpuAllocatorScope::ReusingCpuAllocatorScope() { ReusingAllocator::instance().enter(); }

ReusingCpuAllocatorScope::~ReusingCpuAllocatorScope() { ReusingAllocator::instance().leave(); }

}  // namespace slidesight::model
