#include "model/training/training.h"

#include "model/common/sha256.h"
#include "model/evaluation/metrics.h"
#include "model/extraction/inferencedevice_torch.h"
#include "model/nets/statedict_torch.h"
#include "model/training/trainingcheckpoint_torch.h"
#include "model/training/trainingloop_torch.h"
#include "model/training/trainingreport_torch.h"
#include "model/training/trainingset_torch.h"
#include "model/common/stopwatch.h"

#include <torch/torch.h>

#include <chrono>
#include <cmath>
#include <filesystem>
#include <numeric>
#include <random>

namespace slidesight::model {

const char* const kTrainingCancelled = "The training was interrupted.";

namespace {

namespace fs = std::filesystem;

double learningRateOf(const TrainingOptions& o) {
    if (o.learningRate > 0.0) return o.learningRate;
    return trainingOptimizer(o) == "sgd" ? 1e-3 : 1e-4;
}

/// 1 / the mean feature over every cell of the training grids (the automatic input scale).
double meanFeatureScale(const TrainingSet& set) {
    double sum = 0.0;
    int64_t count = 0;
    for (const GridSample& g : set.grids) {
        sum += g.features.to(torch::kDouble).sum().item<double>();
        count += g.features.numel();
    }
    const double mean = count > 0 ? sum / static_cast<double>(count) : 0.0;
    return std::isfinite(mean) && mean > 0.0 ? 1.0 / mean : 1.0;
}

/// Everything that determines the result, hashed: a checkpoint only resumes the same run. The
/// augmentation and extra scale as resolved ("auto" gives the same run as its choice given by
/// name); exact mode is marked as re-extracting pixel flips and rotations, which it did not
/// always do, so older exact checkpoints are not resumed.
std::string fingerprint(const TrainingOptions& o, const TrainingSet& set) {
    const std::string augment = set.augment == "exact" ? "exact-pixels" : set.augment;
    std::string text = "slidesight-training-1|" + o.task + "|" + std::to_string(o.epochs) + "|" +
                       std::to_string(o.batchSize) + "|" + std::to_string(o.folds) + "|" + std::to_string(o.inits) +
                       "|" + augment + "|" + std::to_string(int{set.extraScale}) + "|" + std::to_string(o.seed) + "|" +
                       std::to_string(learningRateOf(o)) + "|" + std::to_string(o.momentum) + "|" +
                       std::to_string(o.decayEpoch) + "|" + std::to_string(o.decayFactor) + "|" + o.attention + "|" +
                       std::to_string(o.hidden) + "|" + std::to_string(o.kernel) + "|" + o.nonlinearity + "|" + o.convPadding + "|" +
                       trainingOptimizer(o) + "|" + std::to_string(o.inputScale) + "|" +
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

/// Scores every run's classifier on the test manifest (grid files, or slides extracted like the
/// training manifest's, without augmentation): per run the scores and the metric, then their
/// mean (std), into `summary`.
Expected<bool> scoreTestManifest(const TrainingOptions& options, const TrainingSet& set,
                                 const AttentionClassifierConfig& config, const LoopSettings& settings,
                                 const std::atomic<bool>* cancel, const TrainingPreparation& preparation,
                                 TrainingSummary& summary) {
    using Scored = Expected<bool>;
    const auto manifest = TrainingManifest::read(options.testManifestPath, options.task);
    if (!manifest) return Scored::failure("The test manifest: " + manifest.error());
    bool trainingSlides = false, testSlides = false;
    for (const ManifestItem& item : set.manifest.items) trainingSlides = trainingSlides || !item.isGrid;
    for (const ManifestItem& item : manifest->items) testSlides = testSlides || !item.isGrid;
    if (testSlides && !trainingSlides && !options.extractorGiven)
        return Scored::failure("The test manifest names slides but the training grids were extracted elsewhere: give "
                               "--weights (and --arch, --mpp) as they were extracted.");
    const auto grids = loadManifestGrids(*manifest, options.extraction, set.features, cancel, preparation);
    if (!grids) return Scored::failure(grids.error());
    std::vector<const GridSample*> pointers;
    for (const GridSample& g : *grids) pointers.push_back(&g);
    summary.testManifest = fs::absolute(options.testManifestPath).lexically_normal().string();  // compared by --compare
    for (const ManifestItem& item : manifest->items) {
        summary.testPaths.push_back(item.path);
        summary.testTargets.push_back(item.target);
    }
    std::vector<double> metrics;
    for (TrainingRunResult& run : summary.runs) {
        AttentionClassifier model(config);
        const auto dict = StateDict::read(run.weightsPath);
        if (!dict) return Scored::failure(dict.error());
        const auto loaded = dict->loadInto(*model);
        if (!loaded) return Scored::failure(loaded.error());
        run.testScores = predictScores(model, pointers, settings);
        run.testMetric = protocolMetric(settings.classification, run.testScores, summary.testTargets);
        metrics.push_back(run.testMetric);
    }
    summary.testMean = mean(metrics);
    summary.testStd = sampleStd(metrics);
    return true;
}

}  // namespace

Check checkTrainingOptions(const TrainingOptions& o) {
    if (o.task != "classification" && o.task != "regression")
        return Check::failure("Unknown task \"" + o.task + "\": use classification or regression.");
    if (o.augment != "auto" && o.augment != "none" && o.augment != "fast" && o.augment != "exact")
        return Check::failure("Unknown augmentation \"" + o.augment + "\": use auto, none, fast or exact.");
    if (o.extraScale != "auto" && o.extraScale != "on" && o.extraScale != "off")
        return Check::failure("Unknown extra-scale setting \"" + o.extraScale + "\": use auto, on or off.");
    if (o.epochs < 1 || o.batchSize < 1 || o.chunkSize < 0 || o.inits < 1)
        return Check::failure("Epochs, batch size and initialisations must be at least 1.");
    if (o.folds < 2) return Check::failure("Cross-validation needs at least 2 folds.");
    if (o.learningRate < 0.0 || o.momentum < 0.0 || o.decayEpoch < 0 || o.decayFactor <= 0.0)
        return Check::failure("The learning rate, momentum and decay must not be negative.");
    if (o.manifestPath.empty() || o.bundleFolder.empty())
        return Check::failure("A manifest and an output bundle are required.");
    if (!o.optimizer.empty() && o.optimizer != "sgd" && o.optimizer != "adam")
        return Check::failure("Unknown optimiser \"" + o.optimizer + "\": use sgd or adam.");
    if (!std::isfinite(o.inputScale) || o.inputScale < 0.0)
        return Check::failure("The input scale must be a positive number, or 0 for automatic.");
    const auto config = classifierConfig(o.attention, o.hidden, o.kernel, o.nonlinearity, o.convPadding, 1, true);
    if (!config) return Check::failure(config.error());
    return true;
}

std::string trainingOptimizer(const TrainingOptions& o) {
    if (!o.optimizer.empty()) return o.optimizer;
    return o.task == "classification" ? "sgd" : "adam";
}

double epochLearningRate(const TrainingOptions& o, int epoch) {
    const bool decayed = o.task == "classification" && o.decayEpoch > 0 && epoch >= o.decayEpoch;
    return decayed ? learningRateOf(o) * o.decayFactor : learningRateOf(o);
}

Expected<TrainingSummary> trainClassifier(const TrainingOptions& options, const TrainingProgress& progress,
                                          const std::atomic<bool>* cancel, const TrainingPreparation& preparation) {
    const auto start = std::chrono::steady_clock::now();
    if (const Check valid = checkTrainingOptions(options); !valid) return failure(valid.error());
    const TorchThreadScope threads(trainingThreads(options.torchThreads));
    const bool classification = options.task == "classification";
    auto prepared = prepareTrainingSet(options, cancel, preparation);
    if (!prepared) return failure(prepared.error());
    const TrainingSet& set = *prepared;
    if (!options.testManifestPath.empty()) {  // fail before training, not after
        const auto test = TrainingManifest::read(options.testManifestPath, options.task);
        if (!test) return failure("The test manifest: " + test.error());
    }
    const auto folds = set.manifest.assignFolds(options.folds, options.seed, options.task);
    if (!folds) return failure(folds.error());
    auto config = classifierConfig(options.attention, options.hidden, options.kernel, options.nonlinearity,
                                   options.convPadding, set.features, classification);
    if (!config) return failure(config.error());
    config->inputScale = options.inputScale > 0.0 ? options.inputScale : meanFeatureScale(set);

    TrainingSummary summary;
    summary.task = options.task;
    summary.metricName = classification ? "auc" : "spearman";
    summary.items = static_cast<int>(set.manifest.items.size());
    summary.augment = set.augment;
    summary.extraScale = set.extraScale;
    summary.augmentation = set.augmentation;
    summary.optimizer = trainingOptimizer(options);
    summary.inputScale = config->inputScale;
    summary.runFolder = options.runFolder.empty() ? options.bundleFolder + ".run" : options.runFolder;
    auto started = startRunCheckpoint(summary.runFolder, "checkpoint.pt", fingerprint(options, set), options.resume,
                                      "another manifest");
    if (!started) return failure(started.error());
    const std::string checkpointPath = started->path;
    CheckpointState state = std::move(started->state);
    if (started->resumed) {
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
            auto optimizer = makeOptimizer(*model, summary.optimizer == "sgd", learningRateOf(options), options.momentum);
            if (state.epochsDone > 0) {
                const auto loaded = loadCheckpointModel(checkpointPath, *model, *optimizer);
                if (!loaded) return failure(loaded.error());
            }
            const SampleSource source = [&](size_t i) { return set.sample(entries[i].first, entries[i].second); };
            for (int epoch = state.epochsDone; epoch < options.epochs; ++epoch) {
                const auto epochStart = std::chrono::steady_clock::now();
                setLearningRate(*optimizer, summary.optimizer == "sgd", epochLearningRate(options, epoch));
                const auto loss = trainEpoch(model, *optimizer, epochOrder(entries.size(), options.seed, run, epoch),
                                             source, targets, settings, cancel);
                if (!loss) return failure(kTrainingCancelled);
                const double metric = protocolMetric(classification, predictScores(model, heldOut, settings), heldOutTargets);
                state.losses.push_back(*loss);
                state.metrics.push_back(metric);
                state.epochsDone = epoch + 1;
                const auto written = writeCheckpoint(checkpointPath, state, *model, *optimizer);
                if (!written) return failure(written.error());
                if (progress)
                    progress({run, runs, fold, init, epoch + 1, options.epochs, static_cast<int>(entries.size()),
                              learningRate(*optimizer), *loss, metric,
                              secondsSince(epochStart)});
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
            if (!weights) return failure(weights.error());
            state.finished.push_back(std::move(finished));
            state.run = run + 1;
            state.epochsDone = 0;
            state.losses.clear();
            state.metrics.clear();
            const auto written = writeCheckpoint(checkpointPath, state, *model, *optimizer);
            if (!written) return failure(written.error());
        }
    } catch (const std::exception& e) {
        return failure(std::string("Training failed: ") + e.what());
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
    if (!options.testManifestPath.empty()) {
        try {
            const auto tested = scoreTestManifest(options, set, *config, settings, cancel, preparation, summary);
            if (!tested) return failure(tested.error());
        } catch (const std::exception& e) {
            return failure(std::string("Scoring the test manifest failed: ") + e.what());
        }
    }
    const auto report = writeTrainingOutputs(options, set, state, summary);
    if (!report) return failure(report.error());
    summary.seconds = secondsSince(start);
    return summary;
}

}  // namespace slidesight::model
