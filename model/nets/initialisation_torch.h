#pragma once
#include "model/common/torchside.h"

#include <torch/nn/module.h>

#include <cstdint>

namespace slidesight::model {

/// torchvision's ResNet initialisation applied to every submodule of `module`, drawn after
/// torch::manual_seed(seed) in registration order, so that the same seed gives the same
/// weights: Kaiming-normal fan-out convolution weights (ReLU gain) and zero convolution biases,
/// batch-norm weight 1, bias 0 and fresh running statistics, PyTorch's default linear layers.
/// These are untrained weights. Reseeds Torch's global CPU generator.
void initialiseSeeded(torch::nn::Module& module, uint64_t seed);

}  // namespace slidesight::model
