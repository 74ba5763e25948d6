#include "app/cli/demo/demoagreement.h"

#include "model/analysis/analysis.h"
#include "model/bundle/bundle.h"
#include "model/evaluation/agreement.h"
#include "model/lran/lransession.h"
#include "viewer/annotations/annotationio.h"
#include "viewer/annotations/rasterise.h"
#include "viewer/layers/griddata.h"

#include <algorithm>
#include <limits>

namespace slidesight::cli {

namespace {

/// The fraction of each cell of `geometry` that the truth's region covers.
std::vector<float> coverageOf(const GridGeometry& geometry, const AnnotationSet& truth) {
    return AnnotationRasteriser::coverage(truth, kDemoRegionGroup,
                                          RasterGrid{geometry.origin, geometry.cellSize, geometry.rows, geometry.columns});
}

MapAgreement measure(const GridGeometry& geometry, const std::vector<float>& values, const std::vector<float>& coverage) {
    const model::AgreementReport r = model::Agreement(geometry.rows, geometry.columns, values, coverage).report();
    return MapAgreement{r.auc, r.pointingDefined, r.pointingHit, r.truthCells};
}

/// The class a positive mosaic's region stands for: "positive", else the last.
int64_t regionClass(const std::vector<std::string>& names) {
    const auto found = std::find(names.begin(), names.end(), std::string("positive"));
    return found != names.end() ? found - names.begin() : int64_t(names.size()) - 1;
}

/// The bundle's LRAN over every tissue patch of the mosaic: the probability of the region's
/// class per patch and its class activation map per map pixel.
Expected<bool> measureLran(const model::ModelBundle& bundle, const DemoEvaluationInput& in, const DemoHeldOut& slide,
                           const AnnotationSet& truth, SlideAgreement& out, const std::atomic<bool>* cancel) {
    if (!bundle.lran) return true;
    model::LranSessionOptions o;
    o.slidePath = slide.slide.toStdString();
    o.network = bundle.lran->network;
    o.weights = bundle.lran->weights;
    o.classNames = bundle.lran->classes;
    o.mpp = bundle.lran->mpp;
    o.patchSize = bundle.lran->patchSize;
    o.torchThreads = in.threads;
    const int64_t positive = regionClass(bundle.lran->classes);
    o.camClass = positive;
    auto session = model::LranSession::open(o);
    if (!session) return Expected<bool>::failure(session.error());
    const model::LranSessionInfo& info = (*session)->info();
    const int rows = info.rows, columns = info.columns, h = info.mapHeight, w = info.mapWidth;
    const float nan = std::numeric_limits<float>::quiet_NaN();
    std::vector<float> probability(size_t(rows) * columns, nan), cam(size_t(rows) * h * columns * w, nan);
    const auto ran = (*session)->run(
        (*session)->tissueCells(), 16,
        [&](const model::LranBatchResult& batch) {
            for (const model::LranPatchResult& p : batch.patches) {
                probability[size_t(p.row) * columns + p.column] = p.probabilities[size_t(positive)];
                for (int i = 0; i < h; ++i)
                    for (int j = 0; j < w; ++j)
                        cam[(size_t(p.row) * h + i) * (size_t(columns) * w) + size_t(p.column) * w + j] = p.cam[size_t(i) * w + j];
            }
        },
        cancel);
    if (!ran) return Expected<bool>::failure(ran.error());
    const QPointF origin(info.origin[0], info.origin[1]);
    const QSizeF patch(info.cellSize[0], info.cellSize[1]);
    const GridGeometry patches{origin, patch, rows, columns};
    const GridGeometry pixels{origin, QSizeF(patch.width() / w, patch.height() / h), rows * h, columns * w};
    out.maps["lran_probability"] = measure(patches, probability, coverageOf(patches, truth));
    out.maps["lran_cam"] = measure(pixels, cam, coverageOf(pixels, truth));
    return true;
}

}  // namespace

Expected<SlideAgreement> measureHeldOut(const model::ModelBundle& bundle, const DemoEvaluationInput& in,
                                        const DemoHeldOut& slide, const std::atomic<bool>* cancel) {
    using Result = Expected<SlideAgreement>;
    model::AnalysisOptions options;
    options.slidePath = slide.slide.toStdString();
    options.cacheFolder = in.cacheFolder.toStdString();
    options.torchThreads = in.threads;
    options.programVersion = SLIDESIGHT_VERSION;
    // Grad-CAM explains the region's class, as the LRAN maps do: on a positive mosaic that the
    // classifier calls negative, the predicted class's map would show the evidence against it.
    options.gradcamClass = regionClass(bundle.classes);
    auto result = model::runAnalysis(bundle, options, {}, cancel);
    if (!result) return Result::failure(result.error());
    const auto set = AnnotationIO::read(slide.annotations);
    if (!set) return Result::failure(set.error());
    const GridGeometry geometry{QPointF(result->originX, result->originY), QSizeF(result->cellWidth, result->cellHeight),
                                result->rows, result->columns};
    SlideAgreement a;
    a.cells = result->rows * result->columns;
    // The same statistics as `compare` and the agreement dock: truth = at least half a cell,
    // multi-channel maps by their channel mean. The region rasterised once for the grid.
    const std::vector<float> coverage = coverageOf(geometry, *set);
    for (const MeasuredMap& m : kDemoMaps) {
        const model::AnalysisMap* map = result->map(m.id);
        if (!map) continue;
        const GridData data(geometry, map->channels, map->values, QString());
        a.maps[m.key] = measure(geometry, data.plane(ChannelSelection::mean()), coverage);
    }
    if (const auto found = a.maps.find("attention_max"); found != a.maps.end()) a.truthCells = found->second.truthCells;
    if (auto lran = measureLran(bundle, in, slide, *set, a, cancel); !lran) return Result::failure(lran.error());
    return a;
}

}  // namespace slidesight::cli
