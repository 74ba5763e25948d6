#include "model/attention/attentionclassifier_torch.h"

#include "model/attention/attentionkernels_torch.h"

#include <torch/torch.h>

#include <cmath>
#include <limits>
#include <stdexcept>

namespace slidesight::model {

namespace {
constexpr double kInfinity = std::numeric_limits<double>::infinity();

/// The grid with invalid cells zeroed; the grid itself when every cell is valid. masked_fill
/// rather than a multiplication: 0 * NaN or 0 * inf in a padding cell would still be NaN, and
/// the result must not depend on what the padding holds.
torch::Tensor maskedGrid(const torch::Tensor& grid, const torch::Tensor& valid) {
    if (valid.all().item<bool>()) return grid;
    return grid.masked_fill(valid.logical_not().unsqueeze(1), 0.0);
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

Expected<ConvPadding> AttentionClassifierConfig::parsePadding(const std::string& text) {
    for (auto p : {ConvPadding::Zeros, ConvPadding::Centre})
        if (text == name(p)) return p;
    return Expected<ConvPadding>::failure("Unknown 3DCL padding \"" + text + "\": use zeros or centre.");
}

std::string AttentionClassifierConfig::name(ConvPadding padding) {
    return padding == ConvPadding::Centre ? "centre" : "zeros";
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
    TORCH_CHECK(std::isfinite(config.inputScale) && config.inputScale > 0.0, "the input scale must be above 0");
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

torch::Tensor AttentionClassifierImpl::attendedMask(const torch::Tensor& valid, const torch::Tensor& attend) {
    if (!attend.defined()) return valid;
    TORCH_CHECK(attend.dim() == 3 && attend.sizes() == valid.sizes(),
                "the attention mask must be [B, M', N'] matching the grid");
    const torch::Tensor attended = attend.to(valid.device(), torch::kBool).logical_and(valid);
    TORCH_CHECK(attended.flatten(1).any(1).all().item<bool>(), "every grid needs at least one cell to attend to");
    return attended;
}

torch::Tensor AttentionClassifierImpl::centrePadding(const torch::Tensor& g, const torch::Tensor& valid) {
    namespace F = torch::nn::functional;
    const int64_t n = config_.kernel, hidden = config_.hidden;
    const int64_t batch = g.size(0), rows = g.size(2), columns = g.size(3);
    // missing[b, o, p] = 1 - m_{p+o}: unfold pads with 0, so outside the grid counts as missing.
    const torch::Tensor present =
        F::unfold(valid.unsqueeze(1).to(g.dtype()), F::UnfoldFuncOptions({n, n}).padding(n / 2));  // [B, n*n, P]
    const torch::Tensor missing = (1.0 - present).view({batch, 1, n * n, rows, columns});
    // W_o G(p) for every offset o at once: a 1 x 1 convolution with the n*n taps as outputs
    // (row h*n*n + o, o = ky*n + kx, unfold's order), so it runs where the 3DCL runs.
    const torch::Tensor taps = conv->weight.permute({0, 2, 3, 1}).reshape({hidden * n * n, g.size(1), 1, 1});
    const torch::Tensor perTap = torch::conv2d(g, taps).view({batch, hidden, n * n, rows, columns});
    return (perTap * missing).sum(2);
}

torch::Tensor AttentionClassifierImpl::input(const torch::Tensor& grid, const torch::Tensor& valid) const {
    TORCH_CHECK(grid.size(1) == config_.features, "the grid has ", grid.size(1), " channels, the classifier expects ",
                config_.features);
    const torch::Tensor masked = maskedGrid(grid, valid);
    return config_.inputScale == 1.0 ? masked : masked * config_.inputScale;
}

torch::Tensor AttentionClassifierImpl::convolve(const torch::Tensor& in, const torch::Tensor& valid) {
    torch::Tensor out = conv->forward(in);
    if (config_.padding == ConvPadding::Centre && config_.kernel > 1) out = out + centrePadding(in, valid);
    return out;
}

torch::Tensor AttentionClassifierImpl::gPrime(const torch::Tensor& grid, const torch::Tensor& mask) {
    const torch::Tensor valid = validMask(grid, mask);
    return convolve(input(grid, valid), valid);
}

AttentionResult AttentionClassifierImpl::forward(const torch::Tensor& grid, const torch::Tensor& mask,
                                                 const torch::Tensor& attend) {
    const torch::Tensor valid = validMask(grid, mask);
    const torch::Tensor in = input(grid, valid);
    return head(convolve(in, valid), in, attendedMask(valid, attend));
}

torch::Tensor AttentionClassifierImpl::pool(const torch::Tensor& gp, const torch::Tensor& valid,
                                            AttentionClassifierConfig::Pool kind) {
    TORCH_CHECK(gp.dim() == 4 && valid.dim() == 3 && valid.size(0) == gp.size(0) && valid.size(1) == gp.size(2) &&
                    valid.size(2) == gp.size(3),
                "pooling needs G' [B, H, M', N'] and a validity mask [B, M', N']");
    switch (kind) {
    case AttentionClassifierConfig::Pool::Max: return maskedPool3x3(gp, valid, false);
    case AttentionClassifierConfig::Pool::Min: return maskedPool3x3(gp, valid, true);
    case AttentionClassifierConfig::Pool::Avg: {
        // Mean over the valid cells of each window: windowed sums of the values and of the mask
        // (avg_pool2d's common divisor cancels). The clamp keeps an all-invalid window at 0
        // instead of 0/0, whose gradient would be NaN.
        const torch::Tensor invalid = valid.to(torch::kBool).logical_not().unsqueeze(1);
        const torch::Tensor sum = torch::avg_pool2d(gp.masked_fill(invalid, 0.0), 3, 1, 1);
        const torch::Tensor count = torch::avg_pool2d(invalid.logical_not().to(gp.dtype()), 3, 1, 1).clamp_min(1e-6);
        return sum / count;
    }
    }
    throw std::invalid_argument("unknown pooling kind");
}

AttentionResult AttentionClassifierImpl::forwardFromGPrime(const torch::Tensor& gp, const torch::Tensor& grid,
                                                           const torch::Tensor& mask, const torch::Tensor& attend) {
    const torch::Tensor valid = validMask(grid, mask);
    return head(gp, input(grid, valid), attendedMask(valid, attend));
}

AttentionResult AttentionClassifierImpl::head(const torch::Tensor& gp, const torch::Tensor& maskedGrid,
                                              const torch::Tensor& valid) {
    TORCH_CHECK(gp.dim() == 4 && gp.size(0) == maskedGrid.size(0) && gp.size(1) == config_.hidden &&
                    gp.size(2) == maskedGrid.size(2) && gp.size(3) == maskedGrid.size(3),
                "G' must be [B, H, M', N'] matching the grid and the classifier");
    const torch::Tensor invalid = valid.logical_not().unsqueeze(1);  // [B, 1, M', N']
    const auto pools = config_.pools();
    // Eq. (1) for all sets at once: a softmax over the valid cells of each channel; invalid
    // cells get exactly 0. Set s is channels s*H .. s*H + H - 1.
    std::vector<torch::Tensor> pooled;
    for (const auto kind : pools) pooled.push_back(AttentionClassifierImpl::pool(gp, valid, kind));
    torch::Tensor scores = torch::cat(pooled, 1);
    if (!valid.all().item<bool>()) scores = scores.masked_fill(invalid, -kInfinity);
    const torch::Tensor attention = torch::softmax(scores.flatten(2), 2).view_as(scores);
    // Eq. (2): v[b, s*H + h, k] = sum_{m,n} A[b, s*H + h, m, n] G[b, k, m, n], all sets in one
    // product per grid.
    torch::Tensor v = weightedSums(attention, maskedGrid);
    if (config_.nonlinearity == Nonlinearity::ReLU) v = torch::relu(v);
    else if (config_.nonlinearity == Nonlinearity::Tanh) v = torch::tanh(v);

    AttentionResult result;
    result.gPrime = gp;
    const int64_t hidden = config_.hidden;
    for (size_t s = 0; s < pools.size(); ++s) {
        const torch::Tensor set = attention.narrow(1, static_cast<int64_t>(s) * hidden, hidden);
        switch (pools[s]) {
        case AttentionClassifierConfig::Pool::Max: result.attentionMax = set; break;
        case AttentionClassifierConfig::Pool::Min: result.attentionMin = set; break;
        case AttentionClassifierConfig::Pool::Avg: result.attentionAvg = set; break;
        }
    }
    // The sets in order, flattened: index s*H*K + h*K + k.
    result.logits = fc->forward(v.flatten(1));
    return result;
}

}  // namespace slidesight::model
