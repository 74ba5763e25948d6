#include "model/nets/networkloaders_torch.h"

#include "model/nets/statedict_torch.h"

#include <torch/torch.h>

namespace slidesight::model {

Expected<LoadedClassifier> loadAttentionClassifier(const std::string& weights, const AttentionClassifierConfig& config,
                                                   const std::string& featuresFrom, const std::string& advice) {
    using Loaded = Expected<LoadedClassifier>;
    const auto seed = randomWeightsSeed(weights);
    if (!seed) return Loaded::failure(seed.error());
    LoadedClassifier out;
    if (*seed) {
        torch::manual_seed(**seed);  // PyTorch's default initialisation, reproducible per seed
        out.model = AttentionClassifier(config);
        out.origin.description = weights + " (untrained)";
        return out;
    }
    const auto dict = StateDict::read(weights);
    if (!dict) return Loaded::failure(dict.error());
    out.model = AttentionClassifier(config);
    const auto loaded = dict->loadInto(*out.model);
    if (!loaded)
        return Loaded::failure("The classifier \"" + weights + "\" does not fit K = " + std::to_string(config.features) +
                               featuresFrom + ", H = " + std::to_string(config.hidden) + ", n = " +
                               std::to_string(config.kernel) + ", C = " + std::to_string(config.outputs) +
                               " and attention " + AttentionClassifierConfig::name(config.sets) + ": " + loaded.error() +
                               (advice.empty() ? "" : " " + advice));
    const auto origin = weightsFileOrigin(weights, weights);
    if (!origin) return Loaded::failure(origin.error());
    out.origin = *origin;
    return out;
}

}  // namespace slidesight::model
