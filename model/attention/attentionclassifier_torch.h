#pragma once
#include "model/common/torchside.h"

#include "viewer/common/expected.h"

#include <torch/nn/module.h>
#include <torch/nn/modules/conv.h>
#include <torch/nn/modules/linear.h>
#include <torch/nn/pimpl.h>

#include <string>
#include <vector>

namespace slidesight::model {

/// Which pooled attention sets the classifier uses (paper 000, Table III). The order in the
/// name is the order of the sets in the linear layer's input (s = 0, 1).
enum class AttentionSets { MaxMin, Max, Min, Avg, AvgMax };
/// The non-linearity applied to the pooled features v (eq. 2).
enum class Nonlinearity { ReLU, Tanh, None };
/// What the 3DCL sees where a neighbour is missing (outside the grid, batch padding, or a
/// cell that was never extracted): zeros (the paper's zero padding), or the centre cell's own
/// features, which leaves G' unchanged at the border of homogeneous tissue.
enum class ConvPadding { Zeros, Centre };

/// Sizes and choices of the attention-based classifier; the defaults are the spec's.
struct AttentionClassifierConfig {
    int64_t features = 512;   ///< K: channels of the feature grid G
    int64_t hidden = 64;      ///< H: 3DCL output channels, one attention map per channel and set
    int64_t kernel = 3;       ///< n: the 3DCL's n x n spatial extent (odd, padding n/2)
    int64_t outputs = 2;      ///< C logits for classification; 1 for regression
    AttentionSets sets = AttentionSets::MaxMin;
    Nonlinearity nonlinearity = Nonlinearity::ReLU;
    ConvPadding padding = ConvPadding::Zeros;  ///< the paper's; the same in training and inference
    /// G is multiplied by this before the 3DCL and eq. 2. A reparametrisation (the same
    /// functions with weights scaled by it), for features far from a trained ResNet's scale,
    /// such as a seeded, untrained extractor's (about 50 times larger): it keeps the initial
    /// logits and the optimiser's steps in range. 1 in the paper; the same in training and
    /// inference (bundles record it).
    double inputScale = 1.0;

    /// The pooling kinds in linear-layer order.
    enum class Pool { Max, Min, Avg };
    std::vector<Pool> pools() const;
    int64_t fcInputs() const { return static_cast<int64_t>(pools().size()) * hidden * features; }

    /// "max+min", "max", "min", "avg", "avg+max" / "relu", "tanh", "none".
    static Expected<AttentionSets> parseSets(const std::string& text);
    static Expected<Nonlinearity> parseNonlinearity(const std::string& text);
    /// "zeros" / "centre".
    static Expected<ConvPadding> parsePadding(const std::string& text);
    static std::string name(AttentionSets sets);
    static std::string name(Nonlinearity nonlinearity);
    static std::string name(ConvPadding padding);
};

/// What one forward pass gives. Attention tensors of sets the variant does not use are
/// undefined.
struct AttentionResult {
    torch::Tensor logits;        ///< [B, C]
    torch::Tensor attentionMax;  ///< [B, H, M', N'], each channel sums to 1 over valid cells
    torch::Tensor attentionMin;  ///< [B, H, M', N']
    torch::Tensor attentionAvg;  ///< [B, H, M', N']
    torch::Tensor gPrime;        ///< [B, H, M', N']: the 3DCL output (Grad-CAM's target layer)
};

/// The attention-based classifier of paper 000 (section II.B, Fig. 2), exactly as in the spec:
///  1. G' = conv_{K->H, n x n, padding n/2}(G), no activation (the 3DCL); with
///     ConvPadding::Centre a missing neighbour i+o of cell i takes G(i), i.e. one extra term
///     sum_o (1 - m_{i+o}) W_o G(i) with m = 0 outside the grid;
///  2. max- and min-pooling of G', 3x3, stride 1, padding 1, invalid cells taking no part;
///  3. A = softmax over the valid cells of each channel (eq. 1), 0 on invalid cells;
///  4. v[h, k] = sum_{m,n} A[h,m,n] G[k,m,n] (eq. 2), then the non-linearity;
///  5. the sets' H*K vectors concatenated (index s*H*K + h*K + k) and one linear layer.
/// State-dict keys: conv.weight [H,K,n,n], conv.bias [H], fc.weight [C, sets*H*K], fc.bias [C].
///
/// Inputs: G [B, K, M', N'], a validity mask [B, M', N'] (bool; an undefined tensor means all
/// valid) and optionally an attention mask [B, M', N'] (undefined: the validity mask). Invalid
/// cells (batch padding, cells never extracted) are missing for the 3DCL: zeroed in G before
/// it (or replaced by the centre cell with ConvPadding::Centre), so the result does not depend
/// on what the padding holds or where it sits. The attention mask (for example the tissue
/// cells: spec, "3DCL borders") limits steps 2-4 only: cells outside it still feed the 3DCL
/// as real neighbours, as in the paper, whose convolution always saw the whole tissue box.
///
/// Not thread-safe: a module belongs to the thread that runs it.
class AttentionClassifierImpl : public torch::nn::Module {
public:
    explicit AttentionClassifierImpl(const AttentionClassifierConfig& config = {});

