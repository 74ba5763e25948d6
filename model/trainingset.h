#pragma once

// The grids of a training run, prepared once: every manifest line's grid in memory, and per
// line the training variants (augmentations, the extra 4 µm/px scale) as transformations of
// that grid ("fast") or as re-extracted grid files ("exact", extra scale). Torch; used by
// training*.cpp only.

#include "model/training.h"
#include "model/trainingdata.h"
#include "model/trainingmanifest.h"
#include "viewer/slide/expected.h"

#include <atomic>
#include <string>
#include <vector>

namespace slidesight::model {

/// One training variant of a manifest line: a transformation of its grid in memory, or a grid
/// file (with a transformation of that file's grid, in practice the identity).
struct TrainingVariant {
    GridTransform transform = GridTransform::Identity;
    std::string file;  ///< empty: the line's grid in memory
};

struct TrainingSet {
    TrainingManifest manifest;
    std::vector<GridSample> grids;                     ///< per line, untransformed
    std::vector<std::vector<TrainingVariant>> variants;  ///< per line, identity first
    int64_t features = 0;                              ///< K, the same for every grid
    std::string augmentation;                          ///< what the variants are, in words
    std::string gridMetadata;                          ///< the first grid file's metadata JSON

    /// The grid of a variant (read from its file, or transformed in memory).
    GridSample sample(size_t line, const TrainingVariant& variant) const;
};

/// Reads the manifest's grids (extracting slides through the grid cache) and lists the
/// variants the options ask for. Exact augmentation and the extra scale need slides, not grid
/// files. Fails with one sentence; kTrainingCancelled when cancelled.
Expected<TrainingSet> prepareTrainingSet(const TrainingOptions& options, const std::atomic<bool>* cancel,
                                         const TrainingPreparation& preparation);

}  // namespace slidesight::model
