// Fuzz target of slide opening: mutated TIFF and SVS files through OpenSlide, as the viewer
// opens them (open, then read the coarsest level whole and a tile of level 0).

#include "fuzztargets.h"

#include "viewer/slide/openslidesource.h"

#include <algorithm>

namespace slidesight::fuzz {

void slide(const uint8_t* data, size_t size) {
    // Aperio SVS and generic TIFF are told apart by content; the suffix only helps OpenSlide's
    // vendor detection the way a user's file name would.
    const ScratchFile file(data, size, ".svs");
    const auto opened = OpenSlideSource::open(file.path());
    if (!opened) return;
    const auto& source = **opened;
    const auto& levels = source.info().levels;
    if (levels.empty()) return;
    const int coarsest = static_cast<int>(levels.size()) - 1;
    const int w = static_cast<int>(std::min<int64_t>(levels.back().width, 512));
    const int h = static_cast<int>(std::min<int64_t>(levels.back().height, 512));
    if (w > 0 && h > 0) (void)source.readRegion(coarsest, 0, 0, w, h);
    (void)source.readRegion(0, 0, 0, 64, 64);
}

}  // namespace slidesight::fuzz
