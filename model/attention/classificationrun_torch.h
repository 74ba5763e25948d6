#pragma once
#include "model/common/torchside.h"

// Internal to the model library (Torch): the attention classifier and Grad-CAM on a grid in
// memory, and the result file they make. classifyGrid() (a grid file) and runAnalysis() (a
// slide and a model bundle) share it.

#include "model/analysis/resultfile_torch.h"
#include "model/attention/classification.h"
#include "model/attention/gradcam_torch.h"
#include "model/grid/gridfile_torch.h"
#include "model/nets/networkloaders_torch.h"

#include <torch/types.h>

namespace slidesight::model {

/// The classifier's sizes and choices from `options`, with K = `features`; fails with one
/// sentence for unknown names or sizes out of range.
Expected<AttentionClassifierConfig> classifierConfig(const ClassificationOptions& options, int64_t features);

/// One run of the classifier on a grid: the summary's numbers and the tensors behind them.
struct ClassifierRun {
    ClassificationSummary summary;  ///< everything but outputPath and seconds
    AttentionResult forward;        ///< batch of one: logits [1, C], attention sets [1, H, M', N']
    GradCamResult cam;              ///< batch of one: map [1, M', N'], weights, classes
    torch::Tensor logits;           ///< [C]
    torch::Tensor valid;            ///< [M', N'] bool: the cells attended to
    torch::Tensor tissue;           ///< [M', N'] float32: the grid's tissue fractions
};

/// Runs the classifier (eval mode, no gradients) and Grad-CAM on `target` for
/// options.gradcamClass (-1: the predicted class), attending to every cell or, with
/// options.tissueOnly, to the cells with tissue. Fails with one sentence (no tissue cell,
/// a Torch error); options.gridPath names the grid in messages.
Expected<ClassifierRun> runClassifier(LoadedClassifier& classifier, const GridFile& grid,
                                      const ClassificationOptions& options);

/// The result file of a run, in the format classification.h documents.
ResultFile classificationResultFile(const ClassificationOptions& options, const AttentionClassifierConfig& config,
                                    const GridFile& grid, const ClassifierRun& run);

}  // namespace slidesight::model
