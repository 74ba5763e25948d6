#pragma once

// What this machine and build offer the feature extractor, for `slidesight-cli doctor` and the
// Analysis dock: library versions, CPU threads, whether CUDA is built in and usable, each GPU's
// name and memory, and a short self-test of the extractor (ResNet-34, seeded random weights, on
// random 224 px patches) on each usable device, which also chooses the batch size: the fastest
// of a few measured sizes (on CUDA, larger ones until memory runs out or speed stops growing).
// Torch-free header; the work is on the Torch side.

#include <cstdint>
#include <string>
#include <vector>

namespace slidesight::model {

struct GpuInfo {
    int index = 0;
    std::string name;
    int64_t totalBytes = 0;
    int64_t freeBytes = -1;  ///< -1: unknown
};

/// One batch size tried in a self-test.
struct BatchTrial {
    int batchSize = 0;
    double patchesPerSecond = 0.0;  ///< 0 when it failed
    std::string problem;            ///< why it failed (out of memory, ...); empty otherwise
};

/// The extractor on one device.
struct DeviceSelfTest {
    std::string device;     ///< "cpu", "cuda:0"
    std::string precision;  ///< "float32", "float16"
    int torchThreads = 0;
    std::vector<BatchTrial> trials;
    int chosenBatch = 0;    ///< 0 when every trial failed
    double patchesPerSecond = 0.0;  ///< at the chosen batch
    std::string reason;     ///< why this batch, in one sentence
    std::string problem;    ///< why the self-test failed; empty when it ran
};

struct SystemCheck {
    std::string torchVersion;
    std::string opencvVersion;
    int hardwareThreads = 0;
    int torchThreads = 0;          ///< Torch's intra-op threads by default
    bool cudaBuilt = false;        ///< this LibTorch has CUDA in it
    bool cudaAvailable = false;    ///< and a device answers
    std::vector<GpuInfo> gpus;
    std::vector<DeviceSelfTest> selfTests;
    /// What extraction uses by default ("cuda" when it is available, else "cpu").
    std::string defaultDevice;
    std::vector<std::string> problems;  ///< one sentence each
    /// "no CUDA: ...", or "CUDA: N device(s)".
    std::string cudaLine() const;
};

struct SystemCheckOptions {
    bool selfTest = true;
    int patchesPerTrial = 32;  ///< at least two batches are run for each size
};

/// Never throws: what fails is in `problems` or the self-test's `problem`.
SystemCheck checkSystem(const SystemCheckOptions& options = {});

}  // namespace slidesight::model
