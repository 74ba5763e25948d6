#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace slidesight {

/// A Qt-free image: 32-bit pixels laid out as 0xAARRGGBB in native endianness, which is the
/// memory layout of QImage::Format_ARGB32 / Format_RGB32, so a QImage can wrap it without a copy.
///
/// Slide regions are always opaque (alpha 255): OpenSlide's premultiplied pixels are
/// composited over the slide's background colour when they are read.
struct ArgbImage {
    int width = 0;
    int height = 0;
    std::vector<uint32_t> pixels;  ///< row-major, width * height values

    ArgbImage() = default;
    ArgbImage(int w, int h, uint32_t fill = 0xFFFFFFFFu)
        : width(w), height(h), pixels(static_cast<size_t>(w) * static_cast<size_t>(h), fill) {}

    bool isNull() const { return width <= 0 || height <= 0; }
    uint32_t pixel(int x, int y) const { return pixels[static_cast<size_t>(y) * width + x]; }
    uint32_t& pixel(int x, int y) { return pixels[static_cast<size_t>(y) * width + x]; }
    size_t byteCount() const { return pixels.size() * sizeof(uint32_t); }
};

/// 0xFFRRGGBB from 8-bit components.
constexpr uint32_t argbFromRgb(uint32_t r, uint32_t g, uint32_t b) {
    return 0xFF000000u | (r << 16) | (g << 8) | b;
}
constexpr int redOf(uint32_t argb) { return static_cast<int>((argb >> 16) & 0xFFu); }
constexpr int greenOf(uint32_t argb) { return static_cast<int>((argb >> 8) & 0xFFu); }
constexpr int blueOf(uint32_t argb) { return static_cast<int>(argb & 0xFFu); }
constexpr int alphaOf(uint32_t argb) { return static_cast<int>(argb >> 24); }

/// Composites premultiplied ARGB pixels (OpenSlide's output) over an opaque background colour,
/// in place. The result is opaque, non-premultiplied ARGB.
void compositePremultipliedOver(uint32_t* pixels, size_t count, uint32_t backgroundRgb);
inline void compositePremultipliedOver(std::vector<uint32_t>& pixels, uint32_t backgroundRgb) {
    compositePremultipliedOver(pixels.data(), pixels.size(), backgroundRgb);
}

}  // namespace slidesight
