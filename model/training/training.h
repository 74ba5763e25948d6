#pragma once

// Training and evaluating the attention classifier with the paper's protocols (spec,
// "Attention-based classifier", training protocols), behind a header with plain standard
// types only (no Torch, no Qt): slidesight-cli's `train`, `evaluate` and `bench train` call it;
// the Torch code lives in training*.cpp.

#include "model/extraction/extraction.h"
#include "viewer/common/expected.h"

#include <atomic>
#include <cstdint>
#include <functional>
#include <limits>
#include <string>
#include <vector>

namespace slidesight::model {

/// A training run: k-fold cross-validation x random initialisations on a manifest
/// (model/trainingmanifest.h), then a bundle holding the best held-out run's classifier.
struct TrainingOptions {
    std::string manifestPath;
    std::string bundleFolder;          ///< the trained bundle (model.json + classifier.pt)
    std::string runFolder;             ///< checkpoint, per-run weights, scores.json; empty: bundleFolder + ".run"
    std::string task = "classification";  ///< classification (cross-entropy, SGD) or regression (MSE, Adam)
    int epochs = 35;
    int batchSize = 64;                ///< grids per optimiser step
    int chunkSize = 0;                 ///< grids run through the network at once (memory); 0: picked per batch
    int folds = 4;
    int inits = 2;                     ///< random initialisations per fold
    /// The paper's x9 augmentation: none, fast (transforms of the extracted grid), exact (the
    /// transformed slide re-extracted: flipped and rotated patch pixels, shifted grid origins;
    /// slides only) or auto: exact when every manifest line names a slide, else fast.
    std::string augment = "auto";
    /// Every training slide also at 4 µm/px: on (slides only), off, or auto: on when every
    /// manifest line names a slide (grid files cannot be re-extracted), else off.
    std::string extraScale = "auto";
    /// Optional held-out test manifest (grids or slides, extracted like the training manifest):
    /// every run's classifier is scored on it after training.
    std::string testManifestPath;
    uint64_t seed = 1;                 ///< folds, shuffling and initialisations
    bool resume = false;               ///< continue from the run folder's checkpoint
    double learningRate = 0.0;         ///< 0: the optimiser's (1e-3 SGD, 1e-4 Adam)
    /// sgd or adam; empty: the task's (SGD for classification, Adam for regression).
    std::string optimizer;
    double momentum = 0.9;             ///< SGD momentum (unstated in the paper)
    int decayEpoch = 20;               ///< classification: learning rate x decayFactor after this many epochs (0: never)
    double decayFactor = 0.1;
    std::string attention = "max+min";
    int64_t hidden = 64;
    int64_t kernel = 3;
    std::string nonlinearity = "relu";
    std::string convPadding = "zeros";  ///< the 3DCL's padding: zeros (the paper's) or centre
    /// G's factor before the classifier (AttentionClassifierConfig::inputScale); 0: automatic,
    /// 1 / the mean feature of the training grids. Recorded in the bundle.
    double inputScale = 1.0;
    bool tissueOnly = false;           ///< leave cells without tissue out of the attention (the 3DCL keeps their ring)
    /// For manifest lines naming slides (and exact augmentation): extractor weights and
    /// architecture, grid µm/px and p, device, cache. Its slidePath and outputPath are ignored.
    ExtractionOptions extraction;
    bool extractorGiven = false;       ///< extraction.weights was chosen by the user (else read from the grids)
    int torchThreads = 0;              ///< 0: all cores
    std::string name;                  ///< the bundle's name; empty: from the manifest
    std::string programVersion;
};

/// One finished epoch of one run.
struct TrainingEpoch {
    int run = 0, runs = 0;      ///< run index (fold-major) and count
    int fold = 0, init = 0;
    int epoch = 0, epochs = 0;  ///< epoch is 1-based
    int grids = 0;              ///< training grids seen in the epoch (augmentations included)
    double learningRate = 0.0;  ///< the optimiser's learning rate in the epoch
    double loss = 0.0;          ///< mean training loss of the epoch
    double metric = 0.0;        ///< held-out AUC or Spearman after the epoch (NaN if undefined)
    double seconds = 0.0;
};

/// Preparation (reading grids, extracting slides): done, total, what.
using TrainingPreparation = std::function<void(int done, int total, const std::string& what)>;
using TrainingProgress = std::function<void(const TrainingEpoch&)>;

struct TrainingRunResult {
    int fold = 0, init = 0;
    double metric = 0.0;        ///< on the held-out fold after the last epoch
    double finalLoss = 0.0;
    std::string weightsPath;    ///< the run's classifier (state dict) in the run folder
    double testMetric = std::numeric_limits<double>::quiet_NaN();  ///< on the test manifest (NaN: none, or undefined)
    std::vector<double> testScores;  ///< per test manifest line
};

struct TrainingSummary {
    std::string task;
    std::string metricName;     ///< "auc" or "spearman"
    std::vector<TrainingRunResult> runs;
    double metricMean = 0.0;
    double metricStd = 0.0;     ///< sample standard deviation over the runs
    int bestRun = 0;            ///< its weights went into the bundle
    int items = 0;              ///< manifest lines
    int gridsPerEpoch = 0;      ///< training grids per epoch of the first run, augmentations included
    std::string augment;        ///< the augmentation used: none, fast or exact (auto resolved)
    bool extraScale = false;    ///< whether the 4 µm/px scale was added (auto resolved)
    std::string augmentation;   ///< what the augmentation did and why it was chosen, in words
    std::string testManifest;   ///< empty: no test manifest
    std::vector<std::string> testPaths;
    std::vector<double> testTargets;
    double testMean = 0.0;      ///< mean (sample std) of the runs' test metrics
    double testStd = 0.0;
    std::string bundlePath;     ///< the bundle's model.json
    std::string runFolder;
    std::string scoresPath;     ///< scores.json in the run folder
    bool resumed = false;
    int resumedRun = 0, resumedEpoch = 0;  ///< where the checkpoint left off
    bool extractorTrained = false;
    std::string optimizer;      ///< sgd or adam (the task's when not given)
    double inputScale = 1.0;    ///< the classifier's input scale (automatic resolved)
    double seconds = 0.0;
};

/// The message of a training run stopped through its cancellation token; the checkpoint of
/// the last finished epoch stays in the run folder.
extern const char* const kTrainingCancelled;

/// Whether the options (task, augmentation, sizes, attention) can be trained with; a failure
/// says what is wrong in one sentence. trainClassifier() checks them too.
Check checkTrainingOptions(const TrainingOptions& options);

/// The learning rate of a (0-based) epoch: the optimiser's (1e-3 SGD, 1e-4 Adam) or the
/// options', times decayFactor from epoch decayEpoch on for classification; regression keeps
/// its rate.
double epochLearningRate(const TrainingOptions& options, int epoch);

/// The optimiser a run uses: options.optimizer, else SGD for classification, Adam for regression.
std::string trainingOptimizer(const TrainingOptions& options);

/// Trains. The checkpoint (model, optimiser, finished runs) is written atomically after every
/// epoch; with options.resume the run continues from it and ends as an uninterrupted run with
/// the same options would. `cancel` (may be null) is checked between batches. Fails with one
/// sentence. Call from one thread at a time (it sets Torch's thread count).
Expected<TrainingSummary> trainClassifier(const TrainingOptions& options, const TrainingProgress& progress = {},
                                          const std::atomic<bool>* cancel = nullptr,
                                          const TrainingPreparation& preparation = {});

struct EvaluationOptions {
    std::string bundlePath;
    std::string manifestPath;
    ExtractionOptions extraction;  ///< device, cache, slide µm/px for slides in the manifest
    int torchThreads = 0;
};

struct EvaluationSummary {
    std::string task;
    std::string metricName;        ///< "auc" or "spearman"
    double metric = 0.0;
    std::vector<std::string> paths;
    std::vector<double> targets;
    std::vector<double> scores;    ///< positive-class probability or the regression output
    bool trained = false;          ///< the bundle's label
    double seconds = 0.0;
};

/// Runs a bundle's classifier on every manifest line and measures AUC or Spearman.
Expected<EvaluationSummary> evaluateBundle(const EvaluationOptions& options, const std::atomic<bool>* cancel = nullptr,
                                           const TrainingPreparation& preparation = {});

/// Seconds per training epoch on random features (classification protocol, SGD).
struct TrainingBenchmark {
    int grids = 0, rows = 0, columns = 0, features = 0, batchSize = 0, chunkSize = 0, threads = 0;
    std::vector<double> epochSeconds;
    double secondsPerEpoch = 0.0;  ///< the fastest epoch
};

Expected<TrainingBenchmark> benchmarkTraining(int grids, int rows, int columns, int features, int epochs, int batchSize,
                                              int torchThreads, const std::atomic<bool>* cancel = nullptr);

}  // namespace slidesight::model
