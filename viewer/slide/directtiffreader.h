#pragma once

// Whole tiles read straight from a tiled TIFF (Aperio SVS, generic tiled TIFF): the tile's
// bytes with one pread(), decoded into ARGB as OpenSlide 3.4 decodes them, so the pixels are
// OpenSlide's. JPEG tiles by libjpeg-turbo (the file's JPEG tables first, the colour space from
// the TIFF's photometric tag, output BGRA); Aperio's JPEG 2000 tiles (compression 33003,
// YCbCr, and 33005, RGB) by OpenJPEG, with the JFIF YCbCr to RGB conversion in OpenSlide's
// fixed-point rounding (tiledecoders.*). Pixels beyond the image's edge are transparent.
// What it saves is everything around the decode: OpenSlide's locks, its cache's bookkeeping
// and cairo's compositing, per region. Regions are assembled from decoded tiles, which a small
// cache keeps (a 256 px view tile over 240 px file tiles touches up to four).
//
// Only levels OpenSlide reads with those same decoders qualify: JPEG with 8-bit RGB or YCbCr,
// chunky; Aperio JPEG 2000 with 3 samples of 8 bits; no missing tile (OpenSlide paints those
// from another level). Anything else stays with OpenSlide; OpenSlideSource decides per read.
//
// Thread-safe: the layout is read once at open; reads use pread() on one descriptor.

#include "viewer/common/expected.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace slidesight {

class DirectTiffReader {
public:
    /// One slide level as the TIFF stores it.
    struct Level {
        int64_t width = 0, height = 0;
        int tileWidth = 0, tileHeight = 0;
        int64_t tilesAcross = 0, tilesDown = 0;
        enum class Codec { Jpeg, Jpeg2000YCbCr, Jpeg2000Rgb };
        Codec codec = Codec::Jpeg;
        bool ycbcr = false;                 ///< JPEG: photometric YCbCr (else RGB), the colour space
        std::vector<uint8_t> jpegTables;    ///< TIFFTAG_JPEGTABLES, possibly empty
        std::vector<uint64_t> offsets, byteCounts;  ///< per tile, row-major
    };

    /// Reads the layout of `path` and maps each slide level (by its size, in order) to a TIFF
    /// directory the fast path can read; `levelSizes` are OpenSlide's. Returns nullptr when no
    /// level qualifies (not a TIFF, no JPEG tiles, ...): then OpenSlide reads everything.
    static std::unique_ptr<DirectTiffReader> open(const std::string& path,
                                                  const std::vector<std::pair<int64_t, int64_t>>& levelSizes);
    ~DirectTiffReader();
    DirectTiffReader(const DirectTiffReader&) = delete;
    DirectTiffReader& operator=(const DirectTiffReader&) = delete;

    /// Whether slide level `level` is read here.
    bool covers(int level) const;
    /// How many slide levels are read here.
    int coveredLevels() const;

    /// Reads a region of `level` at level coordinates (x, y) into `destination` (width x
    /// height premultiplied ARGB, tightly packed): tile pixels, and transparent (0) outside the
    /// level. Needs covers(level). A failure (a damaged tile) is one sentence.
    Check readRegion(int level, int64_t x, int64_t y, int width, int height, uint32_t* destination) const;

    /// Decodes one whole tile (tileWidth x tileHeight, pixels beyond the image transparent).
    Check readTile(int level, int64_t column, int64_t row, uint32_t* destination) const;

    const Level& level(int index) const { return *levels_.at(static_cast<size_t>(index)); }

private:
    struct TileCache;
    DirectTiffReader() = default;
    std::shared_ptr<const std::vector<uint32_t>> tile(int level, int64_t column, int64_t row, std::string* error) const;

    int fd_ = -1;
    std::string path_;
    std::vector<std::unique_ptr<Level>> levels_;  ///< per slide level; null where OpenSlide reads
    std::unique_ptr<TileCache> cache_;
};

}  // namespace slidesight
