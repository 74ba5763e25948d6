// createUntrainedBundle(): an untrained model bundle, with random:SEED weights or with
// randomly initialised weights files written by the project's own writers.

#include "model/bundle/bundle.h"

#include "model/attention/attentionclassifier_torch.h"
#include "model/bundle/bundlemanifest.h"
#include "model/lran/lran_torch.h"
#include "model/nets/resnet_torch.h"
#include "model/nets/statedict_torch.h"
#include "model/common/exceptiontext.h"

#include <torch/torch.h>

#include <filesystem>

namespace slidesight::model {

namespace {

/// Writes `module`'s state dict to `folder`/`name` and returns the path.
Expected<std::string> writeWeights(const torch::nn::Module& module, const std::filesystem::path& folder,
                                   const std::string& name) {
    const std::string path = (folder / name).string();
    const auto written = StateDict::of(module).write(path);
    if (!written) return Expected<std::string>::failure(written.error());
    return path;
}

}  // namespace

Expected<ModelBundle> createUntrainedBundle(const UntrainedBundleOptions& o) {
    using Result = Expected<ModelBundle>;
    ModelBundle b;
    b.name = "Untrained " + o.task + " bundle (random weights, seed " + std::to_string(o.seed) + ")";
    b.description = "Randomly initialised networks for trying the pipeline out: every output is meaningless.";
    b.task = o.task;
    b.classes = o.classes;
    b.trained = false;
    b.extractor.architecture = o.architecture;
    b.extractor.weights = "random:" + std::to_string(o.seed);
    b.classifier.weights = "random:" + std::to_string(o.seed + 1);
    b.classifier.attention = o.attention;
    b.classifier.hidden = o.hidden;
    if (o.lran) {
        b.lran = BundleLran{};
        b.lran->weights = "random:" + std::to_string(o.seed + 2);
    }
    // Names and sizes first, so that nothing is written for a bundle that cannot be.
    if (const Check valid = checkBundleManifest(b); !valid) return Result::failure(valid.error());

    std::error_code error;
    const std::filesystem::path folder = std::filesystem::absolute(o.folder, error);
    std::filesystem::create_directories(folder, error);
    if (error || !std::filesystem::is_directory(folder))
        return Result::failure("Cannot create the model bundle folder \"" + o.folder + "\".");
    if (o.writeWeights) {
        try {
            ResNet extractor(b.extractor.architecture == "resnet18" ? ResNetConfig::resnet18() : ResNetConfig::resnet34());
            extractor->initialiseRandom(o.seed);
            auto written = writeWeights(*extractor, folder, "extractor.pth");
            if (!written) return Result::failure(written.error());
            b.extractor.weights = *written;

            AttentionClassifierConfig config;
            config.features = ResNetImpl::kFeatureCount;
            config.hidden = b.classifier.hidden;
            config.outputs = b.classCount();
            const auto sets = AttentionClassifierConfig::parseSets(b.classifier.attention);
            if (!sets) return Result::failure(sets.error());
            config.sets = *sets;
            torch::manual_seed(o.seed + 1);
            AttentionClassifier classifier(config);
            written = writeWeights(*classifier, folder, "classifier.pt");
            if (!written) return Result::failure(written.error());
            b.classifier.weights = *written;

            if (b.lran) {
                LranConfig lranConfig;
                lranConfig.classes = static_cast<int64_t>(b.lran->classes.size());
                Lran lran(lranConfig);
                lran->initialiseRandom(o.seed + 2);
                written = writeWeights(*lran, folder, "lran.pt");
                if (!written) return Result::failure(written.error());
                b.lran->weights = *written;
            }
        } catch (const std::exception& e) {
            return Result::failure("Cannot make the untrained weights: " + firstLine(e));
        }
    }
    const auto manifest = writeBundleManifest(b, folder.string());
    if (!manifest) return Result::failure(manifest.error());
    return readBundle(folder.string());
}

}  // namespace slidesight::model
