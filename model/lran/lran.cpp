#include "model/lran/lran_torch.h"

#include "model/nets/initialisation_torch.h"
#include "model/nets/statedict_torch.h"
#include "model/common/exceptiontext.h"

#include <torch/torch.h>

#include <initializer_list>

namespace slidesight::model {

namespace {

/// The value among `values` whose LranConfig::name() is `text`.
template <typename E>
Expected<E> parseNamed(const std::string& text, std::initializer_list<E> values, const std::string& what) {
    std::string choices;
    for (const E v : values) {
        if (text == LranConfig::name(v)) return v;
        choices += (choices.empty() ? "" : " or ") + LranConfig::name(v);
    }
    return Expected<E>::failure("Unknown " + what + " \"" + text + "\": use " + choices + ".");
}

struct WidthPreset {
    LranWidths widths;
    int64_t baseWidth;
    std::vector<int64_t> encoderChannels;
};

const std::vector<WidthPreset>& widthPresets() {
    static const std::vector<WidthPreset> presets{
        {LranWidths::Torchvision, 64, AttentionBranchConfig().encoderChannels},
        {LranWidths::Paper, 32, {12, 24, 48, 96, 192, 192, 192}},
    };
    return presets;
}

}  // namespace

LranConfig& LranConfig::setWidths(LranWidths widths) {
    for (const WidthPreset& preset : widthPresets())
        if (preset.widths == widths) {
            baseWidth = preset.baseWidth;
            branch.encoderChannels = preset.encoderChannels;
        }
    return *this;
}

std::string LranConfig::widthsName() const {
    for (const WidthPreset& preset : widthPresets())
        if (preset.baseWidth == baseWidth && preset.encoderChannels == branch.encoderChannels) return name(preset.widths);
    return "custom";
}

LranConfig LranConfig::paperSized() {
    LranConfig config;
    config.setWidths(LranWidths::Paper);
    return config;
}

LranWidths LranConfig::widthsOf(const StateDict& weights) {
    const torch::Tensor conv1 = weights.find("base.conv1.weight");
    const torch::Tensor encoder = weights.find("attention.encoder.0.conv.weight");
    if (conv1.defined() && encoder.defined() && conv1.dim() > 0 && encoder.dim() > 0)
        for (const WidthPreset& preset : widthPresets())
            if (conv1.size(0) == preset.baseWidth && encoder.size(0) == preset.encoderChannels.front())
                return preset.widths;
    return LranWidths::Torchvision;
}

Expected<LranVariant> LranConfig::parseVariant(const std::string& text) {
    return parseNamed(text, {LranVariant::Lran, LranVariant::Ran}, "network");
}

std::string LranConfig::name(LranVariant variant) {
    return variant == LranVariant::Lran ? "lran" : "ran";
}

Expected<LranCamTarget> LranConfig::parseCamTarget(const std::string& text) {
    return parseNamed(text, {LranCamTarget::Features, LranCamTarget::Base}, "CAM target");
}

std::string LranConfig::name(LranCamTarget target) {
    return target == LranCamTarget::Features ? "h" : "b";
}

Expected<LranWidths> LranConfig::parseWidths(const std::string& text) {
    return parseNamed(text, {LranWidths::Torchvision, LranWidths::Paper}, "widths");
}

std::string LranConfig::name(LranWidths widths) {
    return widths == LranWidths::Torchvision ? "torchvision" : "paper";
}

std::vector<std::string> LranConfig::bachClassNames() {
    return {"Normal", "Benign", "In situ", "Invasive"};
}

LranImpl::LranImpl(const LranConfig& config) : config_(config) {
    TORCH_CHECK(config.classes > 0, "LRAN needs at least one class");
    ResNetConfig trunk = ResNetConfig::resnet18();
    trunk.width = config.baseWidth;
    base = register_module("base", ResNet(trunk));
    config_.branch.gated = config.variant == LranVariant::Lran;
    config_.branch.maskChannels = base->featureCount();
    attention = register_module("attention", AttentionBranch(config_.branch));
    fc = register_module("fc", torch::nn::Linear(base->featureCount(), config.classes));
}

torch::Tensor LranImpl::globalMask(const torch::Tensor& maskLogits) {
    return torch::softmax(maskLogits.flatten(2), 2).view_as(maskLogits);
}

torch::Tensor LranImpl::head(const torch::Tensor& b, const torch::Tensor& m) {
    return classify(b * m + b);
}

torch::Tensor LranImpl::classify(const torch::Tensor& features) {
    return fc->forward(features.mean({2, 3}));
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
    result.logits = classify(result.features);
    result.gates = std::move(branch.gates);
    return result;
}

Expected<GradCamResult> LranImpl::gradCam(const LranResult& result, int64_t classIndex, LranCamTarget target) {
    if (target == LranCamTarget::Features)
        return GradCam::compute(
            result.features, [&](const torch::Tensor& h) { return classify(h); }, classIndex);
    // M(x) does not depend on B(x): the head sees it as a constant.
    const torch::Tensor mask = result.mask.detach();
    return GradCam::compute(
        result.base, [&](const torch::Tensor& b) { return head(b, mask); }, classIndex);
}

Expected<LranResult> LranImpl::forwardWithCam(const torch::Tensor& images, int64_t classIndex, LranCamTarget target) {
    LranResult result;
    try {
        torch::NoGradGuard noGrad;
        result = forward(images);
    } catch (const std::exception& e) {
        return Expected<LranResult>::failure("LRAN failed: " + firstLine(e));
    }
    auto cam = gradCam(result, classIndex, target);
    if (!cam) return Expected<LranResult>::failure(cam.error());
    result.cam = cam->map;
    result.camClasses = cam->classes;
    result.camTarget = target;
    return result;
}

void LranImpl::initialiseRandom(uint64_t seed) {
    initialiseSeeded(*this, seed);
}

}  // namespace slidesight::model
