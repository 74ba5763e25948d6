#include "model/grid/gridprovenance.h"

#include "model/common/jsonwriter.h"
#include "model/common/sha256.h"

namespace slidesight::model {

namespace {

JsonWriter slideJson(const GridProvenance& p) {
    JsonWriter slide;
    slide.add("path", p.slide.path)
        .add("size_bytes", p.slide.fileSize)
        .add("modified_ns", p.slide.modifiedNs)
        .add("openslide_quickhash1", p.slide.quickHash)
        .add("vendor", p.vendor)
        .add("width", p.slideWidth)
        .add("height", p.slideHeight);
    return slide;
}

JsonWriter mppJson(const Mpp& mpp) {
    JsonWriter out;
    out.add("x", mpp.x).add("y", mpp.y).add("assumed", mpp.assumed()).add("source", mppSourceName(mpp.source));
    return out;
}

JsonWriter tissueJson(const TissueParameters& t, bool tissueOnly) {
    JsonWriter out;
    out.add("mask_mpp", t.maskMpp)
        .add("min_saturation", t.minSaturation)
        .add("close_radius_um", t.closeRadiusUm)
        .add("open_radius_um", t.openRadiusUm)
        .add("min_component_area_um2", t.minComponentAreaUm2)
        .add("tissue_only", tissueOnly);
    // Tissue-only grids hold the tissue cells and this ring around them (model/tissueonly.h).
    if (tissueOnly) out.add("tissue_only_ring", kTissueOnlyRing);
    return out;
}

JsonWriter normalisationJson(const Normalisation& n) {
    JsonWriter out;
    for (size_t c = 0; c < 3; ++c) {
        const std::string channel(1, "rgb"[c]);
        out.add("mean_" + channel, static_cast<double>(n.mean[c])).add("std_" + channel, static_cast<double>(n.std[c]));
    }
    return out;
}

JsonWriter gridInputsJson(const GridProvenance& p) {
    const GridParameters& g = p.grid;
    JsonWriter out;
    out.add("target_mpp", g.targetMpp)
        .add("patch_size", g.patchSize)
        .add("origin_shift_x", g.originShiftX)
        .add("origin_shift_y", g.originShiftY);
    // Only when set, so that the keys of untransformed grids stay those of earlier versions.
    if (p.patchTransform != PatchTransform::None) out.add("patch_transform", patchTransformName(p.patchTransform));
    return out;
}

JsonWriter weightsJson(const GridProvenance& p) {
    JsonWriter out;
    out.add("weights", p.weights).add("architecture", p.architecture).add("precision", p.precision);
    if (p.weightsSha256.empty())
        out.addNull("weights_sha256");
    else
        out.add("weights_sha256", p.weightsSha256);
    return out;
}

JsonWriter rectJson(const RectD& r) {
    JsonWriter out;
    out.add("x", r.x).add("y", r.y).add("width", r.width).add("height", r.height);
    return out;
}

}  // namespace

std::string GridProvenance::cacheKey() const {
    JsonWriter key;
    key.add("format", "slidesight-grid-1")
        .add("program_version", programVersion)
        .add("slide", slideJson(*this))
        .add("mpp", mppJson(slideMpp))
        .add("extractor", weightsJson(*this))
        .add("normalisation", normalisationJson(normalisation))
        .add("grid", gridInputsJson(*this))
        .add("tissue", tissueJson(tissue, tissueOnly));
    return Sha256::hexOf(key.text());
}

std::string GridProvenance::cacheKeyField() const {
    return JsonWriter::quoted("cache_key") + ":" + JsonWriter::quoted(cacheKey());
}

std::string GridProvenance::metadataJson(const GridGeometry& geometry, const Outcome& outcome) const {
    JsonWriter extractor = weightsJson(*this);
    extractor.add("description", outcome.extractor)
        .add("trained", outcome.trained)
        .add("feature_count", outcome.featureCount)
        .add("normalisation", normalisationJson(normalisation));
    JsonWriter grid = gridInputsJson(*this);
    grid.add("rows", geometry.rows())
        .add("columns", geometry.columns())
        .add("origin_x", geometry.originX())
        .add("origin_y", geometry.originY())
        .add("cell_width", geometry.cellLevelZeroWidth())
        .add("cell_height", geometry.cellLevelZeroHeight())
        .add("read_level", outcome.readLevel)
        .add("tissue_box", rectJson(outcome.tissueBox))
        .add("cells_extracted", outcome.cellsExtracted)
        .add("cells_skipped", outcome.cellsSkipped);
    JsonWriter tissueOut = tissueJson(tissue, tissueOnly);
    tissueOut.add("saturation_threshold", outcome.saturationThreshold);
    JsonWriter program;
    program.add("name", "SlideSight").add("version", programVersion);

    JsonWriter out;
    out.add("format", "slidesight-grid")
        .add("format_version", 1)
        .add("program", program)
        .add("slide", slideJson(*this))
        .add("mpp", mppJson(slideMpp))
        .add("extractor", extractor)
        .add("grid", grid)
        .add("tissue", tissueOut)
        .add("untrained", !outcome.trained)
        .add("cache_key", cacheKey());
    return out.text();
}

}  // namespace slidesight::model
