#include "viewer/slide/argbimage.h"

namespace slidesight {

void compositePremultipliedOver(uint32_t* pixels, size_t count, uint32_t backgroundRgb) {
    const uint32_t bgR = (backgroundRgb >> 16) & 0xFFu;
    const uint32_t bgG = (backgroundRgb >> 8) & 0xFFu;
    const uint32_t bgB = backgroundRgb & 0xFFu;
    for (size_t i = 0; i < count; ++i) {
        uint32_t& p = pixels[i];
        const uint32_t a = p >> 24;
        if (a == 255u) continue;  // the common case: fully covered tissue or glass
        const uint32_t inv = 255u - a;
        // Premultiplied: out = src + bg * (1 - alpha); the division by 255 is rounded.
        const uint32_t r = ((p >> 16) & 0xFFu) + (bgR * inv + 127u) / 255u;
        const uint32_t g = ((p >> 8) & 0xFFu) + (bgG * inv + 127u) / 255u;
        const uint32_t b = (p & 0xFFu) + (bgB * inv + 127u) / 255u;
        p = argbFromRgb(r > 255u ? 255u : r, g > 255u ? 255u : g, b > 255u ? 255u : b);
    }
}

}  // namespace slidesight
