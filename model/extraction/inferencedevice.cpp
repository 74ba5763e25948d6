#include "model/extraction/inferencedevice_torch.h"

#include <torch/torch.h>

#include <algorithm>
#include <thread>

namespace slidesight::model {

// The CPU batch size, measured with `slidesight-cli bench features cmu-1-small-region.svs
// --threads 1 --batch B` (ResNet-34, random weights, 2.0 µm/px, p = 224, channels-last
// float32, one Torch thread, one reader thread; 2-core AMD EPYC VM with AVX2, LibTorch 1.13;
// 192 patches x 3 rounds each). End-to-end / bare-network patches/s:
//
//     B      1      2      3      4      6      8     16     32
//     e2e  16.9   21.8   23.2   24.2   14.1   13.2   10.3    8.3
//     net  17.0   22.2   24.4   25.1   14.4   13.3   11.6    8.8
//
// Beyond 4 patches the activations of a batch no longer fit the caches and throughput
// halves, so 4 it is. (Two Torch threads with the reader sharing the cores: batch 4 gave
// 27-30 e2e against 39-46 for the bare network, ratio 0.68, which is why one core is left
// to the readers by default.) Other CPUs may prefer another size: --batch overrides it.

Expected<InferenceDevice> InferenceDevice::choose(const std::string& name, int batchSize, int torchThreads,
                                                  int readerThreads) {
    using Result = Expected<InferenceDevice>;
    if (name != "auto" && name != "cpu" && name != "cuda")
        return Result::failure("Unknown device \"" + name + "\": use auto, cpu or cuda.");
    if (batchSize < 0 || torchThreads < 0 || readerThreads < 0)
        return Result::failure("The batch size and thread counts must not be negative.");
    const bool cuda = name == "cuda" || (name == "auto" && torch::cuda::is_available());
    if (cuda && !torch::cuda::is_available())
        return Result::failure("CUDA was asked for, but this machine or this LibTorch build has no usable CUDA device.");

    const int cores = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    InferenceDevice d;
    if (cuda) {
        d.device = torch::Device(torch::kCUDA, 0);
        d.dtype = torch::kFloat16;
        d.channelsLast = true;
        d.batchSize = kDefaultCudaBatch;
        // The network runs on the GPU: the cores decode patches.
        d.torchThreads = torchThreads > 0 ? torchThreads : 1;
        d.readerThreads = readerThreads > 0 ? readerThreads : std::max(1, cores - 1);
        // The batch that fills this GPU best, measured once per process.
        d.batchSize = batchSize > 0 ? batchSize : measuredCudaBatch(d);
    } else {
        // Channels-last float32 lets oneDNN run the convolutions without re-ordering each
        // input: ResNet-34 went from 20.6 to 29.8 patches/s (2 threads, batch 8) here.
        d.channelsLast = true;
        d.batchSize = batchSize > 0 ? batchSize : kDefaultCpuBatch;
        // The readers keep a core; the network gets the rest.
        d.torchThreads = torchThreads > 0 ? torchThreads : std::max(1, cores - 1);
        d.readerThreads = readerThreads > 0 ? readerThreads : std::max(1, cores - d.torchThreads);
    }
    return d;
}

torch::Tensor InferenceDevice::prepareInput(const torch::Tensor& batch) const {
    torch::Tensor x = batch;
    if (device.is_cuda()) x = x.to(device, dtype, /*non_blocking=*/true);
    if (channelsLast) x = x.contiguous(torch::MemoryFormat::ChannelsLast);
    return x;
}

TorchThreadScope::TorchThreadScope(int threads) : previous_(torch::get_num_threads()) {
    if (threads > 0) torch::set_num_threads(threads);
}

TorchThreadScope::~TorchThreadScope() { torch::set_num_threads(previous_); }

}  // namespace slidesight::model
