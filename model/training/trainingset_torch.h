#pragma once
#include "model/common/torchside.h"

// The grids of a training run, prepared once: every manifest line's grid in memory, and per
// line the training variants (augmentations, the extra 4 µm/px scale) as transformations of
// that grid ("fast") or as re-extracted grid files ("exact", extra scale). Torch; used by
// training*.cpp only.

#include "model/training/training.h"
#include "model/training/trainingdata_torch.h"
#include "model/training/trainingmanifest.h"
#include "viewer/common/expected.h"

#include <atomic>
#include <string>
#include <vector>

namespace slidesight::model {

/// One training variant of a manifest line: a transformation of its grid in memory, or a grid
/// file with a transformation of that file's grid (exact mode: the file holds the features of
/// flipped or rotated patches, and the transformation puts them at their transformed cells).
struct TrainingVariant {
    GridTransform transform = GridTransform::Identity;
    std::string file;  ///< empty: the line's grid in memory
};

struct TrainingSet {
    TrainingManifest manifest;
    std::vector<GridSample> grids;                     ///< per line, untransformed
    std::vector<std::vector<TrainingVariant>> variants;  ///< per line, identity first
    int64_t features = 0;                              ///< K, the same for every grid
    std::string augment;                               ///< none, fast or exact (auto resolved)
    bool extraScale = false;                           ///< the 4 µm/px scale (auto resolved)
    std::string augmentation;                          ///< what the variants are and why, in words
    std::string gridMetadata;                          ///< the first grid file's metadata JSON

    /// The grid of a variant (read from its file, or transformed in memory).
    GridSample sample(size_t line, const TrainingVariant& variant) const;
};

/// The augmentation and extra scale the options ask for on a manifest: "auto" becomes exact
/// and on when every line names a slide, fast and off otherwise (grid files cannot be
/// re-extracted). Sets set.augment, set.extraScale and set.augmentation.
void resolveAugmentation(const TrainingOptions& options, TrainingSet& set);

/// Reads the manifest's grids (extracting slides through the grid cache) and lists the
/// variants the options ask for. Exact augmentation and the extra scale need slides, not grid
/// files. Fails with one sentence; kTrainingCancelled when cancelled.
Expected<TrainingSet> prepareTrainingSet(const TrainingOptions& options, const std::atomic<bool>* cancel,
                                         const TrainingPreparation& preparation);

}  // namespace slidesight::model
