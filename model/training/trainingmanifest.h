#pragma once

// The manifest a training or evaluation run reads: a CSV file with one slide per line,
//   path,label[,fold]    (classification: label 0 or 1)
//   path,score[,fold]    (regression: any number)
// where path is a grid file (.pt, written by `extract`) or a slide, relative to the manifest's
// folder unless absolute. A first line whose second field is not a number is a header. Blank
// lines and lines starting with '#' are skipped. Plain C++ (no Torch, no Qt).

#include "viewer/common/expected.h"

#include <cstdint>
#include <string>
#include <vector>

namespace slidesight::model {

struct ManifestItem {
    std::string path;     ///< absolute or relative to the working folder, as resolved
    double target = 0.0;  ///< the label (0/1) or the score
    int fold = -1;        ///< from the file; -1 when the file gives none
    bool isGrid = false;  ///< a grid file (.pt/.pth) rather than a slide
};

struct TrainingManifest {
    std::string path;
    std::vector<ManifestItem> items;
    bool hasFolds = false;  ///< every line gives a fold

    /// Reads and checks the file. `task` is "classification" (labels must be 0 or 1) or
    /// "regression". Fails with one sentence naming the line.
    static Expected<TrainingManifest> read(const std::string& path, const std::string& task);

    /// Fold of each item: the file's folds when it gives them (they must lie in [0, folds)),
    /// else stratified by a seeded shuffle: for classification each class is shuffled and dealt
    /// round-robin; for regression the items are sorted by score and each run of `folds`
    /// neighbours is spread over the folds in a shuffled order. Fails when a fold would be empty.
    Expected<std::vector<int>> assignFolds(int folds, uint64_t seed, const std::string& task) const;
};

}  // namespace slidesight::model
