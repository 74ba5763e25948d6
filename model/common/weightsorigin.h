#pragma once

#include "viewer/common/expected.h"

#include <cstdint>
#include <optional>
#include <string>

namespace slidesight::model {

class JsonWriter;

/// Where a network's weights came from, for result metadata and the untrained label.
struct WeightsOrigin {
    std::string description;  ///< the file, or "... random:SEED (untrained)"
    std::string sha256;       ///< of the weights file; empty for random weights
    bool trained = false;     ///< false for random weights: their output must be labelled untrained
};

/// Reads a weights argument of the form "random:SEED" (seeded, untrained weights): the seed,
/// or nullopt when `weights` does not start with "random:" (it names a file). Fails with one
/// sentence when the seed is not a non-negative whole number.
Expected<std::optional<uint64_t>> randomWeightsSeed(const std::string& weights);

/// The origin of weights loaded from the file `path`: its SHA-256, trained. Fails with one
/// sentence when the file cannot be read.
Expected<WeightsOrigin> weightsFileOrigin(const std::string& path, const std::string& description);

/// Adds `key` (the description), `key`_sha256, trained and, for untrained weights, a label
/// saying that the output means nothing, to result metadata.
void addWeightsOrigin(JsonWriter& json, const std::string& key, const WeightsOrigin& origin);

}  // namespace slidesight::model
