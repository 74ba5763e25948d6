#pragma once
#include "model/common/torchside.h"

// The two costly steps of the attention classifier after its 3DCL, as differentiable
// functions with CPU kernels: the masked 3 x 3 max/min pooling (step 2) and the
// attention-weighted sums of eq. 2. Torch; used by attentionclassifier.cpp.
//
// Debian's LibTorch does matrix products with the reference BLAS (well under 1 GFLOP/s here)
// and its max_pool2d with indices takes tens of ns per element; these kernels give the same
// numbers (up to float rounding) without either.

#include <torch/types.h>

namespace slidesight::model {

/// 3 x 3, stride 1, padding 1 pooling of x [B, H, M', N'] over the cells that `valid`
/// [B, M', N'] (bool) marks: the maximum, or with `minimum` the minimum. A window without a
/// valid cell gives -inf (maximum) or +inf (minimum). Ties go to the first cell of the window
/// in row-major order, NaN wins, as in max_pool2d, so the gradient (to the chosen cell, none
/// to invalid cells) is that of masked_fill + max_pool2d. Float and double on the CPU; other
/// devices and types take max_pool2d itself.
torch::Tensor maskedPool3x3(const torch::Tensor& x, const torch::Tensor& valid, bool minimum);

/// Eq. (2): v[b, h, k] = sum_{m,n} A[b, h, m, n] G[b, k, m, n] for A [B, H, M', N'] and G
/// [B, K, M', N'], differentiable in both. Float32 CPU tensors run each grid's product
/// A (H x M'N') G^T (M'N' x K) through oneDNN's sgemm, which LibTorch's process carries (it
/// is LibTorch's convolution library); G in channels-last memory needs no copy. Without
/// oneDNN, and for other types and devices, torch::matmul.
torch::Tensor weightedSums(const torch::Tensor& attention, const torch::Tensor& grid);

/// Whether weightedSums() found oneDNN's sgemm in this process.
bool hasOneDnnGemm();

}  // namespace slidesight::model
