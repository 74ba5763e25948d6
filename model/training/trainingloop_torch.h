#pragma once
#include "model/common/torchside.h"

// The pieces of a training run that the trainer, the evaluator and the benchmark share:
// grids from manifest lines, the optimisers of the two protocols, one epoch of mini-batch
// training with gradient accumulation over chunks, and held-out scoring. Torch; used by
// training*.cpp only.

#include "model/attention/attentionclassifier_torch.h"
#include "model/extraction/extraction.h"
#include "model/training/training.h"
#include "model/training/trainingdata_torch.h"
#include "model/training/trainingmanifest.h"
#include "viewer/common/expected.h"

#include <torch/optim/optimizer.h>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace slidesight::model {

/// How batches are formed and the loss taken.
struct LoopSettings {
    bool classification = true;  ///< cross-entropy on 2 logits; else MSE on 1 output
    int batchSize = 64;
    int chunkSize = 0;           ///< 0: as many grids as fit kChunkElements
    bool tissueOnly = false;
};

/// Grid elements (grids x K x M' x N') run through the network at once when the chunk size is
/// automatic: 32 Mi floats, 128 MiB of input.
constexpr int64_t kChunkElements = int64_t{1} << 25;

/// Torch's intra-op threads for a training or evaluation run: `requested`, or every core when
/// 0 (LibTorch's own default is 1 thread on some machines, this one included).
int trainingThreads(int requested);

/// The grid of a manifest line: the grid file, or the slide's grid extracted with
/// `extraction` (through the grid cache). `cancel` as for extractGrid.
Expected<GridSample> loadManifestGrid(const ManifestItem& item, ExtractionOptions extraction,
                                      const std::atomic<bool>* cancel);
/// A grid file's sample.
Expected<GridSample> readGridSample(const std::string& path);
/// The grids of every manifest line (loadManifestGrid), all with K features (0: the first
/// grid's). `preparation` gets (done, total, path); kTrainingCancelled when cancelled.
Expected<std::vector<GridSample>> loadManifestGrids(const TrainingManifest& manifest, const ExtractionOptions& extraction,
                                                    int64_t features, const std::atomic<bool>* cancel,
                                                    const TrainingPreparation& preparation);

/// The classifier configuration from the option strings; K from the grids.
Expected<AttentionClassifierConfig> classifierConfig(const std::string& attention, int64_t hidden, int64_t kernel,
                                                     const std::string& nonlinearity, const std::string& padding,
                                                     int64_t features, bool classification);

/// SGD with momentum (classification) or Adam (regression) over the module's parameters.
std::unique_ptr<torch::optim::Optimizer> makeOptimizer(torch::nn::Module& module, bool classification,
                                                       double learningRate, double momentum);
/// Sets every parameter group's learning rate.
void setLearningRate(torch::optim::Optimizer& optimizer, bool classification, double learningRate);
/// The first parameter group's learning rate.
double learningRate(const torch::optim::Optimizer& optimizer);

/// The training grid at a position of the epoch's order and its target.
using SampleSource = std::function<GridSample(size_t index)>;

/// One epoch over `order` (indices into the sources): batches of settings.batchSize, each run
/// in chunks padded to the chunk's largest grid with the validity mask, the loss the mean over
/// the batch (gradients accumulated over the chunks, so the step is that of the whole padded
/// batch: padding takes no part in the classifier). Returns the mean loss, or nullopt when
/// `cancel` was set (checked between chunks; the step in progress is not taken).
std::optional<double> trainEpoch(AttentionClassifier& model, torch::optim::Optimizer& optimizer,
                                 const std::vector<size_t>& order, const SampleSource& source,
                                 const std::vector<double>& targets, const LoopSettings& settings,
                                 const std::atomic<bool>* cancel);

/// The classifier's score for each grid: positive-class probability or the regression output.
std::vector<double> predictScores(AttentionClassifier& model, const std::vector<const GridSample*>& samples,
                                  const LoopSettings& settings);

/// AUC (classification) or Spearman (regression) of scores against targets.
double protocolMetric(bool classification, const std::vector<double>& scores, const std::vector<double>& targets);

}  // namespace slidesight::model
