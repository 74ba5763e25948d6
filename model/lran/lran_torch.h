#pragma once
#include "model/common/torchside.h"

#include "model/attention/gradcam_torch.h"
#include "model/lran/attentionbranch_torch.h"
#include "model/nets/resnet_torch.h"
#include "viewer/common/expected.h"

#include <torch/nn/modules/linear.h>

#include <string>
#include <vector>

namespace slidesight::model {

class StateDict;

/// LRAN: attention gates on the branch's skips; RAN: the same branch with plain skips.
enum class LranVariant { Lran, Ran };

/// The activation the class activation map is taken on (spec, "Grad-CAM").
enum class LranCamTarget {
    /// H = B * M + B (eq. 1), the default: with the head fc(mean_{h,w}(H)), Grad-CAM's weights
    /// are fc's class weights over h*w, so the map is ReLU(w_k . H_i) / (h*w) at each position
    /// i: the class activation map of the final layer's weights on H, where the attention
    /// mask shows.
    Features,
    /// B, the base network's layer4, with M held constant (detached). M sums to 1 over the
    /// positions of each channel, so the weights are w_k (1 + h*w) / (h*w)^2 and the map,
    /// ReLU(w_k . B_i) (1 + h*w) / (h*w)^2, does not depend on the mask (up to rounding).
    Base,
};

/// Channel widths of the network.
enum class LranWidths {
    /// torchvision's ResNet-18 trunk (64-128-256-512, ImageNet weights load into base.*) and the
    /// spec's branch (encoder 16-32-64-128-256-256-256): 15,375,830 parameters with 4 classes.
    Torchvision,
    /// Near the paper's 5,777,444 (Table 1): a half-width trunk (32-64-128-256) and the branch
    /// at three quarters of its width (encoder 12-24-48-96-192-192-192): 5,137,010 parameters
    /// with 4 classes (RAN: 5,062,896). The paper gives no widths; this is a size match only.
    Paper,
};

/// Sizes and choices of the (local) residual attention network; the defaults are the spec's.
struct LranConfig {
    int64_t classes = 4;  ///< BACH's Normal, Benign, In situ, Invasive by default
    LranVariant variant = LranVariant::Lran;
    /// The trunk's conv1 and layer1 channels (ResNetConfig::width): B has 8 * baseWidth
    /// channels, 512 for torchvision's 64.
    int64_t baseWidth = 64;
    /// The attention branch's encoder; `gated` and `maskChannels` are set from the variant
    /// and B's channels (8 * baseWidth) by the constructor.
    AttentionBranchConfig branch;

    /// Sets baseWidth and branch.encoderChannels to a preset's.
    LranConfig& setWidths(LranWidths widths);
    /// The preset the widths are, "torchvision" or "paper"; "custom" for other widths.
    std::string widthsName() const;
    /// The defaults with the paper-sized widths (LranWidths::Paper).
    static LranConfig paperSized();
    /// The preset whose trunk (base.conv1.weight) and first encoder block
    /// (attention.encoder.0.conv.weight) have the shapes of `weights`' (an LRAN/RAN state
    /// dict); Torchvision when none has (loading then names the tensors that do not fit).
    static LranWidths widthsOf(const StateDict& weights);

