#pragma once

#include "viewer/common/expected.h"

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace slidesight {

/// Writes tiled, JPEG-compressed, pyramidal TIFF files that OpenSlide opens: test slides with
/// a known pattern, and large benchmark slides assembled from real tissue.
///
/// Not thread-safe; use one writer per file.
class SyntheticSlideWriter {
public:
    /// Fills `rgb` (width * height * 3 bytes, row-major) with the level-0 pixels of the region
    /// whose top-left corner is (x0, y0).
    using PixelSource = std::function<void(int64_t x0, int64_t y0, int width, int height, uint8_t* rgb)>;

    enum class Flavour {
        Aperio,       ///< an Aperio-style ImageDescription carrying MPP and AppMag
        GenericTiff,  ///< plain tiled TIFF: OpenSlide's generic driver, no µm/px
    };

    struct Options {
        int64_t width = 4096;
        int64_t height = 3072;
        int tileSize = 256;                   ///< multiple of 16
        std::vector<int> downsamples{1, 4, 16};  ///< each level's factor; the first must be 1
        int jpegQuality = 90;
        Flavour flavour = Flavour::Aperio;
        double mpp = 0.25;                    ///< written for Flavour::Aperio when > 0
        double objectivePower = 40.0;         ///< written for Flavour::Aperio when > 0
        bool thumbnail = true;                ///< add an Aperio-style thumbnail image
        /// Called after each row of level-0 tiles with the fraction done, for progress bars.
        std::function<void(double)> progress;
    };

    /// Writes the file; fails with a message when the file cannot be written.
    static Expected<bool> write(const std::string& path, const Options& options,
                                const PixelSource& source);

    /// The test pattern: 64x64 blocks of smoothly distinct colours, so that a pixel's colour
    /// tells which block it came from (to within JPEG error) at every level.
    static uint32_t patternRgb(int64_t x, int64_t y);
    static void patternSource(int64_t x0, int64_t y0, int width, int height, uint8_t* rgb);
};

}  // namespace slidesight
