#include "model/nets/initialisation_torch.h"

#include <torch/torch.h>

namespace slidesight::model {

void initialiseSeeded(torch::nn::Module& module, uint64_t seed) {
    torch::NoGradGuard noGrad;
    torch::manual_seed(seed);
    for (auto& child : module.modules(/*include_self=*/false)) {
        if (auto* conv = child->as<torch::nn::Conv2d>()) {
            torch::nn::init::kaiming_normal_(conv->weight, 0.0, torch::kFanOut, torch::kReLU);
            if (conv->bias.defined()) torch::nn::init::zeros_(conv->bias);
        } else if (auto* bn = child->as<torch::nn::BatchNorm2d>()) {
            torch::nn::init::ones_(bn->weight);
            torch::nn::init::zeros_(bn->bias);
            bn->reset_running_stats();
        } else if (auto* linear = child->as<torch::nn::Linear>()) {
            linear->reset_parameters();
        }
    }
}

}  // namespace slidesight::model
