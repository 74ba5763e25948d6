#include "model/extraction/patchpipeline_torch.h"
#include "model/common/exceptiontext.h"

#include <torch/torch.h>

#include <algorithm>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

namespace slidesight::model {

namespace {

/// The ring of batch buffers shared by the readers and the network thread. Batch b lives in
/// buffer b % kBuffers once the network has finished batch b - kBuffers.
class BatchRing {
public:
    BatchRing(int64_t cells, int batchSize, int64_t patchFloats, bool pinned) : cells_(cells), batchSize_(batchSize) {
        auto options = torch::TensorOptions().dtype(torch::kFloat32).pinned_memory(pinned);
        for (int i = 0; i < PatchPipeline::kBuffers; ++i) {
            buffers_[i].data = torch::empty({batchSize, patchFloats}, options);
            buffers_[i].batch = i;
        }
    }

    int64_t batchCount() const { return (cells_ + batchSize_ - 1) / batchSize_; }
    int batchSize(int64_t batch) const {
        return static_cast<int>(std::min<int64_t>(batchSize_, cells_ - batch * batchSize_));
    }

    /// Reader side: waits until batch `batch`'s buffer is free; returns where patch `slot` of it
    /// goes, or nullptr when the run stops.
    float* waitForSlot(int64_t batch, int slot) {
        std::unique_lock<std::mutex> lock(mutex_);
        Buffer& b = buffers_[batch % PatchPipeline::kBuffers];
        changed_.wait(lock, [&] { return stopped_ || b.batch == batch; });
        if (stopped_) return nullptr;
        return b.data.data_ptr<float>() + slot * b.data.size(1);
    }
    void slotFilled(int64_t batch) {
        std::lock_guard<std::mutex> lock(mutex_);
        ++buffers_[batch % PatchPipeline::kBuffers].filled;
        changed_.notify_all();
    }

    /// Network side: waits until batch `batch` is complete; an undefined tensor when the run stops.
    torch::Tensor waitForBatch(int64_t batch) {
        std::unique_lock<std::mutex> lock(mutex_);
        Buffer& b = buffers_[batch % PatchPipeline::kBuffers];
        const int size = batchSize(batch);
        changed_.wait(lock, [&] { return stopped_ || (b.batch == batch && b.filled == size); });
        if (stopped_) return {};
        return b.data.narrow(0, 0, size);
    }
    void release(int64_t batch) {
        std::lock_guard<std::mutex> lock(mutex_);
        Buffer& b = buffers_[batch % PatchPipeline::kBuffers];
        b.filled = 0;
        b.batch = batch + PatchPipeline::kBuffers;
        changed_.notify_all();
    }

