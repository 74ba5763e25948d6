#include "model/attentionclassifier.h"

#include <torch/torch.h>

#include <limits>
#include <stdexcept>

namespace slidesight::model {

namespace {
constexpr double kInfinity = std::numeric_limits<double>::infinity();

/// Eq. (2), v[b, h, k] = sum_{m,n} A[b, h, m, n] G[b, k, m, n]. On the CPU in float32 each
/// grid's product A (H x M'N') G^T (M'N' x K) runs as a 1 x 1 convolution with A as the kernel:
/// oneDNN's kernels, several times faster than the matrix product of a reference BLAS (which
/// Debian's LibTorch links) and than einsum, forwards and backwards. G in channels-last memory
/// is already laid out as [M'N', K] per grid.
torch::Tensor weightedSums(const torch::Tensor& attention, const torch::Tensor& grid) {
    if (!grid.is_cpu() || grid.scalar_type() != torch::kFloat32 || attention.scalar_type() != torch::kFloat32)
        return torch::einsum("bhmn,bkmn->bhk", {attention, grid});
    const int64_t batch = grid.size(0), features = grid.size(1), hidden = attention.size(1);
    const int64_t cells = grid.size(2) * grid.size(3);
    const torch::Tensor cellsByFeature = grid.permute({0, 2, 3, 1}).reshape({batch, cells, features});
    std::vector<torch::Tensor> sums;
    for (int64_t b = 0; b < batch; ++b)
        sums.push_back(torch::conv1d(cellsByFeature[b].unsqueeze(0), attention[b].reshape({hidden, cells, 1})));
    return torch::cat(sums, 0);  // [B, H, K]
}
}  // namespace

std::vector<AttentionClassifierConfig::Pool> AttentionClassifierConfig::pools() const {
    switch (sets) {
    case AttentionSets::MaxMin: return {Pool::Max, Pool::Min};
    case AttentionSets::Max: return {Pool::Max};
    case AttentionSets::Min: return {Pool::Min};
    case AttentionSets::Avg: return {Pool::Avg};
    case AttentionSets::AvgMax: return {Pool::Avg, Pool::Max};
    }
    return {};
}

Expected<AttentionSets> AttentionClassifierConfig::parseSets(const std::string& text) {
    for (auto s : {AttentionSets::MaxMin, AttentionSets::Max, AttentionSets::Min, AttentionSets::Avg,
                   AttentionSets::AvgMax})
        if (text == name(s)) return s;
    return Expected<AttentionSets>::failure("Unknown attention sets \"" + text +
                                            "\": use max+min, max, min, avg or avg+max.");
}

Expected<Nonlinearity> AttentionClassifierConfig::parseNonlinearity(const std::string& text) {
    for (auto n : {Nonlinearity::ReLU, Nonlinearity::Tanh, Nonlinearity::None})
        if (text == name(n)) return n;
    return Expected<Nonlinearity>::failure("Unknown non-linearity \"" + text + "\": use relu, tanh or none.");
}

std::string AttentionClassifierConfig::name(AttentionSets sets) {
    switch (sets) {
    case AttentionSets::MaxMin: return "max+min";
    case AttentionSets::Max: return "max";
    case AttentionSets::Min: return "min";
    case AttentionSets::Avg: return "avg";
    case AttentionSets::AvgMax: return "avg+max";
    }
    return {};
}

std::string AttentionClassifierConfig::name(Nonlinearity nonlinearity) {
    switch (nonlinearity) {
    case Nonlinearity::ReLU: return "relu";
    case Nonlinearity::Tanh: return "tanh";
    case Nonlinearity::None: return "none";
    }
    return {};
}

AttentionClassifierImpl::AttentionClassifierImpl(const AttentionClassifierConfig& config) : config_(config) {
    TORCH_CHECK(config.kernel > 0 && config.kernel % 2 == 1,
                "the 3DCL kernel must be odd so that padding n/2 keeps the grid size");
    TORCH_CHECK(config.features > 0 && config.hidden > 0 && config.outputs > 0,
                "the attention classifier needs positive K, H and C");
    conv = register_module("conv", torch::nn::Conv2d(torch::nn::Conv2dOptions(config.features, config.hidden,
                                                                              config.kernel)
                                                         .padding(config.kernel / 2)));
    fc = register_module("fc", torch::nn::Linear(config.fcInputs(), config.outputs));
}

torch::Tensor AttentionClassifierImpl::validMask(const torch::Tensor& grid, const torch::Tensor& mask) {
    TORCH_CHECK(grid.dim() == 4, "the feature grid must be [B, K, M', N']");
    if (!mask.defined())
        return torch::ones({grid.size(0), grid.size(2), grid.size(3)},
                           torch::TensorOptions().dtype(torch::kBool).device(grid.device()));
    TORCH_CHECK(mask.dim() == 3 && mask.size(0) == grid.size(0) && mask.size(1) == grid.size(2) &&
                    mask.size(2) == grid.size(3),
                "the validity mask must be [B, M', N'] matching the grid");
    const torch::Tensor valid = mask.to(grid.device(), torch::kBool);
    // A grid without a valid cell has no softmax (0/0): refuse it rather than return NaN.
    TORCH_CHECK(valid.flatten(1).any(1).all().item<bool>(), "every grid needs at least one valid cell");
    return valid;
}

torch::Tensor AttentionClassifierImpl::gPrime(const torch::Tensor& grid, const torch::Tensor& mask) {
    // masked_fill rather than a multiplication: 0 * NaN or 0 * inf in a padding cell would
    // still be NaN, and the result must not depend on what the padding holds.
    const torch::Tensor invalid = validMask(grid, mask).logical_not().unsqueeze(1);
    TORCH_CHECK(grid.size(1) == config_.features, "the grid has ", grid.size(1), " channels, the classifier expects ",
                config_.features);
    return conv->forward(grid.masked_fill(invalid, 0.0));
}

AttentionResult AttentionClassifierImpl::forward(const torch::Tensor& grid, const torch::Tensor& mask) {
    return forwardFromGPrime(gPrime(grid, mask), grid, mask);
}

torch::Tensor AttentionClassifierImpl::pool(const torch::Tensor& gp, const torch::Tensor& valid,
                                            AttentionClassifierConfig::Pool kind) {
    TORCH_CHECK(gp.dim() == 4 && valid.dim() == 3 && valid.size(0) == gp.size(0) && valid.size(1) == gp.size(2) &&
                    valid.size(2) == gp.size(3),
                "pooling needs G' [B, H, M', N'] and a validity mask [B, M', N']");
    const torch::Tensor invalid = valid.to(torch::kBool).logical_not().unsqueeze(1);
    switch (kind) {
    case AttentionClassifierConfig::Pool::Max:
        // Invalid cells are -inf so they never win; max_pool2d pads with -inf as well.
        return torch::max_pool2d(gp.masked_fill(invalid, -kInfinity), 3, 1, 1);
    case AttentionClassifierConfig::Pool::Min:
        // min-pool(x) = -max-pool(-x), invalid cells +inf (i.e. -inf after negation).
        return -torch::max_pool2d((-gp).masked_fill(invalid, -kInfinity), 3, 1, 1);
    case AttentionClassifierConfig::Pool::Avg: {
        // Mean over the valid cells of each window: windowed sums of the values and of the mask
        // (avg_pool2d's common divisor cancels). The clamp keeps an all-invalid window at 0
        // instead of 0/0, whose gradient would be NaN.
        const torch::Tensor sum = torch::avg_pool2d(gp.masked_fill(invalid, 0.0), 3, 1, 1);
        const torch::Tensor count = torch::avg_pool2d(invalid.logical_not().to(gp.dtype()), 3, 1, 1).clamp_min(1e-6);
        return sum / count;
    }
    }
    throw std::invalid_argument("unknown pooling kind");
}

AttentionResult AttentionClassifierImpl::forwardFromGPrime(const torch::Tensor& gp, const torch::Tensor& grid,
                                                           const torch::Tensor& mask) {
    const torch::Tensor valid = validMask(grid, mask).unsqueeze(1);  // [B, 1, M', N'] bool
    TORCH_CHECK(gp.dim() == 4 && gp.size(0) == grid.size(0) && gp.size(1) == config_.hidden &&
                    gp.size(2) == grid.size(2) && gp.size(3) == grid.size(3),
                "G' must be [B, H, M', N'] matching the grid and the classifier");
    const torch::Tensor invalid = valid.logical_not();
    const torch::Tensor maskedGrid = grid.masked_fill(invalid, 0.0);

    AttentionResult result;
    result.gPrime = gp;
    std::vector<torch::Tensor> parts;
    for (const auto kind : config_.pools()) {
        const torch::Tensor pooled = AttentionClassifierImpl::pool(gp, valid.squeeze(1), kind);
        // Eq. (1): a softmax over the valid cells of each channel; invalid cells get exactly 0.
        const torch::Tensor scores = pooled.masked_fill(invalid, -kInfinity);
        const torch::Tensor attention = torch::softmax(scores.flatten(2), 2).view_as(scores);
        // Eq. (2): v[b, h, k] = sum_{m,n} A[b, h, m, n] G[b, k, m, n].
        torch::Tensor v = weightedSums(attention, maskedGrid);
        if (config_.nonlinearity == Nonlinearity::ReLU) v = torch::relu(v);
        else if (config_.nonlinearity == Nonlinearity::Tanh) v = torch::tanh(v);
        parts.push_back(v.flatten(1));  // index h*K + k
        switch (kind) {
        case AttentionClassifierConfig::Pool::Max: result.attentionMax = attention; break;
        case AttentionClassifierConfig::Pool::Min: result.attentionMin = attention; break;
        case AttentionClassifierConfig::Pool::Avg: result.attentionAvg = attention; break;
        }
    }
    // Concatenation in set order: index s*H*K + h*K + k.
    result.logits = fc->forward(torch::cat(parts, 1));
    return result;
}

}  // namespace slidesight::model
