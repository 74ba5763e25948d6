#include "model/training/trainingloop_torch.h"

#include "model/evaluation/metrics.h"
#include "model/grid/gridfile_torch.h"
#include "model/training/reusingallocator.h"

#include <torch/torch.h>

#include <algorithm>
#include <thread>

namespace slidesight::model {

namespace {

int chunkFor(const std::vector<const GridSample*>& samples, const LoopSettings& settings) {
    if (settings.chunkSize > 0) return settings.chunkSize;
    int64_t largest = 1;
    for (const GridSample* s : samples) largest = std::max(largest, s->features.numel());
    return static_cast<int>(std::max<int64_t>(1, kChunkElements / largest));
}

torch::Tensor batchLoss(const torch::Tensor& logits, const torch::Tensor& targets, bool classification) {
    if (classification) return torch::nn::functional::cross_entropy(
        logits, targets, torch::nn::functional::CrossEntropyFuncOptions().reduction(torch::kSum));
    return torch::nn::functional::mse_loss(logits.squeeze(1), targets,
                                           torch::nn::functional::MSELossFuncOptions().reduction(torch::kSum));
}

}  // namespace

int trainingThreads(int requested) {
    return requested > 0 ? requested : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
}

Expected<GridSample> readGridSample(const std::string& path) {
    const auto grid = GridFile::read(path);
    if (!grid) return Expected<GridSample>::failure(grid.error());
    return GridSample{grid->features.to(torch::kFloat32).contiguous(), grid->tissue.to(torch::kFloat32).contiguous()};
}

Expected<GridSample> loadManifestGrid(const ManifestItem& item, ExtractionOptions extraction,
                                      const std::atomic<bool>* cancel) {
    if (item.isGrid) return readGridSample(item.path);
    extraction.slidePath = item.path;
    extraction.outputPath.clear();
    extraction.useCache = true;
    const auto extracted = extractGrid(extraction, {}, cancel);
    if (!extracted) return Expected<GridSample>::failure(extracted.error());
    return readGridSample(extracted->gridPath);
}

Expected<std::vector<GridSample>> loadManifestGrids(const TrainingManifest& manifest, const ExtractionOptions& extraction,
                                                    int64_t features, const std::atomic<bool>* cancel,
                                                    const TrainingPreparation& preparation) {
    using Result = Expected<std::vector<GridSample>>;
    std::vector<GridSample> grids;
    const int total = static_cast<int>(manifest.items.size());
    for (int i = 0; i < total; ++i) {
        const ManifestItem& item = manifest.items[static_cast<size_t>(i)];
        if (cancel && cancel->load()) return Result::failure(kTrainingCancelled);
        if (preparation) preparation(i, total, item.path);
        auto grid = loadManifestGrid(item, extraction, cancel);
        if (!grid) return Result::failure((cancel && cancel->load()) ? std::string(kTrainingCancelled) : grid.error());
        if (features == 0) features = grid->features.size(0);
        if (grid->features.size(0) != features)
            return Result::failure("The grid of \"" + item.path + "\" has K = " + std::to_string(grid->features.size(0)) +
                                   " features, not " + std::to_string(features) + ": every grid must come from the same "
                                   "extractor.");
        grids.push_back(std::move(*grid));
    }
    if (preparation) preparation(total, total, {});
    return grids;
}

Expected<AttentionClassifierConfig> classifierConfig(const std::string& attention, int64_t hidden, int64_t kernel,
                                                     const std::string& nonlinearity, const std::string& padding,
                                                     int64_t features, bool classification) {
    using Config = Expected<AttentionClassifierConfig>;
    const auto sets = AttentionClassifierConfig::parseSets(attention);
    if (!sets) return Config::failure(sets.error());
    const auto activation = AttentionClassifierConfig::parseNonlinearity(nonlinearity);
    if (!activation) return Config::failure(activation.error());
    const auto convPadding = AttentionClassifierConfig::parsePadding(padding);
    if (!convPadding) return Config::failure(convPadding.error());
    if (hidden < 1 || kernel < 1 || kernel % 2 == 0 || features < 1)
        return Config::failure("The classifier needs H >= 1, K >= 1 and an odd kernel size n.");
    AttentionClassifierConfig config;
    config.features = features;
    config.hidden = hidden;
    config.kernel = kernel;
    config.outputs = classification ? 2 : 1;
    config.sets = *sets;
    config.nonlinearity = *activation;
    config.padding = *convPadding;
    return config;
}

std::unique_ptr<torch::optim::Optimizer> makeOptimizer(torch::nn::Module& module, bool classification,
                                                       double learningRate, double momentum) {
    if (classification)
        return std::make_unique<torch::optim::SGD>(module.parameters(),
                                                   torch::optim::SGDOptions(learningRate).momentum(momentum));
    return std::make_unique<torch::optim::Adam>(module.parameters(), torch::optim::AdamOptions(learningRate));
}

void setLearningRate(torch::optim::Optimizer& optimizer, bool classification, double learningRate) {
    for (auto& group : optimizer.param_groups()) {
        if (classification) static_cast<torch::optim::SGDOptions&>(group.options()).lr(learningRate);
        else static_cast<torch::optim::AdamOptions&>(group.options()).lr(learningRate);
    }
}

double learningRate(const torch::optim::Optimizer& optimizer) {
    return optimizer.param_groups().front().options().get_lr();
}

std::optional<double> trainEpoch(AttentionClassifier& model, torch::optim::Optimizer& optimizer,
                                 const std::vector<size_t>& order, const SampleSource& source,
                                 const std::vector<double>& targets, const LoopSettings& settings,
                                 const std::atomic<bool>* cancel) {
    model->train();
    const ReusingCpuAllocatorScope reuseMemory;  // every chunk allocates the same large tensors
    double lossSum = 0.0;
    const size_t batchSize = static_cast<size_t>(std::max(1, settings.batchSize));
    for (size_t start = 0; start < order.size(); start += batchSize) {
        const size_t end = std::min(order.size(), start + batchSize);
        std::vector<GridSample> samples;
        std::vector<double> batchTargets;
        for (size_t i = start; i < end; ++i) {
            samples.push_back(source(order[i]));
            batchTargets.push_back(targets[order[i]]);
        }
        std::vector<const GridSample*> pointers;
        for (const GridSample& s : samples) pointers.push_back(&s);
        const auto chunk = static_cast<size_t>(chunkFor(pointers, settings));
        const auto count = static_cast<double>(samples.size());
        optimizer.zero_grad();
        for (size_t c = 0; c < samples.size(); c += chunk) {
            if (cancel && cancel->load()) return std::nullopt;
            const size_t chunkEnd = std::min(samples.size(), c + chunk);
            const auto from = static_cast<std::ptrdiff_t>(c), to = static_cast<std::ptrdiff_t>(chunkEnd);
            const std::vector<const GridSample*> chunkSamples(pointers.begin() + from, pointers.begin() + to);
            const std::vector<double> chunkTargets(batchTargets.begin() + from, batchTargets.begin() + to);
            const GridBatch batch = makeBatch(chunkSamples, chunkTargets, settings.classification, settings.tissueOnly);
            const torch::Tensor loss = batchLoss(model->forward(batch.grids, batch.valid, batch.attend).logits, batch.targets,
                                                 settings.classification);
            (loss / count).backward();
            lossSum += loss.item<double>();
        }
        optimizer.step();
    }
    return order.empty() ? 0.0 : lossSum / static_cast<double>(order.size());
}

std::vector<double> predictScores(AttentionClassifier& model, const std::vector<const GridSample*>& samples,
                                  const LoopSettings& settings) {
    torch::NoGradGuard noGrad;
    model->eval();
    std::vector<double> scores;
    const auto chunk = static_cast<size_t>(chunkFor(samples, settings));
    for (size_t c = 0; c < samples.size(); c += chunk) {
        const size_t end = std::min(samples.size(), c + chunk);
        const std::vector<const GridSample*> part(samples.begin() + static_cast<std::ptrdiff_t>(c),
                                                  samples.begin() + static_cast<std::ptrdiff_t>(end));
        const GridBatch batch = makeBatch(part, std::vector<double>(part.size(), 0.0), settings.classification,
                                          settings.tissueOnly);
        const torch::Tensor logits = model->forward(batch.grids, batch.valid, batch.attend).logits;
        const torch::Tensor s = settings.classification ? torch::softmax(logits, 1).select(1, 1) : logits.select(1, 0);
        const torch::Tensor d = s.to(torch::kDouble).contiguous();
        scores.insert(scores.end(), d.data_ptr<double>(), d.data_ptr<double>() + d.numel());
    }
    return scores;
}

double protocolMetric(bool classification, const std::vector<double>& scores, const std::vector<double>& targets) {
    if (!classification) return spearman(scores, targets);
    std::vector<int> labels;
    for (const double t : targets) labels.push_back(t != 0.0 ? 1 : 0);
    return rocAuc(scores, labels);
}

}  // namespace slidesight::model
