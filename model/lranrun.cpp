#include "model/lranrun.h"

#include "model/gridgeometry.h"
#include "model/inferencedevice.h"
#include "model/jsonwriter.h"
#include "model/lran.h"
#include "model/lranmaps.h"
#include "model/patchreader.h"
#include "model/resultfile.h"
#include "model/statedict.h"
#include "model/weightsorigin.h"
#include "viewer/slide/openslidesource.h"

#include <torch/torch.h>

#include <algorithm>
#include <chrono>
#include <thread>

namespace slidesight::model {

const char* const kLranCancelled = "The LRAN run was cancelled; nothing was written.";

namespace {

using Result = Expected<LranRunSummary>;

struct Network {
    Lran net{nullptr};
    WeightsOrigin origin;
};

Expected<Network> openNetwork(const LranRunOptions& o) {
    using Opened = Expected<Network>;
    const auto variant = LranConfig::parseVariant(o.network);
    if (!variant) return Opened::failure(variant.error());
    const auto seed = randomWeightsSeed(o.weights);
    if (!seed) return Opened::failure(seed.error());
    LranConfig config;
    config.variant = *variant;
    config.classes = o.classes > 0 ? o.classes : 4;
    Network out;
    if (*seed) {
        out.net = Lran(config);
        out.net->initialiseRandom(**seed);
        out.origin.description = o.network + " " + o.weights + " (untrained)";
        return out;
    }
    const auto dict = StateDict::read(o.weights);
    if (!dict) return Opened::failure(dict.error());
    const torch::Tensor fc = dict->find("fc.weight");
    if (o.classes <= 0 && fc.defined() && fc.dim() == 2) config.classes = fc.size(0);
    out.net = Lran(config);
    const auto loaded = dict->loadInto(*out.net);
    if (!loaded)
        return Opened::failure("The weights \"" + o.weights + "\" do not fit " + o.network + " with " +
                               std::to_string(config.classes) + " classes: " + loaded.error());
    const auto origin = weightsFileOrigin(o.weights, o.network + " " + o.weights);
    if (!origin) return Opened::failure(origin.error());
    out.origin = *origin;
    return out;
}

std::vector<std::string> classNames(int64_t classes) {
    if (classes == 4) return LranConfig::bachClassNames();
    std::vector<std::string> names;
    for (int64_t c = 0; c < classes; ++c) names.push_back("class " + std::to_string(c));
    return names;
}

std::string metadataJson(const LranRunOptions& o, const SlideSource& slide, const LranRunSummary& s,
                         const std::map<std::string, int64_t>& pixelsPerPatch, const TissueMask& tissue) {
    JsonWriter slideJson, mpp, region, names, maps, tissueJson;
    slideJson.add("path", slide.info().identity.path)
        .add("size_bytes", slide.info().identity.fileSize)
        .add("openslide_quickhash1", slide.info().identity.quickHash);
    mpp.add("slide", s.slideMpp).add("slide_assumed", s.slideMppAssumed).add("patches", s.patchMpp);
    region.add("x", s.region[0]).add("y", s.region[1]).add("width", s.region[2]).add("height", s.region[3]);
    region.add("source", s.regionFromTissue ? "tissue bounding box" : "given");
    for (size_t c = 0; c < s.classNames.size(); ++c) names.add(std::to_string(c), s.classNames[c]);
    for (const auto& [name, pixels] : pixelsPerPatch) maps.add(name, pixels);
    tissueJson.add("mask_mpp", o.tissue.maskMpp).add("saturation_threshold", tissue.saturationThreshold);
    JsonWriter json;
    json.add("kind", "slidesight-lran")
        .add("program_version", o.programVersion)
        .add("slide", slideJson)
        .add("mpp", mpp)
        .add("region", region)
        .add("patch_size", o.patchSize)
        .add("rows", s.rows)
        .add("columns", s.columns)
        .add("patches_run", s.patchesRun)
        .add("patches_skipped_without_tissue", s.patchesSkipped)
        .add("network", s.network);
    addWeightsOrigin(json, "weights", WeightsOrigin{s.weights, s.weightsSha256, s.trained});
    json.add("classes", s.classes)
        .add("class_names", names)
        .add("cam", o.camClass < 0 ? std::string("predicted class, Grad-CAM on base.layer4")
                                   : "class " + std::to_string(o.camClass) + ", Grad-CAM on base.layer4")
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
    if (o.outputPath.empty()) return Result::failure("No output file was given.");
    if (o.camClass >= 0 && o.classes > 0 && o.camClass >= o.classes)
        return Result::failure("The CAM class " + std::to_string(o.camClass) + " is out of range (" +
                               std::to_string(o.classes) + " classes).");
    auto opened = OpenSlideSource::open(o.slidePath);
    if (!opened) return Result::failure(opened.error());
    std::shared_ptr<const SlideSource> slide = *opened;
    if (o.slideMpp > 0.0) (*opened)->setUserMpp(o.slideMpp);
    const Mpp slideMpp = slide->mpp();
    if (!slideMpp.known())
        return Result::failure("The slide \"" + o.slidePath + "\" records no µm/px, and patches are cut at " +
                               std::to_string(o.mpp) + " µm/px: give the scan's µm/px with --slide-mpp.");
    const auto tissue = TissueDetector(o.tissue).detect(*slide);
    if (!tissue) return Result::failure(tissue.error());

    LranRunSummary s;
    s.slideMpp = slideMpp.average();
    s.slideMppAssumed = slideMpp.assumed();
    s.patchMpp = o.mpp;
    RectD region{o.region[0], o.region[1], o.region[2], o.region[3]};
    if (!o.hasRegion) {
        if (!tissue->hasTissue())
            return Result::failure("No tissue was found on \"" + o.slidePath + "\": give the region to run with --region.");
        region = tissue->levelZeroBox;
        s.regionFromTissue = true;
    }
    GridParameters gridParameters;
    gridParameters.targetMpp = o.mpp;
    gridParameters.patchSize = o.patchSize;
    const auto geometry = GridGeometry::create(slideMpp, region, gridParameters);
    if (!geometry) return Result::failure(geometry.error());
    auto network = openNetwork(o);
    if (!network) return Result::failure(network.error());
    const int64_t classes = network->net->config().classes;
    if (o.camClass >= classes)
        return Result::failure("The CAM class " + std::to_string(o.camClass) + " is out of range (the weights have " +
                               std::to_string(classes) + " classes).");
    const int cores = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    const auto device = InferenceDevice::choose(o.device, o.batchSize, o.torchThreads > 0 ? o.torchThreads : cores, 1);
    if (!device) return Result::failure(device.error());

    s.region[0] = region.x, s.region[1] = region.y, s.region[2] = region.width, s.region[3] = region.height;
    s.rows = geometry->rows();
    s.columns = geometry->columns();
    s.origin[0] = geometry->originX(), s.origin[1] = geometry->originY();
    s.cellSize[0] = geometry->cellLevelZeroWidth(), s.cellSize[1] = geometry->cellLevelZeroHeight();
    s.classes = classes;
    s.classNames = classNames(classes);
    s.network = o.network;
    s.weights = network->origin.description;
    s.trained = network->origin.trained;
    s.weightsSha256 = network->origin.sha256;
    s.device = device->name();
    s.batchSize = device->batchSize;
    s.torchThreads = device->torchThreads;
    s.outputPath = o.outputPath;

    torch::Tensor tissueFractions = torch::zeros({s.rows, s.columns});
    std::vector<std::pair<int, int>> cells;
    for (int r = 0; r < s.rows; ++r)
        for (int c = 0; c < s.columns; ++c) {
            const double fraction = tissue->fractionIn(geometry->cellLevelZeroRect(r, c));
            tissueFractions[r][c] = fraction;
            if (o.allPatches || fraction > 0.0) cells.emplace_back(r, c);
        }
    s.patchesRun = static_cast<int64_t>(cells.size());
    s.patchesSkipped = s.rows * int64_t(s.columns) - s.patchesRun;
    if (cells.empty())
        return Result::failure("None of the region's " + std::to_string(s.patchesSkipped) +
                               " patches has tissue: give --all-patches to run them anyway.");

    const PatchReader reader(slide, *geometry);
    LranMaps maps(s.rows, s.columns, classes);
    const auto runStart = std::chrono::steady_clock::now();
    try {
        TorchThreadScope threads(device->torchThreads);
        Lran& net = network->net;
        net->to(device->device);
        net->eval();
        const int64_t total = s.patchesRun, batch = device->batchSize, p = o.patchSize;
        for (int64_t first = 0; first < total; first += batch) {
            if (cancel && cancel->load()) return Result::failure(kLranCancelled);
            const int64_t n = std::min(batch, total - first);
            torch::Tensor input = torch::empty({n, 3, p, p});
            for (int64_t i = 0; i < n; ++i) {
                const auto [row, column] = cells[static_cast<size_t>(first + i)];
                const auto read = reader.readNormalised(row, column, input[i].data_ptr<float>());
                if (!read) return Result::failure(read.error());
            }
            const auto result =
                net->forwardWithCam(input.to(device->device), o.camClass < 0 ? GradCam::kPredictedClass : o.camClass);
            if (!result) return Result::failure(result.error());
            for (int64_t i = 0; i < n; ++i) {
                const auto [row, column] = cells[static_cast<size_t>(first + i)];
                maps.add(row, column, *result, i);
            }
            if (progress) progress(first + n, total);
        }
    } catch (const std::exception& e) {
        const std::string text = e.what();
        return Result::failure("The LRAN run failed: " + text.substr(0, text.find('\n')));
    }
    const double runSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - runStart).count();
    s.patchesPerSecond = runSeconds > 0.0 ? static_cast<double>(s.patchesRun) / runSeconds : 0.0;
    s.meanProbabilities = maps.meanProbabilities();
    s.predictedCounts = maps.predictedCounts();
    if (cancel && cancel->load()) return Result::failure(kLranCancelled);

    s.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    ResultFile out;
    maps.addTo(out);
    out.add("tissue", tissueFractions);
    out.add("origin", torch::tensor({s.origin[0], s.origin[1]}, torch::kFloat64));
    out.add("cell_size", torch::tensor({s.cellSize[0], s.cellSize[1]}, torch::kFloat64));
    out.add("metadata", metadataJson(o, *slide, s, maps.pixelsPerPatch(), *tissue));
    const auto written = out.write(o.outputPath, "the LRAN maps");
    if (!written) return Result::failure(written.error());
    return s;
}

}  // namespace slidesight::model
