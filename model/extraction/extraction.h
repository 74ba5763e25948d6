#pragma once

// The feature-extraction pipeline behind a header with plain standard types only: no Torch,
// no Qt. The command line and the GUI (Qt) call it; its implementation (Torch) lives in
// extraction.cpp, so Torch headers never share a translation unit with Qt's.

#include "model/extraction/patchreader.h"
#include "model/extraction/patchtransform.h"
#include "model/grid/gridgeometry.h"
#include "model/grid/tissuedetector.h"
#include "viewer/common/expected.h"

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace slidesight::model {

/// What to extract and how (spec, "Grid-based feature extraction").
struct ExtractionOptions {
    std::string slidePath;
    /// µm/px to use for a slide that records none (or to override its own); 0 uses the
    /// slide's. Values given here are recorded as assumed.
    double slideMpp = 0.0;
    /// slideMpp only for a slide that records none, never overriding (a manifest's slides).
    bool slideMppOnlyWhenMissing = false;
    std::string weights = "random:1";  ///< random:SEED, a torchvision .pth or a TorchScript file
    std::string architecture = "resnet34";  ///< resnet34 or resnet18 (ignored for TorchScript)
    GridParameters grid;                ///< target µm/px (2.0), p (224), origin shift
    Normalisation normalisation;        ///< the extractor's mean/std (ImageNet's by default)
    TissueParameters tissue;
    /// Cells without tissue are not read nor run through the network (features 0, tissue 0).
    /// Off by default: the paper extracts every cell of the tissue bounding box.
    bool tissueOnly = false;
    /// Flip or rotate every patch before the extractor (exact augmentation; the features stay
    /// at their cell: transformGrid moves them). Recorded in the grid, so the cache keeps
    /// each transform apart.
    PatchTransform patchTransform = PatchTransform::None;
    std::string device = "auto";        ///< auto (CUDA when available), cpu or cuda
    int batchSize = 0;                  ///< 0: the device's default (see extraction.cpp)
    int readerThreads = 0;              ///< patch-reading threads; 0: picked from the cores
    int torchThreads = 0;               ///< Torch intra-op threads on the CPU; 0: cores minus one
    std::string outputPath;             ///< where to write the grid; empty: only the cache
    bool useCache = true;               ///< reuse and fill the grid cache
    std::string cacheFolder;            ///< empty: GridCache::defaultFolder()
    std::string programVersion;         ///< recorded in the metadata and the cache key
};

/// What an extraction did.
struct ExtractionSummary {
    std::string gridPath;       ///< the file holding the grid: outputPath, else the cache file
    std::string cachePath;      ///< the cache file; empty when the cache was not used
    bool fromCache = false;     ///< true: a cached grid was reused and nothing was extracted
    std::string cacheNotice;    ///< why a cached grid that was there was not used (damaged), or ""
    int rows = 0;               ///< M'
    int columns = 0;            ///< N'
    int64_t featureCount = 0;   ///< K
    int64_t cellsExtracted = 0; ///< cells read and run through the network
    int64_t cellsSkipped = 0;   ///< background cells left out by tissueOnly (beyond the ring the 3DCL needs)
    double tissueFraction = 0.0;  ///< mean tissue fraction of the cells
    std::string extractor;      ///< description, e.g. "resnet34 random:1 (untrained)"
    bool trained = false;       ///< false: the features come from untrained weights
    std::string weightsSha256;  ///< of the weights file; empty for random weights
    double slideMpp = 0.0;      ///< the level-0 µm/px used
    bool slideMppAssumed = false;
    std::string device;         ///< "cpu" or "cuda"
    int batchSize = 0;
    int readerThreads = 0;
    int torchThreads = 0;
    double seconds = 0.0;            ///< the whole call
    double extractionSeconds = 0.0;  ///< reading and running the cells (0 from the cache)
    double patchesPerSecond = 0.0;   ///< cellsExtracted / extractionSeconds
};

/// Called on the calling thread after every batch: cells done so far, cells to do.
using ExtractionProgress = std::function<void(int64_t done, int64_t total)>;

/// The message of an extraction stopped through its cancellation token.
extern const char* const kExtractionCancelled;

/// Why an extraction failed, for callers that add advice of their own (the command line
/// names its --slide-mpp option for MppUnknown).
enum class ExtractionFailure {
    None,
    Slide,       ///< the slide cannot be opened or read
    MppUnknown,  ///< the slide records no µm/px and none was given
    NoTissue,    ///< tissue detection found nothing
    Weights,     ///< the weights are missing, unreadable or do not fit
    Options,     ///< a parameter is out of range or the device is unavailable
    Output,      ///< the grid or the cache folder cannot be written
    Cancelled,   ///< stopped through the cancellation token
};

/// Extracts a slide's feature grid, or returns the cached one. `cancel` (may be null) is
/// checked between batches; a cancelled or failed run writes no file and leaves no partial
/// file. Fails with one sentence and, if `failure` is given, its kind. Call it from one
/// thread at a time (it sets Torch's thread count for its duration).
Expected<ExtractionSummary> extractGrid(const ExtractionOptions& options, const ExtractionProgress& progress = {},
                                        const std::atomic<bool>* cancel = nullptr,
                                        ExtractionFailure* failure = nullptr);

/// End-to-end extraction throughput and, in the same run with the same extractor, device,
/// batch size and Torch threads, the bare network's throughput on random tensors.
struct FeatureBenchmark {
    int64_t patches = 0;             ///< cells read and run end to end, all rounds
    int passes = 0;                  ///< times the grid's cells were run in each round
    int rounds = 0;
    double seconds = 0.0;
    double patchesPerSecond = 0.0;
    int64_t networkPatches = 0;
    double networkPatchesPerSecond = 0.0;
    ExtractionSummary setup;         ///< grid size, device, batch, threads, extractor (nothing written)
    /// The grid, so that a baseline can read the very same cells: the pyramid level read, the
    /// content rectangle and cell (0, 0)'s level-0 rectangle (the others follow by the cell size).
    int readLevel = 0;
    double contentX = 0.0, contentY = 0.0, contentWidth = 0.0, contentHeight = 0.0;
    double originX = 0.0, originY = 0.0, cellWidth = 0.0, cellHeight = 0.0;
    uint32_t backgroundRgb = 0xFFFFFF;
    std::vector<std::pair<int, int>> cells;  ///< (row, column) of one pass
    /// Reading alone (patches read, resampled and normalised, no network), one thread, each
    /// reader on a fresh slide handle: OpenSlide's and the direct JPEG tile reader's.
    int64_t readPatches = 0;
    double openSlideReadPatchesPerSecond = 0.0;
    double directReadPatchesPerSecond = 0.0;
    bool directReaderCovers = false;  ///< the level read is decoded by the direct reader
};

/// After one warm-up batch of the network, `rounds` times: the extraction of `options` over
/// the grid's cells, repeated until at least `minimumPatches` were run, then the network alone
/// on as many patches. Alternating spreads the machine's other load over both figures; the
/// totals over all rounds are reported. Writes no file. `progress` gets (rounds done, rounds);
/// `cancel` and `failure` as for extractGrid().
Expected<FeatureBenchmark> benchmarkFeatures(const ExtractionOptions& options, int64_t minimumPatches, int rounds,
                                             const ExtractionProgress& progress = {},
                                             const std::atomic<bool>* cancel = nullptr,
                                             ExtractionFailure* failure = nullptr);

}  // namespace slidesight::model
