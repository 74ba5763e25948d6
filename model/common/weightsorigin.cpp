#include "model/common/weightsorigin.h"

#include "model/common/jsonwriter.h"
#include "model/common/sha256.h"

#include <cctype>

namespace slidesight::model {

Expected<std::optional<uint64_t>> randomWeightsSeed(const std::string& weights) {
    using Result = Expected<std::optional<uint64_t>>;
    const std::string prefix = "random:";
    if (weights.compare(0, prefix.size(), prefix) != 0) return std::optional<uint64_t>();
    const std::string digits = weights.substr(prefix.size());
    uint64_t seed = 0;
    bool ok = !digits.empty() && digits.size() <= 19;
    for (const char c : digits) {
        ok = ok && std::isdigit(static_cast<unsigned char>(c));
        if (ok) seed = seed * 10 + static_cast<uint64_t>(c - '0');
    }
    if (!ok) return Result::failure("\"" + weights + "\" is not random:SEED with a non-negative whole number.");
    return std::optional<uint64_t>(seed);
}

Expected<WeightsOrigin> weightsFileOrigin(const std::string& path, const std::string& description) {
    const auto sha = Sha256::hexOfFile(path);
    if (!sha) return Expected<WeightsOrigin>::failure(sha.error());
    return WeightsOrigin{description, *sha, true};
}

void addWeightsOrigin(JsonWriter& json, const std::string& key, const WeightsOrigin& origin) {
    json.add(key, origin.description).add(key + "_sha256", origin.sha256).add("trained", origin.trained);
    if (!origin.trained) json.add("label", "UNTRAINED (random weights): the output means nothing");
}

}  // namespace slidesight::model
