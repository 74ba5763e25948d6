#pragma once
#include "model/common/torchside.h"

#include "model/nets/basicblock_torch.h"

#include <torch/nn/modules/linear.h>

#include <array>
#include <cstdint>
#include <string>

namespace slidesight::model {

/// Sizes of a BasicBlock ResNet.
struct ResNetConfig {
    std::array<int, 4> blocks{3, 4, 6, 3};  ///< blocks in layer1..layer4
    /// Classes of the final linear layer `fc`; 0 leaves it out (a trunk up to global average
    /// pooling, as the feature extractor uses it). torchvision's ImageNet models have 1000.
    int64_t numClasses = 0;
    /// Channels of conv1 and layer1; layer2, layer3 and layer4 have 2, 4 and 8 times as many, so
    /// layer4 has 8 * width. 64 is torchvision's (layer4: 512, kFeatureCount); only that width
    /// takes torchvision's weights.
    int64_t width = 64;

    static ResNetConfig resnet18(int64_t numClasses = 0) { return {{2, 2, 2, 2}, numClasses}; }
    static ResNetConfig resnet34(int64_t numClasses = 0) { return {{3, 4, 6, 3}, numClasses}; }
    /// "resnet18" or "resnet34" (with "-w<width>" for a width other than 64), for messages and
    /// metadata.
    std::string name() const;
};

/// torchvision's ResNet-18/34 with its parameter and buffer names (conv1, bn1,
/// layer1.0.conv1, layer2.0.downsample.0, ..., fc), so a torchvision state dict loads without
/// renaming. forward() gives the globally average-pooled features [B, featureCount()] (512 at
/// torchvision's width); the input is [B, 3, H, W], RGB, normalised with ImageNet's mean and std.
///
/// Not thread-safe: a module belongs to the thread that runs it (eval() and NoGradGuard are
/// set there).
class ResNetImpl : public torch::nn::Module {
public:
    explicit ResNetImpl(const ResNetConfig& config = {});

    const ResNetConfig& config() const { return config_; }
    /// layer4's channels at torchvision's width (64).
    static constexpr int64_t kFeatureCount = 512;
    /// layer4's channels: 8 * config().width (kFeatureCount at torchvision's width).
    int64_t featureCount() const { return 8 * config_.width; }

    /// [B, featureCount(), H/32, W/32]: layer4's output (the last convolutional block).
    torch::Tensor featureMap(const torch::Tensor& x);
    /// [B, featureCount()]: featureMap() averaged over space.
    torch::Tensor forward(const torch::Tensor& x);
    /// [B, numClasses]: fc applied to forward(); needs numClasses > 0.
    torch::Tensor logits(const torch::Tensor& x);

    /// torchvision's initialisation (Kaiming-normal fan-out convolutions, batch-norm weight 1
    /// and bias 0, PyTorch's default linear layer) drawn after torch::manual_seed(seed):
    /// the same seed gives the same weights. These are untrained weights. Reseeds Torch's
    /// global CPU generator.
    void initialiseRandom(uint64_t seed);

    torch::nn::Conv2d conv1{nullptr};
    torch::nn::BatchNorm2d bn1{nullptr};
    torch::nn::Sequential layer1{nullptr}, layer2{nullptr}, layer3{nullptr}, layer4{nullptr};
    torch::nn::Linear fc{nullptr};  ///< null when numClasses == 0

private:
    ResNetConfig config_;
};
TORCH_MODULE(ResNet);

}  // namespace slidesight::model
