#pragma once

// Classifying a feature grid with the attention classifier, behind a header with plain standard
// types only (no Torch, no Qt): slidesight-cli's `classify` (Qt) calls it; classification.cpp
// holds the Torch code, so Torch headers never share a translation unit with Qt's.

#include "viewer/common/expected.h"

#include <cstdint>
#include <string>
#include <vector>

namespace slidesight::model {

/// What to classify and with which classifier (spec, "Attention-based classifier").
struct ClassificationOptions {
    std::string gridPath;          ///< a grid file (model/gridfile.h)
    std::string classifier;        ///< a state-dict file, or random:SEED for untrained weights
    std::string attention = "max+min";  ///< max+min, max, min, avg or avg+max
    int64_t hidden = 64;           ///< H
    int64_t kernel = 3;            ///< n (odd)
    std::string nonlinearity = "relu";  ///< relu, tanh or none
    int64_t classes = 2;           ///< C (1: a regression score)
    int64_t gradcamClass = -1;     ///< the class Grad-CAM explains; -1: the predicted one
    std::string gradcamTarget = "grid";  ///< grid (G, the spec's) or gprime (G', degenerate); see GradCamTarget
    bool gradcamCentred = true;    ///< on G, centre each channel over the valid cells (false: the raw sum)
    std::string convPadding = "zeros";  ///< the 3DCL's padding: zeros (the paper's) or centre
    double inputScale = 1.0;       ///< G's factor before the classifier (AttentionClassifierConfig::inputScale)
    /// Leave cells without tissue (fraction 0) out of the attention; the 3DCL still sees the
    /// ring of cells around them (model/tissueonly.h).
    bool tissueOnly = false;
    std::string outputPath;        ///< the result file; required
    std::string programVersion;    ///< recorded in the metadata
    std::string bundle;            ///< the model bundle the classifier came from, recorded when given
};

/// What a classification found; the maps themselves are in the result file, a torch.save dict:
///   logits [C] float32, probabilities [C] (softmax; absent when C = 1),
///   attention_max / attention_min / attention_avg [H, M', N'] (the sets the variant has),
///   gradcam [M', N'] (raw), gradcam_weights [channels], gradcam_class int64 [],
///   gradcam_degenerate bool [] (the weights are at rounding level: the map is noise),
///   valid [M', N'] bool, tissue [M', N'], origin and cell_size float64 [2] (level-0 px, from
///   the grid), metadata (JSON str) and grid_metadata (the grid's JSON str, as it was).
struct ClassificationSummary {
    std::vector<double> logits;
    std::vector<double> probabilities;  ///< empty when C = 1
    int64_t predictedClass = 0;         ///< argmax of the logits
    int64_t gradcamClass = 0;
    std::string gradcamTarget;
    bool gradcamCentred = false;        ///< the weighted sum was taken over the channel-centred target
    double gradcamMax = 0.0;            ///< the map's largest raw value
    double gradcamWeightsMaxAbs = 0.0;  ///< max |alpha|: about 0 on G' (the weights vanish there)
    /// max |alpha| relative to the gradient's mean magnitude; below GradCam::kDegenerateRatio
    /// the map is degenerate (noise), as on G' by construction.
    double gradcamWeightRatio = 0.0;
    bool gradcamDegenerate = false;
    std::string convPadding;            ///< the 3DCL's padding: zeros or centre
    int rows = 0;                       ///< M'
    int columns = 0;                    ///< N'
    int64_t featureCount = 0;           ///< K, from the grid
    int64_t validCells = 0;
    std::string classifier;             ///< description: the file, or "random:SEED (untrained)"
    bool trained = false;               ///< false for random weights: label the output untrained
    std::string classifierSha256;       ///< of the weights file; empty for random weights
    std::string outputPath;
    double seconds = 0.0;
};

/// The problem with the options' names and sizes (attention sets, non-linearity, padding,
/// Grad-CAM target, H, n, C, Grad-CAM class) as the failure's one sentence. classifyGrid()
/// checks them too; callers use this to tell a bad command line from a failed run.
Check checkClassificationOptions(const ClassificationOptions& options);

/// Reads the grid, builds or loads the classifier, runs it and Grad-CAM, and writes the result
/// file atomically. Fails with one sentence (a weights file that does not fit names the
/// mismatching tensors and their shapes); nothing is written then.
Expected<ClassificationSummary> classifyGrid(const ClassificationOptions& options);

}  // namespace slidesight::model
