#pragma once
#include "model/common/torchside.h"

#include "model/nets/torchsavereader_torch.h"
#include "viewer/common/expected.h"

#include <torch/types.h>

#include <string>
#include <vector>

namespace slidesight::model {

/// The results the command line writes (classification, LRAN maps): a `torch.save` file
/// holding a dict of named tensors and strings (a JSON `metadata` string, as in the grid
/// file), which Python's `torch.load` reads and TorchSaveReader::readDict reads back.
///
/// Value type; not thread-safe.
class ResultFile {
public:
    /// Adds a tensor (written as a contiguous CPU copy) or a string under `key`.
    void add(const std::string& key, const torch::Tensor& tensor);
    void add(const std::string& key, const std::string& text);

    const std::vector<TorchSaveReader::MixedEntry>& entries() const { return entries_; }

    /// Writes atomically (a ".partial" file renamed into place); `what` names the content in
    /// messages ("the classification"). Fails with one sentence.
    Expected<bool> write(const std::string& path, const std::string& what) const;

private:
    std::vector<TorchSaveReader::MixedEntry> entries_;
};

}  // namespace slidesight::model
