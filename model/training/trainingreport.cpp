#include "model/training/trainingreport_torch.h"

#include "model/bundle/bundle.h"
#include "model/common/atomicfile.h"
#include "model/common/jsonwriter.h"

#include <cmath>
#include <filesystem>
#include <sstream>

namespace slidesight::model {

namespace {

namespace fs = std::filesystem;
using Written = Expected<bool>;

std::string array(const std::vector<double>& values) {
    std::string out = "[";
    for (size_t i = 0; i < values.size(); ++i) out += (i ? "," : "") + JsonWriter::number(values[i]);
    return out + "]";
}

/// The number after the first `"key":` in compact JSON, when there is one.
std::optional<double> numberField(const std::string& json, const std::string& key) {
    const std::string needle = JsonWriter::quoted(key) + ":";
    const auto at = json.find(needle);
    if (at == std::string::npos) return std::nullopt;
    std::istringstream in(json.substr(at + needle.size(), 32));
    in.imbue(std::locale::classic());
    double value = 0.0;
    if (!(in >> value)) return std::nullopt;
    return value;
}

/// Copies through a ".partial" file renamed into place, so no half-copied file is left.
bool copyAtomically(const fs::path& from, const fs::path& to) {
    std::error_code error;
    const fs::path partial = to.string() + ".partial";
    fs::copy_file(from, partial, fs::copy_options::overwrite_existing, error);
    if (!error) fs::rename(partial, to, error);
    if (error) fs::remove(partial, error);
    return fs::is_regular_file(to) && !fs::exists(partial);
}

/// A scored manifest line: {"path":…,"target":…,"score":…}.
std::string scoredItem(const std::string& path, double target, double score) {
    JsonWriter entry;
    entry.add("path", path).add("target", target).add("score", score);
    return entry.text();
}

std::string scoresJson(const TrainingOptions& options, const TrainingSet& set, const CheckpointState& state,
                       const TrainingSummary& summary) {
    std::string runs = "[";
    for (size_t r = 0; r < state.finished.size(); ++r) {
        const FinishedRun& run = state.finished[r];
        std::string heldOut = "[";
        for (size_t i = 0; i < run.heldOut.size(); ++i) {
            const ManifestItem& item = set.manifest.items[static_cast<size_t>(run.heldOut[i])];
            heldOut += (i ? "," : "") + scoredItem(item.path, item.target, run.scores[i]);
        }
        heldOut += "]";
        JsonWriter head;
        head.add("fold", run.fold).add("init", run.init).add("metric", run.metric).add("weights", run.weightsPath);
        // The test manifest's scores of this run's classifier, when there is one.
        const TrainingRunResult& result = summary.runs.at(r);
        std::string test;
        if (!summary.testManifest.empty()) {
            head.add("test_metric", result.testMetric);
            test = ",\"test\":[";
            for (size_t i = 0; i < result.testScores.size(); ++i)
                test += (i ? "," : "") + scoredItem(summary.testPaths[i], summary.testTargets[i], result.testScores[i]);
            test += "]";
        }
        std::string text = head.text();
        text.pop_back();
        text += ",\"losses\":" + array(run.losses) + ",\"metrics\":" + array(run.metrics) + ",\"held_out\":" + heldOut +
                test + "}";
        runs += (r ? ",\n  " : "\n  ") + text;
    }
    runs += "\n]";
    JsonWriter json;
    json.add("format", "slidesight-training-scores")
        .add("format_version", 1)
        .add("program_version", options.programVersion)
        .add("manifest", options.manifestPath)
        .add("task", options.task)
        .add("metric", summary.metricName)
        .add("mean", summary.metricMean)
        .add("std", summary.metricStd)
        .add("folds", options.folds)
        .add("inits", options.inits)
        .add("epochs", options.epochs)
        .add("batch_size", options.batchSize)
        .add("seed", static_cast<int64_t>(options.seed))
        .add("augment", set.augment)
        .add("augmentation", set.augmentation)
        .add("extra_scale", set.extraScale)
        .add("best_run", summary.bestRun);
    if (!summary.testManifest.empty())
        json.add("test_manifest", summary.testManifest).add("test_mean", summary.testMean).add("test_std", summary.testStd);
    std::string text = json.text();
    text.pop_back();
    return text + ",\"runs\":" + runs + "}\n";
}

/// The bundle's extractor: the one that made the grids (the options' when slides were
/// extracted or the user named one, else the first grid's metadata). A weights file is copied
/// into the bundle.
Expected<BundleExtractor> bundleExtractor(const TrainingOptions& options, const TrainingSet& set,
                                          const fs::path& bundle) {
    using Extractor = Expected<BundleExtractor>;
    BundleExtractor extractor;
    bool anySlide = false;
    for (const ManifestItem& item : set.manifest.items) anySlide = anySlide || !item.isGrid;
    if (anySlide || options.extractorGiven) {
        extractor.weights = options.extraction.weights;
        extractor.architecture = options.extraction.architecture;
        extractor.mpp = options.extraction.grid.targetMpp;
        extractor.patchSize = options.extraction.grid.patchSize;
    } else {
        const auto weights = jsonStringField(set.gridMetadata, "weights");
        if (!weights)
            return Extractor::failure("The grids do not record the extractor that made them; give --weights (and "
                                      "--arch) as they were extracted.");
        extractor.weights = *weights;
        extractor.architecture = jsonStringField(set.gridMetadata, "architecture").value_or("resnet34");
        extractor.mpp = numberField(set.gridMetadata, "target_mpp").value_or(2.0);
        extractor.patchSize = static_cast<int>(numberField(set.gridMetadata, "patch_size").value_or(224));
    }
    if (extractor.weights.rfind("random:", 0) != 0) {
        if (!fs::is_regular_file(extractor.weights))
            return Extractor::failure("The extractor weights \"" + extractor.weights +
                                      "\" that made the grids are not there to copy into the bundle; give --weights.");
        const fs::path copy = bundle / ("extractor" + fs::path(extractor.weights).extension().string());
        if (!copyAtomically(extractor.weights, copy)) return Extractor::failure("Cannot copy the extractor weights into \"" + bundle.string() + "\".");
        extractor.weights = copy.string();
    }
    return extractor;
}

}  // namespace

Expected<bool> writeTrainingOutputs(const TrainingOptions& options, const TrainingSet& set,
                                    const CheckpointState& state, TrainingSummary& summary) {
    summary.scoresPath = (fs::path(summary.runFolder) / "scores.json").string();
    const std::string scores = scoresJson(options, set, state, summary);
    const auto written = writeFileAtomically(summary.scoresPath, scores.data(), scores.size(), "the training scores");
    if (!written) return written;

    const fs::path bundle = fs::absolute(options.bundleFolder);  // the manifest names its files inside it
    std::error_code error;
    fs::create_directories(bundle, error);
    if (!fs::is_directory(bundle)) return Written::failure("Cannot create the bundle folder \"" + bundle.string() + "\".");
    ModelBundle model;
    model.name = options.name.empty() ? "Attention classifier (" + fs::path(options.manifestPath).stem().string() + ")"
                                      : options.name;
    const TrainingRunResult& best = summary.runs.at(static_cast<size_t>(summary.bestRun));
    std::ostringstream description;
    description << "Attention-based classifier trained by slidesight-cli train: " << options.folds << "-fold cross-validation x "
                << options.inits << " initialisations, " << options.epochs << " epochs, augmentation " << summary.augmentation
                << ". Mean (std) held-out " << summary.metricName << " " << summary.metricMean << " ("
                << summary.metricStd << ")";
    if (!summary.testManifest.empty())
        description << "; on the test manifest " << summary.testManifest << ": " << summary.testMean << " ("
                    << summary.testStd << ")";
    description << ". Weights: fold " << best.fold << ", initialisation " << best.init
                << " (held-out " << summary.metricName << " " << best.metric << ").";
    model.description = description.str();
    model.task = options.task;
    model.classes = options.task == "regression" ? std::vector<std::string>{"score"}
                                                 : std::vector<std::string>{"negative", "positive"};
    model.trained = true;
    model.trainedOn = options.manifestPath + " (" + std::to_string(summary.items) + " slides; augmentation " +
                      summary.augment + (summary.extraScale ? ", plus the slides at 4 um/px" : "") + ")";
    model.metrics[summary.metricName] = summary.metricMean;
    if (std::isfinite(summary.metricStd)) model.metrics[summary.metricName + "_std"] = summary.metricStd;
    const auto extractor = bundleExtractor(options, set, bundle);
    if (!extractor) return Written::failure(extractor.error());
    model.extractor = *extractor;
    summary.extractorTrained = model.extractor.weights.rfind("random:", 0) != 0;
    const fs::path classifier = bundle / "classifier.pt";
    if (!copyAtomically(best.weightsPath, classifier)) return Written::failure("Cannot copy the trained classifier into \"" + bundle.string() + "\".");
    model.classifier.weights = classifier.string();
    model.classifier.attention = options.attention;
    model.classifier.hidden = options.hidden;
    model.classifier.kernel = options.kernel;
    model.classifier.nonlinearity = options.nonlinearity;
    model.classifier.convPadding = options.convPadding;
    model.classifier.inputScale = summary.inputScale;
    model.classifier.tissueOnly = options.tissueOnly;
    const auto manifest = writeBundleManifest(model, bundle.string());
    if (!manifest) return Written::failure(manifest.error());
    summary.bundlePath = *manifest;
    return true;
}

}  // namespace slidesight::model
