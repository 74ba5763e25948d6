#pragma once
#include "model/common/torchside.h"

#include <torch/nn/module.h>
#include <torch/nn/modules/batchnorm.h>
#include <torch/nn/modules/container/sequential.h>
#include <torch/nn/modules/conv.h>
#include <torch/nn/pimpl.h>

namespace slidesight::model {

/// torchvision's ResNet BasicBlock (two 3x3 convolutions, identity or 1x1 projection
/// shortcut), with torchvision's submodule names (conv1, bn1, conv2, bn2, downsample.0,
/// downsample.1) so that state-dict keys match.
///
/// Not thread-safe: a module belongs to the thread that runs it.
class BasicBlockImpl : public torch::nn::Module {
public:
    BasicBlockImpl(int64_t inChannels, int64_t outChannels, int64_t stride);

    torch::Tensor forward(const torch::Tensor& x);

    torch::nn::Conv2d conv1{nullptr};
    torch::nn::BatchNorm2d bn1{nullptr};
    torch::nn::Conv2d conv2{nullptr};
    torch::nn::BatchNorm2d bn2{nullptr};
    torch::nn::Sequential downsample{nullptr};  ///< null when the shortcut is the identity
};
TORCH_MODULE(BasicBlock);

}  // namespace slidesight::model
