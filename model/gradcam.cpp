#include "model/gradcam.h"

#include <torch/torch.h>

namespace slidesight::model {

Expected<GradCamResult> GradCam::compute(AttentionClassifier& model, const torch::Tensor& grid,
                                         const torch::Tensor& mask, int64_t classIndex) {
    using Result = Expected<GradCamResult>;
    if (classIndex < 0 || classIndex >= model->config().outputs)
        return Result::failure("Grad-CAM class " + std::to_string(classIndex) + " is out of range (the model has " +
                               std::to_string(model->config().outputs) + " outputs).");
    try {
        torch::AutoGradMode enableGrad(true);
        const torch::Tensor valid = AttentionClassifierImpl::validMask(grid, mask);
        const torch::Tensor features = grid.detach();
        // G' as a leaf: the gradient of y_c with respect to it is all Grad-CAM needs.
        const torch::Tensor gPrime = model->gPrime(features, valid).detach().requires_grad_(true);
        AttentionResult forward = model->forwardFromGPrime(gPrime, features, valid);
        // Summing over the batch keeps each grid's gradient its own: no grid's logit
        // depends on another grid's G'.
        const torch::Tensor score = forward.logits.select(1, classIndex).sum();
        const torch::Tensor gradient = torch::autograd::grad({score}, {gPrime})[0];

        const torch::Tensor validF = valid.unsqueeze(1).to(gradient.dtype());  // [B, 1, M', N']
        const torch::Tensor alpha = (gradient * validF).sum({2, 3}) / validF.sum({2, 3});  // [B, H]
        const torch::Tensor weighted = (alpha.unsqueeze(2).unsqueeze(3) * gPrime.detach()).sum(1);
        GradCamResult result;
        result.map = torch::relu(weighted) * validF.squeeze(1);
        result.weights = alpha.detach();
        result.logits = forward.logits.detach();
        return result;
    } catch (const std::exception& e) {
        std::string detail = e.what();
        return Result::failure("Grad-CAM failed: " + detail.substr(0, detail.find('\n')));
    }
}

}  // namespace slidesight::model
