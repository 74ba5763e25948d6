#pragma once
#include "model/common/torchside.h"

// What a finished training run leaves: scores.json in the run folder (per-run held-out
// scores, losses and metrics) and the trained bundle (the best run's classifier, the
// extractor, model.json with the cross-validated metric). Torch-free apart from its inputs;
// used by training.cpp only.

#include "model/training/training.h"
#include "model/training/trainingcheckpoint_torch.h"
#include "model/training/trainingset_torch.h"
#include "viewer/common/expected.h"

#include <string>

namespace slidesight::model {

/// Writes scores.json and the bundle; fills summary.scoresPath, bundlePath, extractorTrained.
Expected<bool> writeTrainingOutputs(const TrainingOptions& options, const TrainingSet& set,
                                    const CheckpointState& state, TrainingSummary& summary);

}  // namespace slidesight::model
