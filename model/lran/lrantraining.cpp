#include "model/lran/lrantraining.h"

#include "model/bundle/bundle.h"
#include "model/common/sha256.h"
#include "model/extraction/inferencedevice_torch.h"
#include "model/extraction/patchreader.h"
#include "model/lran/lran_torch.h"
#include "model/lran/lrantrainingdata.h"
#include "model/lran/lrantrainingreport.h"
#include "model/nets/statedict_torch.h"
#include "model/training/trainingcheckpoint_torch.h"
#include "model/common/exceptiontext.h"
#include "model/common/stopwatch.h"

#include <torch/torch.h>

#include <chrono>
#include <cmath>
#include <filesystem>
#include <limits>
#include <random>

namespace slidesight::model {

const char* const kLranTrainingCancelled = "The LRAN training was interrupted.";

namespace {

using Clock = std::chrono::steady_clock;
namespace fs = std::filesystem;

/// Everything that determines the weights, hashed: a checkpoint only resumes the same run.
std::string fingerprint(const LranTrainingOptions& o, const LranImageSet& set) {
    std::string text = "slidesight-lran-training-1|" + o.network + "|" + std::to_string(o.epochs) + "|" +
                       std::to_string(o.batchSize) + "|" + std::to_string(o.learningRate) + "|" +
                       std::to_string(o.holdout) + "|" + std::to_string(o.seed) + "|" + std::to_string(o.inputSize) +
                       "|" + std::to_string(o.augment) + "|" + o.initWeights;
    if (o.widths != LranConfig::name(LranWidths::Torchvision)) text += "|widths " + o.widths;  // earlier checkpoints stay valid
    for (const LranRateStep& step : o.schedule) text += "|" + std::to_string(step.afterEpoch) + ":" + std::to_string(step.rate);
    for (const std::string& name : set.classes) text += "|class " + name;
    for (size_t i = 0; i < set.paths.size(); ++i) text += "|" + set.paths[i] + "," + std::to_string(set.labels[i]);
    return Sha256::hexOf(text);
}

/// Adam's learning rate in a 1-based epoch.
double rateOf(const LranTrainingOptions& o, int epoch) {
    double rate = o.learningRate;
    for (const LranRateStep& step : o.schedule)
        if (epoch > step.afterEpoch) rate = step.rate;
    return rate;
}

/// The images at `indices`, each transformed by its code (0: as is), normalised exactly as
/// slide patches are (PatchReader::normalise, ImageNet's mean and std): [n, 3, s, s].
torch::Tensor batchTensor(const std::vector<std::vector<uint8_t>>& images, const std::vector<size_t>& indices,
                          const std::vector<int>& codes, int size) {
    torch::Tensor input = torch::empty({static_cast<int64_t>(indices.size()), 3, size, size});
    const Normalisation normalisation;
    for (size_t i = 0; i < indices.size(); ++i) {
        std::vector<uint8_t> rgb = images[indices[i]];
        transformSquareRgb(rgb, size, codes.empty() ? 0 : codes[i]);
        PatchReader::normalise(rgb.data(), size, size, normalisation, input[static_cast<int64_t>(i)].data_ptr<float>());
    }
    return input;
}

/// Held-out confusion matrix [truth][prediction] in eval mode, `batch` images at a time.
std::vector<std::vector<int64_t>> confusionOf(Lran& net, const std::vector<std::vector<uint8_t>>& images,
                                              const std::vector<int>& labels, const std::vector<size_t>& heldOut,
                                              int classes, int batch, int size) {
    std::vector<std::vector<int64_t>> confusion(static_cast<size_t>(classes), std::vector<int64_t>(static_cast<size_t>(classes), 0));
    torch::NoGradGuard noGrad;
    net->eval();
    for (size_t first = 0; first < heldOut.size(); first += static_cast<size_t>(batch)) {
        const std::vector<size_t> indices(heldOut.begin() + static_cast<std::ptrdiff_t>(first),
                                          heldOut.begin() + static_cast<std::ptrdiff_t>(std::min(heldOut.size(), first + batch)));
        const torch::Tensor predicted = net->forward(batchTensor(images, indices, {}, size)).logits.argmax(1);
        for (size_t i = 0; i < indices.size(); ++i)
            ++confusion[static_cast<size_t>(labels[indices[i]])][static_cast<size_t>(predicted[static_cast<int64_t>(i)].item<int64_t>())];
    }
    net->train();
    return confusion;
}

/// Re-estimates every batch normalisation's running mean and variance as the plain average
/// over the training images (train mode, no gradients, no augmentation). After a few epochs
/// with momentum 0.1 the running statistics still mix those of the initial weights, so eval
/// mode sees activations on another scale than training did (a demo run: training accuracy
/// 1.0, held-out 0.5 with every patch given one class).
void recalibrateBatchNorm(Lran& net, const std::vector<std::vector<uint8_t>>& images, const std::vector<size_t>& train,
                          int batch, int size) {
    std::vector<torch::nn::BatchNorm2dImpl*> norms;
    for (const auto& module : net->modules(false))
        if (auto* bn = module->as<torch::nn::BatchNorm2dImpl>()) norms.push_back(bn);
    if (norms.empty() || train.size() < 2) return;  // one image has no batch variance
    std::vector<c10::optional<double>> momenta;
    for (auto* bn : norms) {
        momenta.push_back(bn->options.momentum());
        bn->options.momentum(c10::nullopt);  // a cumulative average over the batches
        bn->reset_running_stats();
    }
    torch::NoGradGuard noGrad;
    net->train();
    for (size_t first = 0; first < train.size(); first += static_cast<size_t>(batch)) {
        const std::vector<size_t> indices(train.begin() + static_cast<std::ptrdiff_t>(first),
                                          train.begin() + static_cast<std::ptrdiff_t>(std::min(train.size(), first + batch)));
        if (indices.size() < 2) break;  // a lone last image: no batch variance
        net->forward(batchTensor(images, indices, {}, size));
    }
    for (size_t i = 0; i < norms.size(); ++i) norms[i]->options.momentum(momenta[i]);
}

double accuracyOf(const std::vector<std::vector<int64_t>>& confusion) {
    int64_t right = 0, all = 0;
    for (size_t t = 0; t < confusion.size(); ++t)
        for (size_t p = 0; p < confusion[t].size(); ++p) (t == p ? right : all) += confusion[t][p];
    all += right;
    return all > 0 ? double(right) / double(all) : std::numeric_limits<double>::quiet_NaN();
}

/// Starts the network from a state dict; its fc layer only when the classes match.
Expected<bool> loadInitialWeights(Lran& net, const std::string& path) {
    const auto dict = StateDict::read(path);
    if (!dict) return Expected<bool>::failure(dict.error());
    std::vector<StateDict::Entry> entries;
    const torch::Tensor fc = dict->find("fc.weight");
    const bool keepFc = fc.defined() && fc.sizes() == net->fc->weight.sizes();
    for (const auto& entry : dict->entries())
        if (keepFc || entry.first.rfind("fc.", 0) != 0) entries.push_back(entry);
    if (!keepFc) {
        // Named: entries() refers into the dictionary, which must outlive the loop.
        const StateDict freshFc = StateDict::of(*net->fc);
        for (const auto& entry : freshFc.entries()) entries.emplace_back("fc." + entry.first, entry.second.clone());
    }
    const auto loaded = StateDict(std::move(entries)).loadInto(*net);
    if (!loaded)
        return Expected<bool>::failure("The initial weights \"" + path + "\" do not fit " + LranConfig::name(net->config().variant) +
                                       ": " + loaded.error());
    return true;
}

std::vector<double> pairsOf(const std::vector<LranEpochRecord>& history) {
    std::vector<double> values;
    for (const LranEpochRecord& r : history) values.insert(values.end(), {r.trainAccuracy, r.heldOutAccuracy});
    return values;
}

}  // namespace

Check checkLranTrainingOptions(const LranTrainingOptions& o) {
    if (o.data.empty() || o.bundleFolder.empty())
        return Check::failure("The training data and the output bundle folder are required.");
    const auto variant = LranConfig::parseVariant(o.network);
    if (!variant) return Check::failure(variant.error());
    const auto widths = LranConfig::parseWidths(o.widths);
    if (!widths) return Check::failure(widths.error());
    if (o.epochs < 1) return Check::failure("The number of epochs must be at least 1.");
    if (o.batchSize < 2)
        return Check::failure("The batch size must be at least 2 (batch normalisation needs two images).");
    if (!(o.holdout >= 0.0 && o.holdout < 1.0))
        return Check::failure("The held-out fraction must be at least 0 and below 1.");
    if (o.inputSize < 32 || o.inputSize % 32 != 0)
        return Check::failure("The input size must be a multiple of 32, at least 32.");
    if (!(o.learningRate > 0.0) || !(o.mpp > 0.0))
        return Check::failure("The learning rate and the µm/px must be positive.");
    for (size_t i = 0; i < o.schedule.size(); ++i)
        if (!(o.schedule[i].rate > 0.0) || o.schedule[i].afterEpoch < 1 ||
            (i > 0 && o.schedule[i].afterEpoch <= o.schedule[i - 1].afterEpoch))
            return Check::failure("The learning-rate steps need positive rates after increasing epochs of at least 1.");
    if (o.maxPerClass < 0 || o.torchThreads < 0)
        return Check::failure("The per-class cap and the thread count must not be negative.");
    return true;
}

Expected<LranTrainingSummary> trainLran(const LranTrainingOptions& o,
                                        const std::function<void(const LranTrainingProgress&)>& progress,
                                        const std::atomic<bool>* cancel) {
    const auto start = Clock::now();
    if (const Check valid = checkLranTrainingOptions(o); !valid) return failure(valid.error());
    const auto set = listLranImages(o.data, o.maxPerClass);
    if (!set) return failure(set.error());
    if (!o.baseBundle.empty()) {
        const auto base = readBundle(o.baseBundle);  // read again when the bundle is written
        if (!base) return failure(base.error());
    }
    const auto images = loadLranImages(*set, o.inputSize, cancel);
    if (!images) return failure(cancel && cancel->load() ? std::string(kLranTrainingCancelled) : images.error());
    const int classes = static_cast<int>(set->classes.size());
    const LranSplit split = splitLranImages(set->labels, classes, o.holdout, o.seed);
    std::vector<int> trainLabels;
    for (size_t i : split.train) trainLabels.push_back(set->labels[i]);

    LranTrainingSummary s;
    s.classes = set->classes;
    s.trainCounts.assign(static_cast<size_t>(classes), 0);
    s.heldOutCounts.assign(static_cast<size_t>(classes), 0);
    for (size_t i : split.train) ++s.trainCounts[static_cast<size_t>(set->labels[i])];
    for (size_t i : split.heldOut) ++s.heldOutCounts[static_cast<size_t>(set->labels[i])];
    s.batchesPerEpoch = static_cast<int>((split.train.size() + o.batchSize - 1) / static_cast<size_t>(o.batchSize));
    s.runFolder = o.runFolder.empty() ? o.bundleFolder + ".run" : o.runFolder;
    auto started = startRunCheckpoint(s.runFolder, "lran-checkpoint.pt", fingerprint(o, *set), o.resume, "other images");
    if (!started) return failure(started.error());
    const std::string checkpointPath = started->path;
    CheckpointState state = std::move(started->state);
    if (started->resumed) {
        s.resumed = true;
        s.resumedEpoch = state.epochsDone;
        // The checkpoint keeps per epoch the loss, and (training accuracy, held-out accuracy) pairs.
        for (int e = 0; e < state.epochsDone; ++e)
            s.history.push_back({state.losses[static_cast<size_t>(e)], state.metrics[2 * static_cast<size_t>(e)],
                                 state.metrics[2 * static_cast<size_t>(e) + 1], rateOf(o, e + 1)});
    }

    const TorchThreadScope threads(o.torchThreads);
    s.torchThreads = torch::get_num_threads();
    LranConfig config;
    config.variant = *LranConfig::parseVariant(o.network);
    config.setWidths(*LranConfig::parseWidths(o.widths));
    config.classes = classes;
    int64_t trainedImages = 0;
    double trainingSeconds = 0.0;
    try {
        torch::manual_seed(o.seed);
        Lran net(config);
        net->initialiseRandom(o.seed);
        if (!o.initWeights.empty()) {
            const auto loaded = loadInitialWeights(net, o.initWeights);
            if (!loaded) return failure(loaded.error());
        }
        net->train();
        torch::optim::Adam optimizer(net->parameters(), torch::optim::AdamOptions(o.learningRate));
        if (state.epochsDone > 0) {
            const auto loaded = loadCheckpointModel(checkpointPath, *net, optimizer);
            if (!loaded) return failure(loaded.error());
        }
        for (int epoch = state.epochsDone + 1; epoch <= o.epochs; ++epoch) {
            const auto epochStart = Clock::now();
            const double rate = rateOf(o, epoch);
            for (auto& group : optimizer.param_groups()) static_cast<torch::optim::AdamOptions&>(group.options()).lr(rate);
            const auto batches = balancedBatches(trainLabels, classes, o.batchSize, s.batchesPerEpoch, o.seed, epoch);
            std::mt19937_64 augmentation(o.seed * 1000003ULL + static_cast<uint64_t>(epoch));
            double lossSum = 0.0;
            int64_t correct = 0, seen = 0;
            double stepSeconds = 0.0;
            for (size_t b = 0; b < batches.size(); ++b) {
                if (cancel && cancel->load()) return failure(kLranTrainingCancelled);
                std::vector<size_t> indices;
                std::vector<int> codes;
                std::vector<int64_t> targets;
                for (size_t position : batches[b]) {
                    indices.push_back(split.train[position]);
                    codes.push_back(o.augment ? static_cast<int>(augmentation() % 8) : 0);
                    targets.push_back(trainLabels[position]);
                }
                const torch::Tensor input = batchTensor(*images, indices, codes, o.inputSize);
                const torch::Tensor target = torch::tensor(targets, torch::kInt64);
                const auto stepStart = Clock::now();
                optimizer.zero_grad();
                const torch::Tensor logits = net->forward(input).logits;
                const torch::Tensor loss = torch::nn::functional::cross_entropy(logits, target);
                loss.backward();
                optimizer.step();
                stepSeconds += secondsSince(stepStart);
                const auto n = static_cast<int64_t>(indices.size());
                lossSum += loss.item<double>() * double(n);
                correct += logits.argmax(1).eq(target).sum().item<int64_t>();
                seen += n;
                if (progress) progress({epoch, o.epochs, int(b) + 1, int(batches.size()), false, lossSum / double(seen)});
            }
            trainedImages += seen;
            trainingSeconds += stepSeconds;
            const auto confusion = confusionOf(net, *images, set->labels, split.heldOut, classes, o.batchSize, o.inputSize);
            const LranEpochRecord record{lossSum / double(seen), double(correct) / double(seen), accuracyOf(confusion), rate};
            s.history.push_back(record);
            s.confusion = confusion;
            state.epochsDone = epoch;
            state.losses.push_back(record.loss);
            state.metrics = pairsOf(s.history);
            const auto written = writeCheckpoint(checkpointPath, state, *net, optimizer);
            if (!written) return failure(written.error());
            if (progress)
                progress({epoch, o.epochs, int(batches.size()), int(batches.size()), true, record.loss, record.trainAccuracy,
                          record.heldOutAccuracy, rate, secondsSince(epochStart),
                          stepSeconds > 0.0 ? double(seen) / stepSeconds : 0.0});
        }
        // The saved weights and the final figures use re-estimated normalisation statistics.
        recalibrateBatchNorm(net, *images, split.train, o.batchSize, o.inputSize);
        s.confusion = confusionOf(net, *images, set->labels, split.heldOut, classes, o.batchSize, o.inputSize);
        s.heldOutAccuracy = accuracyOf(s.confusion);
        s.imagesPerSecond = trainingSeconds > 0.0 ? double(trainedImages) / trainingSeconds : 0.0;
        std::error_code error;
        fs::create_directories(o.bundleFolder, error);
        if (!fs::is_directory(o.bundleFolder))
            return failure("Cannot create the bundle folder \"" + o.bundleFolder + "\".");
        s.weightsPath = fs::absolute(fs::path(o.bundleFolder) / "lran.pt", error).lexically_normal().string();
        const auto weights = StateDict::of(*net).write(s.weightsPath);
        if (!weights) return failure(weights.error());
    } catch (const std::exception& e) {
        return failure("LRAN training failed: " + firstLine(e));
    }
    s.seconds = secondsSince(start);
    const auto written = writeLranTrainingOutputs(o, *set, s);
    if (!written) return failure(written.error());
    return s;
}

}  // namespace slidesight::model
