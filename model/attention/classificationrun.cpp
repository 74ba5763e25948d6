#include "model/attention/classificationrun_torch.h"

#include "model/common/jsonwriter.h"
#include "model/grid/tissueonly_torch.h"
#include "model/common/exceptiontext.h"

#include <torch/torch.h>

#include <cmath>

namespace slidesight::model {

namespace {

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
    if (!options.bundle.empty()) json.add("bundle", options.bundle);
    addWeightsOrigin(json, "classifier", WeightsOrigin{s.classifier, s.classifierSha256, s.trained});
    json.add("features", config.features)
        .add("hidden", config.hidden)
        .add("kernel", config.kernel)
        .add("classes", config.outputs)
        .add("attention", AttentionClassifierConfig::name(config.sets))
        .add("nonlinearity", AttentionClassifierConfig::name(config.nonlinearity))
        .add("conv_padding", s.convPadding)
        .add("input_scale", config.inputScale)
        .add("tissue_only", options.tissueOnly)
        .add("rows", static_cast<int64_t>(s.rows))
        .add("columns", static_cast<int64_t>(s.columns))
        .add("valid_cells", s.validCells)
        .add("predicted_class", s.predictedClass)
        .add("gradcam_class", s.gradcamClass)
        .add("gradcam_target", s.gradcamTarget)
        .add("gradcam_centred", s.gradcamCentred)
        .add("gradcam_weight_ratio", s.gradcamWeightRatio)
        .add("gradcam_degenerate", s.gradcamDegenerate);
    if (s.gradcamDegenerate)
        json.add("gradcam_note", s.gradcamTarget == "gprime"
                                     ? "On G' the Grad-CAM weights vanish (the per-channel softmax ignores a constant "
                                       "added to a channel), so the map is zero up to rounding; the grid target G "
                                       "weights the grid's K channels instead."
                                     : "The Grad-CAM weights are at rounding level, so the map is noise.");
    return json.text();
}

}  // namespace

Expected<AttentionClassifierConfig> classifierConfig(const ClassificationOptions& options, int64_t features) {
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
    const auto padding = AttentionClassifierConfig::parsePadding(options.convPadding);
    if (!padding) return Config::failure(padding.error());
    config.padding = *padding;
    if (!std::isfinite(options.inputScale) || options.inputScale <= 0.0)
        return Config::failure("The classifier's input scale must be a number above 0.");
    config.inputScale = options.inputScale;
    return config;
}

Expected<ClassifierRun> runClassifier(LoadedClassifier& classifier, const GridFile& grid,
                                      const ClassificationOptions& options) {
    using Result = Expected<ClassifierRun>;
    const auto target = GradCam::parseTarget(options.gradcamTarget);
    if (!target) return Result::failure(target.error());
    ClassifierRun run;
    ClassificationSummary& s = run.summary;
    s.rows = static_cast<int>(grid.rows());
    s.columns = static_cast<int>(grid.columns());
    s.featureCount = grid.featureCount();
    s.classifier = classifier.origin.description;
    s.trained = classifier.origin.trained;
    s.classifierSha256 = classifier.origin.sha256;
    s.gradcamTarget = GradCam::name(*target);
    s.convPadding = AttentionClassifierConfig::name(classifier.model->config().padding);
    try {
        AttentionClassifier& model = classifier.model;
        model->eval();
        const torch::Tensor features = grid.features.to(torch::kFloat32).unsqueeze(0);
        run.tissue = grid.tissue.to(torch::kFloat32);
        // Tissue-only: attend to the tissue cells; the 3DCL still sees the ring around them.
        const torch::Tensor all = torch::ones_like(run.tissue, torch::kBool);
        run.valid = options.tissueOnly ? tissueCells(run.tissue) : all;
        const torch::Tensor present = (options.tissueOnly ? tissueOnlyInputCells(run.tissue) : all).unsqueeze(0);
        s.validCells = run.valid.sum().item<int64_t>();
        if (s.validCells == 0)
            return Result::failure("The grid \"" + options.gridPath +
                                   "\" has no cell with tissue, so --tissue-only leaves nothing to classify.");
        {
            torch::NoGradGuard noGrad;
            run.forward = model->forward(features, present, run.valid.unsqueeze(0));
        }
        auto cam = GradCam::compute(model, features, present, options.gradcamClass, *target, options.gradcamCentred,
                                    run.valid.unsqueeze(0));
        if (!cam) return Result::failure(cam.error());
        run.cam = std::move(*cam);
        run.logits = run.forward.logits[0];
        s.logits = toVector(run.logits);
        s.predictedClass = run.logits.argmax().item<int64_t>();
        if (model->config().outputs > 1) s.probabilities = toVector(torch::softmax(run.logits, 0));
        s.gradcamClass = run.cam.classes[0].item<int64_t>();
        s.gradcamMax = run.cam.map.max().item<double>();
        s.gradcamWeightsMaxAbs = run.cam.weights.abs().max().item<double>();
        s.gradcamCentred = run.cam.centred;
        s.gradcamWeightRatio = run.cam.weightRatio[0].item<double>();
        s.gradcamDegenerate = run.cam.isDegenerate(0);
    } catch (const std::exception& e) {
        return Result::failure("The classification failed: " + firstLine(e));
    }
    return run;
}

ResultFile classificationResultFile(const ClassificationOptions& options, const AttentionClassifierConfig& config,
                                    const GridFile& grid, const ClassifierRun& run) {
    ResultFile out;
    out.add("logits", run.logits.to(torch::kFloat32));
    if (config.outputs > 1) out.add("probabilities", torch::softmax(run.logits, 0).to(torch::kFloat32));
    const AttentionResult& forward = run.forward;
    if (forward.attentionMax.defined()) out.add("attention_max", forward.attentionMax[0]);
    if (forward.attentionMin.defined()) out.add("attention_min", forward.attentionMin[0]);
    if (forward.attentionAvg.defined()) out.add("attention_avg", forward.attentionAvg[0]);
    out.add("gradcam", run.cam.map[0]);
    out.add("gradcam_weights", run.cam.weights[0]);
    out.add("gradcam_class", run.cam.classes[0]);
    out.add("gradcam_degenerate", run.cam.degenerate[0]);
    out.add("valid", run.valid);
    out.add("tissue", run.tissue);
    out.add("origin", torch::tensor({grid.origin[0], grid.origin[1]}, torch::kFloat64));
    out.add("cell_size", torch::tensor({grid.cellSize[0], grid.cellSize[1]}, torch::kFloat64));
    out.add("metadata", metadataJson(options, config, run.summary));
    out.add("grid_metadata", grid.metadata);
    return out;
}

}  // namespace slidesight::model
