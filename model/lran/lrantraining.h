#pragma once

// Training LRAN (or RAN) on labelled patches with the spec's protocol (spec, "LRAN":
// cross-entropy, Adam 1e-4, 1e-5 after epoch 10, 5e-6 after epoch 20, 50 epochs, batch 24,
// inputs 256 x 256, class-balanced batches), behind a header with plain standard types only
// (no Torch, no Qt): slidesight-cli's `lran train` and the demo builder call it; the Torch
// code lives in lrantraining*.cpp.

#include "viewer/common/expected.h"

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace slidesight::model {

/// From the epoch after `afterEpoch` (1-based) on, Adam's learning rate is `rate`.
struct LranRateStep {
    int afterEpoch = 0;
    double rate = 0.0;
};

struct LranTrainingOptions {
    /// A folder of class folders (class = subfolder name, classes in sorted order; images
    /// .png, .jpg, .jpeg, .tif, .tiff, .bmp directly inside each), or a CSV file with lines
    /// `path,label` (paths relative to the CSV's folder unless absolute; label = class name,
    /// classes in sorted order; a first line `path,label` is a header).
    std::string data;
    std::string bundleFolder;          ///< the bundle written: model.json, lran.pt, lran-training.json
    std::string runFolder;             ///< the checkpoint; empty: bundleFolder + ".run"
    /// A bundle whose extractor and classifier the new bundle keeps (the LRAN section is added
    /// or replaced); empty: a new bundle whose extractor and classifier are random:SEED.
    std::string baseBundle;
    std::string network = "lran";      ///< lran or ran
    /// torchvision (ImageNet ResNet-18 widths, the default) or paper (about the paper's 5.8 M
    /// parameters); see LranWidths in model/lran.h.
    std::string widths = "torchvision";
    int epochs = 50;
    int batchSize = 24;
    double learningRate = 1e-4;
    std::vector<LranRateStep> schedule{{10, 1e-5}, {20, 5e-6}};  ///< in increasing epoch order
    double holdout = 0.2;              ///< fraction of each class held out (stratified, seeded); 0: none
    uint64_t seed = 1;                 ///< split, batches, augmentation and initialisation
    int inputSize = 256;               ///< images are resized (area interpolation) to this square
    double mpp = 2.0;                  ///< µm/px of the patches, written into the bundle
    int maxPerClass = 0;               ///< > 0: at most this many images per class (the first in sorted order)
    bool augment = true;               ///< random flips and 90° rotations of training images
    std::string initWeights;           ///< an LRAN/RAN state dict to start from (fc is kept only if its classes match)
    bool resume = false;               ///< continue from the run folder's checkpoint
    int torchThreads = 2;              ///< Torch intra-op threads; 0: Torch's default
    std::string name;                  ///< the bundle's name; empty: from the data folder
    std::string programVersion;
};

/// After every batch (epochFinished false: batch of batches done) and after every epoch
/// (epochFinished true, with the epoch's figures).
struct LranTrainingProgress {
    int epoch = 0, epochs = 0;         ///< epoch is 1-based
    int batch = 0, batches = 0;
    bool epochFinished = false;
    double loss = 0.0;                 ///< mean training loss of the epoch
    double trainAccuracy = 0.0;        ///< on the epoch's (augmented) training batches, in train mode
    double heldOutAccuracy = 0.0;      ///< NaN without a held-out split
    double learningRate = 0.0;
    double seconds = 0.0;
    double imagesPerSecond = 0.0;      ///< training images per second of the epoch (forward + backward + step)
};

struct LranEpochRecord {
    double loss = 0.0;
    double trainAccuracy = 0.0;
    double heldOutAccuracy = 0.0;      ///< NaN without a held-out split
    double learningRate = 0.0;
};

struct LranTrainingSummary {
    std::vector<std::string> classes;  ///< logit order
    std::vector<int> trainCounts;      ///< training images per class
    std::vector<int> heldOutCounts;    ///< held-out images per class
    std::vector<LranEpochRecord> history;
    double heldOutAccuracy = 0.0;      ///< NaN without a held-out split
    /// Held-out confusion matrix: confusion[truth][prediction] counts.
    std::vector<std::vector<int64_t>> confusion;
    int batchesPerEpoch = 0;
    double imagesPerSecond = 0.0;      ///< training throughput over the epochs run by this call
    int torchThreads = 0;
    bool resumed = false;
    int resumedEpoch = 0;              ///< epochs the checkpoint had done
    std::string bundlePath;            ///< model.json
    std::string weightsPath;           ///< lran.pt
    std::string reportPath;            ///< lran-training.json in the bundle folder
    std::string runFolder;
    double seconds = 0.0;
};

/// The message of a training run stopped through its cancellation token; the checkpoint of
/// the last finished epoch stays in the run folder.
extern const char* const kLranTrainingCancelled;

/// Whether the options can be trained with; a failure says what is wrong in one sentence.
Check checkLranTrainingOptions(const LranTrainingOptions& options);

/// Reads the data, splits it, trains and writes the bundle (weights atomically), the report
/// and, after every epoch, the checkpoint. With options.resume the run continues from the
/// checkpoint and ends as an uninterrupted run with the same options would. `cancel` (may be
/// null) is checked between batches. Fails with one sentence (naming the folder, class or
/// image at fault). Call from one thread at a time (it sets Torch's thread count).
Expected<LranTrainingSummary> trainLran(const LranTrainingOptions& options,
                                        const std::function<void(const LranTrainingProgress&)>& progress = {},
                                        const std::atomic<bool>* cancel = nullptr);

}  // namespace slidesight::model
