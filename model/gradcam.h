#pragma once

#include "model/attentionclassifier.h"
#include "model/resnet.h"
#include "viewer/slide/expected.h"

#include <functional>
#include <string>

namespace slidesight::model {

/// A Grad-CAM saliency map (Selvaraju et al.): ReLU(sum_c alpha_c A_c) over a target layer's
/// activation A [B, channels, h, w], with alpha_c = the mean over valid positions of
/// d y_k / d A_c for the explained class k's logit y_k. Raw values; normalisation is a display
/// choice.
struct GradCamResult {
    torch::Tensor map;      ///< [B, h, w]: 0 on invalid positions
    torch::Tensor weights;  ///< [B, channels]: alpha
    torch::Tensor logits;   ///< [B, classes]: the forward pass the gradients were taken from
    torch::Tensor classes;  ///< [B] int64: the class each map explains
    torch::Tensor gradient;  ///< [B, channels, h, w]: d y_k / d A, 0 on invalid positions
};

/// Grad-CAM's target layer on the attention classifier.
///
/// G' is the spec's choice, but on this network its Grad-CAM weights vanish: the logits
/// depend on G' only through the per-channel softmax (eq. 1) of pooled G', and max-, min- and
/// average-pooling over the valid cells all commute with adding a constant to a channel, so
/// y(G' + c 1_h) = y(G') and alpha_h = mean(d y / d G'_h) = 0 exactly. The map is then zero up
/// to rounding. The grid G (the extractor's features, K channels) has non-vanishing weights:
/// eq. 2 is linear in G.
enum class GradCamTarget {
    GPrime,  ///< G' [H, M', N'], the 3DCL output (spec default)
    Grid,    ///< G [K, M', N'], the feature grid itself
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

    /// Maps a target-layer activation [B, channels, h, w] to logits [B, classes].
    using Head = std::function<torch::Tensor(const torch::Tensor&)>;

    /// The attention classifier with G' (or G) as the target layer; `mask` may be undefined
    /// (all cells valid), and alpha averages over the valid cells only. Fails with a message
    /// for a class index out of range or inputs that do not fit the model.
    static Expected<GradCamResult> compute(AttentionClassifier& model, const torch::Tensor& grid,
                                           const torch::Tensor& mask, int64_t classIndex,
                                           GradCamTarget target = GradCamTarget::GPrime);
    /// "gprime" / "grid".
    static Expected<GradCamTarget> parseTarget(const std::string& text);
    static std::string name(GradCamTarget target);

    /// A ResNet with a classification layer, target layer4 (one map per image at feature-map
    /// resolution, H/32 x W/32).
    static Expected<GradCamResult> compute(ResNet& net, const torch::Tensor& images, int64_t classIndex);

    /// Any network split at its target layer: `activation` is the target layer's output for the
    /// batch (its graph is not used: it is detached and differentiated afresh), `head` the rest
    /// of the network. `valid` [B, h, w] (bool) limits alpha's mean and the map; undefined
    /// means every position.
    static Expected<GradCamResult> compute(const torch::Tensor& activation, const Head& head, int64_t classIndex,
                                           const torch::Tensor& valid = {});
};

}  // namespace slidesight::model
