// evaluateBundle() and benchmarkTraining() of model/training.h.

#include "model/training/training.h"

#include "model/bundle/bundle.h"
#include "model/common/weightsorigin.h"
#include "model/extraction/inferencedevice_torch.h"
#include "model/nets/statedict_torch.h"
#include "model/training/trainingloop_torch.h"
#include "model/common/stopwatch.h"

#include <torch/torch.h>

#include <algorithm>
#include <chrono>

namespace slidesight::model {

Expected<EvaluationSummary> evaluateBundle(const EvaluationOptions& options, const std::atomic<bool>* cancel,
                                           const TrainingPreparation& preparation) {
    using Result = Expected<EvaluationSummary>;
    const auto start = std::chrono::steady_clock::now();
    const TorchThreadScope threads(trainingThreads(options.torchThreads));
    const auto bundle = readBundle(options.bundlePath);
    if (!bundle) return Result::failure(bundle.error());
    if (bundle->task != "regression" && bundle->classCount() != 2)
        return Result::failure("The bundle \"" + options.bundlePath + "\" has " + std::to_string(bundle->classCount()) +
                               " classes; evaluation measures the AUC of two classes.");
    const auto manifest = TrainingManifest::read(options.manifestPath, bundle->task);
    if (!manifest) return Result::failure(manifest.error());
    ExtractionOptions extraction = options.extraction;
    extraction.weights = bundle->extractor.weights;
    extraction.architecture = bundle->extractor.architecture;
    extraction.grid.targetMpp = bundle->extractor.mpp;
    extraction.grid.patchSize = bundle->extractor.patchSize;

    EvaluationSummary summary;
    summary.task = bundle->task;
    summary.trained = bundle->trained;
    const bool classification = bundle->task != "regression";
    summary.metricName = classification ? "auc" : "spearman";
    const auto read = loadManifestGrids(*manifest, extraction, 0, cancel, preparation);
    if (!read) return Result::failure(read.error());
    const std::vector<GridSample>& grids = *read;
    for (const ManifestItem& item : manifest->items) {
        summary.paths.push_back(item.path);
        summary.targets.push_back(item.target);
    }
    auto config = classifierConfig(bundle->classifier.attention, bundle->classifier.hidden, bundle->classifier.kernel,
                                   bundle->classifier.nonlinearity, bundle->classifier.convPadding,
                                   grids.front().features.size(0), classification);
    if (!config) return Result::failure(config.error());
    config->inputScale = bundle->classifier.inputScale;
    try {
        const auto seed = randomWeightsSeed(bundle->classifier.weights);
        if (!seed) return Result::failure(seed.error());
        if (*seed) torch::manual_seed(**seed);
        AttentionClassifier model(*config);
        if (!*seed) {
            const auto dict = StateDict::read(bundle->classifier.weights);
            if (!dict) return Result::failure(dict.error());
            const auto loaded = dict->loadInto(*model);
            if (!loaded)
                return Result::failure("The bundle's classifier does not fit its manifest and the grids: " + loaded.error());
        }
        LoopSettings settings;
        settings.classification = classification;
        settings.tissueOnly = bundle->classifier.tissueOnly;
        std::vector<const GridSample*> pointers;
        for (const GridSample& g : grids) pointers.push_back(&g);
        summary.scores = predictScores(model, pointers, settings);
    } catch (const std::exception& e) {
        return Result::failure(std::string("The evaluation failed: ") + e.what());
    }
    summary.metric = protocolMetric(classification, summary.scores, summary.targets);
    summary.seconds = secondsSince(start);
    return summary;
}

Expected<TrainingBenchmark> benchmarkTraining(int grids, int rows, int columns, int features, int epochs, int batchSize,
                                              int torchThreads, const std::atomic<bool>* cancel) {
    using Result = Expected<TrainingBenchmark>;
    if (grids < 2 || rows < 1 || columns < 1 || features < 1 || epochs < 1 || batchSize < 1)
        return Result::failure("The benchmark needs at least 2 grids and positive sizes.");
    const TorchThreadScope threads(trainingThreads(torchThreads));
    TrainingBenchmark bench;
    bench.grids = grids;
    bench.rows = rows;
    bench.columns = columns;
    bench.features = features;
    bench.batchSize = batchSize;
    bench.threads = torch::get_num_threads();
    try {
        // Non-negative random features like a ResNet's after ReLU and pooling. The grids share
        // one bank of random values (offset views), so the benchmark does not need grids x
        // K x M' x N' floats of memory.
        torch::manual_seed(1);
        const int64_t cells = int64_t{rows} * columns;
        const torch::Tensor bank = torch::rand({int64_t{features} * cells + 4096});
        std::vector<double> targets;
        for (int i = 0; i < grids; ++i) targets.push_back(i % 2);
        const SampleSource source = [&](size_t i) {
            const int64_t offset = static_cast<int64_t>((i * 131) % 4096);
            return GridSample{bank.narrow(0, offset, int64_t{features} * cells).view({features, rows, columns}),
                              torch::ones({rows, columns})};
        };
        LoopSettings settings;
        settings.batchSize = batchSize;
        bench.chunkSize = static_cast<int>(std::max<int64_t>(1, kChunkElements / (int64_t{features} * cells)));
        const auto config = classifierConfig("max+min", 64, 3, "relu", "zeros", features, true);
        AttentionClassifier model(*config);
        auto optimizer = makeOptimizer(*model, true, 1e-3, 0.9);
        std::vector<size_t> order(static_cast<size_t>(grids));
        for (size_t i = 0; i < order.size(); ++i) order[i] = i;
        for (int e = 0; e < epochs; ++e) {
            const auto start = std::chrono::steady_clock::now();
            if (!trainEpoch(model, *optimizer, order, source, targets, settings, cancel))
                return Result::failure(kTrainingCancelled);
            bench.epochSeconds.push_back(secondsSince(start));
        }
    } catch (const std::exception& e) {
        return Result::failure(std::string("The training benchmark failed: ") + e.what());
    }
    bench.secondsPerEpoch = *std::min_element(bench.epochSeconds.begin(), bench.epochSeconds.end());
    return bench;
}

}  // namespace slidesight::model
