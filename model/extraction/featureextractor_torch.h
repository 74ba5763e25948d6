#pragma once
#include "model/common/torchside.h"

#include "viewer/common/expected.h"

#include <torch/types.h>

#include <cstdint>
#include <memory>
#include <string>

namespace slidesight::model {

/// Maps a batch of normalised patches [B, 3, p, p] (RGB, ImageNet mean/std) to features
/// [B, K] (spec, GFE step 4). Implementations: the project's ResNet-18/34 (torchvision state
/// dict, or seeded random weights) and any TorchScript module.
///
/// Not thread-safe: create it, move it to its device and call it on the analysis thread.
/// extract() sets eval mode and no-grad itself.
class FeatureExtractor {
public:
    virtual ~FeatureExtractor() = default;

    /// [B, 3, p, p] -> [B, K], on the extractor's device. Throws Torch's exceptions for
    /// inputs that do not fit; callers at the module boundary catch them.
    virtual torch::Tensor extract(const torch::Tensor& batch) = 0;
    virtual int64_t featureCount() const = 0;
    /// What it is, for metadata and the user: "resnet34 torchvision weights from /x.pth",
    /// "resnet34 random:7 (untrained)", "TorchScript /x.pt".
    virtual std::string description() const = 0;
    /// False for random weights: the output must then be labelled untrained wherever shown.
    virtual bool trained() const = 0;
    virtual void to(const torch::Device& device) = 0;
    /// Moves the weights to `device` and `dtype` (float16 on CUDA), with 4-D weights in the
    /// channels-last memory format when `channelsLast` is set. extract() then expects inputs of
    /// the same device, type and format.
    virtual void prepare(const torch::Device& device, torch::Dtype dtype, bool channelsLast) = 0;

    /// Opens an extractor. `weights` is "random:SEED" (seeded, untrained), a torchvision
    /// state-dict file (.pth, keys as torchvision's; a classifier's fc.* keys are ignored), or
    /// a TorchScript file. `architecture` is "resnet34" or "resnet18" (ignored for
    /// TorchScript). Fails with one sentence naming the problem.
    static Expected<std::unique_ptr<FeatureExtractor>> open(const std::string& weights,
                                                            const std::string& architecture = "resnet34");
};

}  // namespace slidesight::model
