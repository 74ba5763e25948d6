#include "model/nets/statedict_torch.h"

#include "model/common/atomicfile.h"
#include "model/nets/torchsavereader_torch.h"

#include <torch/torch.h>

#include <fstream>
#include <iterator>
#include <map>
#include <sstream>

namespace slidesight::model {

namespace {

std::string shapeText(const torch::Tensor& t) {
    std::ostringstream s;
    s << t.sizes();
    return s.str();
}

bool hasPrefix(const std::string& key, const std::vector<std::string>& prefixes) {
    for (const auto& p : prefixes)
        if (key.compare(0, p.size(), p) == 0) return true;
    return false;
}

}  // namespace

StateDict StateDict::of(const torch::nn::Module& module) {
    // named_parameters() then named_buffers() would group all buffers last; PyTorch's
    // state_dict() interleaves them module by module. Walk the modules to get its order.
    std::vector<Entry> entries;
    for (const auto& item : module.named_modules("", /*include_self=*/true)) {
        const std::string prefix = item.key().empty() ? "" : item.key() + ".";
        for (const auto& p : item.value()->named_parameters(/*recurse=*/false))
            entries.emplace_back(prefix + p.key(), p.value());
        for (const auto& b : item.value()->named_buffers(/*recurse=*/false))
            entries.emplace_back(prefix + b.key(), b.value());
    }
    return StateDict(std::move(entries));
}

Expected<StateDict> StateDict::read(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return Expected<StateDict>::failure("Cannot open the weights file \"" + path + "\".");
    std::vector<char> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    return fromBytes(bytes, "\"" + path + "\"");
}

Expected<StateDict> StateDict::fromBytes(const std::vector<char>& bytes, const std::string& what) {
    auto entries = TorchSaveReader::readTensorDict(bytes);
    if (!entries)
        return Expected<StateDict>::failure("The weights file " + what + " is not a PyTorch state dict (" +
                                            entries.error() + ").");
    return StateDict(std::move(*entries));
}

std::vector<char> StateDict::toBytes() const {
    c10::impl::GenericDict dict(c10::StringType::get(), c10::TensorType::get());
    for (const auto& [key, tensor] : entries_) dict.insert(key, tensor.detach().to(torch::kCPU).contiguous());
    return torch::pickle_save(dict);
}

Expected<bool> StateDict::write(const std::string& path) const {
    using Result = Expected<bool>;
    std::vector<char> bytes;
    try {
        bytes = toBytes();
    } catch (const std::exception& e) {
        return Result::failure(std::string("Cannot serialise the weights: ") + e.what());
    }
    return writeFileAtomically(path, bytes.data(), bytes.size(), "the weights");
}

torch::Tensor StateDict::find(const std::string& key) const {
    for (const auto& [k, t] : entries_)
        if (k == key) return t;
    return {};
}

Expected<bool> StateDict::loadInto(torch::nn::Module& module,
                                   const std::vector<std::string>& ignoredPrefixes) const {
    const StateDict target = StateDict::of(module);
    std::map<std::string, const torch::Tensor*> given;
    for (const auto& [k, t] : entries_) given[k] = &t;

    std::vector<std::string> problems;
    for (const auto& [key, tensor] : target.entries_) {
        const auto it = given.find(key);
        if (it == given.end())
            problems.push_back("missing " + key + " " + shapeText(tensor));
        else if (it->second->sizes() != tensor.sizes())
            problems.push_back(key + " is " + shapeText(*it->second) + ", expected " + shapeText(tensor));
    }
    for (const auto& [key, tensor] : entries_)
        if (!target.find(key).defined() && !hasPrefix(key, ignoredPrefixes))
            problems.push_back("unexpected " + key + " " + shapeText(tensor));
    if (!problems.empty()) {
        std::string message = "The weights do not fit this network (" + std::to_string(problems.size()) +
                               " mismatches; first: ";
        for (size_t i = 0; i < problems.size() && i < 5; ++i) message += (i ? "; " : "") + problems[i];
        return Expected<bool>::failure(message + ").");
    }
    try {
        torch::NoGradGuard noGrad;
        for (const auto& [key, tensor] : target.entries_) {
            torch::Tensor destination = tensor;  // shares storage with the module
            destination.copy_(*given[key]);
        }
    } catch (const std::exception& e) {
        return Expected<bool>::failure(std::string("Cannot copy the weights into the network: ") + e.what());
    }
    return true;
}

}  // namespace slidesight::model
