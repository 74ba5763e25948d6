#pragma once
#include "model/common/torchside.h"

// The training checkpoint: where a cross-validation run stands (run, epochs done, finished
// runs with their held-out predictions) plus the current classifier and optimiser state,
// written atomically after every epoch so that an interrupted run resumes exactly. Torch;
// used by both trainers (training.cpp, lrantraining.cpp). The file is LibTorch's archive format (not meant for Python).

#include "viewer/common/expected.h"

#include <torch/nn/module.h>
#include <torch/optim/optimizer.h>

#include <cstdint>
#include <string>
#include <vector>

namespace slidesight::model {

/// A run (fold x initialisation) that has finished.
struct FinishedRun {
    int fold = 0, init = 0;
    double metric = 0.0;
    std::vector<int64_t> heldOut;   ///< manifest indices of the held-out items
    std::vector<double> scores;     ///< the run's scores for them, in that order
    std::vector<double> losses;     ///< mean training loss per epoch
    std::vector<double> metrics;    ///< held-out metric per epoch
    std::string weightsPath;
};

struct CheckpointState {
    std::string fingerprint;        ///< of everything that determines the result
    int run = 0;                    ///< the run in progress (= finished.size())
    int epochsDone = 0;             ///< of that run; its model and optimiser are in the file when > 0
    std::vector<double> losses;     ///< of that run, per epoch done
    std::vector<double> metrics;
    std::vector<FinishedRun> finished;
};

/// Writes the state, and the module and optimiser when state.epochsDone > 0, to `path`
/// atomically.
Expected<bool> writeCheckpoint(const std::string& path, const CheckpointState& state, const torch::nn::Module& module,
                               const torch::optim::Optimizer& optimizer);

/// Reads the state only.
Expected<CheckpointState> readCheckpointState(const std::string& path);

/// A training run's folder and checkpoint, as both trainers start them.
struct RunCheckpoint {
    std::string path;        ///< the checkpoint file in the run folder
    CheckpointState state;   ///< fresh (with the fingerprint only) or the one resumed
    bool resumed = false;
};

/// Creates the run `folder`; a checkpoint `fileName` already there is resumed only when
/// `resume` is set and it was made by the same run (the same `fingerprint`); otherwise the run
/// stops with one sentence saying what to do. `inputs` names what the fingerprint covers
/// besides the options ("another manifest", "other images").
Expected<RunCheckpoint> startRunCheckpoint(const std::string& folder, const std::string& fileName,
                                           const std::string& fingerprint, bool resume, const std::string& inputs);

/// Loads the module's parameters and the optimiser's state saved with the state.
Expected<bool> loadCheckpointModel(const std::string& path, torch::nn::Module& module, torch::optim::Optimizer& optimizer);

}  // namespace slidesight::model
