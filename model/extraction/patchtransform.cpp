#include "model/extraction/patchtransform.h"

namespace slidesight::model {

std::vector<PatchTransform> patchTransforms() {
    return {PatchTransform::FlipHorizontal, PatchTransform::FlipVertical, PatchTransform::Rotate90,
            PatchTransform::Rotate180, PatchTransform::Rotate270};
}

std::string patchTransformName(PatchTransform transform) {
    switch (transform) {
    case PatchTransform::None: return "none";
    case PatchTransform::FlipHorizontal: return "flip-horizontal";
    case PatchTransform::FlipVertical: return "flip-vertical";
    case PatchTransform::Rotate90: return "rotate-90";
    case PatchTransform::Rotate180: return "rotate-180";
    case PatchTransform::Rotate270: return "rotate-270";
    }
    return {};
}

std::optional<PatchTransform> parsePatchTransform(const std::string& name) {
    if (name == "none") return PatchTransform::None;
    for (const PatchTransform t : patchTransforms())
        if (patchTransformName(t) == name) return t;
    return std::nullopt;
}

}  // namespace slidesight::model
