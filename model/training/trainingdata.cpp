#include "model/training/trainingdata_torch.h"

#include "model/extraction/patchpipeline_torch.h"
#include "model/grid/tissueonly_torch.h"

#include <torch/torch.h>

#include <algorithm>

namespace slidesight::model {

namespace {

/// Translates along `dimension` (of features [K, M, N]: 2 = rows, 3 = columns after unsqueeze)
/// by the fraction `shift` of a cell: the grid gains one cell along that axis; new cell j
/// covers old [j - shift, j + 1 - shift).
GridSample translate(const GridSample& sample, int64_t axis, double shift) {
    // axis: 0 rows, 1 columns (of the [M, N] plane).
    const torch::Tensor f = sample.features.unsqueeze(0);  // [1, K, M, N]
    const torch::Tensor t = sample.tissue.unsqueeze(0).unsqueeze(0);  // [1, 1, M, N]
    const int64_t dim = 2 + axis;
    const int64_t length = f.size(dim);
    // previous[j] = old cell j - 1, current[j] = old cell j, for j = 0..length.
    auto padded = [&](const torch::Tensor& x, bool before) {
        std::vector<int64_t> padding{0, 0, 0, 0};
        padding[static_cast<size_t>(axis == 1 ? (before ? 0 : 1) : (before ? 2 : 3))] = 1;
        return torch::constant_pad_nd(x, padding, 0.0);
    };
    const torch::Tensor inside = torch::ones({length}, f.options());
    std::vector<int64_t> shape{1, 1, 1, 1};
    shape[static_cast<size_t>(dim)] = length + 1;
    const torch::Tensor wPrevious = (torch::constant_pad_nd(inside, {1, 0}, 0.0) * shift).view(shape);
    const torch::Tensor wCurrent = (torch::constant_pad_nd(inside, {0, 1}, 0.0) * (1.0 - shift)).view(shape);
    const torch::Tensor total = (wPrevious + wCurrent).clamp_min(1e-12);
    const torch::Tensor features = (padded(f, true) * wPrevious + padded(f, false) * wCurrent) / total;
    const torch::Tensor tissue = padded(t, true) * wPrevious + padded(t, false) * wCurrent;
    return {features.squeeze(0).contiguous(), tissue.squeeze(0).squeeze(0).contiguous()};
}

}  // namespace

std::string transformName(GridTransform transform) {
    switch (transform) {
    case GridTransform::Identity: return "identity";
    case GridTransform::FlipHorizontal: return "flip-horizontal";
    case GridTransform::FlipVertical: return "flip-vertical";
    case GridTransform::Rotate90: return "rotate-90";
    case GridTransform::Rotate180: return "rotate-180";
    case GridTransform::Rotate270: return "rotate-270";
    case GridTransform::ShiftX1: return "shift-x-p/3";
    case GridTransform::ShiftX2: return "shift-x-2p/3";
    case GridTransform::ShiftY1: return "shift-y-p/3";
    case GridTransform::ShiftY2: return "shift-y-2p/3";
    }
    return {};
}

std::vector<GridTransform> augmentationTransforms() {
    return {GridTransform::FlipHorizontal, GridTransform::FlipVertical, GridTransform::Rotate90,
            GridTransform::Rotate180,      GridTransform::Rotate270,    GridTransform::ShiftX1,
            GridTransform::ShiftX2,        GridTransform::ShiftY1,      GridTransform::ShiftY2};
}

bool isTranslation(GridTransform transform) {
    return transform == GridTransform::ShiftX1 || transform == GridTransform::ShiftX2 ||
           transform == GridTransform::ShiftY1 || transform == GridTransform::ShiftY2;
}

PatchTransform patchTransformOf(GridTransform transform) {
    switch (transform) {
    case GridTransform::FlipHorizontal: return PatchTransform::FlipHorizontal;
    case GridTransform::FlipVertical: return PatchTransform::FlipVertical;
    case GridTransform::Rotate90: return PatchTransform::Rotate90;
    case GridTransform::Rotate180: return PatchTransform::Rotate180;
    case GridTransform::Rotate270: return PatchTransform::Rotate270;
    default: return PatchTransform::None;
    }
}

GridSample transformGrid(const GridSample& s, GridTransform transform) {
    switch (transform) {
    case GridTransform::Identity: return s;
    case GridTransform::ShiftX1: return translate(s, 1, 1.0 / 3.0);
    case GridTransform::ShiftX2: return translate(s, 1, 2.0 / 3.0);
    case GridTransform::ShiftY1: return translate(s, 0, 1.0 / 3.0);
    case GridTransform::ShiftY2: return translate(s, 0, 2.0 / 3.0);
    default: break;
    }
    // Flips and clockwise quarter turns of the (rows, columns) plane: the same as the patches'.
    const PatchTransform t = patchTransformOf(transform);
    return {transformPlanes(s.features, t).contiguous(), transformPlanes(s.tissue, t).contiguous()};
}

GridBatch makeBatch(const std::vector<const GridSample*>& samples, const std::vector<double>& targets,
                    bool classification, bool tissueOnly) {
    TORCH_CHECK(!samples.empty() && samples.size() == targets.size(), "a batch needs samples and one target each");
    int64_t rows = 0, columns = 0;
    const int64_t features = samples.front()->features.size(0);
    for (const GridSample* s : samples) {
        TORCH_CHECK(s->features.size(0) == features, "every grid of a run needs the same feature count");
        rows = std::max(rows, s->features.size(1));
        columns = std::max(columns, s->features.size(2));
    }
    const auto count = static_cast<int64_t>(samples.size());
    GridBatch batch;
    batch.grids = torch::empty({count, features, rows, columns}, torch::kFloat32, torch::MemoryFormat::ChannelsLast);
    // Padding cells are zero; grids that fill the batch need no zeroing first.
    for (const GridSample* s : samples)
        if (s->features.size(1) < rows || s->features.size(2) < columns) {
            batch.grids.zero_();
            break;
        }
    batch.valid = torch::zeros({count, rows, columns}, torch::kBool);
    if (tissueOnly) batch.attend = torch::zeros({count, rows, columns}, torch::kBool);
    for (int64_t b = 0; b < count; ++b) {
        const GridSample& s = *samples[static_cast<size_t>(b)];
        const int64_t m = s.features.size(1), n = s.features.size(2);
        batch.grids[b].narrow(1, 0, m).narrow(2, 0, n).copy_(s.features);
        torch::Tensor valid = torch::ones({m, n}, torch::kBool);
        if (tissueOnly) {
            const torch::Tensor tissue = tissueCells(s.tissue);
            const bool any = tissue.any().item<bool>();
            batch.attend[b].narrow(0, 0, m).narrow(1, 0, n).copy_(any ? tissue : valid);
            if (any) valid = tissueOnlyInputCells(s.tissue);
        }
        batch.valid[b].narrow(0, 0, m).narrow(1, 0, n).copy_(valid);
    }
    const torch::Tensor t = torch::tensor(targets, torch::kDouble);
    batch.targets = classification ? t.to(torch::kInt64) : t.to(torch::kFloat32);
    return batch;
}

}  // namespace slidesight::model
