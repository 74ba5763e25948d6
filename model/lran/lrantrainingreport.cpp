#include "model/lran/lrantrainingreport.h"

#include "model/bundle/bundle.h"
#include "model/common/atomicfile.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>

namespace slidesight::model {

namespace {

namespace fs = std::filesystem;
using Written = Expected<bool>;
using Json = nlohmann::ordered_json;

bool isRandom(const std::string& weights) { return weights.rfind("random:", 0) == 0; }

/// A number, or null when it is not finite (no held-out split).
Json number(double value) { return std::isfinite(value) ? Json(value) : Json(nullptr); }

/// `weights` of the base bundle, copied into `folder` unless it is random or already there.
Expected<std::string> carriedWeights(const std::string& weights, const fs::path& folder) {
    using Carried = Expected<std::string>;
    if (isRandom(weights)) return weights;
    std::error_code error;
    const fs::path source = fs::weakly_canonical(weights, error);
    const fs::path target = fs::weakly_canonical(folder, error) / source.filename();
    if (source == target) return target.string();
    std::ifstream in(source, std::ios::binary);
    const std::vector<char> bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    if (!in && !in.eof()) return Carried::failure("Cannot read the base bundle's weights \"" + weights + "\".");
    const auto written = writeFileAtomically(target.string(), bytes.data(), bytes.size(), "the base bundle's weights");
    if (!written) return Carried::failure(written.error());
    return target.string();
}

std::string trainedOnText(const LranTrainingOptions& o, const LranImageSet& set, const LranTrainingSummary& s) {
    int train = 0, held = 0;
    for (int n : s.trainCounts) train += n;
    for (int n : s.heldOutCounts) held += n;
    std::ostringstream text;
    text << "LRAN (" << o.network << "): " << set.paths.size() << " images of " << set.classes.size() << " classes from "
         << o.data << " (" << train << " for training, " << held << " held out), "
         << s.history.size() << (s.history.size() == 1 ? " epoch" : " epochs");
    return text.str();
}

Json reportJson(const LranTrainingOptions& o, const LranImageSet& set, const LranTrainingSummary& s) {
    Json schedule = Json::array({Json{{"from_epoch", 1}, {"rate", o.learningRate}}});
    for (const LranRateStep& step : o.schedule) schedule.push_back({{"from_epoch", step.afterEpoch + 1}, {"rate", step.rate}});
    Json history = Json::array();
    for (size_t e = 0; e < s.history.size(); ++e) {
        const LranEpochRecord& r = s.history[e];
        history.push_back({{"epoch", e + 1}, {"loss", number(r.loss)}, {"train_accuracy", number(r.trainAccuracy)},
                           {"held_out_accuracy", number(r.heldOutAccuracy)}, {"learning_rate", r.learningRate}});
    }
    Json json;
    json["format"] = "slidesight-lran-training";
    json["format_version"] = 1;
    json["program_version"] = o.programVersion;
    json["data"] = o.data;
    json["network"] = o.network;
    json["widths"] = o.widths;
    json["classes"] = set.classes;
    json["train_images"] = s.trainCounts;
    json["held_out_images"] = s.heldOutCounts;
    json["held_out_fraction"] = o.holdout;
    json["seed"] = o.seed;
    json["epochs"] = o.epochs;
    json["batch_size"] = o.batchSize;
    json["batches_per_epoch"] = s.batchesPerEpoch;
    json["batches"] = "class-balanced: classes drawn round-robin, images within a class reshuffled when used up";
    json["input_size"] = o.inputSize;
    json["normalisation"] = "RGB / 255, ImageNet mean and std";
    json["augmentation"] = o.augment ? "random flips and 90-degree rotations" : "none";
    json["optimiser"] = "Adam, cross-entropy";
    json["learning_rate_schedule"] = schedule;
    json["initial_weights"] = o.initWeights.empty() ? "random:" + std::to_string(o.seed) : o.initWeights;
    json["history"] = history;
    json["held_out_accuracy"] = number(s.heldOutAccuracy);
    json["confusion_matrix"] = {{"rows", "truth"}, {"columns", "prediction"}, {"classes", set.classes},
                                {"counts", s.confusion}};
    json["resumed_from_epoch"] = s.resumedEpoch;
    json["torch_threads"] = s.torchThreads;
    json["train_images_per_second"] = number(s.imagesPerSecond);
    json["weights"] = fs::path(s.weightsPath).filename().string();
    return json;
}

}  // namespace

Expected<bool> writeLranTrainingOutputs(const LranTrainingOptions& o, const LranImageSet& set, LranTrainingSummary& s) {
    const fs::path folder(o.bundleFolder);
    ModelBundle bundle;
    std::string earlier;
    if (!o.baseBundle.empty()) {
        auto base = readBundle(o.baseBundle);
        if (!base) return Written::failure(base.error());
        bundle = *base;
        for (std::string* weights : {&bundle.extractor.weights, &bundle.classifier.weights}) {
            const auto carried = carriedWeights(*weights, folder);
            if (!carried) return Written::failure(carried.error());
            *weights = *carried;
        }
        // A base that had an LRAN already: its description of it is replaced.
        earlier = bundle.trainedOn.substr(0, bundle.trainedOn.find("LRAN ("));
        while (!earlier.empty() && (earlier.back() == ' ' || earlier.back() == ';')) earlier.pop_back();
    } else {
        bundle.name = o.name.empty() ? "LRAN (" + fs::path(o.data).filename().string() + ")" : o.name;
        bundle.description = "LRAN patch classifier trained by slidesight-cli lran train; the bundle's extractor and "
                             "attention classifier are random (untrained).";
        bundle.trained = true;
        bundle.extractor.weights = "random:" + std::to_string(o.seed);
        bundle.classifier.weights = "random:" + std::to_string(o.seed + 1);
    }
    if (!o.name.empty()) bundle.name = o.name;
    const std::string lranText = trainedOnText(o, set, s);
    bundle.trainedOn = earlier.empty() ? lranText : earlier + "; " + lranText;
    bundle.metrics.erase("lran_accuracy");
    if (std::isfinite(s.heldOutAccuracy)) bundle.metrics["lran_accuracy"] = s.heldOutAccuracy;
    BundleLran lran;
    lran.network = o.network;
    lran.weights = s.weightsPath;
    lran.classes = set.classes;
    lran.mpp = o.mpp;
    lran.patchSize = o.inputSize;
    bundle.lran = lran;

    s.reportPath = (folder / "lran-training.json").string();
    const std::string report = reportJson(o, set, s).dump(2) + "\n";
    const auto written = writeFileAtomically(s.reportPath, report.data(), report.size(), "the LRAN training report");
    if (!written) return written;
    const auto manifest = writeBundleManifest(bundle, folder.string());
    if (!manifest) return Written::failure(manifest.error());
    s.bundlePath = *manifest;
    return true;
}

}  // namespace slidesight::model
