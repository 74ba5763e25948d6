#include "model/grid/tissueonly_torch.h"

#include <torch/torch.h>

namespace slidesight::model {

torch::Tensor tissueCells(const torch::Tensor& tissue) {
    return tissue.gt(0.0);
}

torch::Tensor tissueOnlyInputCells(const torch::Tensor& tissue) {
    const int64_t size = 2 * kTissueOnlyRing + 1;
    const torch::Tensor cells = tissueCells(tissue).to(torch::kFloat32).unsqueeze(0).unsqueeze(0);
    return torch::max_pool2d(cells, size, 1, kTissueOnlyRing).squeeze(0).squeeze(0).gt(0.0f);
}

}  // namespace slidesight::model
