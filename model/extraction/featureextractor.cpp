#include "model/extraction/featureextractor_torch.h"

#include "model/nets/resnet_torch.h"
#include "model/nets/statedict_torch.h"
#include "model/common/exceptiontext.h"

#include <torch/script.h>
#include <torch/torch.h>

#include <utility>
#include <vector>

namespace slidesight::model {

namespace {

/// Re-lays 4-D weights (convolutions) out channels-last, in place, so that convolutions on
/// channels-last inputs need no format conversion.
void toChannelsLast(const std::vector<torch::Tensor>& parameters) {
    torch::NoGradGuard noGrad;
    for (auto p : parameters)
        if (p.dim() == 4) p.set_data(p.contiguous(torch::MemoryFormat::ChannelsLast));
}

class ResNetExtractor final : public FeatureExtractor {
public:
    ResNetExtractor(ResNet net, std::string description, bool trained)
        : net_(std::move(net)), description_(std::move(description)), trained_(trained) {}

    torch::Tensor extract(const torch::Tensor& batch) override {
        torch::NoGradGuard noGrad;
        net_->eval();
        return net_->forward(batch);
    }
    int64_t featureCount() const override { return ResNetImpl::kFeatureCount; }
    std::string description() const override { return description_; }
    bool trained() const override { return trained_; }
    void to(const torch::Device& device) override { net_->to(device); }
    void prepare(const torch::Device& device, torch::Dtype dtype, bool channelsLast) override {
        net_->to(device, dtype);
        if (channelsLast) toChannelsLast(net_->parameters());
    }

private:
    ResNet net_;
    std::string description_;
    bool trained_;
};

class TorchScriptExtractor final : public FeatureExtractor {
public:
    TorchScriptExtractor(torch::jit::Module module, int64_t features, std::string description)
        : module_(std::move(module)), features_(features), description_(std::move(description)) {}

    torch::Tensor extract(const torch::Tensor& batch) override {
        torch::NoGradGuard noGrad;
        module_.eval();
        torch::Tensor out = module_.forward({batch}).toTensor();
        return out.flatten(1);
    }
    int64_t featureCount() const override { return features_; }
    std::string description() const override { return description_; }
    bool trained() const override { return true; }
    void to(const torch::Device& device) override { module_.to(device); }
    void prepare(const torch::Device& device, torch::Dtype dtype, bool channelsLast) override {
        module_.to(device, dtype);
        if (channelsLast) {
            std::vector<torch::Tensor> parameters;
            for (const auto& p : module_.parameters()) parameters.push_back(p);
            toChannelsLast(parameters);
        }
    }

private:
    torch::jit::Module module_;
    int64_t features_;
    std::string description_;
};

}  // namespace

Expected<std::unique_ptr<FeatureExtractor>> FeatureExtractor::open(const std::string& weights,
                                                                   const std::string& architecture) {
    using Result = Expected<std::unique_ptr<FeatureExtractor>>;
    ResNetConfig config;
    if (architecture == "resnet34") config = ResNetConfig::resnet34();
    else if (architecture == "resnet18") config = ResNetConfig::resnet18();
    else return Result::failure("Unknown extractor architecture \"" + architecture + "\": use resnet34 or resnet18.");

    const std::string randomPrefix = "random:";
    if (weights.compare(0, randomPrefix.size(), randomPrefix) == 0) {
        const std::string seedText = weights.substr(randomPrefix.size());
        uint64_t seed = 0;
        try {
            size_t used = 0;
            seed = std::stoull(seedText, &used);
            if (used != seedText.size() || seedText.empty()) throw std::invalid_argument(seedText);
        } catch (const std::exception&) {
            return Result::failure("\"" + weights + "\" is not random:SEED with a non-negative whole number.");
        }
        ResNet net(config);
        net->initialiseRandom(seed);
        return std::unique_ptr<FeatureExtractor>(std::make_unique<ResNetExtractor>(
            net, config.name() + " " + weights + " (untrained)", false));
    }

    // A state dict first: it is what torchvision users have. Its failure message is kept in
    // case the file is not TorchScript either.
    const auto dict = StateDict::read(weights);
    if (dict) {
        ResNet net(config);
        const auto loaded = dict->loadInto(*net, {"fc."});
        if (!loaded) return Result::failure(loaded.error());
        return std::unique_ptr<FeatureExtractor>(std::make_unique<ResNetExtractor>(
            net, config.name() + " torchvision weights from " + weights, true));
    }
    try {
        torch::jit::Module module = torch::jit::load(weights, torch::kCPU);
        module.eval();
        // The feature count is the module's business; learn it from one small pass.
        torch::NoGradGuard noGrad;
        const torch::Tensor probe = module.forward({torch::zeros({1, 3, 224, 224})}).toTensor().flatten(1);
        return std::unique_ptr<FeatureExtractor>(
            std::make_unique<TorchScriptExtractor>(std::move(module), probe.size(1), "TorchScript " + weights));
    } catch (const std::exception& e) {
        return Result::failure(dict.error() + " It is not a TorchScript module either (" + firstLine(e) + ").");
    }
}

}  // namespace slidesight::model
