#include "model/lran.h"

#include "model/initialisation.h"

#include <torch/torch.h>

namespace slidesight::model {

Expected<LranVariant> LranConfig::parseVariant(const std::string& text) {
    for (auto v : {LranVariant::Lran, LranVariant::Ran})
        if (text == name(v)) return v;
    return Expected<LranVariant>::failure("Unknown network \"" + text + "\": use lran or ran.");
}

std::string LranConfig::name(LranVariant variant) {
    return variant == LranVariant::Lran ? "lran" : "ran";
}

std::vector<std::string> LranConfig::bachClassNames() {
    return {"Normal", "Benign", "In situ", "Invasive"};
}

LranImpl::LranImpl(const LranConfig& config) : config_(config) {
    TORCH_CHECK(config.classes > 0, "LRAN needs at least one class");
    config_.branch.gated = config.variant == LranVariant::Lran;
    config_.branch.maskChannels = ResNetImpl::kFeatureCount;
    base = register_module("base", ResNet(ResNetConfig::resnet18()));
    attention = register_module("attention", AttentionBranch(config_.branch));
    fc = register_module("fc", torch::nn::Linear(ResNetImpl::kFeatureCount, config.classes));
}

torch::Tensor LranImpl::globalMask(const torch::Tensor& maskLogits) {
    return torch::softmax(maskLogits.flatten(2), 2).view_as(maskLogits);
}

torch::Tensor LranImpl::head(const torch::Tensor& b, const torch::Tensor& m) {
    return fc->forward((b * m + b).mean({2, 3}));
}

LranResult LranImpl::forward(const torch::Tensor& images) {
    TORCH_CHECK(images.dim() == 4 && images.size(1) == 3, "LRAN's input must be [B, 3, height, width]");
    LranResult result;
    result.base = base->featureMap(images);
    AttentionBranchOutput branch = attention->forward(images);
    TORCH_CHECK(branch.maskLogits.sizes() == result.base.sizes(), "the attention mask ", branch.maskLogits.sizes(),
                " does not match the base network's feature map ", result.base.sizes());
    result.mask = globalMask(branch.maskLogits);
    result.features = result.base * result.mask + result.base;
    result.logits = fc->forward(result.features.mean({2, 3}));
    result.gates = std::move(branch.gates);
    return result;
}

Expected<GradCamResult> LranImpl::gradCam(const LranResult& result, int64_t classIndex) {
    // M(x) does not depend on B(x): the head sees it as a constant.
    const torch::Tensor mask = result.mask.detach();
    return GradCam::compute(
        result.base, [&](const torch::Tensor& b) { return head(b, mask); }, classIndex);
}

Expected<LranResult> LranImpl::forwardWithCam(const torch::Tensor& images, int64_t classIndex) {
    LranResult result;
    try {
        torch::NoGradGuard noGrad;
        result = forward(images);
    } catch (const std::exception& e) {
        const std::string text = e.what();
        return Expected<LranResult>::failure("LRAN failed: " + text.substr(0, text.find('\n')));
    }
    auto cam = gradCam(result, classIndex);
    if (!cam) return Expected<LranResult>::failure(cam.error());
    result.cam = cam->map;
    result.camClasses = cam->classes;
    return result;
}

void LranImpl::initialiseRandom(uint64_t seed) {
    initialiseSeeded(*this, seed);
}

}  // namespace slidesight::model
