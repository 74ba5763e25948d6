#include "model/nets/basicblock_torch.h"

#include <torch/torch.h>

namespace slidesight::model {

namespace {

torch::nn::Conv2dOptions convOptions(int64_t in, int64_t out, int64_t kernel, int64_t stride,
                                     int64_t padding) {
    // torchvision's ResNet convolutions have no bias: batch norm follows each one.
    return torch::nn::Conv2dOptions(in, out, kernel).stride(stride).padding(padding).bias(false);
}

}  // namespace

BasicBlockImpl::BasicBlockImpl(int64_t inChannels, int64_t outChannels, int64_t stride) {
    conv1 = register_module("conv1", torch::nn::Conv2d(convOptions(inChannels, outChannels, 3, stride, 1)));
    bn1 = register_module("bn1", torch::nn::BatchNorm2d(outChannels));
    conv2 = register_module("conv2", torch::nn::Conv2d(convOptions(outChannels, outChannels, 3, 1, 1)));
    bn2 = register_module("bn2", torch::nn::BatchNorm2d(outChannels));
    if (stride != 1 || inChannels != outChannels) {
        // Registered as a Sequential so that the keys are downsample.0.* (conv) and
        // downsample.1.* (batch norm), as in torchvision.
        downsample = register_module(
            "downsample", torch::nn::Sequential(torch::nn::Conv2d(convOptions(inChannels, outChannels, 1, stride, 0)),
                                                torch::nn::BatchNorm2d(outChannels)));
    }
}

torch::Tensor BasicBlockImpl::forward(const torch::Tensor& x) {
    torch::Tensor out = torch::relu(bn1->forward(conv1->forward(x)));
    out = bn2->forward(conv2->forward(out));
    out += downsample ? downsample->forward(x) : x;
    return torch::relu(out);
}

}  // namespace slidesight::model
