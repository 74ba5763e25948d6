#pragma once
#include "model/common/torchside.h"

// Internal to the model library: the steps that extractGrid() and benchmarkFeatures() share.

#include "model/extraction/extraction.h"
#include "model/extraction/featureextractor_torch.h"
#include "model/extraction/inferencedevice_torch.h"
#include "model/extraction/patchpipeline_torch.h"
#include "model/grid/gridprovenance.h"
#include "viewer/slide/openslidesource.h"

#include <torch/types.h>

#include <memory>
#include <string>
#include <vector>

namespace slidesight::model {

/// Stage 1, cheap: the slide opened with its µm/px settled, the device chosen and everything
/// the grid depends on (for the cache key), including the weights file's SHA-256.
struct OpenedSlide {
    std::shared_ptr<OpenSlideSource> slide;
    InferenceDevice device;
    GridProvenance provenance;
};

/// Stage 2: the extractor on its device, the tissue mask, the grid, its tissue fractions and
/// the cells to extract. Needs the caller's TorchThreadScope to be alive while it is used.
struct PreparedGrid {
    std::unique_ptr<FeatureExtractor> extractor;
    TissueMask mask;
    GridGeometry geometry;
    torch::Tensor tissue;                     ///< float32 [M', N']
    std::vector<PatchPipeline::Cell> cells;   ///< all cells, or those tissueOnlyInputCells() keeps (tissueOnly)
};

/// Both fail with one sentence and set `kind` (never null) to the failure's kind.
Expected<OpenedSlide> openSlideForExtraction(const ExtractionOptions& options, ExtractionFailure* kind);
Expected<PreparedGrid> prepareGrid(const ExtractionOptions& options, const OpenedSlide& opened, ExtractionFailure* kind);

/// The first line of an exception's message.
std::string firstLine(const std::exception& e);

}  // namespace slidesight::model
