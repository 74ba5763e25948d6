#pragma once

// The flips and clockwise quarter turns that exact augmentation (spec, "Training protocols")
// applies to a slide's pixels: each patch is transformed before the feature extractor, and
// the grid's cells are then rearranged by the same transformation (model/trainingdata.h,
// transformGrid), which together give the features of the transformed slide. Plain C++.

#include <optional>
#include <string>
#include <vector>

namespace slidesight::model {

/// Clockwise like GridTransform: a quarter turn moves the top-left corner to the top right.
enum class PatchTransform { None, FlipHorizontal, FlipVertical, Rotate90, Rotate180, Rotate270 };

/// "none", "flip-horizontal", "flip-vertical", "rotate-90", "rotate-180", "rotate-270".
std::string patchTransformName(PatchTransform transform);
/// The transform of a name above; nullopt for any other text.
std::optional<PatchTransform> parsePatchTransform(const std::string& name);
/// Every transform but None, in the order above.
std::vector<PatchTransform> patchTransforms();

}  // namespace slidesight::model
