#pragma once
#include "model/common/torchside.h"

// The grids a training run learns from: samples in memory or on disk, the ×9 grid
// augmentation (spec: flips, rotations, translations by p/3 and 2p/3) and padded batches.
// Torch; used by training*.cpp only.

#include "model/extraction/patchtransform.h"

#include <torch/types.h>

#include <cstdint>
#include <string>
#include <vector>

namespace slidesight::model {

/// One grid: features [K, M', N'] float32 and tissue fractions [M', N'].
struct GridSample {
    torch::Tensor features;
    torch::Tensor tissue;
};

/// The paper's nine transformations (section III) plus the identity. Shift*1 moves the grid
/// origin up or left by p/3, Shift*2 by 2p/3.
enum class GridTransform { Identity, FlipHorizontal, FlipVertical, Rotate90, Rotate180, Rotate270,
                           ShiftX1, ShiftX2, ShiftY1, ShiftY2 };
std::string transformName(GridTransform transform);
/// The nine transformations of the paper, without the identity.
std::vector<GridTransform> augmentationTransforms();
bool isTranslation(GridTransform transform);
/// The flip or rotation of the patches' pixels that matches a grid transform (None for the
/// identity and the translations).
PatchTransform patchTransformOf(GridTransform transform);

/// Applies a transformation to the grid itself (the "fast" augmentation). Flips and clockwise
/// rotations rearrange the cells. A translation by a fraction s of a cell adds one row or
/// column; each new cell's features are the overlap-weighted mean of the (up to two) original
/// cells it covers, its tissue fraction the overlap-weighted tissue (outside the grid: none):
/// an approximation of re-extracting the shifted grid, which "exact" augmentation does.
GridSample transformGrid(const GridSample& sample, GridTransform transform);

/// A padded batch: grids [B, K, maxM', maxN'] (channels-last memory, the fast layout for the
/// 3DCL on the CPU), the validity mask [B, maxM', maxN'] (false on padding and, with
/// tissueOnly, beyond the ring around the tissue: model/tissueonly.h), the cells attended to
/// (with tissueOnly the tissue cells; else undefined: the valid ones) and the targets [B]
/// (int64 labels or float32 scores).
struct GridBatch {
    torch::Tensor grids;
    torch::Tensor valid;
    torch::Tensor attend;
    torch::Tensor targets;
};

/// `targets` as given; classification = int64 labels, else float32. Grids without a tissue
/// cell under tissueOnly keep all their cells valid and attended (the classifier needs one).
GridBatch makeBatch(const std::vector<const GridSample*>& samples, const std::vector<double>& targets,
                    bool classification, bool tissueOnly);

}  // namespace slidesight::model
