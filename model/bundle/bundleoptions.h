#pragma once

// A model bundle's networks as the options of the extraction and classification facades
// (plain standard types; runAnalysis() and checkBundleWeights() share them).

#include "model/attention/classification.h"
#include "model/bundle/bundle.h"
#include "model/extraction/extraction.h"

namespace slidesight::model {

/// The extractor's weights, architecture (a TorchScript bundle passes resnet34, which the
/// extractor ignores for TorchScript files), grid µm/px and patch size.
ExtractionOptions extractionOptionsFor(const ModelBundle& bundle);

/// The classifier's weights, sizes, attention sets, non-linearity, Grad-CAM target,
/// tissue-only choice and class count, and the bundle's name for the result's metadata.
ClassificationOptions classificationOptionsFor(const ModelBundle& bundle);

}  // namespace slidesight::model
