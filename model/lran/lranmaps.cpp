#include "model/lran/lranmaps_torch.h"

#include <torch/torch.h>

namespace slidesight::model {

namespace {

/// A read-only view of a patch's values (place() and the assignments copy them).
torch::Tensor view(const std::vector<float>& values, torch::IntArrayRef sizes) {
    return torch::from_blob(const_cast<float*>(values.data()), sizes, torch::kFloat32);
}

}  // namespace

LranMaps::LranMaps(int rows, int columns, int64_t classes) : rows_(rows), columns_(columns), classes_(classes) {
    probabilities_ = torch::zeros({rows, columns, classes});
    predicted_ = torch::full({rows, columns}, -1, torch::kLong);
    camClass_ = torch::full({rows, columns}, -1, torch::kLong);
    valid_ = torch::zeros({rows, columns}, torch::kBool);
}

torch::Tensor& LranMaps::stitched(const std::string& name, int64_t h, int64_t w) {
    for (auto& [key, map] : maps_)
        if (key == name) return map;
    pixelsPerPatch_[name] = h;
    maps_.emplace_back(name, torch::zeros({rows_ * h, columns_ * w}));
    return maps_.back().second;
}

void LranMaps::place(const std::string& name, int row, int column, const torch::Tensor& map) {
    using torch::indexing::Slice;
    const int64_t h = map.size(0), w = map.size(1);
    torch::Tensor& target = stitched(name, h, w);
    target.index_put_({Slice(row * h, (row + 1) * h), Slice(column * w, (column + 1) * w)},
                      map.detach().to(torch::kCPU, torch::kFloat32));
}

void LranMaps::add(const LranBatchResult& batch) {
    for (const LranPatchResult& patch : batch.patches) add(patch, batch.maskChannels, batch.mapHeight, batch.mapWidth);
}

void LranMaps::add(const LranPatchResult& p, int64_t maskChannels, int64_t h, int64_t w) {
    const int row = p.row, column = p.column;
    probabilities_[row][column] = view(p.probabilities, {classes_});
    predicted_[row][column] = p.predicted;
    camClass_[row][column] = p.camClass;
    valid_[row][column] = true;
    const torch::Tensor mask = view(p.mask, {maskChannels, h, w});
    place("mask_mean", row, column, mask.mean(0));
    place("mask_max", row, column, std::get<0>(mask.max(0)));
    for (const LranGateMap& gate : p.gates)
        place("gate_" + std::to_string(gate.height), row, column, view(gate.values, {gate.height, gate.width}));
    place("cam", row, column, view(p.cam, {h, w}));
}

void LranMaps::addTo(ResultFile& out) const {
    out.add("probabilities", probabilities_);
    out.add("predicted", predicted_);
    out.add("cam_class", camClass_);
    out.add("valid", valid_);
    for (const auto& [name, map] : maps_) out.add(name, map);
}

std::vector<double> LranMaps::meanProbabilities() const {
    std::vector<double> means(static_cast<size_t>(classes_), 0.0);
    const int64_t count = valid_.sum().item<int64_t>();
    if (count == 0) return means;
    const torch::Tensor sums = probabilities_.to(torch::kDouble).sum(torch::IntArrayRef{0, 1});
    for (int64_t c = 0; c < classes_; ++c) means[static_cast<size_t>(c)] = sums[c].item<double>() / count;
    return means;
}

std::vector<int64_t> LranMaps::predictedCounts() const {
    std::vector<int64_t> counts(static_cast<size_t>(classes_), 0);
    for (int64_t c = 0; c < classes_; ++c) counts[static_cast<size_t>(c)] = predicted_.eq(c).sum().item<int64_t>();
    return counts;
}

}  // namespace slidesight::model
