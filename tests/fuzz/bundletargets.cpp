// Fuzz targets of model bundles, which may come from the internet: the model.json manifest
// (parsed and checked) and the zip archive unpacked into a cache folder.

#include "fuzztargets.h"

#include "model/bundle/bundlemanifest.h"
#include "model/bundle/bundlezip.h"

#include <nlohmann/json.hpp>

#include <filesystem>

namespace slidesight::fuzz {

void bundleManifest(const uint8_t* data, size_t size) {
    const nlohmann::json json = nlohmann::json::parse(data, data + size, nullptr, /*allow_exceptions=*/false);
    if (json.is_discarded()) return;  // not JSON: readBundle refuses it with nlohmann's message
    const auto bundle = model::parseBundleManifest(json, "model.json");
    if (bundle) (void)model::checkBundleManifest(*bundle);
}

void bundleZip(const uint8_t* data, size_t size) {
    const ScratchFile zip(data, size, ".zip");
    const std::string cache = zip.folder() + "/cache";
    const auto unpacked = model::unpackBundleZip(zip.path(), cache);
    if (!unpacked) return;
    // Whatever was unpacked stays inside the cache folder.
    const auto root = std::filesystem::weakly_canonical(cache).string();
    for (const auto& entry : std::filesystem::recursive_directory_iterator(cache)) {
        const auto where = std::filesystem::weakly_canonical(entry.path()).string();
        if (where.compare(0, root.size(), root) != 0 || entry.is_symlink()) __builtin_trap();
    }
}

}  // namespace slidesight::fuzz
