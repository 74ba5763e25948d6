#include "model/analysis/analysis.h"
#include "model/analysis/layerids.h"

#include "model/attention/classificationrun_torch.h"
#include "model/bundle/bundlemanifest.h"
#include "model/bundle/bundleoptions.h"
#include "model/extraction/inferencedevice_torch.h"
#include "model/nets/resnet_torch.h"
#include "model/common/exceptiontext.h"
#include "model/common/stopwatch.h"

#include <torch/torch.h>

#include <algorithm>
#include <chrono>
#include <limits>
#include <optional>
#include <thread>

namespace slidesight::model {

const char* const kAnalysisCancelled = "The analysis was cancelled; no result was written.";

const AnalysisMap* AnalysisResult::map(const std::string& id) const {
    for (const auto& m : maps)
        if (m.id == id) return &m;
    return nullptr;
}

namespace {

using Clock = std::chrono::steady_clock;

/// A [channels, M', N'] (or [M', N']) tensor as a map, NaN on the cells `valid` leaves out
/// (when given).
AnalysisMap toMap(const std::string& id, const std::string& units, const torch::Tensor& values,
                  const torch::Tensor& valid = {}) {
    torch::Tensor t = values.detach().to(torch::kCPU, torch::kFloat32);
    if (t.dim() == 2) t = t.unsqueeze(0);
    if (valid.defined())
        t = t.masked_fill(valid.logical_not().unsqueeze(0).expand_as(t), std::numeric_limits<float>::quiet_NaN());
    t = t.contiguous();
    AnalysisMap map;
    map.id = id;
    map.units = units;
    map.channels = static_cast<int>(t.size(0));
    map.values.assign(t.data_ptr<float>(), t.data_ptr<float>() + t.numel());
    return map;
}

void addMaps(AnalysisResult& result, const ClassifierRun& run) {
    result.maps.push_back(toMap(layerid::kTissue, "fraction", run.tissue));
    const AttentionResult& f = run.forward;
    if (f.attentionMax.defined()) result.maps.push_back(toMap(layerid::kAttentionMax, "weight", f.attentionMax[0], run.valid));
    if (f.attentionMin.defined()) result.maps.push_back(toMap(layerid::kAttentionMin, "weight", f.attentionMin[0], run.valid));
    if (f.attentionAvg.defined()) result.maps.push_back(toMap(layerid::kAttentionAvg, "weight", f.attentionAvg[0], run.valid));
    AnalysisMap gradcam = toMap(layerid::kGradCam, "", run.cam.map[0], run.valid);
    gradcam.degenerate = run.summary.gradcamDegenerate;
    result.maps.push_back(std::move(gradcam));
}

void addOutputs(AnalysisResult& result, const ClassificationSummary& s) {
    result.logits = s.logits;
    result.probabilities = s.probabilities;
    result.predictedClass = s.predictedClass;
    if (s.probabilities.empty())
        result.score = s.logits.empty() ? 0.0 : s.logits.front();
    else
        result.score = *std::max_element(s.probabilities.begin(), s.probabilities.end());
    result.gradcamClass = s.gradcamClass;
    result.gradcamTarget = s.gradcamTarget;
    result.gradcamCentred = s.gradcamCentred;
    result.gradcamDegenerate = s.gradcamDegenerate;
    result.convPadding = s.convPadding;
    result.classifierTrained = s.trained;
}

int torchThreadsFor(const AnalysisOptions& options) {
    if (options.torchThreads > 0) return options.torchThreads;
    return std::max(1, static_cast<int>(std::thread::hardware_concurrency()) - 1);
}

}  // namespace

Expected<AnalysisResult> runAnalysis(const ModelBundle& bundle, const AnalysisOptions& options,
                                     const AnalysisProgress& progress, const std::atomic<bool>* cancel) {
    return runAnalysis(bundle, options, progress, cancel, nullptr);
}

Expected<AnalysisResult> runAnalysis(const ModelBundle& bundle, const AnalysisOptions& options,
                                     const AnalysisProgress& progress, const std::atomic<bool>* cancel,
                                     AnalysisFailure* failureKind) {
    const auto start = Clock::now();
    AnalysisFailure ignored = AnalysisFailure::None;
    AnalysisFailure& kind = failureKind ? *failureKind : ignored;
    kind = AnalysisFailure::Other;
    auto report = [&progress](AnalysisStage stage, int64_t done, int64_t total) {
        if (progress) progress(stage, done, total);
    };
    auto cancelled = [cancel, &kind] {
        const bool stop = cancel && cancel->load();
        if (stop) kind = AnalysisFailure::Cancelled;
        return stop;
    };
    if (const Check valid = checkBundleManifest(bundle); !valid) return failure(valid.error());
    const int threads = torchThreadsFor(options);

    ClassificationOptions classification = classificationOptionsFor(bundle);
    classification.tissueOnly = classification.tissueOnly || options.tissueOnly;
    if (options.gradcamClass >= 0) classification.gradcamClass = options.gradcamClass;  // else the bundle's
    classification.outputPath = options.resultPath;
    classification.programVersion = options.programVersion;
    ExtractionOptions extraction = extractionOptionsFor(bundle);
    extraction.slidePath = options.slidePath;
    extraction.slideMpp = options.slideMpp;
    if (options.gridMpp > 0.0) extraction.grid.targetMpp = options.gridMpp;
    extraction.device = options.device;
    extraction.tissueOnly = classification.tissueOnly;
    extraction.torchThreads = threads;
    extraction.cacheFolder = options.cacheFolder;
    extraction.programVersion = options.programVersion;

    // A classifier that does not fit fails before minutes of extraction: ResNet's K is known.
    std::optional<LoadedClassifier> classifier;
    std::optional<AttentionClassifierConfig> config;
    auto loadClassifier = [&](int64_t features) -> Expected<bool> {
        const auto made = classifierConfig(classification, features);
        if (!made) return Expected<bool>::failure(made.error());
        config = *made;
        auto loaded = loadAttentionClassifier(classification.classifier, *config, " (from the extractor)",
                                              "The model bundle's classifier settings do not match its weights.");
        if (!loaded) return Expected<bool>::failure(loaded.error());
        classifier = std::move(*loaded);
        return true;
    };
    if (bundle.extractor.architecture != "torchscript") {
        const TorchThreadScope scope(threads);
        if (const auto loaded = loadClassifier(ResNetImpl::kFeatureCount); !loaded) return failure(loaded.error());
    }

    report(AnalysisStage::Tissue, 0, 1);
    bool extracting = false;
    ExtractionFailure extractionFailure = ExtractionFailure::None;
    const auto extracted = extractGrid(
        extraction,
        [&](int64_t done, int64_t total) {
            if (!extracting) report(AnalysisStage::Tissue, 1, 1);
            extracting = true;
            report(AnalysisStage::Extraction, done, total);
        },
        cancel, &extractionFailure);
    if (!extracted) {
        if (extractionFailure == ExtractionFailure::Cancelled || cancelled()) {
            kind = AnalysisFailure::Cancelled;
            return failure(kAnalysisCancelled);
        }
        if (extractionFailure == ExtractionFailure::MppUnknown) kind = AnalysisFailure::MppUnknown;
        return failure(extracted.error());
    }
    if (!extracting) report(AnalysisStage::Tissue, 1, 1);
    report(AnalysisStage::Extraction, extracted->cellsExtracted, extracted->cellsExtracted);
    if (cancelled()) return failure(kAnalysisCancelled);

    const auto grid = GridFile::read(extracted->gridPath);
    if (!grid) return failure(grid.error());
    report(AnalysisStage::Classification, 0, 1);
    const TorchThreadScope scope(threads);
    if (!classifier) {
        if (const auto loaded = loadClassifier(grid->featureCount()); !loaded) return failure(loaded.error());
    } else if (grid->featureCount() != config->features) {
        return failure("The grid has " + std::to_string(grid->featureCount()) + " features per cell, but the classifier expects " +
                               std::to_string(config->features) + ".");
    }
    classification.gridPath = extracted->gridPath;
    const auto run = runClassifier(*classifier, *grid, classification);
    if (!run) return failure(run.error());
    if (cancelled()) return failure(kAnalysisCancelled);

    AnalysisResult result;
    result.bundle = bundle;
    result.rows = static_cast<int>(grid->rows());
    result.columns = static_cast<int>(grid->columns());
    result.originX = grid->origin[0];
    result.originY = grid->origin[1];
    result.cellWidth = grid->cellSize[0];
    result.cellHeight = grid->cellSize[1];
    result.slideMpp = extracted->slideMpp;
    result.slideMppAssumed = extracted->slideMppAssumed;
    result.extractorTrained = extracted->trained;
    result.fromCache = extracted->fromCache;
    result.cacheNotice = extracted->cacheNotice;
    result.gridPath = extracted->gridPath;
    result.extractionSeconds = extracted->extractionSeconds;
    try {
        addMaps(result, *run);
        addOutputs(result, run->summary);
        if (!options.resultPath.empty()) {
            const auto written = classificationResultFile(classification, *config, *grid, *run)
                                     .write(options.resultPath, "the analysis result");
            if (!written) return failure(written.error());
            result.resultPath = options.resultPath;
        }
    } catch (const std::exception& e) {
        return failure("The analysis failed: " + firstLine(e));
    }
    report(AnalysisStage::Classification, 1, 1);
    report(AnalysisStage::Done, 1, 1);
    result.seconds = secondsSince(start);
    kind = AnalysisFailure::None;
    return result;
}

}  // namespace slidesight::model