    const AttentionClassifierConfig& config() const { return config_; }

    AttentionResult forward(const torch::Tensor& grid, const torch::Tensor& mask = {},
                            const torch::Tensor& attend = {});
    /// G' = 3DCL(G masked), with the configured padding; [B, H, M', N'].
    torch::Tensor gPrime(const torch::Tensor& grid, const torch::Tensor& mask);
    /// Steps 2-5 from a given G' (Grad-CAM differentiates the logits with respect to it).
    AttentionResult forwardFromGPrime(const torch::Tensor& gPrime, const torch::Tensor& grid,
                                      const torch::Tensor& mask, const torch::Tensor& attend = {});

    /// Step 2 for one pooling kind: 3x3, stride 1, padding 1 over G' [B, H, M', N'] with the
    /// validity mask [B, M', N']. Invalid cells take no part: -inf for max, +inf for min
    /// (min-pool(x) = -max-pool(-x)), left out of the average. Values on invalid cells are
    /// meaningless (eq. 1 masks them).
    static torch::Tensor pool(const torch::Tensor& gPrime, const torch::Tensor& valid,
                              AttentionClassifierConfig::Pool kind);
    /// A [B, M', N'] bool mask: `mask` checked against the grid, or all true when undefined.
    static torch::Tensor validMask(const torch::Tensor& grid, const torch::Tensor& mask);
    /// The cells attended to: `attend` (checked like validMask) within `valid`, or `valid`
    /// itself when `attend` is undefined. Every grid needs one.
    static torch::Tensor attendedMask(const torch::Tensor& valid, const torch::Tensor& attend);

    torch::nn::Conv2d conv{nullptr};
    torch::nn::Linear fc{nullptr};

private:
    /// Steps 2-5 from G', the grid with invalid cells zeroed and the attended cells [B, M', N'].
    AttentionResult head(const torch::Tensor& gPrime, const torch::Tensor& maskedGrid, const torch::Tensor& attended);
    /// ConvPadding::Centre's extra term for the masked grid and its validity mask.
    torch::Tensor centrePadding(const torch::Tensor& maskedGrid, const torch::Tensor& valid);
    /// The classifier's input: the grid with invalid cells zeroed, times inputScale.
    torch::Tensor input(const torch::Tensor& grid, const torch::Tensor& valid) const;
    /// G' from the classifier's input.
    torch::Tensor convolve(const torch::Tensor& input, const torch::Tensor& valid);

    AttentionClassifierConfig config_;
};
TORCH_MODULE(AttentionClassifier);

}  // namespace slidesight::model
