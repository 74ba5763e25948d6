#pragma once
#include "model/common/torchside.h"

#include <torch/nn/module.h>
#include <torch/nn/modules/batchnorm.h>
#include <torch/nn/modules/container/modulelist.h>
#include <torch/nn/modules/conv.h>
#include <torch/nn/pimpl.h>

#include <cstdint>
#include <vector>

namespace slidesight::model {

/// A 3x3 convolution (no bias), batch norm and ReLU; `stride` 2 halves the resolution.
/// State-dict keys: conv.weight, bn.{weight,bias,running_mean,running_var,num_batches_tracked}.
class ConvBnReluImpl : public torch::nn::Module {
public:
    ConvBnReluImpl(int64_t in, int64_t out, int64_t stride);
    torch::Tensor forward(const torch::Tensor& x);

    torch::nn::Conv2d conv{nullptr};
    torch::nn::BatchNorm2d bn{nullptr};
};
TORCH_MODULE(ConvBnRelu);

/// The additive attention gate of LRAN's skip connections (Oktay et al.'s form, as in the
/// spec): alpha = sigmoid(psi(ReLU(W_x x + W_g g))), with x the encoder's skip feature, g the
/// decoder feature at the same scale, W_x, W_g 1x1 convolutions to `inner` channels (W_x
/// without bias) and psi a 1x1 convolution to one channel. forward() gives alpha [B, 1, h, w],
/// each value in (0, 1); the skip is then x * alpha.
/// State-dict keys: wx.weight, wg.weight, wg.bias, psi.weight, psi.bias.
class AttentionGateImpl : public torch::nn::Module {
public:
    AttentionGateImpl(int64_t skipChannels, int64_t gatingChannels, int64_t inner);
    torch::Tensor forward(const torch::Tensor& x, const torch::Tensor& g);

    torch::nn::Conv2d wx{nullptr}, wg{nullptr}, psi{nullptr};
};
TORCH_MODULE(AttentionGate);

/// Sizes of the attention branch. The defaults suit a ResNet base on 256 x 256 patches.
struct AttentionBranchConfig {
    /// Output channels of the encoder's conv-BN-ReLU blocks; each block halves the resolution
    /// (3x3, stride 2, padding 1): 256 -> 128 -> 64 -> 32 -> 16 -> 8 -> 4 -> 2 by default.
    std::vector<int64_t> encoderChannels{16, 32, 64, 128, 256, 256, 256};
    /// Halvings from the input to the base network's feature map (ResNet: 5, 256 -> 8). The
    /// encoder block with this many halvings has the base's resolution; the blocks after it go
    /// below it, and the decoder comes back up to it with one skip connection per level.
    int baseHalvings = 5;
    int64_t maskChannels = 512;  ///< C: the base network's channels (H = B * M + B needs them equal)
    bool gated = true;           ///< LRAN (attention gates on the skips); false gives RAN (plain skips)

    /// Decoder levels (= skip connections): encoder blocks below the base's resolution.
    int levels() const { return static_cast<int>(encoderChannels.size()) - baseHalvings; }
};

/// What the branch gives for a batch.
struct AttentionBranchOutput {
    torch::Tensor maskLogits;          ///< [B, C, h, w] at the base's resolution (before eq. 2's softmax)
    std::vector<torch::Tensor> gates;  ///< per skip, coarse to fine: [B, 1, h_s, w_s]; empty for RAN
};

/// LRAN's attention branch (paper 002, Fig. 1; spec "LRAN"): an encoder of conv-BN-ReLU blocks
/// that halve the resolution down below the base network's, a decoder that upsamples
/// bilinearly to the next encoder level's size, concatenates that level's skip feature (gated
/// by an AttentionGate for LRAN, as is for RAN) and applies a conv-BN-ReLU block, and a 1x1
/// convolution from the last decoder level (the base's resolution) to the mask logits.
///
/// State-dict keys: encoder.<i>.*, decoder.<j>.* (j = 0 the coarsest level), gates.<j>.*
/// (LRAN only), mask.weight [C, c, 1, 1], mask.bias [C]. RAN's keys are LRAN's without
/// gates.*, so the two differ by the gates alone.
///
/// Not thread-safe: a module belongs to the thread that runs it.
class AttentionBranchImpl : public torch::nn::Module {
public:
    explicit AttentionBranchImpl(const AttentionBranchConfig& config = {});

    const AttentionBranchConfig& config() const { return config_; }
    AttentionBranchOutput forward(const torch::Tensor& x);

    torch::nn::ModuleList encoder{nullptr}, decoder{nullptr}, gates{nullptr};
    torch::nn::Conv2d mask{nullptr};

private:
    AttentionBranchConfig config_;
};
TORCH_MODULE(AttentionBranch);

}  // namespace slidesight::model
