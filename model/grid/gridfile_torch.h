#pragma once
#include "model/common/torchside.h"

#include "viewer/common/expected.h"

#include <torch/types.h>

#include <array>
#include <string>
#include <vector>

namespace slidesight::model {

/// A slide's feature grid on disk (spec, GFE step 6): a `torch.save` file holding a dict that
/// Python's `torch.load` reads as
///
///     features   float32 [K, M', N']   cell (i, j)'s feature vector at features[:, i, j]
///     tissue     float32 [M', N']      tissue fraction of each cell, 0 to 1
///     origin     float64 [2]           level-0 (x, y) of cell (0, 0)'s top-left corner
///     cell_size  float64 [2]           a cell's level-0 (width, height)
///     metadata   str                   JSON: slide identity, extractor and weights SHA-256,
///                                      µm/px, p, tissue parameters, program version, ...
///
/// so cell (i, j) covers level-0 [x + j·w, x + (j+1)·w) × [y + i·h, y + (i+1)·h).
///
/// Plain value type. Torch exceptions never leave its methods.
struct GridFile {
    torch::Tensor features;
    torch::Tensor tissue;
    std::array<double, 2> origin{0.0, 0.0};
    std::array<double, 2> cellSize{0.0, 0.0};
    std::string metadata;

    int64_t featureCount() const { return features.defined() ? features.size(0) : 0; }
    int64_t rows() const { return tissue.defined() ? tissue.size(0) : 0; }
    int64_t columns() const { return tissue.defined() ? tissue.size(1) : 0; }

    /// Checks the shapes and types above; a failure names the problem.
    Check validate() const;

    /// Serialises to torch.save bytes (tensors moved to the CPU, as float32 / float64).
    std::vector<char> toBytes() const;
    /// Writes atomically (a ".partial" file renamed into place), after validate().
    Expected<bool> write(const std::string& path) const;

    static Expected<GridFile> fromBytes(const std::vector<char>& bytes, const std::string& what);
    /// Reads a file written by write() (or by Python with the same dict). Fails with one
    /// sentence for a missing file, another format or wrong shapes.
    static Expected<GridFile> read(const std::string& path);
};

}  // namespace slidesight::model
