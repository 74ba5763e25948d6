#include "model/lranmaps.h"

#include <torch/torch.h>

namespace slidesight::model {

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

void LranMaps::add(int row, int column, const LranResult& result, int64_t i) {
    const torch::Tensor logits = result.logits[i].detach().to(torch::kCPU, torch::kFloat32);
    probabilities_[row][column] = torch::softmax(logits, 0);
    predicted_[row][column] = logits.argmax().item<int64_t>();
    camClass_[row][column] = result.camClasses[i].item<int64_t>();
    valid_[row][column] = true;
    const torch::Tensor mask = result.mask[i];  // [512, h, w]
    place("mask_mean", row, column, mask.mean(0));
    place("mask_max", row, column, std::get<0>(mask.max(0)));
    for (const auto& gate : result.gates) place("gate_" + std::to_string(gate.size(2)), row, column, gate[i][0]);
    place("cam", row, column, result.cam[i]);
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
