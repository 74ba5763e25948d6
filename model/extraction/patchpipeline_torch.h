#pragma once
#include "model/common/torchside.h"

#include "model/extraction/extraction.h"
#include "model/extraction/featureextractor_torch.h"
#include "model/extraction/inferencedevice_torch.h"
#include "model/extraction/patchreader.h"
#include "model/extraction/patchtransform.h"
#include "viewer/common/expected.h"

#include <torch/types.h>

#include <atomic>
#include <cstdint>
#include <utility>
#include <vector>

namespace slidesight::model {

/// Runs grid cells through the feature extractor with reading and inference overlapped
/// (spec, GFE step 4): a small pool of std::threads reads and normalises patches straight into
/// a ring of batch buffers (a bounded queue: readers wait when every buffer is full), while the
/// calling thread runs each complete batch through the network in order.
///
/// One run at a time; run() must be called on the thread that owns the extractor.
class PatchPipeline {
public:
    using Cell = std::pair<int, int>;  ///< (row, column)

    /// Batch buffers in the ring: one being run, the others being filled.
    static constexpr int kBuffers = 3;

    /// `transform` flips or rotates each patch before the extractor (exact augmentation); the
    /// features still go to the patch's own cell.
    PatchPipeline(const PatchReader& reader, FeatureExtractor& extractor, const InferenceDevice& device,
                  PatchTransform transform = PatchTransform::None);

    /// Extracts `cells` and writes cell (r, c)'s features to features[:, r, c] (`features` is a
    /// contiguous CPU float32 [K, M', N'] tensor). `progress` gets (cells done, cells.size())
    /// after every batch; `cancel` is checked between batches. Returns the cells done, or one
    /// sentence on a read or network failure, or kExtractionCancelled.
    Expected<int64_t> run(const std::vector<Cell>& cells, torch::Tensor& features,
                          const ExtractionProgress& progress, const std::atomic<bool>* cancel);

private:
    const PatchReader& reader_;
    FeatureExtractor& extractor_;
    InferenceDevice device_;
    PatchTransform transform_;
};

/// Flips or turns clockwise the last two dimensions (rows, columns) of `x`, e.g. patches
/// [B, 3, p, p] or grids [K, M', N']: torch::flip, or torch::rot90 with k = -1 per quarter turn.
torch::Tensor transformPlanes(const torch::Tensor& x, PatchTransform transform);

}  // namespace slidesight::model
