#include "model/trainingset.h"

#include "model/gridfile.h"
#include "model/trainingloop.h"

#include <torch/torch.h>

#include <stdexcept>

namespace slidesight::model {

namespace {

using Set = Expected<TrainingSet>;

/// The translations re-extracted in exact mode: the grid origin moved by p/3 and 2p/3.
struct Shift {
    GridTransform transform;
    double x, y;  ///< in units of p
};
const Shift kShifts[] = {{GridTransform::ShiftX1, 1.0 / 3.0, 0.0}, {GridTransform::ShiftX2, 2.0 / 3.0, 0.0},
                         {GridTransform::ShiftY1, 0.0, 1.0 / 3.0}, {GridTransform::ShiftY2, 0.0, 2.0 / 3.0}};

Expected<std::string> extractToCache(ExtractionOptions extraction, const std::string& slide,
                                     const std::atomic<bool>* cancel) {
    extraction.slidePath = slide;
    extraction.outputPath.clear();
    extraction.useCache = true;
    const auto extracted = extractGrid(extraction, {}, cancel);
    if (!extracted) {
        if (cancel && cancel->load()) return Expected<std::string>::failure(kTrainingCancelled);
        return Expected<std::string>::failure(extracted.error());
    }
    return extracted->gridPath;
}

std::string describe(const TrainingOptions& options) {
    std::string text;
    if (options.augment == "none") text = "none";
    else if (options.augment == "fast")
        text = "fast: x9 grid transformations (flips, rotations, translations by p/3 and 2p/3 as "
               "overlap-weighted means of neighbouring cells), computed from the extracted grid";
    else
        text = "exact: translations by p/3 and 2p/3 re-extracted with shifted grid origins; flips and "
               "rotations rearrange the extracted grid's cells";
    if (options.extraScale) text += "; plus every training slide at 4 um/px";
    return text;
}

}  // namespace

GridSample TrainingSet::sample(size_t line, const TrainingVariant& variant) const {
    if (variant.file.empty()) return transformGrid(grids[line], variant.transform);
    const auto read = readGridSample(variant.file);
    if (!read) throw std::runtime_error(read.error());
    return transformGrid(*read, variant.transform);
}

Expected<TrainingSet> prepareTrainingSet(const TrainingOptions& options, const std::atomic<bool>* cancel,
                                         const TrainingPreparation& preparation) {
    auto manifest = TrainingManifest::read(options.manifestPath, options.task);
    if (!manifest) return Set::failure(manifest.error());
    TrainingSet set;
    set.manifest = std::move(*manifest);
    set.augmentation = describe(options);
    const bool exact = options.augment == "exact";
    const int total = static_cast<int>(set.manifest.items.size());
    for (int i = 0; i < total; ++i) {
        if (cancel && cancel->load()) return Set::failure(kTrainingCancelled);
        const ManifestItem& item = set.manifest.items[static_cast<size_t>(i)];
        if (preparation) preparation(i, total, item.path);
        if (item.isGrid && (exact || options.extraScale))
            return Set::failure("--augment exact and --extra-scale extract features again, so the manifest must name "
                                "slides, not grid files such as \"" + item.path + "\".");
        std::string file = item.path;
        if (!item.isGrid) {
            const auto extracted = extractToCache(options.extraction, item.path, cancel);
            if (!extracted) return Set::failure(extracted.error());
            file = *extracted;
        }
        const auto grid = GridFile::read(file);
        if (!grid) return Set::failure(grid.error());
        if (set.grids.empty()) {
            set.features = grid->featureCount();
            set.gridMetadata = grid->metadata;
        } else if (grid->featureCount() != set.features) {
            return Set::failure("The grid of \"" + item.path + "\" has K = " + std::to_string(grid->featureCount()) +
                                " features, the first has " + std::to_string(set.features) +
                                ": every grid of a run must come from the same extractor.");
        }
        set.grids.push_back({grid->features.to(torch::kFloat32).contiguous(), grid->tissue.to(torch::kFloat32).contiguous()});

        std::vector<TrainingVariant> variants{{GridTransform::Identity, {}}};
        if (options.augment != "none")
            for (const GridTransform t : augmentationTransforms())
                if (!(exact && isTranslation(t))) variants.push_back({t, {}});
        if (exact)
            for (const Shift& shift : kShifts) {
                ExtractionOptions shifted = options.extraction;
                shifted.grid.originShiftX = shift.x * shifted.grid.patchSize;
                shifted.grid.originShiftY = shift.y * shifted.grid.patchSize;
                const auto path = extractToCache(shifted, item.path, cancel);
                if (!path) return Set::failure(path.error());
                variants.push_back({GridTransform::Identity, *path});
            }
        if (options.extraScale) {
            ExtractionOptions coarse = options.extraction;
            coarse.grid.targetMpp = 4.0;
            const auto path = extractToCache(coarse, item.path, cancel);
            if (!path) return Set::failure(path.error());
            variants.push_back({GridTransform::Identity, *path});
        }
        set.variants.push_back(std::move(variants));
    }
    if (preparation) preparation(total, total, {});
    return set;
}

}  // namespace slidesight::model