    /// "lran" / "ran".
    static Expected<LranVariant> parseVariant(const std::string& text);
    static std::string name(LranVariant variant);
    /// "h" (H = B * M + B) / "b" (B, the mask detached).
    static Expected<LranCamTarget> parseCamTarget(const std::string& text);
    static std::string name(LranCamTarget target);
    /// "torchvision" / "paper".
    static Expected<LranWidths> parseWidths(const std::string& text);
    static std::string name(LranWidths widths);
    /// The default four classes' names, in logit order.
    static std::vector<std::string> bachClassNames();
};

/// What one forward pass gives.
struct LranResult {
    torch::Tensor logits;              ///< [B, classes]
    torch::Tensor base;                ///< B(x) [B, C, h, w] (C = 512 at torchvision's widths): 8 x 8 for a 256 x 256 input
    torch::Tensor mask;                ///< M(x) [B, C, h, w]: softmax over the h*w positions per channel (eq. 2)
    torch::Tensor features;            ///< H = B * M + B [B, C, h, w] (eq. 1)
    std::vector<torch::Tensor> gates;  ///< per skip, coarse to fine: [B, 1, h_s, w_s] in (0, 1); empty for RAN
    /// [B, h, w] (forwardWithCam() only): the class activation map on camTarget, by default H
    /// (LranCamTarget::Features: ReLU(fc.weight[k] . H_i) / (h*w) at each position i), raw.
    torch::Tensor cam;
    torch::Tensor camClasses;          ///< [B] int64: the class each CAM explains (forwardWithCam() only)
    LranCamTarget camTarget = LranCamTarget::Features;  ///< what cam was taken on (forwardWithCam() only)
};

/// The Local Residual Attention Network of paper 002 (and its RAN ablation), as in the spec:
/// a ResNet-18 trunk B (conv1 ... layer4, torchvision layout), an attention branch on the same
/// image (AttentionBranch: encoder down to 2 x 2 for 256 x 256 inputs, decoder back to B's
/// 8 x 8 with one skip per level: gated at 4 x 4 and 8 x 8 for LRAN, plain for RAN) whose
/// 1 x 1 convolution gives C mask-logit channels (512 at torchvision's widths), one per
/// channel of B (the paper's
/// M(x) has "the same size" as B(x), and eq. 1 multiplies them element-wise);
/// M = softmax over the h*w positions of each channel (eq. 2); H = B * M + B (eq. 1); global
/// average pooling; a linear layer to the classes.
///
/// State-dict keys: base.* (torchvision's ResNet-18 names without fc, e.g.
/// base.layer4.1.bn2.weight), attention.encoder.<i>.{conv,bn}.*, attention.decoder.<j>.{conv,bn}.*,
/// attention.gates.<j>.{wx,wg,psi}.* (LRAN only; j = 0 is the coarsest skip),
/// attention.mask.{weight,bias} [C, c, 1, 1] / [C], fc.weight [classes, C], fc.bias.
///
/// Size: 15,375,830 parameters with 4 classes (RAN: 15,244,244), 11,176,512 of them in the
/// torchvision ResNet-18 trunk. The paper's Table 1 gives 5,777,444 for R-LRAN, fewer than
/// torchvision's trunk alone, so its ResNet-18 and branch widths are not recoverable from the
/// text; the spec's torchvision trunk is the default (ImageNet weights load into base.*), and
/// LranWidths::Paper (LranConfig::paperSized()) is a preset of about the paper's size.
///
/// Inputs: [B, 3, 256, 256] RGB normalised with ImageNet's mean and std (other sizes work:
/// every map follows the input's size). Not thread-safe: a module belongs to the thread that
/// runs it.
class LranImpl : public torch::nn::Module {
public:
    explicit LranImpl(const LranConfig& config = {});

    const LranConfig& config() const { return config_; }

    LranResult forward(const torch::Tensor& images);
    /// Eq. 2: softmax over the h*w positions of each channel.
    static torch::Tensor globalMask(const torch::Tensor& maskLogits);
    /// Eq. 1 and the classifier: fc(mean_{h,w}(B * M + B)).
    torch::Tensor head(const torch::Tensor& base, const torch::Tensor& mask);
    /// The classifier after eq. 1: fc(mean_{h,w}(H)).
    torch::Tensor classify(const torch::Tensor& features);
    /// Grad-CAM from a forward pass's result, for `classIndex` or GradCam::kPredictedClass:
    /// [B, h, w] maps on `target` (see LranCamTarget: H by default, or B with the mask detached).
    Expected<GradCamResult> gradCam(const LranResult& result, int64_t classIndex,
                                    LranCamTarget target = LranCamTarget::Features);

    /// forward() without gradients, then gradCam() for `classIndex` (GradCam::kPredictedClass:
    /// each item's predicted class) on `target` into the result's cam, camClasses and
    /// camTarget. Fails with a message.
    Expected<LranResult> forwardWithCam(const torch::Tensor& images, int64_t classIndex,
                                        LranCamTarget target = LranCamTarget::Features);

    /// Seeded, untrained weights (torchvision's initialisation scheme for every part).
    void initialiseRandom(uint64_t seed);

    ResNet base{nullptr};
    AttentionBranch attention{nullptr};
    torch::nn::Linear fc{nullptr};

private:
    LranConfig config_;
};
TORCH_MODULE(Lran);

}  // namespace slidesight::model