    /// Stops everyone; the first error message is kept.
    void stop(const std::string& error = {}) {
        std::lock_guard<std::mutex> lock(mutex_);
        if (!error.empty() && error_.empty()) error_ = error;
        stopped_ = true;
        changed_.notify_all();
    }
    std::string error() {
        std::lock_guard<std::mutex> lock(mutex_);
        return error_;
    }

private:
    struct Buffer {
        torch::Tensor data;  // [batchSize, 3 * p * p] float32
        int64_t batch = 0;   // the batch this buffer takes now
        int filled = 0;
    };
    const int64_t cells_;
    const int batchSize_;
    Buffer buffers_[PatchPipeline::kBuffers];
    std::mutex mutex_;
    std::condition_variable changed_;
    bool stopped_ = false;
    std::string error_;
};

}  // namespace

torch::Tensor transformPlanes(const torch::Tensor& x, PatchTransform transform) {
    const int64_t rows = x.dim() - 2, columns = x.dim() - 1;
    switch (transform) {
    case PatchTransform::None: return x;
    case PatchTransform::FlipHorizontal: return x.flip({columns});
    case PatchTransform::FlipVertical: return x.flip({rows});
    case PatchTransform::Rotate90: return torch::rot90(x, -1, {rows, columns});
    case PatchTransform::Rotate180: return torch::rot90(x, -2, {rows, columns});
    case PatchTransform::Rotate270: return torch::rot90(x, -3, {rows, columns});
    }
    return x;
}

PatchPipeline::PatchPipeline(const PatchReader& reader, FeatureExtractor& extractor, const InferenceDevice& device,
                             PatchTransform transform)
    : reader_(reader), extractor_(extractor), device_(device), transform_(transform) {}

Expected<int64_t> PatchPipeline::run(const std::vector<Cell>& cells, torch::Tensor& features,
                                     const ExtractionProgress& progress, const std::atomic<bool>* cancel) {
    using Result = Expected<int64_t>;
    const int64_t total = static_cast<int64_t>(cells.size());
    if (total == 0) return int64_t{0};
    const int p = reader_.geometry().patchSize();
    const int batchSize = std::max(1, device_.batchSize);
    BatchRing ring(total, batchSize, int64_t{3} * p * p, device_.device.is_cuda());

    // Readers claim cells in order, so batches complete roughly in order too.
    std::atomic<int64_t> next{0};
    auto readCell = [&](int64_t i) {
        float* slot = ring.waitForSlot(i / batchSize, static_cast<int>(i % batchSize));
        if (!slot) return false;
        const Cell& cell = cells[static_cast<size_t>(i)];
        const auto read = reader_.readNormalised(cell.first, cell.second, slot);
        if (!read) {
            ring.stop(read.error());
            return false;
        }
        ring.slotFilled(i / batchSize);
        return true;
    };
    auto readLoop = [&] {
        for (int64_t i = next.fetch_add(1); i < total && readCell(i); i = next.fetch_add(1)) {
        }
    };
    // When the readers fall behind (other load on the machine), the network thread reads the
    // rest of the batch it waits for itself instead of idling. Only cells of that batch: its
    // buffer is already assigned, so this never waits on a buffer only this thread can free.
    auto helpWith = [&](int64_t batch) {
        const int64_t end = std::min(total, (batch + 1) * batchSize);
        for (int64_t i = next.load(); i < end; i = next.load())
            if (next.compare_exchange_weak(i, i + 1) && !readCell(i)) return;
    };
    std::vector<std::thread> readers;
    const int readerCount = static_cast<int>(std::clamp<int64_t>(device_.readerThreads, 1, total));
    for (int i = 0; i < readerCount; ++i) readers.emplace_back(readLoop);

    const int64_t rows = features.size(1), columns = features.size(2), featureCount = features.size(0);
    float* out = features.data_ptr<float>();
    int64_t done = 0;
    std::string failure;
    for (int64_t b = 0; b < ring.batchCount(); ++b) {
        if (cancel && cancel->load()) {
            failure = kExtractionCancelled;
            break;
        }
        helpWith(b);
        const torch::Tensor flat = ring.waitForBatch(b);
        if (!flat.defined()) break;  // a reader failed
        try {
            torch::Tensor input = device_.prepareInput(flat.view({flat.size(0), 3, p, p}));
            if (transform_ != PatchTransform::None)  // on the device, in the extractor's memory format
                input = transformPlanes(input, transform_)
                            .contiguous(device_.channelsLast ? torch::MemoryFormat::ChannelsLast
                                                             : torch::MemoryFormat::Contiguous);
            const torch::Tensor result = extractor_.extract(input).to(torch::kCPU, torch::kFloat32).contiguous();
            if (result.dim() != 2 || result.size(1) != featureCount)
                throw std::runtime_error("the extractor gave features of an unexpected shape");
            const float* r = result.data_ptr<float>();
            for (int64_t k = 0; k < result.size(0); ++k) {
                const Cell& cell = cells[static_cast<size_t>(b * batchSize + k)];
                float* target = out + cell.first * columns + cell.second;
                for (int64_t f = 0; f < featureCount; ++f) target[f * rows * columns] = r[k * featureCount + f];
            }
            done += result.size(0);
        } catch (const std::exception& e) {
            failure = "The feature extractor failed: " + firstLine(e);
            break;
        }
        ring.release(b);
        if (progress) progress(done, total);
    }
    ring.stop(failure);
    for (auto& reader : readers) reader.join();
    const std::string error = ring.error();
    if (!error.empty()) return Result::failure(error);
    return done;
}

}  // namespace slidesight::model
