#pragma once
#include "model/common/torchside.h"

#include "model/analysis/resultfile_torch.h"
#include "model/lran/lransession.h"

#include <torch/types.h>

#include <map>
#include <string>
#include <vector>

namespace slidesight::model {

/// LRAN's per-patch outputs placed into slide-aligned maps: patch (row, column)'s h x w map
/// fills rows [row*h, (row+1)*h) and columns [column*w, (column+1)*w) of the stitched map (see
/// LranRunSummary for the result file's layout). Maps are allocated at the first patch, when
/// their per-patch sizes are known. CPU float32; patches never added stay 0 (-1 for classes).
///
/// Not thread-safe.
class LranMaps {
public:
    LranMaps(int rows, int columns, int64_t classes);

    /// Places each patch of a batch at its (row, column).
    void add(const LranBatchResult& batch);

    /// Adds probabilities, predicted, cam_class, valid, mask_mean, mask_max, gate_<s> and cam.
    void addTo(ResultFile& out) const;

    /// Per-patch pixels of each stitched map ("cam", "mask", "gate_4", ...), for the metadata.
    const std::map<std::string, int64_t>& pixelsPerPatch() const { return pixelsPerPatch_; }
    /// The mean probability of each class over the patches added, and how many predicted each.
    std::vector<double> meanProbabilities() const;
    std::vector<int64_t> predictedCounts() const;

private:
    torch::Tensor& stitched(const std::string& name, int64_t h, int64_t w);
    void place(const std::string& name, int row, int column, const torch::Tensor& map);
    void add(const LranPatchResult& patch, int64_t maskChannels, int64_t h, int64_t w);

    int rows_;
    int columns_;
    int64_t classes_;
    torch::Tensor probabilities_, predicted_, camClass_, valid_;
    std::vector<std::pair<std::string, torch::Tensor>> maps_;  ///< in the file's order
    std::map<std::string, int64_t> pixelsPerPatch_;
};

}  // namespace slidesight::model
