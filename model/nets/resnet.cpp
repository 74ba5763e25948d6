#include "model/nets/resnet_torch.h"

#include "model/nets/initialisation_torch.h"

#include <torch/torch.h>

namespace slidesight::model {

std::string ResNetConfig::name() const {
    const std::string widthSuffix = width == 64 ? std::string() : "-w" + std::to_string(width);
    if (blocks == std::array<int, 4>{2, 2, 2, 2}) return "resnet18" + widthSuffix;
    if (blocks == std::array<int, 4>{3, 4, 6, 3}) return "resnet34" + widthSuffix;
    return "resnet-" + std::to_string(blocks[0]) + "-" + std::to_string(blocks[1]) + "-" +
           std::to_string(blocks[2]) + "-" + std::to_string(blocks[3]) + widthSuffix;
}

namespace {

torch::nn::Sequential makeLayer(int64_t in, int64_t out, int blocks, int64_t stride) {
    torch::nn::Sequential layer;
    layer->push_back(BasicBlock(in, out, stride));
    for (int i = 1; i < blocks; ++i) layer->push_back(BasicBlock(out, out, 1));
    return layer;
}

}  // namespace

ResNetImpl::ResNetImpl(const ResNetConfig& config) : config_(config) {
    TORCH_CHECK(config.width > 0, "a ResNet needs a positive width");
    const int64_t w = config.width;
    conv1 = register_module(
        "conv1", torch::nn::Conv2d(torch::nn::Conv2dOptions(3, w, 7).stride(2).padding(3).bias(false)));
    bn1 = register_module("bn1", torch::nn::BatchNorm2d(w));
    layer1 = register_module("layer1", makeLayer(w, w, config.blocks[0], 1));
    layer2 = register_module("layer2", makeLayer(w, 2 * w, config.blocks[1], 2));
    layer3 = register_module("layer3", makeLayer(2 * w, 4 * w, config.blocks[2], 2));
    layer4 = register_module("layer4", makeLayer(4 * w, featureCount(), config.blocks[3], 2));
    if (config.numClasses > 0)
        fc = register_module("fc", torch::nn::Linear(featureCount(), config.numClasses));
}

torch::Tensor ResNetImpl::featureMap(const torch::Tensor& x) {
    torch::Tensor y = torch::relu(bn1->forward(conv1->forward(x)));
    y = torch::max_pool2d(y, /*kernel_size=*/3, /*stride=*/2, /*padding=*/1);
    y = layer1->forward(y);
    y = layer2->forward(y);
    y = layer3->forward(y);
    return layer4->forward(y);
}

torch::Tensor ResNetImpl::forward(const torch::Tensor& x) {
    return featureMap(x).mean({2, 3});
}

torch::Tensor ResNetImpl::logits(const torch::Tensor& x) {
    TORCH_CHECK(fc, "this ResNet was built without a classification layer (numClasses = 0)");
    return fc->forward(forward(x));
}

void ResNetImpl::initialiseRandom(uint64_t seed) {
    initialiseSeeded(*this, seed);
}

}  // namespace slidesight::model
