#include "model/bundle/bundle.h"

#include "model/bundle/bundlemanifest.h"
#include "model/bundle/bundlezip.h"
#include "model/common/atomicfile.h"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <system_error>

namespace slidesight::model {

namespace fs = std::filesystem;

namespace {

using Json = nlohmann::json;
using OrderedJson = nlohmann::ordered_json;

bool isRandom(const std::string& weights) { return weights.rfind("random:", 0) == 0; }

bool hasExtension(const fs::path& path, const std::string& extension) {
    std::string text = path.extension().string();
    for (auto& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return text == extension;
}

/// The folder and manifest file that `path` names; unpacks a .zip first.
Expected<std::pair<fs::path, fs::path>> locate(const std::string& path, std::string* notice) {
    using Located = Expected<std::pair<fs::path, fs::path>>;
    std::error_code error;
    fs::path given = fs::absolute(fs::path(path), error).lexically_normal();
    if (path.empty() || !fs::exists(given, error))
        return Located::failure("The model bundle \"" + path + "\" does not exist.");
    if (fs::is_directory(given, error)) {
        if (!fs::is_regular_file(given / "model.json", error))
            return Located::failure("The model bundle folder \"" + path + "\" has no model.json manifest.");
        return std::make_pair(given, given / "model.json");
    }
    if (hasExtension(given, ".zip")) {
        const auto folder = unpackBundleZip(given.string(), defaultBundleCacheFolder(), kMaxBundleUnpackedBytes, notice);
        if (!folder) return Located::failure(folder.error());
        const fs::path unpacked(*folder);
        if (!fs::is_regular_file(unpacked / "model.json", error))
            return Located::failure("The model bundle archive \"" + path +
                                    "\" holds no model.json (at its top level or in its single folder).");
        return std::make_pair(unpacked, unpacked / "model.json");
    }
    if (hasExtension(given, ".json")) return std::make_pair(given.parent_path(), given);
    return Located::failure("\"" + path + "\" is not a model bundle: give its folder, its model.json or a .zip of the folder.");
}

/// Whether a manifest's weights path stays inside the bundle folder: relative, with no "..".
/// A bundle from elsewhere must not make the application read files outside it.
bool insideBundle(const std::string& weights) {
    const fs::path path(weights);
    if (path.empty() || path.has_root_path() || path.has_root_name()) return false;
    for (const auto& part : path)
        if (part == "..") return false;
    return true;
}

/// Resolves a weights entry against the folder: random:SEED as it is, files as absolute
/// paths that must exist inside the folder.
Expected<std::string> resolveWeights(const std::string& weights, const std::string& field, const fs::path& folder,
                                     const std::string& manifest) {
    if (isRandom(weights)) return weights;
    if (!insideBundle(weights))
        return Expected<std::string>::failure("The weights file \"" + weights + "\" named by " + field + " in \"" +
                                              manifest + "\" lies outside the bundle folder; a bundle names its "
                                              "weights by a path inside its folder.");
    const fs::path file = (folder / weights).lexically_normal();
    std::error_code error;
    if (!fs::is_regular_file(file, error))
        return Expected<std::string>::failure("The weights file \"" + weights + "\" named by " + field + " in \"" +
                                              manifest + "\" does not exist.");
    return file.string();
}

/// `path` relative to `folder` when it lies inside it; empty when it does not.
std::string relativeTo(const std::string& path, const fs::path& folder) {
    if (isRandom(path)) return path;
    const fs::path given = fs::path(path).is_relative() ? folder / path : fs::path(path);
    const fs::path relative = given.lexically_normal().lexically_relative(folder);
    if (relative.empty() || !insideBundle(relative.generic_string())) return {};
    return relative.generic_string();
}

OrderedJson numbers(const std::array<double, 3>& values) { return OrderedJson::array({values[0], values[1], values[2]}); }

}  // namespace

Expected<ModelBundle> readBundle(const std::string& path) {
    using Result = Expected<ModelBundle>;
    std::string notice;
    const auto located = locate(path, &notice);
    if (!located) return Result::failure(located.error());
    const auto& [folder, manifestPath] = *located;
    const std::string manifest = manifestPath.string();

    std::ifstream in(manifestPath, std::ios::binary);
    if (!in) return Result::failure("Cannot read the model bundle manifest \"" + manifest + "\".");
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const Json json = Json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (json.is_discarded())
        return Result::failure("The model bundle manifest \"" + manifest + "\" is not valid JSON.");

    auto bundle = parseBundleManifest(json, manifest);
    if (!bundle) return bundle;
    bundle->path = path;
    bundle->folder = folder.string();
    bundle->notice = notice;

    const auto extractor = resolveWeights(bundle->extractor.weights, "extractor.weights", folder, manifest);
    if (!extractor) return Result::failure(extractor.error());
    bundle->extractor.weights = *extractor;
    const auto classifier = resolveWeights(bundle->classifier.weights, "classifier.weights", folder, manifest);
    if (!classifier) return Result::failure(classifier.error());
    bundle->classifier.weights = *classifier;
    if (bundle->lran) {
        const auto lran = resolveWeights(bundle->lran->weights, "lran.weights", folder, manifest);
        if (!lran) return Result::failure(lran.error());
        bundle->lran->weights = *lran;
    }
    if (isRandom(bundle->classifier.weights)) bundle->trained = false;
    return bundle;
}

bool bundleExtractorTrained(const ModelBundle& bundle) { return !isRandom(bundle.extractor.weights); }

bool bundleLranTrained(const ModelBundle& bundle) { return bundle.lran && !isRandom(bundle.lran->weights); }

bool bundleHasRandomWeights(const ModelBundle& bundle) {
    return isRandom(bundle.extractor.weights) || isRandom(bundle.classifier.weights) ||
           (bundle.lran && isRandom(bundle.lran->weights));
}

Expected<std::string> writeBundleManifest(const ModelBundle& bundle, const std::string& folderPath) {
    using Result = Expected<std::string>;
    std::error_code error;
    const fs::path folder = fs::absolute(fs::path(folderPath), error).lexically_normal();
    fs::create_directories(folder, error);
    if (error || !fs::is_directory(folder))
        return Result::failure("Cannot create the model bundle folder \"" + folderPath + "\".");
    if (const Check valid = checkBundleManifest(bundle); !valid) return Result::failure(valid.error());

    auto weights = [&](const std::string& value, const std::string& field) -> Expected<std::string> {
        const std::string written = relativeTo(value, folder);
        if (written.empty())
            return Result::failure("The weights file \"" + value + "\" given as " + field + " lies outside the bundle folder \"" +
                                   folder.string() + "\": copy it into the folder first.");
        if (!isRandom(written) && !fs::is_regular_file(folder / written))
            return Result::failure("The weights file \"" + value + "\" given as " + field +
                                   " is not there: write the weights before the manifest.");
        return written;
    };
    const auto extractorWeights = weights(bundle.extractor.weights, "extractor.weights");
    if (!extractorWeights) return extractorWeights;
    const auto classifierWeights = weights(bundle.classifier.weights, "classifier.weights");
    if (!classifierWeights) return classifierWeights;

    OrderedJson json;
    json["format"] = kBundleFormat;
    json["name"] = bundle.name;
    json["description"] = bundle.description;
    json["task"] = bundle.task;
    json["classes"] = bundle.classes;
    json["trained"] = bundle.trained && !isRandom(bundle.classifier.weights);
    json["trained_on"] = bundle.trainedOn;
    json["metrics"] = OrderedJson::object();
    for (const auto& [key, value] : bundle.metrics) json["metrics"][key] = value;
    const BundleExtractor& e = bundle.extractor;
    json["extractor"] = {{"architecture", e.architecture}, {"weights", *extractorWeights}, {"mean", numbers(e.mean)},
                         {"std", numbers(e.std)}, {"mpp", e.mpp}, {"patch_size", e.patchSize}};
    const BundleClassifier& c = bundle.classifier;
    json["classifier"] = {{"weights", *classifierWeights}, {"attention", c.attention}, {"hidden", c.hidden},
                          {"kernel", c.kernel}, {"nonlinearity", c.nonlinearity},
                          {"gradcam_target", c.gradcamTarget}, {"gradcam_centred", c.gradcamCentred},
                          {"conv_padding", c.convPadding}, {"input_scale", c.inputScale}, {"tissue_only", c.tissueOnly}};
    if (!c.gradcamClass.empty()) json["classifier"]["gradcam_class"] = c.gradcamClass;
    if (bundle.lran) {
        const auto lranWeights = weights(bundle.lran->weights, "lran.weights");
        if (!lranWeights) return lranWeights;
        const BundleLran& l = *bundle.lran;
        json["lran"] = {{"network", l.network}, {"weights", *lranWeights}, {"classes", l.classes},
                        {"mpp", l.mpp}, {"patch_size", l.patchSize}};
    }
    const std::string text = json.dump(2) + "\n";
    const std::string path = (folder / "model.json").string();
    const auto written = writeFileAtomically(path, text.data(), text.size(), "the model bundle manifest");
    if (!written) return Result::failure(written.error());
    return path;
}

}  // namespace slidesight::model
