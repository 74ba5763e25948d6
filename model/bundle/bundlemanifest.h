#pragma once

// The model.json manifest of a model bundle: parsing and checking (internal to bundle.cpp;
// plain standard types and nlohmann::json, no Torch, no Qt).

#include "model/bundle/bundle.h"

#include <nlohmann/json_fwd.hpp>

#include <string>

namespace slidesight::model {

/// The manifest format this version reads and writes.
constexpr int kBundleFormat = 1;

/// The manifest's fields as they are (weights paths not yet resolved), checked with
/// checkBundleManifest(). Every field is named in the sentence a failure gives, as
/// "classifier.hidden" in "`manifest`"; unknown fields are refused (a typo would otherwise
/// be a silent default).
Expected<ModelBundle> parseBundleManifest(const nlohmann::json& json, const std::string& manifest);

/// The first problem with the bundle's names and numbers as one sentence naming the field
/// (unknown task, architecture, attention sets, non-linearity or Grad-CAM target, classes
/// that do not fit the task, µm/px <= 0, an even kernel, ...) as the failure's sentence.
Check checkBundleManifest(const ModelBundle& bundle);

}  // namespace slidesight::model
