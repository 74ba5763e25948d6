#pragma once
#include "model/common/torchside.h"

#include "viewer/common/expected.h"

#include <torch/types.h>

#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace slidesight::model {

/// Reads a dict of named tensors from the bytes of a `torch.save` file (the zip format of
/// PyTorch 1.6 and later), such as `torch.save(model.state_dict(), path)`.
///
/// Why not torch::pickle_load: LibTorch's unpickler turns `collections.OrderedDict`, the type
/// of every Python state dict, into None, so it cannot read what torchvision users have. This
/// reader interprets the small part of the pickle language that a dict of tensors uses (dicts,
/// ordered dicts and their `_metadata`, tuples, lists, numbers, strings, tensors rebuilt from
/// storages) and refuses anything else, which also means a weights file can never run code.
///
/// Stateless; thread-safe.
class TorchSaveReader {
public:
    using Entry = std::pair<std::string, torch::Tensor>;
    /// A value of a dict that mixes tensors and strings (a grid file's JSON metadata).
    using DictValue = std::variant<torch::Tensor, std::string>;
    using MixedEntry = std::pair<std::string, DictValue>;

    /// The top-level dict's string keys and tensor values, in file order. Fails with a message
    /// for a file that is not a torch.save zip archive or whose top level is not such a dict.
    static Expected<std::vector<Entry>> readTensorDict(const std::vector<char>& bytes);
    /// The same for a dict whose values are tensors or strings.
    static Expected<std::vector<MixedEntry>> readDict(const std::vector<char>& bytes);
};

}  // namespace slidesight::model
