#include "model/extraction/extractionsetup_torch.h"

#include "model/common/sha256.h"
#include "model/grid/tissueonly_torch.h"
#include "model/common/exceptiontext.h"

#include <torch/torch.h>

#include <sstream>

namespace slidesight::model {

namespace {

bool isRandomWeights(const std::string& weights) { return weights.rfind("random:", 0) == 0; }

/// A failure that also says which kind it is.
Failure failedAs(ExtractionFailure* kind, ExtractionFailure what, std::string message) {
    *kind = what;
    return failure(std::move(message));
}

/// The message for a slide without µm/px, with the objective power's suggestion if it has one.
std::string missingMppMessage(const SlideSource& slide, const std::string& path) {
    std::ostringstream s;
    s << "The slide \"" << path << "\" records no microns per pixel (µm/px), and the grid is cut at a physical "
      << "resolution: the scan's µm/px must be given";
    if (const auto power = slide.info().objectivePower; power && *power > 0.0)
        s << " (its objective power, " << *power << "x, suggests about " << 10.0 / *power << " µm/px)";
    s << ".";
    return s.str();
}

}  // namespace

Expected<OpenedSlide> openSlideForExtraction(const ExtractionOptions& options, ExtractionFailure* kind) {
    using R = OpenedSlide;
    auto opened = OpenSlideSource::open(options.slidePath);
    if (!opened) return failedAs(kind, ExtractionFailure::Slide, opened.error());
    OpenedSlide out;
    out.slide = *opened;
    if (options.slideMpp > 0.0 && !(options.slideMppOnlyWhenMissing && out.slide->info().mpp.known()))
        out.slide->setUserMpp(options.slideMpp);
    else if (!out.slide->info().mpp.known())
        return failedAs(kind, ExtractionFailure::MppUnknown, missingMppMessage(*out.slide, options.slidePath));

    const auto device = InferenceDevice::choose(options.device, options.batchSize, options.torchThreads,
                                                options.readerThreads);
    if (!device) return failedAs(kind, ExtractionFailure::Options, device.error());
    out.device = *device;

    GridProvenance& p = out.provenance;
    const SlideInfo& info = out.slide->info();
    p.slide = info.identity;
    p.vendor = info.vendor;
    p.slideWidth = info.width();
    p.slideHeight = info.height();
    p.slideMpp = out.slide->mpp();
    p.weights = options.weights;
    p.architecture = options.architecture;
    if (!isRandomWeights(options.weights)) {
        const auto sha = Sha256::hexOfFile(options.weights);
        if (!sha) return failedAs(kind, ExtractionFailure::Weights, "Cannot open the weights file \"" + options.weights + "\".");
        p.weightsSha256 = *sha;
    }
    p.grid = options.grid;
    p.normalisation = options.normalisation;
    p.tissue = options.tissue;
    p.tissueOnly = options.tissueOnly;
    p.patchTransform = options.patchTransform;
    p.precision = device->precision();
    p.programVersion = options.programVersion;
    return Expected<R>(std::move(out));
}

Expected<PreparedGrid> prepareGrid(const ExtractionOptions& options, const OpenedSlide& opened, ExtractionFailure* kind) {
    using R = PreparedGrid;
    PreparedGrid out;
    auto extractor = FeatureExtractor::open(options.weights, options.architecture);
    if (!extractor) return failedAs(kind, ExtractionFailure::Weights, extractor.error());
    out.extractor = std::move(*extractor);
    const InferenceDevice& d = opened.device;
    try {
        out.extractor->prepare(d.device, d.dtype, d.channelsLast);
    } catch (const std::exception& e) {
        return failedAs(kind, ExtractionFailure::Options, "Cannot move the extractor to " + d.name() + ": " + firstLine(e));
    }

    const auto mask = TissueDetector(options.tissue).detect(*opened.slide);
    if (!mask) return failedAs(kind, ExtractionFailure::Slide, mask.error());
    if (!mask->hasTissue()) return failedAs(kind, ExtractionFailure::NoTissue, "No tissue was found on the slide.");
    out.mask = *mask;
    const auto geometry = GridGeometry::create(opened.slide->mpp(), mask->levelZeroBox, options.grid);
    if (!geometry) return failedAs(kind, ExtractionFailure::Options, geometry.error());
    out.geometry = *geometry;

    const GridGeometry& g = out.geometry;
    out.tissue = torch::zeros({g.rows(), g.columns()}, torch::kFloat32);
    auto a = out.tissue.accessor<float, 2>();
    for (int r = 0; r < g.rows(); ++r)
        for (int c = 0; c < g.columns(); ++c) a[r][c] = static_cast<float>(out.mask.fractionIn(g.cellLevelZeroRect(r, c)));
    // Tissue-only: the tissue cells and the ring the 3DCL needs around them.
    const torch::Tensor wanted = options.tissueOnly ? tissueOnlyInputCells(out.tissue)
                                                    : torch::ones({g.rows(), g.columns()}, torch::kBool);
    const auto w = wanted.accessor<bool, 2>();
    for (int r = 0; r < g.rows(); ++r)
        for (int c = 0; c < g.columns(); ++c)
            if (w[r][c]) out.cells.emplace_back(r, c);
    return Expected<R>(std::move(out));
}

}  // namespace slidesight::model
