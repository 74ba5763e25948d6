#include "model/attentionclassifier.h"

#include <torch/torch.h>

#include <limits>

namespace slidesight::model {

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
    TORCH_CHECK(grid.size(1) == config_.features, "the grid has ", grid.size(1), " channels, the classifier expects ",
                config_.features);
    const torch::Tensor valid = validMask(grid, mask).unsqueeze(1).to(grid.dtype());
    return conv->forward(grid * valid);
}

AttentionResult AttentionClassifierImpl::forward(const torch::Tensor& grid, const torch::Tensor& mask) {
    return forwardFromGPrime(gPrime(grid, mask), grid, mask);
}

AttentionResult AttentionClassifierImpl::forwardFromGPrime(const torch::Tensor& gp, const torch::Tensor& grid,
                                                           const torch::Tensor& mask) {
    const torch::Tensor valid = validMask(grid, mask).unsqueeze(1);  // [B, 1, M', N'] bool
    const torch::Tensor invalid = valid.logical_not();
    const torch::Tensor validF = valid.to(grid.dtype());
    const torch::Tensor maskedGrid = grid * validF;
    constexpr double inf = std::numeric_limits<double>::infinity();

    AttentionResult result;
    result.gPrime = gp;
    std::vector<torch::Tensor> parts;
    for (const auto pool : config_.pools()) {
        torch::Tensor pooled;
        switch (pool) {
        case AttentionClassifierConfig::Pool::Max:
            // Invalid cells are -inf so they never win; max_pool2d pads with -inf as well.
            pooled = torch::max_pool2d(gp.masked_fill(invalid, -inf), 3, 1, 1);
            break;
        case AttentionClassifierConfig::Pool::Min:
            // min-pool(x) = -max-pool(-x), invalid cells +inf (i.e. -inf after negation).
            pooled = -torch::max_pool2d((-gp).masked_fill(invalid, -inf), 3, 1, 1);
            break;
        case AttentionClassifierConfig::Pool::Avg: {
            // Mean over the valid cells of each window: windowed sums of the values and of
            // the mask (avg_pool2d's common divisor cancels). The clamp keeps an all-invalid
            // window at 0 instead of 0/0, whose gradient would be NaN.
            const auto sum = torch::avg_pool2d(gp * validF, 3, 1, 1);
            const auto count = torch::avg_pool2d(validF, 3, 1, 1).clamp_min(1e-6);
            pooled = sum / count;
            break;
        }
        }
        // Eq. (1): a softmax over the valid cells of each channel; invalid cells get exactly 0.
        const torch::Tensor scores = pooled.masked_fill(invalid, -inf);
        const torch::Tensor attention = torch::softmax(scores.flatten(2), 2).view_as(scores);
        // Eq. (2): v[b, h, k] = sum_{m,n} A[b, h, m, n] G[b, k, m, n].
        torch::Tensor v = torch::einsum("bhmn,bkmn->bhk", {attention, maskedGrid});
        if (config_.nonlinearity == Nonlinearity::ReLU) v = torch::relu(v);
        else if (config_.nonlinearity == Nonlinearity::Tanh) v = torch::tanh(v);
        parts.push_back(v.flatten(1));  // index h*K + k
        switch (pool) {
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
