#pragma once
#include "model/common/torchside.h"

#include "viewer/common/expected.h"

#include <torch/types.h>

#include <string>

namespace slidesight::model {

/// Where and how the feature extractor runs (spec, GFE step 4): CUDA in half precision with
/// channels-last tensors when available, else the CPU in float32; with the batch size, the
/// Torch intra-op threads and the patch-reading threads that go with it.
///
/// Plain value type.
struct InferenceDevice {
    torch::Device device = torch::kCPU;
    torch::Dtype dtype = torch::kFloat32;
    bool channelsLast = false;
    int batchSize = 1;
    int torchThreads = 1;   ///< intra-op threads (CPU work); the readers keep the other cores
    int readerThreads = 1;

    /// The CPU batch size when none is asked for. Measured on the 2-core development machine
    /// (AMD EPYC, AVX2, LibTorch 1.13, one intra-op thread, ResNet-34 at 224 px); see the
    /// comment in inferencedevice.cpp for the figures.
    static constexpr int kDefaultCpuBatch = 4;
    static constexpr int kDefaultCudaBatch = 64;

    /// `name` is auto, cpu or cuda; 0 for a count picks the default. Fails with a message for
    /// an unknown name or cuda on a machine or build without it.
    static Expected<InferenceDevice> choose(const std::string& name, int batchSize, int torchThreads,
                                            int readerThreads);

    /// "cpu" or "cuda".
    std::string name() const { return device.is_cuda() ? "cuda" : "cpu"; }
    /// "float32" or "float16", for metadata.
    std::string precision() const { return dtype == torch::kFloat16 ? "float16" : "float32"; }
    /// A float32 CPU batch [B, 3, p, p] moved to the device, type and memory format.
    torch::Tensor prepareInput(const torch::Tensor& batch) const;
};

/// The CUDA batch size of this process when none is asked for: measured once (systemcheck.h:
/// the fastest of 32 ... 1024 patches before memory runs out or speed stops growing), falling
/// back to kDefaultCudaBatch when the measurement fails. `device` is a CUDA device.
int measuredCudaBatch(const InferenceDevice& device);

/// Sets Torch's intra-op thread count for its lifetime and restores the previous one.
class TorchThreadScope {
public:
    explicit TorchThreadScope(int threads);
    ~TorchThreadScope();
    TorchThreadScope(const TorchThreadScope&) = delete;
    TorchThreadScope& operator=(const TorchThreadScope&) = delete;

private:
    int previous_;
};

}  // namespace slidesight::model
