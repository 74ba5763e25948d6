#include "model/lran/lranrun.h"

#include "model/analysis/resultfile_torch.h"
#include "model/common/jsonwriter.h"
#include "model/common/weightsorigin.h"
#include "model/lran/lran_torch.h"
#include "model/lran/lranmaps_torch.h"
#include "model/lran/lransession.h"
#include "model/common/stopwatch.h"

#include <torch/torch.h>

#include <algorithm>
#include <chrono>
#include <iterator>

namespace slidesight::model {

const char* const kLranCancelled = "The LRAN run was cancelled; nothing was written.";

namespace {

std::string metadataJson(const LranRunOptions& o, const LranSessionInfo& info, const LranRunSummary& s,
                         const std::map<std::string, int64_t>& pixelsPerPatch) {
    JsonWriter slideJson, mpp, region, names, maps, tissueJson;
    slideJson.add("path", info.slide.path)
        .add("size_bytes", info.slide.fileSize)
        .add("openslide_quickhash1", info.slide.quickHash);
    mpp.add("slide", s.slideMpp).add("slide_assumed", s.slideMppAssumed).add("patches", s.patchMpp);
    region.add("x", s.region[0]).add("y", s.region[1]).add("width", s.region[2]).add("height", s.region[3]);
    region.add("source", s.regionFromTissue ? "tissue bounding box" : "given");
    for (size_t c = 0; c < s.classNames.size(); ++c) names.add(std::to_string(c), s.classNames[c]);
    for (const auto& [name, pixels] : pixelsPerPatch) maps.add(name, pixels);
    tissueJson.add("mask_mpp", o.session.tissue.maskMpp).add("saturation_threshold", info.tissueSaturationThreshold);
    JsonWriter json;
    json.add("kind", "slidesight-lran")
        .add("program_version", o.programVersion)
        .add("slide", slideJson)
        .add("mpp", mpp)
        .add("region", region)
        .add("patch_size", o.session.patchSize)
        .add("rows", s.rows)
        .add("columns", s.columns)
        .add("patches_run", s.patchesRun)
        .add("patches_skipped_without_tissue", s.patchesSkipped)
        .add("network", s.network)
        .add("widths", s.widths);
    addWeightsOrigin(json, "weights", WeightsOrigin{s.weights, s.weightsSha256, s.trained});
    json.add("classes", s.classes)
        .add("class_names", names)
        .add("cam", (o.session.camClass < 0 ? std::string("predicted class") : "class " + std::to_string(o.session.camClass)) +
                        (s.camTarget == LranConfig::name(LranCamTarget::Base)
                             ? ", Grad-CAM on base.layer4 (B, the mask detached)"
                             : ", class activation map on H = B * M + B (fc's class weights over h * w)"))
        .add("cam_target", s.camTarget)
        .add("map_pixels_per_patch", maps)
        .add("tissue", tissueJson)
        .add("device", s.device)
        .add("seconds", s.seconds);
    return json.text();
}

}  // namespace

Expected<LranRunSummary> runLranOnSlide(const LranRunOptions& o, const LranProgress& progress,
                                        const std::atomic<bool>* cancel) {
    const auto start = std::chrono::steady_clock::now();
    if (o.outputPath.empty()) return failure("No output file was given.");
    if (o.session.camClass >= 0 && o.session.classes > 0 && o.session.camClass >= o.session.classes)
        return failure("The CAM class " + std::to_string(o.session.camClass) + " is out of range (" +
                               std::to_string(o.session.classes) + " classes).");
    LranOpenFailure why = LranOpenFailure::None;
    const auto session = LranSession::open(o.session, &why);
    if (why == LranOpenFailure::MppUnknown)
        return failure("The slide \"" + o.session.slidePath + "\" records no µm/px, and patches are cut at " +
                               std::to_string(o.session.mpp) + " µm/px: give the scan's µm/px with --slide-mpp.");
    if (why == LranOpenFailure::NoTissue)
        return failure("No tissue was found on \"" + o.session.slidePath + "\": give the region to run with --region.");
    if (!session) return failure(session.error());
    const LranSessionInfo& info = (*session)->info();

    LranRunSummary s;
    s.slideMpp = info.slideMpp;
    s.slideMppAssumed = info.slideMppAssumed;
    s.patchMpp = info.patchMpp;
    std::copy(std::begin(info.region), std::end(info.region), std::begin(s.region));
    s.regionFromTissue = info.regionFromTissue;
    s.rows = info.rows;
    s.columns = info.columns;
    s.origin[0] = info.origin[0], s.origin[1] = info.origin[1];
    s.cellSize[0] = info.cellSize[0], s.cellSize[1] = info.cellSize[1];
    s.classes = info.classes;
    s.classNames = info.classNames;
    s.network = o.session.network;
    s.widths = info.widths;
    s.camTarget = info.camTarget;
    s.weights = info.weights;
    s.trained = info.trained;
    s.weightsSha256 = info.weightsSha256;
    s.device = info.device;
    s.batchSize = o.batchSize > 0 ? o.batchSize : info.batchSize;
    s.torchThreads = info.torchThreads;
    s.outputPath = o.outputPath;

    std::vector<std::pair<int, int>> cells;
    for (int r = 0; r < s.rows; ++r)
        for (int c = 0; c < s.columns; ++c)
            if (o.allPatches || (*session)->tissueFraction(r, c) > 0.0f) cells.emplace_back(r, c);
    s.patchesRun = static_cast<int64_t>(cells.size());
    s.patchesSkipped = s.rows * int64_t(s.columns) - s.patchesRun;
    if (cells.empty())
        return failure("None of the region's " + std::to_string(s.patchesSkipped) +
                               " patches has tissue: give --all-patches to run them anyway.");

    LranMaps maps(s.rows, s.columns, s.classes);
    const auto runStart = std::chrono::steady_clock::now();
    const auto ran = (*session)->run(
        cells, s.batchSize,
        [&](const LranBatchResult& batch) {
            maps.add(batch);
            if (progress) progress((*session)->doneCount(), s.patchesRun);
        },
        cancel);
    if (!ran) return failure(ran.error());
    if (cancel && cancel->load()) return failure(kLranCancelled);
    const double runSeconds = secondsSince(runStart);
    s.patchesPerSecond = runSeconds > 0.0 ? static_cast<double>(s.patchesRun) / runSeconds : 0.0;
    s.meanProbabilities = maps.meanProbabilities();
    s.predictedCounts = maps.predictedCounts();

    s.seconds = secondsSince(start);
    ResultFile out;
    maps.addTo(out);
    out.add("tissue", torch::from_blob(const_cast<float*>(info.tissue.data()), {s.rows, s.columns}, torch::kFloat32));
    out.add("origin", torch::tensor({s.origin[0], s.origin[1]}, torch::kFloat64));
    out.add("cell_size", torch::tensor({s.cellSize[0], s.cellSize[1]}, torch::kFloat64));
    out.add("metadata", metadataJson(o, info, s, maps.pixelsPerPatch()));
    const auto written = out.write(o.outputPath, "the LRAN maps");
    if (!written) return failure(written.error());
    return s;
}

}  // namespace slidesight::model
