#include "model/training.h"

#include "model/inferencedevice.h"
#include "model/metrics.h"
#include "model/sha256.h"
#include "model/statedict.h"
#include "model/trainingcheckpoint.h"
#include "model/trainingloop.h"
#include "model/trainingreport.h"
#include "model/trainingset.h"

#include <torch/torch.h>

#include <chrono>
#include <cmath>
#include <filesystem>
#include <numeric>
#include <random>

namespace slidesight::model {

const char* const kTrainingCancelled = "The training was interrupted.";

namespace {

using Result = Expected<TrainingSummary>;
namespace fs = std::filesystem;

double learningRateOf(const TrainingOptions& o) {
    if (o.learningRate > 0.0) return o.learningRate;
    return o.task == "classification" ? 1e-3 : 1e-4;
}

/// Everything that determines the result, hashed: a checkpoint only resumes the same run.
std::string fingerprint(const TrainingOptions& o, const TrainingSet& set) {
    std::string text = "slidesight-training-1|" + o.task + "|" + std::to_string(o.epochs) + "|" +
                       std::to_string(o.batchSize) + "|" + std::to_string(o.folds) + "|" + std::to_string(o.inits) +
                       "|" + o.augment + "|" + std::to_string(o.extraScale) + "|" + std::to_string(o.seed) + "|" +
                       std::to_string(learningRateOf(o)) + "|" + std::to_string(o.momentum) + "|" +
                       std::to_string(o.decayEpoch) + "|" + std::to_string(o.decayFactor) + "|" + o.attention + "|" +
                       std::to_string(o.hidden) + "|" + std::to_string(o.kernel) + "|" + o.nonlinearity + "|" +
                       std::to_string(o.tissueOnly) + "|" + o.extraction.weights + "|" +
                       std::to_string(o.extraction.grid.targetMpp) + "|" + std::to_string(o.extraction.grid.patchSize);
    for (const ManifestItem& item : set.manifest.items)
        text += "|" + item.path + "," + std::to_string(item.target) + "," + std::to_string(item.fold);
    return Sha256::hexOf(text);
}

/// The epoch's order of the training entries: a shuffle seeded by the run and the epoch, so a
/// resumed run sees the same order as an uninterrupted one.
std::vector<size_t> epochOrder(size_t count, uint64_t seed, int run, int epoch) {
    std::vector<size_t> order(count);
    std::iota(order.begin(), order.end(), size_t{0});
    std::seed_seq sequence{static_cast<uint32_t>(seed), static_cast<uint32_t>(seed >> 32), static_cast<uint32_t>(run),
                           static_cast<uint32_t>(epoch)};
    std::mt19937_64 random(sequence);
    std::shuffle(order.begin(), order.end(), random);
    return order;
}

}  // namespace

std::string checkTrainingOptions(const TrainingOptions& o) {
    if (o.task != "classification" && o.task != "regression")
        return "Unknown task \"" + o.task + "\": use classification or regression.";
    if (o.augment != "none" && o.augment != "fast" && o.augment != "exact")
        return "Unknown augmentation \"" + o.augment + "\": use none, fast or exact.";
    if (o.epochs < 1 || o.batchSize < 1 || o.chunkSize < 0 || o.inits < 1)
        return "Epochs, batch size and initialisations must be at least 1.";
    if (o.folds < 2) return "Cross-validation needs at least 2 folds.";
    if (o.learningRate < 0.0 || o.momentum < 0.0 || o.decayEpoch < 0 || o.decayFactor <= 0.0)
        return "The learning rate, momentum and decay must not be negative.";
    if (o.manifestPath.empty() || o.bundleFolder.empty()) return "A manifest and an output bundle are required.";
    const auto config = classifierConfig(o.attention, o.hidden, o.kernel, o.nonlinearity, 1, true);
    return config ? std::string() : config.error();
}

Expected<TrainingSummary> trainClassifier(const TrainingOptions& options, const TrainingProgress& progress,
                                          const std::atomic<bool>* cancel, const TrainingPreparation& preparation) {
    const auto start = std::chrono::steady_clock::now();
    const std::string problem = checkTrainingOptions(options);
    if (!problem.empty()) return Result::failure(problem);
    const TorchThreadScope threads(trainingThreads(options.torchThreads));
    const bool classification = options.task == "classification";
    auto prepared = prepareTrainingSet(options, cancel, preparation);
    if (!prepared) return Result::failure(prepared.error());
    const TrainingSet& set = *prepared;
    const auto folds = set.manifest.assignFolds(options.folds, options.seed, options.task);
    if (!folds) return Result::failure(folds.error());
    const auto config = classifierConfig(options.attention, options.hidden, options.kernel, options.nonlinearity,
                                         set.features, classification);
    if (!config) return Result::failure(config.error());

    TrainingSummary summary;
    summary.task = options.task;
    summary.metricName = classification ? "auc" : "spearman";
    summary.items = static_cast<int>(set.manifest.items.size());
    summary.augmentation = set.augmentation;
    summary.runFolder = options.runFolder.empty() ? options.bundleFolder + ".run" : options.runFolder;
    std::error_code error;
    fs::create_directories(summary.runFolder, error);
    if (!fs::is_directory(summary.runFolder))
        return Result::failure("Cannot create the run folder \"" + summary.runFolder + "\".");
    const std::string checkpointPath = (fs::path(summary.runFolder) / "checkpoint.pt").string();

    CheckpointState state;
    state.fingerprint = fingerprint(options, set);
    if (fs::exists(checkpointPath)) {
        if (!options.resume)
            return Result::failure("The run folder \"" + summary.runFolder + "\" holds the checkpoint of an earlier "
                                   "run: give --resume to continue it, or remove the folder to start again.");
        auto saved = readCheckpointState(checkpointPath);
        if (!saved) return Result::failure(saved.error());
        if (saved->fingerprint != state.fingerprint)
            return Result::failure("The checkpoint in \"" + summary.runFolder + "\" was made with other options or "
                                   "another manifest; resume with the same ones, or remove the folder.");
        state = std::move(*saved);
        summary.resumed = true;
        summary.resumedRun = state.run;
        summary.resumedEpoch = state.epochsDone;
    }

    LoopSettings settings;
    settings.classification = classification;
    settings.batchSize = options.batchSize;
    settings.chunkSize = options.chunkSize;
    settings.tissueOnly = options.tissueOnly;
    const int runs = options.folds * options.inits;
    const double baseRate = learningRateOf(options);
    try {
        for (int run = state.run; run < runs; ++run) {
            const int fold = run / options.inits, init = run % options.inits;
            // Training entries (line, variant) and the held-out lines of this fold.
            std::vector<std::pair<size_t, TrainingVariant>> entries;
            std::vector<double> targets;
            std::vector<const GridSample*> heldOut;
            std::vector<double> heldOutTargets;
            std::vector<int64_t> heldOutLines;
            for (size_t line = 0; line < set.grids.size(); ++line) {
                const double target = set.manifest.items[line].target;
                if ((*folds)[line] == fold) {
                    heldOut.push_back(&set.grids[line]);
                    heldOutTargets.push_back(target);
                    heldOutLines.push_back(static_cast<int64_t>(line));
                    continue;
                }
                for (const TrainingVariant& v : set.variants[line]) {
                    entries.emplace_back(line, v);
                    targets.push_back(target);
                }
            }
            if (run == 0 || summary.gridsPerEpoch == 0) summary.gridsPerEpoch = static_cast<int>(entries.size());
            torch::manual_seed(options.seed * 1000003ULL + static_cast<uint64_t>(init));
            AttentionClassifier model(*config);
            auto optimizer = makeOptimizer(*model, classification, baseRate, options.momentum);
            if (state.epochsDone > 0) {
                const auto loaded = loadCheckpointModel(checkpointPath, *model, *optimizer);
                if (!loaded) return Result::failure(loaded.error());
            }
            const SampleSource source = [&](size_t i) { return set.sample(entries[i].first, entries[i].second); };
            for (int epoch = state.epochsDone; epoch < options.epochs; ++epoch) {
                const auto epochStart = std::chrono::steady_clock::now();
                const bool decayed = classification && options.decayEpoch > 0 && epoch >= options.decayEpoch;
                setLearningRate(*optimizer, classification, decayed ? baseRate * options.decayFactor : baseRate);
                const auto loss = trainEpoch(model, *optimizer, epochOrder(entries.size(), options.seed, run, epoch),
                                             source, targets, settings, cancel);
                if (!loss) return Result::failure(kTrainingCancelled);
                const double metric = protocolMetric(classification, predictScores(model, heldOut, settings), heldOutTargets);
                state.losses.push_back(*loss);
                state.metrics.push_back(metric);
                state.epochsDone = epoch + 1;
                const auto written = writeCheckpoint(checkpointPath, state, *model, *optimizer);
                if (!written) return Result::failure(written.error());
                if (progress)
                    progress({run, runs, fold, init, epoch + 1, options.epochs, static_cast<int>(entries.size()), *loss,
                              metric, std::chrono::duration<double>(std::chrono::steady_clock::now() - epochStart).count()});
            }
            FinishedRun finished;
            finished.fold = fold;
            finished.init = init;
            finished.heldOut = heldOutLines;
            finished.scores = predictScores(model, heldOut, settings);
            finished.metric = protocolMetric(classification, finished.scores, heldOutTargets);
            finished.losses = state.losses;
            finished.metrics = state.metrics;
            finished.weightsPath =
                (fs::path(summary.runFolder) / ("fold" + std::to_string(fold) + "-init" + std::to_string(init) + ".pt")).string();
            const auto weights = StateDict::of(*model).write(finished.weightsPath);
            if (!weights) return Result::failure(weights.error());
            state.finished.push_back(std::move(finished));
            state.run = run + 1;
            state.epochsDone = 0;
            state.losses.clear();
            state.metrics.clear();
            const auto written = writeCheckpoint(checkpointPath, state, *model, *optimizer);
            if (!written) return Result::failure(written.error());
        }
    } catch (const std::exception& e) {
        return Result::failure(std::string("Training failed: ") + e.what());
    }

    std::vector<double> metrics;
    for (const FinishedRun& r : state.finished) {
        metrics.push_back(r.metric);
        summary.runs.push_back({r.fold, r.init, r.metric, r.losses.empty() ? 0.0 : r.losses.back(), r.weightsPath});
    }
    summary.metricMean = mean(metrics);
    summary.metricStd = sampleStd(metrics);
    summary.bestRun = 0;
    for (size_t i = 1; i < metrics.size(); ++i)
        if (metrics[i] > metrics[static_cast<size_t>(summary.bestRun)] ||
            std::isnan(metrics[static_cast<size_t>(summary.bestRun)]))
            summary.bestRun = static_cast<int>(i);
    const auto report = writeTrainingOutputs(options, set, state, summary);
    if (!report) return Result::failure(report.error());
    summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return summary;
}

}  // namespace slidesight::model
