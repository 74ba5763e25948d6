#pragma once

// Torch's CPU allocations during training, kept for reuse. Torch; used by trainingloop.cpp.
//
// Each chunk of a training epoch allocates the same large tensors again (the padded batch,
// G', the attention maps, their gradients). The system allocator hands such blocks back to
// the kernel when they are freed, so every chunk faults its working set in page by page again:
// on the 2-core virtual machine this doubled the time of an epoch.

namespace slidesight::model {

/// While an instance lives, Torch's CPU tensors of 1 MiB and more come from a pool: a freed
/// block goes back to the pool and the next allocation of the same size takes it. When the
/// last instance ends, the pool is released and Torch's previous allocator restored (blocks
/// still in use then are freed normally later). Scopes may nest and overlap across threads.
class ReusingCpuAllocatorScope {
public:
    ReusingCpuAllocatorScope();
    ~ReusingCpuAllocatorScope();
    ReusingCpuAllocatorScope(const ReusingCpuAllocatorScope&) = delete;
    ReusingCpuAllocatorScope& operator=(const ReusingCpuAllocatorScope&) = delete;
};

}  // namespace slidesight::model
