#include "model/extraction/extraction.h"

#include "model/extraction/extractionsetup_torch.h"
#include "model/common/stopwatch.h"

#include <torch/torch.h>

#include <chrono>

namespace slidesight::model {

namespace {

using Clock = std::chrono::steady_clock;

}  // namespace

Expected<FeatureBenchmark> benchmarkFeatures(const ExtractionOptions& options, int64_t minimumPatches, int rounds,
                                             const ExtractionProgress& progress, const std::atomic<bool>* cancel,
                                             ExtractionFailure* failure) {
    using Result = Expected<FeatureBenchmark>;
    ExtractionFailure ignored = ExtractionFailure::None;
    ExtractionFailure* kind = failure ? failure : &ignored;
    *kind = ExtractionFailure::None;
    const auto opened = openSlideForExtraction(options, kind);
    if (!opened) return Result::failure(opened.error());
    const InferenceDevice& device = opened->device;
    const TorchThreadScope threads(device.torchThreads);
    auto prepared = prepareGrid(options, *opened, kind);
    if (!prepared) return Result::failure(prepared.error());
    if (prepared->cells.empty()) return Result::failure("The grid has no cells to extract.");
    FeatureExtractor& extractor = *prepared->extractor;
    const GridGeometry& geometry = prepared->geometry;

    FeatureBenchmark bench;
    ExtractionSummary& s = bench.setup;
    s.rows = geometry.rows();
    s.columns = geometry.columns();
    s.featureCount = extractor.featureCount();
    s.extractor = extractor.description();
    s.trained = extractor.trained();
    s.slideMpp = opened->provenance.slideMpp.average();
    s.slideMppAssumed = opened->provenance.slideMpp.assumed();
    s.device = device.name();
    s.batchSize = device.batchSize;
    s.readerThreads = device.readerThreads;
    s.torchThreads = device.torchThreads;
    const PatchReader reader(opened->slide, geometry, options.normalisation);
    bench.readLevel = reader.level();
    const RectD& content = geometry.levelZeroContentRect();
    bench.contentX = content.x;
    bench.contentY = content.y;
    bench.contentWidth = content.width;
    bench.contentHeight = content.height;
    bench.originX = geometry.originX();
    bench.originY = geometry.originY();
    bench.cellWidth = geometry.cellLevelZeroWidth();
    bench.cellHeight = geometry.cellLevelZeroHeight();
    bench.backgroundRgb = opened->slide->info().backgroundRgb;

    const int p = geometry.patchSize();
    try {
        torch::manual_seed(0);
        const torch::Tensor random = torch::randn({device.batchSize, 3, p, p});
        // As in the pipeline: the batch comes from the CPU and the features go back to it.
        auto runNetwork = [&] { (void)extractor.extract(device.prepareInput(random)).to(torch::kCPU); };
        runNetwork();  // warm-up for both measurements: first-call allocations, kernel choice

        const int64_t perPass = static_cast<int64_t>(prepared->cells.size());
        bench.passes = static_cast<int>(std::max<int64_t>(1, (minimumPatches + perPass - 1) / perPass));
        bench.rounds = std::max(1, rounds);
        bench.cells = prepared->cells;
        std::vector<PatchPipeline::Cell> cells;
        for (int pass = 0; pass < bench.passes; ++pass)
            cells.insert(cells.end(), prepared->cells.begin(), prepared->cells.end());
        torch::Tensor features = torch::zeros({s.featureCount, geometry.rows(), geometry.columns()}, torch::kFloat32);
        PatchPipeline pipeline(reader, extractor, device);
        double networkSeconds = 0.0;
        for (int round = 0; round < bench.rounds; ++round) {
            const auto start = Clock::now();
            const auto done = pipeline.run(cells, features, {}, cancel);
            bench.seconds += secondsSince(start);
            if (!done) {
                *kind = done.error() == kExtractionCancelled ? ExtractionFailure::Cancelled : ExtractionFailure::Slide;
                return Result::failure(done.error());
            }
            bench.patches += *done;

            const auto networkStart = Clock::now();
            for (int64_t n = 0; n < *done; n += device.batchSize) {
                if (cancel && cancel->load()) {
                    *kind = ExtractionFailure::Cancelled;
                    return Result::failure(kExtractionCancelled);
                }
                runNetwork();
                bench.networkPatches += device.batchSize;
            }
            networkSeconds += secondsSince(networkStart);
            if (progress) progress(round + 1, bench.rounds);
        }
        bench.patchesPerSecond = bench.patches / bench.seconds;
        bench.networkPatchesPerSecond = bench.networkPatches / networkSeconds;

        // The two tile readers on the same cells, one thread each, each on a fresh handle so
        // that neither starts with the other's cache.
        std::vector<float> chw(static_cast<size_t>(3 * p * p));
        for (const TileReader tileReader : {TileReader::OpenSlide, TileReader::Direct}) {
            auto fresh = OpenSlideSource::open(options.slidePath);
            if (!fresh) return Result::failure(fresh.error());
            (*fresh)->setTileReader(tileReader);
            if (tileReader == TileReader::Direct) bench.directReaderCovers = (*fresh)->readsDirectly(reader.level());
            const PatchReader alone(*fresh, geometry, options.normalisation);
            const auto start = Clock::now();
            for (const PatchPipeline::Cell& cell : cells) {
                if (cancel && cancel->load()) {
                    *kind = ExtractionFailure::Cancelled;
                    return Result::failure(kExtractionCancelled);
                }
                const auto read = alone.readNormalised(cell.first, cell.second, chw.data());
                if (!read) return Result::failure(read.error());
            }
            const double rate = static_cast<double>(cells.size()) / secondsSince(start);
            (tileReader == TileReader::Direct ? bench.directReadPatchesPerSecond : bench.openSlideReadPatchesPerSecond) = rate;
        }
        bench.readPatches = static_cast<int64_t>(cells.size());
    } catch (const std::exception& e) {
        *kind = ExtractionFailure::Options;
        return Result::failure("The feature extractor failed: " + firstLine(e));
    }
    return bench;
}

}  // namespace slidesight::model
