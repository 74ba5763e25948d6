#include "model/analysis/resultmaps.h"
#include "model/analysis/layerids.h"

#include "model/nets/torchsavereader_torch.h"
#include "model/common/exceptiontext.h"

#include <torch/torch.h>

#include <fstream>
#include <iterator>
#include <limits>
#include <map>

namespace slidesight::model {

namespace {

/// File key -> layer id, in layer order.
const std::pair<const char*, const char*> kMapKeys[] = {
    {"tissue", layerid::kTissue},
    {"attention_max", layerid::kAttentionMax},
    {"attention_min", layerid::kAttentionMin},
    {"attention_avg", layerid::kAttentionAvg},
    {"gradcam", layerid::kGradCam},
};

std::vector<double> doubles(const torch::Tensor& t) {
    const torch::Tensor d = t.to(torch::kFloat64).contiguous().flatten();
    return {d.data_ptr<double>(), d.data_ptr<double>() + d.numel()};
}

}  // namespace

const ResultMap* ResultMaps::map(const std::string& id) const {
    for (const ResultMap& m : maps)
        if (m.id == id) return &m;
    return nullptr;
}

std::string ResultMaps::idList() const {
    std::string out;
    for (const ResultMap& m : maps) out += (out.empty() ? "" : ", ") + m.id;
    return out;
}

Expected<ResultMaps> readResultMaps(const std::string& path) {
    using Result = Expected<ResultMaps>;
    std::ifstream in(path, std::ios::binary);
    if (!in) return Result::failure("Cannot open the result file \"" + path + "\".");
    const std::vector<char> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const auto entries = TorchSaveReader::readDict(bytes);
    if (!entries) return Result::failure("\"" + path + "\" is not a result file: " + entries.error());
    std::map<std::string, torch::Tensor> tensors;
    for (const auto& [key, value] : *entries)
        if (const auto* t = std::get_if<torch::Tensor>(&value)) tensors[key] = *t;

    ResultMaps out;
    try {
        const auto origin = tensors.find("origin");
        const auto cellSize = tensors.find("cell_size");
        if (origin == tensors.end() || cellSize == tensors.end() || origin->second.numel() != 2 ||
            cellSize->second.numel() != 2)
            return Result::failure("The result file \"" + path + "\" has no grid geometry (origin and cell_size).");
        const std::vector<double> o = doubles(origin->second);
        const std::vector<double> c = doubles(cellSize->second);
        out.originX = o[0];
        out.originY = o[1];
        out.cellWidth = c[0];
        out.cellHeight = c[1];
        torch::Tensor valid;
        if (const auto v = tensors.find("valid"); v != tensors.end() && v->second.dim() == 2) valid = v->second.to(torch::kBool);
        for (const auto& [key, id] : kMapKeys) {
            const auto it = tensors.find(key);
            if (it == tensors.end()) continue;
            torch::Tensor t = it->second.to(torch::kCPU, torch::kFloat32);
            if (t.dim() == 2) t = t.unsqueeze(0);
            if (t.dim() != 3)
                return Result::failure("The map \"" + std::string(key) + "\" in \"" + path + "\" is not a grid.");
            if (out.maps.empty()) {
                out.rows = static_cast<int>(t.size(1));
                out.columns = static_cast<int>(t.size(2));
            } else if (t.size(1) != out.rows || t.size(2) != out.columns) {
                return Result::failure("The maps in \"" + path + "\" do not share one grid.");
            }
            if (valid.defined() && std::string(id) != layerid::kTissue && valid.sizes() == t.sizes().slice(1))
                t = t.masked_fill(valid.logical_not().unsqueeze(0).expand_as(t), std::numeric_limits<float>::quiet_NaN());
            t = t.contiguous();
            out.maps.push_back({id, static_cast<int>(t.size(0)), {t.data_ptr<float>(), t.data_ptr<float>() + t.numel()}});
        }
        if (out.maps.empty()) return Result::failure("The result file \"" + path + "\" holds no map.");
        if (valid.defined() && valid.size(0) == out.rows && valid.size(1) == out.columns) {
            const torch::Tensor v = valid.to(torch::kUInt8).contiguous();
            out.valid.assign(v.data_ptr<uint8_t>(), v.data_ptr<uint8_t>() + v.numel());
        } else {
            out.valid.assign(static_cast<size_t>(out.rows) * static_cast<size_t>(out.columns), 1);
        }
    } catch (const std::exception& e) {
        return Result::failure("The result file \"" + path + "\" cannot be read: " + firstLine(e));
    }
    return out;
}

}  // namespace slidesight::model
