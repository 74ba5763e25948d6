#pragma once
#include "model/common/torchside.h"

#include "viewer/common/expected.h"

#include <torch/nn/module.h>
#include <torch/types.h>

#include <string>
#include <utility>
#include <vector>

namespace slidesight::model {

/// An ordered name -> tensor dictionary in the format of PyTorch's `module.state_dict()`,
/// read and written as the bytes `torch.save` / `torch.load` use (a zip archive with a pickled
/// dict), so weights move between Python and C++ without conversion.
///
/// Plain value type. Torch exceptions never leave its methods: failures come back as values.
class StateDict {
public:
    using Entry = std::pair<std::string, torch::Tensor>;

    StateDict() = default;
    explicit StateDict(std::vector<Entry> entries) : entries_(std::move(entries)) {}

    /// The parameters and buffers of a module, with their dotted names (a detached CPU copy
    /// is not made: the tensors share storage with the module).
    static StateDict of(const torch::nn::Module& module);

    /// Reads a file written by Python's `torch.save(model.state_dict(), path)` or by write().
    /// Fails with one sentence when the file is missing or not a dict of tensors.
    static Expected<StateDict> read(const std::string& path);
    /// The same from the file's bytes.
    static Expected<StateDict> fromBytes(const std::vector<char>& bytes, const std::string& what);

    /// Writes the dict (tensors moved to the CPU) so that Python's `torch.load` reads it.
    /// Writes to `path + ".partial"` first and renames, so no partial file is left behind.
    Expected<bool> write(const std::string& path) const;
    std::vector<char> toBytes() const;

    /// Copies the entries into the module's parameters and buffers. Every module key must be
    /// present with the same shape; keys starting with one of `ignoredPrefixes` (for example
    /// "fc." of a torchvision classifier loaded into a trunk) are skipped, and any other key
    /// that the module lacks is an error. The message lists the first few mismatches.
    Expected<bool> loadInto(torch::nn::Module& module,
                            const std::vector<std::string>& ignoredPrefixes = {}) const;

    const std::vector<Entry>& entries() const { return entries_; }
    size_t size() const { return entries_.size(); }
    /// The tensor named `key`, or an undefined tensor.
    torch::Tensor find(const std::string& key) const;

private:
    std::vector<Entry> entries_;
};

}  // namespace slidesight::model
