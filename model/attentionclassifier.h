#pragma once

#include "viewer/slide/expected.h"

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

/// Sizes and choices of the attention-based classifier; the defaults are the spec's.
struct AttentionClassifierConfig {
    int64_t features = 512;   ///< K: channels of the feature grid G
    int64_t hidden = 64;      ///< H: 3DCL output channels, one attention map per channel and set
    int64_t kernel = 3;       ///< n: the 3DCL's n x n spatial extent (odd, padding n/2)
    int64_t outputs = 2;      ///< C logits for classification; 1 for regression
    AttentionSets sets = AttentionSets::MaxMin;
    Nonlinearity nonlinearity = Nonlinearity::ReLU;

    /// The pooling kinds in linear-layer order.
    enum class Pool { Max, Min, Avg };
    std::vector<Pool> pools() const;
    int64_t fcInputs() const { return static_cast<int64_t>(pools().size()) * hidden * features; }

    /// "max+min", "max", "min", "avg", "avg+max" / "relu", "tanh", "none".
    static Expected<AttentionSets> parseSets(const std::string& text);
    static Expected<Nonlinearity> parseNonlinearity(const std::string& text);
    static std::string name(AttentionSets sets);
    static std::string name(Nonlinearity nonlinearity);
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
///  1. G' = conv_{K->H, n x n, padding n/2}(G), no activation (the 3DCL);
///  2. max- and min-pooling of G', 3x3, stride 1, padding 1, invalid cells taking no part;
///  3. A = softmax over the valid cells of each channel (eq. 1), 0 on invalid cells;
///  4. v[h, k] = sum_{m,n} A[h,m,n] G[k,m,n] (eq. 2), then the non-linearity;
///  5. the sets' H*K vectors concatenated (index s*H*K + h*K + k) and one linear layer.
/// State-dict keys: conv.weight [H,K,n,n], conv.bias [H], fc.weight [C, sets*H*K], fc.bias [C].
///
/// Inputs: G [B, K, M', N'] and a validity mask [B, M', N'] (bool; an undefined tensor means
/// all valid). Invalid cells (batch padding, optionally background) are zeroed in G before
/// the 3DCL, so the result does not depend on what the padding holds or where it sits.
///
/// Not thread-safe: a module belongs to the thread that runs it.
class AttentionClassifierImpl : public torch::nn::Module {
public:
    explicit AttentionClassifierImpl(const AttentionClassifierConfig& config = {});

    const AttentionClassifierConfig& config() const { return config_; }

    AttentionResult forward(const torch::Tensor& grid, const torch::Tensor& mask = {});
    /// G' = 3DCL(G masked); [B, H, M', N'].
    torch::Tensor gPrime(const torch::Tensor& grid, const torch::Tensor& mask);
    /// Steps 2-5 from a given G' (Grad-CAM differentiates the logits with respect to it).
    AttentionResult forwardFromGPrime(const torch::Tensor& gPrime, const torch::Tensor& grid,
                                      const torch::Tensor& mask);

    /// Step 2 for one pooling kind: 3x3, stride 1, padding 1 over G' [B, H, M', N'] with the
    /// validity mask [B, M', N']. Invalid cells take no part: -inf for max, +inf for min
    /// (min-pool(x) = -max-pool(-x)), left out of the average. Values on invalid cells are
    /// meaningless (eq. 1 masks them).
    static torch::Tensor pool(const torch::Tensor& gPrime, const torch::Tensor& valid,
                              AttentionClassifierConfig::Pool kind);
    /// A [B, M', N'] bool mask: `mask` checked against the grid, or all true when undefined.
    static torch::Tensor validMask(const torch::Tensor& grid, const torch::Tensor& mask);

    torch::nn::Conv2d conv{nullptr};
    torch::nn::Linear fc{nullptr};

private:
    /// Steps 2-5 from G', the grid with invalid cells zeroed and the validity mask [B, M', N'].
    AttentionResult head(const torch::Tensor& gPrime, const torch::Tensor& maskedGrid, const torch::Tensor& valid);

    AttentionClassifierConfig config_;
};
TORCH_MODULE(AttentionClassifier);

}  // namespace slidesight::model
