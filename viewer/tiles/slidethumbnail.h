#pragma once

// The whole slide as one small picture: the coarsest display level stitched from its tiles.
// The viewer's overview and `slidesight-cli thumbnail` draw it the same way.

#include <QtGui/QImage>

namespace slidesight {

class TiledSlide;

/// The coarsest display level of `slide` as one RGB32 image (white where a tile cannot be
/// read). Reads a few small tiles; call it off the GUI thread. Thread-safe.
QImage slideThumbnail(const TiledSlide& slide);

}  // namespace slidesight
