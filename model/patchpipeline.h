#pragma once

#include "model/extraction.h"
#include "model/featureextractor.h"
#include "model/inferencedevice.h"
#include "model/patchreader.h"
#include "viewer/slide/expected.h"

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

    PatchPipeline(const PatchReader& reader, FeatureExtractor& extractor, const InferenceDevice& device);

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
};

}  // namespace slidesight::model
