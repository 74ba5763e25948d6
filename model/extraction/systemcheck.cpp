#include "model/extraction/systemcheck.h"

#include "model/common/exceptiontext.h"
#include "model/common/stopwatch.h"
#include "model/extraction/featureextractor_torch.h"
#include "model/extraction/inferencedevice_torch.h"

#include <ATen/Context.h>
#include <opencv2/core/version.hpp>
#include <torch/torch.h>
#include <torch/version.h>

#if __has_include(<ATen/cuda/CUDAContext.h>) && __has_include(<cuda_runtime_api.h>)
#include <ATen/cuda/CUDAContext.h>
#include <c10/cuda/CUDACachingAllocator.h>
#include <cuda_runtime_api.h>
#define SLIDESIGHT_CUDA_HEADERS 1
#endif

#include <algorithm>
#include <chrono>
#include <mutex>
#include <thread>

namespace slidesight::model {

namespace {

constexpr int kPatchSize = 224;
/// A larger batch must be this much faster than a smaller one to be chosen over it.
constexpr double kWorthGrowing = 1.05;
const std::vector<int> kCpuBatches{1, 2, 4, 8};
const std::vector<int> kCudaBatches{32, 64, 128, 256, 512, 1024};

std::vector<GpuInfo> listGpus() {
    std::vector<GpuInfo> gpus;
    const int count = static_cast<int>(torch::cuda::device_count());
    for (int i = 0; i < count; ++i) {
        GpuInfo g;
        g.index = i;
        g.name = "CUDA device " + std::to_string(i);
#ifdef SLIDESIGHT_CUDA_HEADERS
        if (const cudaDeviceProp* p = at::cuda::getDeviceProperties(i)) {
            g.name = p->name;
            g.totalBytes = static_cast<int64_t>(p->totalGlobalMem);
        }
        size_t freeBytes = 0, totalBytes = 0;
        if (cudaSetDevice(i) == cudaSuccess && cudaMemGetInfo(&freeBytes, &totalBytes) == cudaSuccess)
            g.freeBytes = static_cast<int64_t>(freeBytes);
#endif
        gpus.push_back(g);
    }
    return gpus;
}

/// Runs the extractor on random patches at each batch size of `sizes` (stopping at the first
/// failure: on CUDA, memory running out) and chooses the smallest batch within kWorthGrowing of
/// the fastest (larger batches cost memory and latency for nothing).
DeviceSelfTest selfTest(const InferenceDevice& device, const std::string& deviceName, const std::vector<int>& sizes,
                        int patchesPerTrial) {
    DeviceSelfTest t;
    t.device = deviceName;
    t.precision = device.precision();
    t.torchThreads = device.torchThreads;
    const TorchThreadScope threads(device.torchThreads);
    auto extractor = FeatureExtractor::open("random:1", "resnet34");
    if (!extractor) {
        t.problem = extractor.error();
        return t;
    }
    try {
        (*extractor)->prepare(device.device, device.dtype, device.channelsLast);
    } catch (const std::exception& e) {
        t.problem = "The extractor could not be moved to " + deviceName + ": " + firstLine(e);
        return t;
    }
    torch::manual_seed(0);
    for (int batch : sizes) {
        BatchTrial trial;
        trial.batchSize = batch;
        try {
            InferenceDevice d = device;
            d.batchSize = batch;
            const torch::Tensor random = torch::randn({batch, 3, kPatchSize, kPatchSize});
            auto run = [&] { (void)(*extractor)->extract(d.prepareInput(random)).to(torch::kCPU); };
            run();  // warm-up: allocations, kernel choice
            const int batches = std::max(2, (patchesPerTrial + batch - 1) / batch);
            const auto start = std::chrono::steady_clock::now();
            for (int i = 0; i < batches; ++i) run();
            trial.patchesPerSecond = static_cast<double>(batches) * batch / secondsSince(start);
        } catch (const std::exception& e) {
            trial.problem = firstLine(e);
        }
        t.trials.push_back(trial);
        if (!trial.problem.empty()) break;
    }
    double fastest = 0.0;
    for (const BatchTrial& trial : t.trials) fastest = std::max(fastest, trial.patchesPerSecond);
    for (const BatchTrial& trial : t.trials)
        if (trial.problem.empty() && trial.patchesPerSecond * kWorthGrowing >= fastest) {
            t.chosenBatch = trial.batchSize;
            t.patchesPerSecond = trial.patchesPerSecond;
            break;
        }
#ifdef SLIDESIGHT_CUDA_HEADERS
    if (device.device.is_cuda()) c10::cuda::CUDACachingAllocator::emptyCache();
#endif
    if (t.chosenBatch == 0) {
        t.problem = t.trials.empty() ? "No batch size was tried." : "The extractor failed: " + t.trials.front().problem;
        return t;
    }
    const BatchTrial& last = t.trials.back();
    t.reason = t.patchesPerSecond >= fastest ? "the fastest measured" : "the smallest within 5 % of the fastest measured";
    if (!last.problem.empty()) t.reason += "; batch " + std::to_string(last.batchSize) + " failed (" + last.problem + ")";
    return t;
}

}  // namespace

int measuredCudaBatch(const InferenceDevice& device) {
    static std::once_flag once;
    static int measured = InferenceDevice::kDefaultCudaBatch;
    std::call_once(once, [&device] {
        const DeviceSelfTest t = selfTest(device, "cuda:0", kCudaBatches, 256);
        if (t.chosenBatch > 0) measured = t.chosenBatch;
    });
    return measured;
}

std::string SystemCheck::cudaLine() const {
    if (!cudaBuilt) return "no CUDA: this LibTorch is built without it (CPU only)";
    if (!cudaAvailable) return "no CUDA: this LibTorch has CUDA, but no device answers (driver or GPU missing)";
    return "CUDA: " + std::to_string(gpus.size()) + (gpus.size() == 1 ? " device" : " devices");
}

SystemCheck checkSystem(const SystemCheckOptions& options) {
    SystemCheck c;
    c.torchVersion = TORCH_VERSION;
    c.opencvVersion = CV_VERSION;
    c.hardwareThreads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    c.torchThreads = torch::get_num_threads();
    try {
        c.cudaBuilt = at::hasCUDA();
        c.cudaAvailable = torch::cuda::is_available();
        if (c.cudaAvailable) c.gpus = listGpus();
    } catch (const std::exception& e) {
        c.problems.push_back("CUDA could not be queried: " + firstLine(e));
        c.cudaAvailable = false;
    }
    c.defaultDevice = c.cudaAvailable ? "cuda" : "cpu";
    if (!options.selfTest) return c;

    const auto cpu = InferenceDevice::choose("cpu", 0, 0, 0);
    if (cpu) c.selfTests.push_back(selfTest(*cpu, "cpu", kCpuBatches, options.patchesPerTrial));
    else c.problems.push_back(cpu.error());
    if (c.cudaAvailable) {
        // The batch is given: choose() would otherwise measure it, as this does.
        const auto cuda = InferenceDevice::choose("cuda", InferenceDevice::kDefaultCudaBatch, 0, 0);
        if (cuda) c.selfTests.push_back(selfTest(*cuda, "cuda:0", kCudaBatches, options.patchesPerTrial));
        else c.problems.push_back(cuda.error());
    }
    for (const DeviceSelfTest& t : c.selfTests)
        if (!t.problem.empty()) c.problems.push_back("The self-test on " + t.device + " failed: " + t.problem);
    return c;
}

}  // namespace slidesight::model
