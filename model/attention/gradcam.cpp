#include "model/attention/gradcam_torch.h"
#include "model/common/exceptiontext.h"

#include <torch/torch.h>

namespace slidesight::model {

bool GradCamResult::isDegenerate(int64_t b) const {
    return degenerate.defined() && degenerate[b].item<bool>();
}

Expected<GradCamResult> GradCam::compute(const torch::Tensor& activation, const Head& head, int64_t classIndex,
                                         const torch::Tensor& valid, bool centred) {
    using Result = Expected<GradCamResult>;
    if (classIndex < kPredictedClass) return Result::failure("Grad-CAM class " + std::to_string(classIndex) + " is negative.");
    try {
        torch::AutoGradMode enableGrad(true);
        TORCH_CHECK(activation.dim() == 4, "the Grad-CAM target layer must be [B, channels, h, w]");
        // The activation as a leaf: the gradient of y_k with respect to it is all Grad-CAM needs.
        const torch::Tensor leaf = activation.detach().requires_grad_(true);
        const torch::Tensor logits = head(leaf);
        TORCH_CHECK(logits.dim() == 2 && logits.size(0) == leaf.size(0), "the network head must give [B, classes]");
        if (classIndex >= logits.size(1))
            return Result::failure("Grad-CAM class " + std::to_string(classIndex) + " is out of range (the model has " +
                                   std::to_string(logits.size(1)) + " outputs).");
        const torch::Tensor classes = classIndex == kPredictedClass
                                          ? logits.detach().argmax(1)
                                          : torch::full({leaf.size(0)}, classIndex,
                                                        torch::TensorOptions().dtype(torch::kLong).device(logits.device()));
        // Summing over the batch keeps each item's gradient its own: no item's logit depends
        // on another item's activation.
        const torch::Tensor score = logits.gather(1, classes.unsqueeze(1)).sum();
        const torch::Tensor gradient = torch::autograd::grad({score}, {leaf})[0];

        torch::Tensor validF;  // [B, 1, h, w]
        if (valid.defined()) {
            TORCH_CHECK(valid.dim() == 3 && valid.size(0) == leaf.size(0) && valid.size(1) == leaf.size(2) &&
                            valid.size(2) == leaf.size(3),
                        "the Grad-CAM validity mask must be [B, h, w] matching the target layer");
            validF = valid.to(leaf.device(), torch::kBool).unsqueeze(1).to(gradient.dtype());
        } else {
            validF = torch::ones({leaf.size(0), 1, leaf.size(2), leaf.size(3)}, gradient.options());
        }
        const torch::Tensor count = validF.sum({2, 3}).clamp_min(1.0);  // [B, 1]
        const torch::Tensor alpha = (gradient * validF).sum({2, 3}) / count;
        torch::Tensor values = leaf.detach();
        if (centred) values = values - ((values * validF).sum({2, 3}) / count).unsqueeze(2).unsqueeze(3);
        const torch::Tensor weighted = (alpha.unsqueeze(2).unsqueeze(3) * values).sum(1);
        GradCamResult result;
        // How much of the gradient survives its mean over the valid cells, in double so that
        // the ratio itself is not rounding.
        const torch::Tensor magnitude = ((gradient.abs() * validF).sum({2, 3}) / count).to(torch::kDouble);
        const torch::Tensor largest = std::get<0>(magnitude.max(1));
        result.weightRatio = torch::where(largest.gt(0.0),
                                          std::get<0>(alpha.abs().to(torch::kDouble).max(1)) / largest.clamp_min(1e-300),
                                          torch::zeros_like(largest))
                                 .detach()
                                 .cpu();
        result.degenerate = result.weightRatio.lt(kDegenerateRatio);
        result.centred = centred;
        result.map = torch::relu(weighted) * validF.squeeze(1);
        result.weights = alpha.detach();
        result.logits = logits.detach();
        result.classes = classes;
        result.gradient = gradient * validF;
        return result;
    } catch (const std::exception& e) {
        return Result::failure("Grad-CAM failed: " + firstLine(e));
    }
}

Expected<GradCamTarget> GradCam::parseTarget(const std::string& text) {
    for (auto t : {GradCamTarget::GPrime, GradCamTarget::Grid})
        if (text == name(t)) return t;
    return Expected<GradCamTarget>::failure("Unknown Grad-CAM target \"" + text + "\": use gprime or grid.");
}

std::string GradCam::name(GradCamTarget target) {
    return target == GradCamTarget::GPrime ? "gprime" : "grid";
}

Expected<GradCamResult> GradCam::compute(AttentionClassifier& model, const torch::Tensor& grid,
                                         const torch::Tensor& mask, int64_t classIndex, GradCamTarget target,
                                         bool centred, const torch::Tensor& attend) {
    using Result = Expected<GradCamResult>;
    if (classIndex >= model->config().outputs)
        return Result::failure("Grad-CAM class " + std::to_string(classIndex) + " is out of range (the model has " +
                               std::to_string(model->config().outputs) + " outputs).");
    try {
        const torch::Tensor valid = AttentionClassifierImpl::validMask(grid, mask);
        const torch::Tensor attended = AttentionClassifierImpl::attendedMask(valid, attend);
        const torch::Tensor features = grid.detach();
        if (target == GradCamTarget::Grid) {
            // Padding cells hold anything: the map must see the grid the model sees.
            const torch::Tensor masked = features.masked_fill(valid.logical_not().unsqueeze(1), 0.0);
            const Head head = [&](const torch::Tensor& g) { return model->forward(g, valid, attended).logits; };
            return compute(masked, head, classIndex, attended, centred);
        }
        torch::Tensor gPrime;
        {
            torch::NoGradGuard noGrad;
            gPrime = model->gPrime(features, valid);
        }
        const Head head = [&](const torch::Tensor& gp) {
            return model->forwardFromGPrime(gp, features, valid, attended).logits;
        };
        return compute(gPrime, head, classIndex, attended, centred);
    } catch (const std::exception& e) {
        return Result::failure("Grad-CAM failed: " + firstLine(e));
    }
}

Expected<GradCamResult> GradCam::compute(ResNet& net, const torch::Tensor& images, int64_t classIndex) {
    using Result = Expected<GradCamResult>;
    if (!net->fc) return Result::failure("Grad-CAM needs a ResNet with a classification layer.");
    try {
        torch::Tensor features;
        {
            torch::NoGradGuard noGrad;
            features = net->featureMap(images);
        }
        const Head head = [&](const torch::Tensor& a) { return net->fc->forward(a.mean({2, 3})); };
        return compute(features, head, classIndex);
    } catch (const std::exception& e) {
        return Result::failure("Grad-CAM failed: " + firstLine(e));
    }
}

}  // namespace slidesight::model
