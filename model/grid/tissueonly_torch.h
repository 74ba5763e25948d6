#pragma once
#include "model/common/torchside.h"

// Tissue-only analysis (spec, "3DCL borders"): the attention is limited to the cells with
// tissue, but the 3DCL still sees their neighbours' real features, as the paper's convolution
// always did. So tissue-only extraction takes the tissue cells and a ring of kTissueOnlyRing
// cells around them, and the classifier treats exactly those as present. Extraction, training
// and inference all call these two functions, so they agree. Torch; model library only.

#include "model/grid/gridprovenance.h"

#include <torch/types.h>

namespace slidesight::model {

/// The cells with tissue: fraction > 0 in the tissue map [M', N']; [M', N'] bool.
torch::Tensor tissueCells(const torch::Tensor& tissue);

/// The cells a tissue-only grid holds: the tissue cells dilated by kTissueOnlyRing (a square
/// neighbourhood, clipped to the grid); [M', N'] bool.
torch::Tensor tissueOnlyInputCells(const torch::Tensor& tissue);

}  // namespace slidesight::model
