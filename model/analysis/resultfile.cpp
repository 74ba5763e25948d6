#include "model/analysis/resultfile_torch.h"

#include "model/common/atomicfile.h"
#include "model/common/exceptiontext.h"

#include <torch/torch.h>

namespace slidesight::model {

void ResultFile::add(const std::string& key, const torch::Tensor& tensor) {
    entries_.emplace_back(key, tensor.detach().to(torch::kCPU).contiguous());
}

void ResultFile::add(const std::string& key, const std::string& text) {
    entries_.emplace_back(key, text);
}

Expected<bool> ResultFile::write(const std::string& path, const std::string& what) const {
    std::vector<char> bytes;
    try {
        c10::impl::GenericDict dict(c10::StringType::get(), c10::AnyType::get());
        for (const auto& [key, value] : entries_) {
            if (const auto* tensor = std::get_if<torch::Tensor>(&value)) dict.insert(key, *tensor);
            else dict.insert(key, std::get<std::string>(value));
        }
        bytes = torch::pickle_save(dict);
    } catch (const std::exception& e) {
        return Expected<bool>::failure("Cannot serialise " + what + ": " + firstLine(e));
    }
    return writeFileAtomically(path, bytes.data(), bytes.size(), what);
}

}  // namespace slidesight::model
