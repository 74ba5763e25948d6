#pragma once

#include "model/attentionclassifier.h"
#include "viewer/slide/expected.h"

namespace slidesight::model {

/// A Grad-CAM saliency map on the attention classifier's grid.
struct GradCamResult {
    torch::Tensor map;      ///< [B, M', N']: ReLU(sum_h alpha_h G'_h), 0 on invalid cells; raw values
    torch::Tensor weights;  ///< [B, H]: alpha_h = mean over valid cells of dy_c / dG'_h
    torch::Tensor logits;   ///< [B, C]: the forward pass the gradients were taken from
};

/// Grad-CAM (Selvaraju et al.) on the attention classifier, with G' (the 3DCL output) as the
/// target layer and the logit y_c of class c as the score (spec, "Grad-CAM").
///
/// Runs on the calling thread; it turns gradients on for its own pass even under an outer
/// NoGradGuard / InferenceMode-free no-grad scope, and leaves the module's parameters'
/// gradients untouched (it asks autograd for dy/dG' only).
class GradCam {
public:
    /// `mask` may be undefined (all cells valid). Fails with a message for a class index out
    /// of range or inputs that do not fit the model.
    static Expected<GradCamResult> compute(AttentionClassifier& model, const torch::Tensor& grid,
                                           const torch::Tensor& mask, int64_t classIndex);
};

}  // namespace slidesight::model
