#pragma once

// The two tile codecs of DirectTiffReader, each decoding one whole tile into BGRA exactly as
// OpenSlide 3.4 does: JPEG through libjpeg-turbo (the file's tables first, the colour space
// from the TIFF's photometric tag) and Aperio's JPEG 2000 through OpenJPEG (components at their
// own subsampling, JFIF YCbCr in OpenSlide's fixed-point rounding). Pure functions of their
// input; thread-safe.

#include "viewer/slide/directtiffreader.h"

#include <cstdint>
#include <string>
#include <vector>

namespace slidesight::tiledecoders {

/// `data` is the tile's JPEG stream; writes level.tileWidth x level.tileHeight pixels. On
/// failure returns false and puts libjpeg's reason in `error`.
bool decodeJpeg(const DirectTiffReader::Level& level, const std::vector<uint8_t>& data, uint32_t* destination,
                std::string* error);

/// `data` is the tile's raw J2K codestream of 3 components; as decodeJpeg otherwise.
bool decodeJpeg2000(const DirectTiffReader::Level& level, const std::vector<uint8_t>& data, uint32_t* destination,
                    std::string* error);

}  // namespace slidesight::tiledecoders
