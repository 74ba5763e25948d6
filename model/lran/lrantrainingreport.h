#pragma once

// What a finished LRAN training run leaves in the bundle folder besides the weights:
// lran-training.json (the options, per-epoch figures, held-out accuracy and confusion matrix)
// and model.json with the "lran" section (plus the extractor and classifier of the base
// bundle, copied, or random ones). Plain standard types only; used by lrantraining.cpp.

#include "model/lran/lrantraining.h"
#include "model/lran/lrantrainingdata.h"
#include "viewer/common/expected.h"

namespace slidesight::model {

/// Writes the report and the manifest (summary.weightsPath must already be written); fills
/// summary.reportPath and summary.bundlePath.
Expected<bool> writeLranTrainingOutputs(const LranTrainingOptions& options, const LranImageSet& set,
                                        LranTrainingSummary& summary);

}  // namespace slidesight::model
