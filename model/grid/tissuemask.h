#pragma once

#include "viewer/slide/pyramidgeometry.h"

#include <cstdint>
#include <vector>

namespace slidesight::model {

/// A binary tissue mask over the whole slide at low resolution (about 8-16 µm/px), with the
/// smallest level-0 box containing all tissue: the region the feature grid covers.
///
/// Plain value type; thread-safe for reading.
struct TissueMask {
    int width = 0;                      ///< mask pixels
    int height = 0;
    std::vector<uint8_t> pixels;        ///< row-major, 1 = tissue, 0 = background
    double levelZeroPerPixelX = 1.0;    ///< level-0 pixels per mask pixel, horizontally
    double levelZeroPerPixelY = 1.0;    ///< and vertically (the two differ by rounding only)
    RectD levelZeroBox;                 ///< bounding box of all tissue; empty when none was found
    int saturationThreshold = 0;        ///< the threshold applied (Otsu's, or the floor), 0-255

    bool isTissue(int x, int y) const { return pixels[static_cast<size_t>(y) * width + x] != 0; }
    bool hasTissue() const { return !levelZeroBox.isEmpty(); }
    /// The fraction of all mask pixels that are tissue.
    double tissueFraction() const;
    /// The tissue fraction of a level-0 rectangle, weighting each mask pixel by its overlap
    /// with the rectangle (parts outside the mask count as background).
    double fractionIn(const RectD& levelZeroRect) const;
};

}  // namespace slidesight::model
