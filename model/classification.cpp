#include "model/classification.h"

#include "model/attentionclassifier.h"
#include "model/gradcam.h"
#include "model/gridfile.h"
#include "model/jsonwriter.h"
#include "model/resultfile.h"
#include "model/statedict.h"
#include "model/weightsorigin.h"

#include <torch/torch.h>

#include <chrono>

namespace slidesight::model {

namespace {

using Result = Expected<ClassificationSummary>;

struct LoadedClassifier {
    AttentionClassifier model{nullptr};
    WeightsOrigin origin;
};

Expected<LoadedClassifier> loadClassifier(const ClassificationOptions& options, const AttentionClassifierConfig& config) {
    using Loaded = Expected<LoadedClassifier>;
    const auto seed = randomWeightsSeed(options.classifier);
    if (!seed) return Loaded::failure(seed.error());
    LoadedClassifier out;
    if (*seed) {
        torch::manual_seed(**seed);  // PyTorch's default initialisation, reproducible per seed
        out.model = AttentionClassifier(config);
        out.origin.description = options.classifier + " (untrained)";
        return out;
    }
    const auto dict = StateDict::read(options.classifier);
    if (!dict) return Loaded::failure(dict.error());
    out.model = AttentionClassifier(config);
    const auto loaded = dict->loadInto(*out.model);
    if (!loaded)
        return Loaded::failure("The classifier \"" + options.classifier + "\" does not fit K = " +
                               std::to_string(config.features) + " (from the grid), H = " + std::to_string(config.hidden) +
                               ", n = " + std::to_string(config.kernel) + ", C = " + std::to_string(config.outputs) +
                               " and attention " + AttentionClassifierConfig::name(config.sets) + ": " + loaded.error() +
                               " Give --hidden, --kernel, --classes and --attention as the weights were trained.");
    const auto origin = weightsFileOrigin(options.classifier, options.classifier);
    if (!origin) return Loaded::failure(origin.error());
    out.origin = *origin;
    return out;
}

std::vector<double> toVector(const torch::Tensor& t) {
    const torch::Tensor d = t.detach().to(torch::kCPU, torch::kDouble).contiguous().flatten();
    return std::vector<double>(d.data_ptr<double>(), d.data_ptr<double>() + d.numel());
}

std::string metadataJson(const ClassificationOptions& options, const AttentionClassifierConfig& config,
                         const ClassificationSummary& s) {
    JsonWriter json;
    json.add("kind", "slidesight-classification")
        .add("program_version", options.programVersion)
        .add("grid", options.gridPath);
    addWeightsOrigin(json, "classifier", WeightsOrigin{s.classifier, s.classifierSha256, s.trained});
    json.add("features", config.features)
        .add("hidden", config.hidden)
        .add("kernel", config.kernel)
        .add("classes", config.outputs)
        .add("attention", AttentionClassifierConfig::name(config.sets))
        .add("nonlinearity", AttentionClassifierConfig::name(config.nonlinearity))
        .add("tissue_only", options.tissueOnly)
        .add("rows", static_cast<int64_t>(s.rows))
        .add("columns", static_cast<int64_t>(s.columns))
        .add("valid_cells", s.validCells)
        .add("predicted_class", s.predictedClass)
        .add("gradcam_class", s.gradcamClass)
        .add("gradcam_target", s.gradcamTarget);
    if (s.gradcamTarget == "gprime")
        json.add("gradcam_note", "On G' the Grad-CAM weights vanish (the per-channel softmax ignores a constant "
                                 "added to a channel), so the map is zero up to rounding; --gradcam-target grid "
                                 "weights the grid's K channels instead.");
    return json.text();
}

Expected<AttentionClassifierConfig> configFrom(const ClassificationOptions& options, int64_t features) {
    using Config = Expected<AttentionClassifierConfig>;
    AttentionClassifierConfig config;
    const auto sets = AttentionClassifierConfig::parseSets(options.attention);
    if (!sets) return Config::failure(sets.error());
    const auto nonlinearity = AttentionClassifierConfig::parseNonlinearity(options.nonlinearity);
    if (!nonlinearity) return Config::failure(nonlinearity.error());
    if (options.hidden < 1 || options.classes < 1 || options.kernel < 1 || options.kernel % 2 == 0)
        return Config::failure("The classifier needs H >= 1, C >= 1 and an odd kernel size n.");
    config.features = features;
    config.hidden = options.hidden;
    config.kernel = options.kernel;
    config.outputs = options.classes;
    config.sets = *sets;
    config.nonlinearity = *nonlinearity;
    return config;
}

}  // namespace

std::string checkClassificationOptions(const ClassificationOptions& options) {
    const auto config = configFrom(options, 1);
    if (!config) return config.error();
    const auto target = GradCam::parseTarget(options.gradcamTarget);
    if (!target) return target.error();
    if (options.gradcamClass < -1 || options.gradcamClass >= options.classes)
        return "Grad-CAM class " + std::to_string(options.gradcamClass) + " is out of range (the classifier has " +
               std::to_string(options.classes) + " outputs).";
    return {};
}

Expected<ClassificationSummary> classifyGrid(const ClassificationOptions& options) {
    const auto start = std::chrono::steady_clock::now();
    if (options.outputPath.empty()) return Result::failure("No output file was given.");
    const std::string problem = checkClassificationOptions(options);
    if (!problem.empty()) return Result::failure(problem);
    const auto target = GradCam::parseTarget(options.gradcamTarget);
    const auto grid = GridFile::read(options.gridPath);
    if (!grid) return Result::failure(grid.error());
    const auto config = configFrom(options, grid->featureCount());
    if (!config) return Result::failure(config.error());
    auto classifier = loadClassifier(options, *config);
    if (!classifier) return Result::failure(classifier.error());

    ClassificationSummary s;
    s.rows = static_cast<int>(grid->rows());
    s.columns = static_cast<int>(grid->columns());
    s.featureCount = grid->featureCount();
    s.classifier = classifier->origin.description;
    s.trained = classifier->origin.trained;
    s.classifierSha256 = classifier->origin.sha256;
    s.outputPath = options.outputPath;
    s.gradcamTarget = GradCam::name(*target);
    try {
        AttentionClassifier& model = classifier->model;
        model->eval();
        const torch::Tensor features = grid->features.to(torch::kFloat32).unsqueeze(0);
        const torch::Tensor tissue = grid->tissue.to(torch::kFloat32);
        const torch::Tensor valid = options.tissueOnly ? tissue.gt(0.0) : torch::ones_like(tissue, torch::kBool);
        s.validCells = valid.sum().item<int64_t>();
        if (s.validCells == 0)
            return Result::failure("The grid \"" + options.gridPath + "\" has no cell with tissue, so --tissue-only leaves nothing to classify.");
        AttentionResult forward;
        {
            torch::NoGradGuard noGrad;
            forward = model->forward(features, valid.unsqueeze(0));
        }
        const auto cam = GradCam::compute(model, features, valid.unsqueeze(0), options.gradcamClass, *target);
        if (!cam) return Result::failure(cam.error());
        const torch::Tensor logits = forward.logits[0];
        s.logits = toVector(logits);
        s.predictedClass = logits.argmax().item<int64_t>();
        s.gradcamClass = cam->classes[0].item<int64_t>();
        s.gradcamMax = cam->map.max().item<double>();
        s.gradcamWeightsMaxAbs = cam->weights.abs().max().item<double>();

        ResultFile out;
        out.add("logits", logits.to(torch::kFloat32));
        if (config->outputs > 1) {
            const torch::Tensor probabilities = torch::softmax(logits, 0);
            s.probabilities = toVector(probabilities);
            out.add("probabilities", probabilities.to(torch::kFloat32));
        }
        if (forward.attentionMax.defined()) out.add("attention_max", forward.attentionMax[0]);
        if (forward.attentionMin.defined()) out.add("attention_min", forward.attentionMin[0]);
        if (forward.attentionAvg.defined()) out.add("attention_avg", forward.attentionAvg[0]);
        out.add("gradcam", cam->map[0]);
        out.add("gradcam_weights", cam->weights[0]);
        out.add("gradcam_class", cam->classes[0]);
        out.add("valid", valid);
        out.add("tissue", tissue);
        out.add("origin", torch::tensor({grid->origin[0], grid->origin[1]}, torch::kFloat64));
        out.add("cell_size", torch::tensor({grid->cellSize[0], grid->cellSize[1]}, torch::kFloat64));
        out.add("metadata", metadataJson(options, *config, s));
        out.add("grid_metadata", grid->metadata);
        const auto written = out.write(options.outputPath, "the classification");
        if (!written) return Result::failure(written.error());
    } catch (const std::exception& e) {
        const std::string text = e.what();
        return Result::failure("The classification failed: " + text.substr(0, text.find('\n')));
    }
    s.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return s;
}

}  // namespace slidesight::model
