#pragma once
#include "model/common/torchside.h"

#include "model/attention/attentionclassifier_torch.h"
#include "model/nets/resnet_torch.h"
#include "viewer/common/expected.h"

#include <functional>
#include <string>

namespace slidesight::model {

/// A Grad-CAM saliency map (Selvaraju et al.): ReLU(sum_c alpha_c A_c) over a target layer's
/// activation A [B, channels, h, w], with alpha_c = the mean over valid positions of
/// d y_k / d A_c for the explained class k's logit y_k. With `centred`, A_c is replaced by
/// A_c minus its mean over the valid positions: on non-negative features (ResNet's) the raw
/// sum is dominated by each channel's mean and the map is flat after the ReLU. Raw values;
/// normalisation is a display choice.
struct GradCamResult {
    torch::Tensor map;      ///< [B, h, w]: 0 on invalid positions
    torch::Tensor weights;  ///< [B, channels]: alpha
    torch::Tensor logits;   ///< [B, classes]: the forward pass the gradients were taken from
    torch::Tensor classes;  ///< [B] int64: the class each map explains
    torch::Tensor gradient;  ///< [B, channels, h, w]: d y_k / d A, 0 on invalid positions
    /// [B] float64: max_c |alpha_c| / max_c mean_valid |d y_k / d A_c|, how much of the gradient
    /// survives the averaging; 0 when the gradient is 0.
    torch::Tensor weightRatio;
    /// [B] bool: the weights are at rounding level (weightRatio below kDegenerateRatio): the
    /// map is noise, never to be normalised into a picture (on G' it always is).
    torch::Tensor degenerate;
    bool centred = false;

    /// Item `b` is degenerate.
    bool isDegenerate(int64_t b = 0) const;
};

/// Grad-CAM's target layer on the attention classifier (spec, "Grad-CAM").
///
/// The grid G (the extractor's features, K channels) is the default: eq. 2 is linear in G, so
/// its weights are informative. On G' they vanish: the logits depend on G' only through the
/// per-channel softmax (eq. 1) of pooled G', and max-, min- and average-pooling over the valid
/// cells all commute with adding a constant to a channel, so y(G' + c 1_h) = y(G') and
/// alpha_h = mean(d y / d G'_h) = 0 exactly: the map is zero up to rounding, and is reported
/// as degenerate.
enum class GradCamTarget {
    GPrime,  ///< G' [H, M', N'], the 3DCL output (degenerate by construction)
    Grid,    ///< G [K, M', N'], the feature grid itself (default)
};

/// Grad-CAM on the attention classifier (target layer G', the 3DCL output) and on patch CNNs
/// (target layer the last convolutional block: ResNet's layer4, LRAN's base network), as in
/// the spec's "Grad-CAM" section.
///
/// Runs on the calling thread. It turns gradients on for its own pass even inside an outer
/// NoGradGuard, and leaves the modules' parameter gradients untouched (it asks autograd for
/// dy/dA only). Not for use inside torch::InferenceMode.
class GradCam {
public:
    /// As a class index: explain each item's own highest logit.
    static constexpr int64_t kPredictedClass = -1;
    /// Below this weightRatio a map is degenerate. Float32 rounding of a mean of gradients that
    /// cancel leaves a ratio of about 1e-7; real weights give 1e-3 and more.
    static constexpr double kDegenerateRatio = 1e-4;

    /// Maps a target-layer activation [B, channels, h, w] to logits [B, classes].
    using Head = std::function<torch::Tensor(const torch::Tensor&)>;

    /// The attention classifier with G (or G') as the target layer; `mask` (the cells that
    /// exist) and `attend` (the cells attended to, within `mask`) may be undefined, as in
    /// AttentionClassifierImpl::forward(). Alpha averages over the attended cells, the map
    /// covers them, and `centred` centres each channel over them. Fails with a message for a
    /// class index out of range or inputs that do not fit the model.
    static Expected<GradCamResult> compute(AttentionClassifier& model, const torch::Tensor& grid,
                                           const torch::Tensor& mask, int64_t classIndex,
                                           GradCamTarget target = GradCamTarget::Grid, bool centred = true,
                                           const torch::Tensor& attend = {});
    /// "gprime" / "grid".
    static Expected<GradCamTarget> parseTarget(const std::string& text);
    static std::string name(GradCamTarget target);

    /// A ResNet with a classification layer, target layer4 (one map per image at feature-map
    /// resolution, H/32 x W/32).
    static Expected<GradCamResult> compute(ResNet& net, const torch::Tensor& images, int64_t classIndex);

    /// Any network split at its target layer: `activation` is the target layer's output for the
    /// batch (its graph is not used: it is detached and differentiated afresh), `head` the rest
    /// of the network. `valid` [B, h, w] (bool) limits alpha's mean and the map; undefined
    /// means every position. `centred`: see GradCamResult.
    static Expected<GradCamResult> compute(const torch::Tensor& activation, const Head& head, int64_t classIndex,
                                           const torch::Tensor& valid = {}, bool centred = false);
};

}  // namespace slidesight::model
