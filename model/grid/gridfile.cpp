#include "model/grid/gridfile_torch.h"

#include "model/common/atomicfile.h"
#include "model/nets/torchsavereader_torch.h"
#include "model/common/exceptiontext.h"

#include <torch/torch.h>

#include <fstream>
#include <iterator>
#include <map>

namespace slidesight::model {

namespace {

torch::Tensor pair(const std::array<double, 2>& values) {
    return torch::tensor({values[0], values[1]}, torch::TensorOptions().dtype(torch::kFloat64));
}

std::array<double, 2> pairOf(const torch::Tensor& t) {
    const torch::Tensor d = t.to(torch::kFloat64).contiguous();
    return {d[0].item<double>(), d[1].item<double>()};
}

// Hard limits of a grid, whatever a file declares: a 200,000 x 200,000 pixel slide at
// 224-pixel cells is under 1,000 cells a side, and ResNet-34 gives 512 features a cell.
constexpr int64_t kMaxGridSide = 1 << 16;
constexpr int64_t kMaxFeatures = 1 << 16;

}  // namespace

Check GridFile::validate() const {
    if (!features.defined() || features.dim() != 3) return Check::failure("features must be a [K, rows, columns] tensor");
    if (!tissue.defined() || tissue.dim() != 2) return Check::failure("tissue must be a [rows, columns] tensor");
    if (features.size(1) != tissue.size(0) || features.size(2) != tissue.size(1))
        return Check::failure("features and tissue disagree on the grid size");
    if (features.size(0) > kMaxFeatures || tissue.size(0) > kMaxGridSide || tissue.size(1) > kMaxGridSide)
        return Check::failure("the grid is " + std::to_string(features.size(0)) + " x " + std::to_string(tissue.size(0)) +
                              " x " + std::to_string(tissue.size(1)) + "; at most " + std::to_string(kMaxFeatures) +
                              " features and " + std::to_string(kMaxGridSide) + " cells a side are read");
    if (!features.is_floating_point() || !tissue.is_floating_point()) return Check::failure("features and tissue must be floating point");
    if (!(cellSize[0] > 0.0) || !(cellSize[1] > 0.0)) return Check::failure("the cell size must be positive");
    return true;
}

std::vector<char> GridFile::toBytes() const {
    c10::impl::GenericDict dict(c10::StringType::get(), c10::AnyType::get());
    dict.insert("features", features.detach().to(torch::kCPU, torch::kFloat32).contiguous());
    dict.insert("tissue", tissue.detach().to(torch::kCPU, torch::kFloat32).contiguous());
    dict.insert("origin", pair(origin));
    dict.insert("cell_size", pair(cellSize));
    dict.insert("metadata", metadata);
    return torch::pickle_save(dict);
}

Expected<bool> GridFile::write(const std::string& path) const {
    using Result = Expected<bool>;
    if (const Check valid = validate(); !valid) return Result::failure("Cannot write the grid: " + valid.error() + ".");
    std::vector<char> bytes;
    try {
        bytes = toBytes();
    } catch (const std::exception& e) {
        return Result::failure("Cannot serialise the grid: " + firstLine(e));
    }
    return writeFileAtomically(path, bytes.data(), bytes.size(), "the grid");
}

Expected<GridFile> GridFile::fromBytes(const std::vector<char>& bytes, const std::string& what) {
    using Result = Expected<GridFile>;
    auto entries = TorchSaveReader::readDict(bytes);
    if (!entries) return Result::failure("The grid file " + what + " cannot be read (" + entries.error() + ").");
    std::map<std::string, TorchSaveReader::DictValue> byKey(entries->begin(), entries->end());
    auto tensor = [&byKey](const char* key) -> torch::Tensor {
        const auto it = byKey.find(key);
        if (it == byKey.end() || !std::holds_alternative<torch::Tensor>(it->second)) return {};
        return std::get<torch::Tensor>(it->second);
    };
    GridFile grid;
    grid.features = tensor("features");
    grid.tissue = tensor("tissue");
    const torch::Tensor origin = tensor("origin"), cellSize = tensor("cell_size");
    const auto metadata = byKey.find("metadata");
    if (!grid.features.defined() || !grid.tissue.defined() || !origin.defined() || !cellSize.defined() ||
        metadata == byKey.end() || !std::holds_alternative<std::string>(metadata->second))
        return Result::failure("The file " + what +
                               " is not a SlideSight grid (it needs features, tissue, origin, cell_size and metadata).");
    if (origin.numel() != 2 || cellSize.numel() != 2)
        return Result::failure("The grid file " + what + " is damaged: origin and cell_size must hold two numbers.");
    grid.origin = pairOf(origin);
    grid.cellSize = pairOf(cellSize);
    grid.metadata = std::get<std::string>(metadata->second);
    if (const Check valid = grid.validate(); !valid)
        return Result::failure("The grid file " + what + " is damaged: " + valid.error() + ".");
    return grid;
}

Expected<GridFile> GridFile::read(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return Expected<GridFile>::failure("Cannot open the grid file \"" + path + "\".");
    const std::vector<char> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    return fromBytes(bytes, "\"" + path + "\"");
}

}  // namespace slidesight::model
