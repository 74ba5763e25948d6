#pragma once

#include "model/attentionbranch.h"
#include "model/gradcam.h"
#include "model/resnet.h"
#include "viewer/slide/expected.h"

#include <torch/nn/modules/linear.h>

#include <string>
#include <vector>

namespace slidesight::model {

/// LRAN: attention gates on the branch's skips; RAN: the same branch with plain skips.
enum class LranVariant { Lran, Ran };

/// Sizes and choices of the (local) residual attention network; the defaults are the spec's.
struct LranConfig {
    int64_t classes = 4;  ///< BACH's Normal, Benign, In situ, Invasive by default
    LranVariant variant = LranVariant::Lran;
    /// The attention branch's encoder; `gated` and `maskChannels` are set from the variant
    /// and the base (512 channels) by the constructor.
    AttentionBranchConfig branch;

    /// "lran" / "ran".
    static Expected<LranVariant> parseVariant(const std::string& text);
    static std::string name(LranVariant variant);
    /// The default four classes' names, in logit order.
    static std::vector<std::string> bachClassNames();
};

/// What one forward pass gives.
struct LranResult {
    torch::Tensor logits;              ///< [B, classes]
    torch::Tensor base;                ///< B(x) [B, 512, h, w]: 8 x 8 for a 256 x 256 input
    torch::Tensor mask;                ///< M(x) [B, 512, h, w]: softmax over the h*w positions per channel (eq. 2)
    torch::Tensor features;            ///< H = B * M + B [B, 512, h, w] (eq. 1)
    std::vector<torch::Tensor> gates;  ///< per skip, coarse to fine: [B, 1, h_s, w_s] in (0, 1); empty for RAN
    torch::Tensor cam;                 ///< [B, h, w] Grad-CAM on B (forwardWithCam() only)
    torch::Tensor camClasses;          ///< [B] int64: the class each CAM explains (forwardWithCam() only)
};

/// The Local Residual Attention Network of paper 002 (and its RAN ablation), as in the spec:
/// a ResNet-18 trunk B (conv1 ... layer4, torchvision layout), an attention branch on the same
/// image (AttentionBranch: encoder down to 2 x 2 for 256 x 256 inputs, decoder back to B's
/// 8 x 8 with one skip per level: gated at 4 x 4 and 8 x 8 for LRAN, plain for RAN) whose
/// 1 x 1 convolution gives C = 512 mask-logit channels, one per channel of B (the paper's
/// M(x) has "the same size" as B(x), and eq. 1 multiplies them element-wise);
/// M = softmax over the h*w positions of each channel (eq. 2); H = B * M + B (eq. 1); global
/// average pooling; a linear layer to the classes.
///
/// State-dict keys: base.* (torchvision's ResNet-18 names without fc, e.g.
/// base.layer4.1.bn2.weight), attention.encoder.<i>.{conv,bn}.*, attention.decoder.<j>.{conv,bn}.*,
/// attention.gates.<j>.{wx,wg,psi}.* (LRAN only; j = 0 is the coarsest skip),
/// attention.mask.{weight,bias} [512, c, 1, 1] / [512], fc.weight [classes, 512], fc.bias.
///
/// Size: 15,375,830 parameters with 4 classes (RAN: 15,244,244), 11,176,512 of them in the
/// torchvision ResNet-18 trunk. The paper's Table 1 gives 5,777,444 for R-LRAN, fewer than
/// torchvision's trunk alone, so its ResNet-18 and branch widths are not recoverable from the
/// text; the spec's torchvision trunk is kept (ImageNet weights load into base.*).
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
    /// Grad-CAM on the base network's last convolutional block (layer4, i.e. B) from a forward
    /// pass's result, for `classIndex` or GradCam::kPredictedClass: [B, h, w] maps.
    Expected<GradCamResult> gradCam(const LranResult& result, int64_t classIndex);

    /// forward() without gradients, then gradCam() for `classIndex` (GradCam::kPredictedClass:
    /// each item's predicted class) into the result's cam and camClasses. Fails with a message.
    Expected<LranResult> forwardWithCam(const torch::Tensor& images, int64_t classIndex);

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
