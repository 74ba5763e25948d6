#include "model/extraction/extraction.h"

#include "model/common/atomicfile.h"
#include "model/common/jsonwriter.h"
#include "model/common/sha256.h"
#include "model/extraction/extractionsetup_torch.h"
#include "model/grid/gridcache.h"
#include "model/grid/gridfile_torch.h"
#include "model/common/stopwatch.h"

#include <torch/torch.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>

namespace slidesight::model {

const char* const kExtractionCancelled = "The extraction was cancelled; no grid was written.";

namespace {

using Clock = std::chrono::steady_clock;

/// Writes the same bytes to every non-empty path, each atomically.
Expected<bool> writeEverywhere(const std::vector<char>& bytes, const std::vector<std::string>& paths) {
    for (const auto& path : paths) {
        if (path.empty()) continue;
        const auto written = writeFileAtomically(path, bytes.data(), bytes.size(), "the grid");
        if (!written) return written;
    }
    return true;
}

/// The file beside a cached grid that records the grid's SHA-256.
std::string digestPath(const std::string& gridPath) { return gridPath + ".sha256"; }

std::string hexOf(const std::vector<char>& bytes) {
    Sha256 hasher;
    hasher.update(bytes.data(), bytes.size());
    return Sha256::hex(hasher.finish());
}

/// The cached grid for `provenance` and its bytes, if the cache holds a valid one. A file that
/// is there but does not match its recorded SHA-256 (damaged, truncated, or written by a run
/// that was stopped before its digest) is never used: `damage` says why, and it is rebuilt.
std::optional<std::pair<GridFile, std::vector<char>>> cachedGrid(const std::string& path,
                                                                 const GridProvenance& provenance, std::string* damage) {
    std::error_code error;
    if (!std::filesystem::is_regular_file(path, error)) return std::nullopt;
    std::ifstream in(path, std::ios::binary);
    std::vector<char> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::ifstream digestFile(digestPath(path), std::ios::binary);
    std::string recorded;
    digestFile >> recorded;
    if (recorded.empty()) {
        *damage = "it has no recorded SHA-256";
        return std::nullopt;
    }
    if (hexOf(bytes) != recorded) {
        *damage = "it does not match its recorded SHA-256";
        return std::nullopt;
    }
    auto grid = GridFile::fromBytes(bytes, "\"" + path + "\"");
    // (However unlikely) another grid under the same name: extract again.
    if (!grid || grid->metadata.find(provenance.cacheKeyField()) == std::string::npos) return std::nullopt;
    return std::make_pair(std::move(*grid), std::move(bytes));
}

/// Records the SHA-256 of the cached grid's bytes beside it, after the grid itself: a stop
/// between the two leaves a grid without a digest, which is rebuilt, never trusted.
Expected<bool> writeDigest(const std::string& gridPath, const std::vector<char>& bytes) {
    const std::string text = hexOf(bytes) + "\n";
    return writeFileAtomically(digestPath(gridPath), text.data(), text.size(), "the grid's SHA-256");
}

void describeGrid(const GridFile& grid, ExtractionSummary& summary) {
    summary.rows = static_cast<int>(grid.rows());
    summary.columns = static_cast<int>(grid.columns());
    summary.featureCount = grid.featureCount();
    summary.tissueFraction = grid.tissue.numel() ? grid.tissue.mean().item<double>() : 0.0;
}

ExtractionSummary summaryOf(const ExtractionOptions& options, const OpenedSlide& opened) {
    ExtractionSummary s;
    s.slideMpp = opened.provenance.slideMpp.average();
    s.slideMppAssumed = opened.provenance.slideMpp.assumed();
    s.weightsSha256 = opened.provenance.weightsSha256;
    s.device = opened.device.name();
    s.batchSize = opened.device.batchSize;
    s.readerThreads = opened.device.readerThreads;
    s.torchThreads = opened.device.torchThreads;
    s.gridPath = options.outputPath;
    return s;
}

}  // namespace

Expected<ExtractionSummary> extractGrid(const ExtractionOptions& options, const ExtractionProgress& progress,
                   const std::atomic<bool>* cancel, ExtractionFailure* failureKind) {
    const auto start = Clock::now();
    ExtractionFailure ignored = ExtractionFailure::None;
    ExtractionFailure* kind = failureKind ? failureKind : &ignored;
    *kind = ExtractionFailure::None;
    auto fail = [kind](ExtractionFailure what, const std::string& message) {
        *kind = what;
        return failure(message);
    };

    const auto opened = openSlideForExtraction(options, kind);
    if (!opened) return failure(opened.error());
    ExtractionSummary summary = summaryOf(options, *opened);

    if (options.useCache) {
        const GridCache cache(options.cacheFolder);
        const auto folder = cache.ensureFolder();
        if (!folder) return fail(ExtractionFailure::Output, folder.error());
        summary.cachePath = cache.pathFor(opened->provenance.cacheKey());
        if (summary.gridPath.empty()) summary.gridPath = summary.cachePath;
        std::string damage;
        auto cached = cachedGrid(summary.cachePath, opened->provenance, &damage);
        if (!damage.empty())
            summary.cacheNotice = "The cached grid \"" + summary.cachePath + "\" was not used (" + damage +
                                  "); the features were extracted again.";
        if (cached) {
            if (summary.gridPath != summary.cachePath) {
                const auto copied = writeEverywhere(cached->second, {summary.gridPath});
                if (!copied) return fail(ExtractionFailure::Output, copied.error());
            }
            describeGrid(cached->first, summary);
            summary.fromCache = true;
            summary.extractor = jsonStringField(cached->first.metadata, "description").value_or(options.weights);
            summary.trained = jsonBoolField(cached->first.metadata, "trained").value_or(false);
            summary.seconds = secondsSince(start);
            return summary;
        }
    }

    const TorchThreadScope threads(opened->device.torchThreads);
    auto prepared = prepareGrid(options, *opened, kind);
    if (!prepared) return failure(prepared.error());
    summary.extractor = prepared->extractor->description();
    summary.trained = prepared->extractor->trained();

    const GridGeometry& geometry = prepared->geometry;
    GridFile grid;
    grid.tissue = prepared->tissue;
    grid.features =
        torch::zeros({prepared->extractor->featureCount(), geometry.rows(), geometry.columns()}, torch::kFloat32);
    grid.origin = {geometry.originX(), geometry.originY()};
    grid.cellSize = {geometry.cellLevelZeroWidth(), geometry.cellLevelZeroHeight()};

    const PatchReader reader(opened->slide, geometry, options.normalisation);
    PatchPipeline pipeline(reader, *prepared->extractor, opened->device, options.patchTransform);
    const auto runStart = Clock::now();
    const auto done = pipeline.run(prepared->cells, grid.features, progress, cancel);
    summary.extractionSeconds = secondsSince(runStart);
    if (!done)
        return fail(done.error() == kExtractionCancelled ? ExtractionFailure::Cancelled : ExtractionFailure::Slide,
                    done.error());
    if (cancel && cancel->load()) return fail(ExtractionFailure::Cancelled, kExtractionCancelled);

    GridProvenance::Outcome outcome;
    outcome.extractor = summary.extractor;
    outcome.trained = summary.trained;
    outcome.featureCount = prepared->extractor->featureCount();
    outcome.readLevel = reader.level();
    outcome.saturationThreshold = prepared->mask.saturationThreshold;
    outcome.tissueBox = prepared->mask.levelZeroBox;
    outcome.cellsExtracted = *done;
    outcome.cellsSkipped = geometry.cellCount() - *done;
    grid.metadata = opened->provenance.metadataJson(geometry, outcome);

    if (!summary.gridPath.empty()) {
        std::vector<char> bytes;
        try {
            bytes = grid.toBytes();
        } catch (const std::exception& e) {
            return fail(ExtractionFailure::Output, "Cannot serialise the grid: " + firstLine(e));
        }
        const std::string& output = options.outputPath == summary.cachePath ? std::string() : options.outputPath;
        const auto written = writeEverywhere(bytes, {summary.cachePath, output});
        if (!written) return fail(ExtractionFailure::Output, written.error());
        if (!summary.cachePath.empty()) {
            const auto digest = writeDigest(summary.cachePath, bytes);
            if (!digest) return fail(ExtractionFailure::Output, digest.error());
        }
    }
    describeGrid(grid, summary);
    summary.cellsExtracted = outcome.cellsExtracted;
    summary.cellsSkipped = outcome.cellsSkipped;
    summary.patchesPerSecond = summary.extractionSeconds > 0.0 ? *done / summary.extractionSeconds : 0.0;
    summary.seconds = secondsSince(start);
    return summary;
}

}  // namespace slidesight::model
