#include "model/training/trainingset_torch.h"

#include "model/grid/gridfile_torch.h"
#include "model/training/trainingloop_torch.h"

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

/// What an augmentation mode does, after its name.
const char* modeDetails(const std::string& augment) {
    if (augment == "fast")
        return ": x9 grid transformations (flips, clockwise rotations, translations by p/3 and 2p/3 as "
               "overlap-weighted means of neighbouring cells), computed from the extracted grid";
    if (augment == "exact")
        return ": x9 re-extracted (flips and clockwise rotations of every patch's pixels before the extractor, "
               "each feature placed at its transformed cell; translations by p/3 and 2p/3 with shifted grid origins)";
    return "";
}

}  // namespace

void resolveAugmentation(const TrainingOptions& options, TrainingSet& set) {
    bool slides = !set.manifest.items.empty();
    for (const ManifestItem& item : set.manifest.items) slides = slides && !item.isGrid;
    set.augment = options.augment == "auto" ? (slides ? "exact" : "fast") : options.augment;
    set.extraScale = options.extraScale == "auto" ? slides : options.extraScale == "on";
    std::string text = set.augment;
    if (options.augment == "auto")
        text += slides ? " (auto: every manifest line names a slide)"
                       : " (auto: the manifest has grid files, which cannot be re-extracted)";
    text += modeDetails(set.augment);
    text += set.extraScale ? "; plus every training slide at 4 um/px" : "; no extra 4 um/px scale";
    if (options.extraScale == "auto") text += " (auto)";
    set.augmentation = text;
}

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
    resolveAugmentation(options, set);
    const bool exact = set.augment == "exact";
    const int total = static_cast<int>(set.manifest.items.size());
    for (int i = 0; i < total; ++i) {
        if (cancel && cancel->load()) return Set::failure(kTrainingCancelled);
        const ManifestItem& item = set.manifest.items[static_cast<size_t>(i)];
        if (preparation) preparation(i, total, item.path);
        if (item.isGrid && (exact || set.extraScale))
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
        if (set.augment == "fast")
            for (const GridTransform t : augmentationTransforms()) variants.push_back({t, {}});
        if (exact) {
            // Flips and rotations: the patches' pixels transformed before the extractor; sample()
            // moves each feature to its transformed cell (transformGrid).
            for (const GridTransform t : augmentationTransforms()) {
                if (isTranslation(t)) continue;
                ExtractionOptions transformed = options.extraction;
                transformed.patchTransform = patchTransformOf(t);
                const auto path = extractToCache(transformed, item.path, cancel);
                if (!path) return Set::failure(path.error());
                variants.push_back({t, *path});
            }
            for (const Shift& shift : kShifts) {
                ExtractionOptions shifted = options.extraction;
                shifted.grid.originShiftX = shift.x * shifted.grid.patchSize;
                shifted.grid.originShiftY = shift.y * shifted.grid.patchSize;
                const auto path = extractToCache(shifted, item.path, cancel);
                if (!path) return Set::failure(path.error());
                variants.push_back({GridTransform::Identity, *path});
            }
        }
        if (set.extraScale) {
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
