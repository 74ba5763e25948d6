#include "model/lran/attentionbranch_torch.h"

#include <torch/torch.h>

#include <algorithm>

namespace slidesight::model {

ConvBnReluImpl::ConvBnReluImpl(int64_t in, int64_t out, int64_t stride) {
    conv = register_module("conv",
                           torch::nn::Conv2d(torch::nn::Conv2dOptions(in, out, 3).stride(stride).padding(1).bias(false)));
    bn = register_module("bn", torch::nn::BatchNorm2d(out));
}

torch::Tensor ConvBnReluImpl::forward(const torch::Tensor& x) {
    return torch::relu(bn->forward(conv->forward(x)));
}

AttentionGateImpl::AttentionGateImpl(int64_t skipChannels, int64_t gatingChannels, int64_t inner) {
    wx = register_module("wx", torch::nn::Conv2d(torch::nn::Conv2dOptions(skipChannels, inner, 1).bias(false)));
    wg = register_module("wg", torch::nn::Conv2d(torch::nn::Conv2dOptions(gatingChannels, inner, 1)));
    psi = register_module("psi", torch::nn::Conv2d(torch::nn::Conv2dOptions(inner, 1, 1)));
}

torch::Tensor AttentionGateImpl::forward(const torch::Tensor& x, const torch::Tensor& g) {
    return torch::sigmoid(psi->forward(torch::relu(wx->forward(x) + wg->forward(g))));
}

AttentionBranchImpl::AttentionBranchImpl(const AttentionBranchConfig& config) : config_(config) {
    const auto& channels = config.encoderChannels;
    TORCH_CHECK(config.baseHalvings >= 1 && config.levels() >= 1,
                "the attention branch's encoder must go below the base network's resolution");
    TORCH_CHECK(std::all_of(channels.begin(), channels.end(), [](int64_t c) { return c > 0; }) &&
                    config.maskChannels > 0,
                "the attention branch needs positive channel counts");
    encoder = register_module("encoder", torch::nn::ModuleList());
    int64_t in = 3;
    for (const int64_t out : channels) {
        encoder->push_back(ConvBnRelu(in, out, 2));
        in = out;
    }
    decoder = register_module("decoder", torch::nn::ModuleList());
    if (config.gated) gates = register_module("gates", torch::nn::ModuleList());
    // Decoder level j joins encoder block `skip` (from the coarsest skip to the base's level).
    int64_t previous = channels.back();
    for (int j = 0; j < config.levels(); ++j) {
        const int64_t skip = channels[channels.size() - 2 - j];
        if (config.gated) gates->push_back(AttentionGate(skip, previous, std::max<int64_t>(1, skip / 2)));
        decoder->push_back(ConvBnRelu(skip + previous, skip, 1));
        previous = skip;
    }
    mask = register_module("mask", torch::nn::Conv2d(torch::nn::Conv2dOptions(previous, config.maskChannels, 1)));
}

AttentionBranchOutput AttentionBranchImpl::forward(const torch::Tensor& x) {
    std::vector<torch::Tensor> encoded;
    torch::Tensor y = x;
    for (const auto& block : *encoder) {
        y = block->as<ConvBnReluImpl>()->forward(y);
        encoded.push_back(y);
    }
    AttentionBranchOutput out;
    for (int j = 0; j < config_.levels(); ++j) {
        torch::Tensor skip = encoded[encoded.size() - 2 - j];
        const torch::Tensor up = torch::nn::functional::interpolate(
            y, torch::nn::functional::InterpolateFuncOptions()
                   .size(std::vector<int64_t>{skip.size(2), skip.size(3)})
                   .mode(torch::kBilinear)
                   .align_corners(false));
        if (config_.gated) {
            // g is the decoder feature at the skip's scale: the upsampled coarser level.
            const torch::Tensor alpha = gates[j]->as<AttentionGateImpl>()->forward(skip, up);
            out.gates.push_back(alpha);
            skip = skip * alpha;
        }
        y = decoder[j]->as<ConvBnReluImpl>()->forward(torch::cat({skip, up}, 1));
    }
    out.maskLogits = mask->forward(y);
    return out;
}

}  // namespace slidesight::model
