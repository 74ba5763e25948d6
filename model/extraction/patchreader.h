#pragma once

#include "model/grid/gridgeometry.h"
#include "viewer/common/expected.h"
#include "viewer/slide/slidesource.h"

#include <array>
#include <cstdint>
#include <memory>
#include <vector>

namespace slidesight::model {

/// Per-channel mean and standard deviation applied to RGB values scaled to [0, 1], in R, G, B
/// order. The default is ImageNet's, which torchvision's ResNets expect.
struct Normalisation {
    std::array<float, 3> mean{0.485f, 0.456f, 0.406f};
    std::array<float, 3> std{0.229f, 0.224f, 0.225f};
};

/// Reads the grid's cells as p x p patches at the target resolution (spec, GFE steps 2-3):
/// from the best pyramid level at or finer than the target, area-resampled (cv::INTER_AREA)
/// to exactly p x p; the parts of a cell outside the grid's content rectangle are filled with
/// the slide's background colour. Alignment is exact up to rounding the read to whole pixels
/// of the source level (at most half a source pixel).
///
/// Thread-safe: readers share the thread-safe slide source and keep no mutable state, so the
/// reading pool can call it from several threads at once.
class PatchReader {
public:
    PatchReader(std::shared_ptr<const SlideSource> slide, GridGeometry geometry,
                Normalisation normalisation = {});

    const GridGeometry& geometry() const { return geometry_; }
    const Normalisation& normalisation() const { return normalisation_; }
    /// The pyramid level patches are read from.
    int level() const { return level_; }

    /// Cell (row, column) as p * p * 3 bytes, row-major RGB.
    Expected<std::vector<uint8_t>> readRgb(int row, int column) const;

    /// Cell (row, column) as 3 * p * p floats in CHW order (R, G, B planes), scaled to [0, 1]
    /// and normalised, written to `chw`.
    Expected<bool> readNormalised(int row, int column, float* chw) const;

    /// RGB bytes (HWC) to normalised CHW floats.
    static void normalise(const uint8_t* rgb, int width, int height, const Normalisation& n,
                          float* chw);

private:
    std::shared_ptr<const SlideSource> slide_;
    GridGeometry geometry_;
    Normalisation normalisation_;
    int level_ = 0;
};

}  // namespace slidesight::model
