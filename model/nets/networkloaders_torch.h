#pragma once
#include "model/common/torchside.h"

// Internal to the model library (Torch): opening the attention classifier from random:SEED or
// a state-dict file, with the shape check that names the tensors that do not fit.
// classifyGrid(), runAnalysis() and checkBundleWeights() share it.

#include "model/attention/attentionclassifier_torch.h"
#include "model/common/weightsorigin.h"
#include "viewer/common/expected.h"

#include <cstdint>
#include <string>

namespace slidesight::model {

struct LoadedClassifier {
    AttentionClassifier model{nullptr};
    WeightsOrigin origin;
};

/// random:SEED (PyTorch's default initialisation under that seed, untrained) or a state dict
/// (conv.*, fc.*) that must fit `config`. Fails with one sentence naming the file, the sizes
/// and the first mismatching tensors with both shapes, followed by `advice` when given.
/// `featuresFrom` says where K came from (" (from the grid)").
Expected<LoadedClassifier> loadAttentionClassifier(const std::string& weights, const AttentionClassifierConfig& config,
                                                   const std::string& featuresFrom, const std::string& advice = {});

}  // namespace slidesight::model
