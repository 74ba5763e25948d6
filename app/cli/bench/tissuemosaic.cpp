#include "app/cli/bench/tissuemosaic.h"
#include "viewer/common/qstringfailure.h"

#include <algorithm>

namespace slidesight::cli {

namespace {

constexpr int kMaxSourceSide = 4096;
constexpr int kStride = 64;
constexpr double kMinTissueFraction = 0.6;

quint64 mix(quint64 h) {  // splitmix64's finaliser
    h ^= h >> 30;
    h *= 0xbf58476d1ce4e5b9ull;
    h ^= h >> 27;
    h *= 0x94d049bb133111ebull;
    h ^= h >> 31;
    return h;
}

/// Stained tissue is coloured or dark; glass and background are bright and grey.
bool isTissue(uint32_t argb) {
    const int r = redOf(argb), g = greenOf(argb), b = blueOf(argb);
    const int saturation = std::max({r, g, b}) - std::min({r, g, b});
    return saturation > 25 || (r + g + b) < 3 * 180;
}

}  // namespace

Expected<TissueMosaic> TissueMosaic::fromSlide(const SlideSource& slide, quint64 seed) {
    const SlideInfo& info = slide.info();
    const int w = static_cast<int>(std::min<int64_t>(info.width(), kMaxSourceSide));
    const int h = static_cast<int>(std::min<int64_t>(info.height(), kMaxSourceSide));
    if (w < 64 || h < 64)
        return failure(tr("The slide is too small to cut tissue from."));
    auto region = slide.readRegion(0, (info.width() - w) / 2, (info.height() - h) / 2, w, h);
    if (!region) return Expected<TissueMosaic>::failure(region.error());
    TissueMosaic mosaic;
    mosaic.source_ = std::move(region).value();
    mosaic.cell_ = std::min({512, w, h});
    mosaic.seed_ = seed;
    mosaic.findTissueWindows();
    return mosaic;
}

Expected<TissueMosaic> TissueMosaic::fromImage(ArgbImage source, int cellSize, quint64 seed) {
    if (cellSize < 16 || source.width < cellSize || source.height < cellSize)
        return failure(tr("The slide is too small to cut tissue from."));
    TissueMosaic mosaic;
    mosaic.source_ = std::move(source);
    mosaic.cell_ = cellSize;
    mosaic.seed_ = seed;
    mosaic.findTissueWindows();
    return mosaic;
}

void TissueMosaic::findTissueWindows() {
    const int w = source_.width, h = source_.height;
    // A summed-area table of the tissue mask makes each window's tissue count four lookups.
    std::vector<int64_t> sums(static_cast<size_t>(w + 1) * (h + 1), 0);
    auto at = [&](int x, int y) -> int64_t& { return sums[static_cast<size_t>(y) * (w + 1) + x]; };
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x)
            at(x + 1, y + 1) = at(x, y + 1) + at(x + 1, y) - at(x, y) + (isTissue(source_.pixel(x, y)) ? 1 : 0);
    const double area = static_cast<double>(cell_) * cell_;
    std::vector<Window> all;
    for (int y = 0; y + cell_ <= h; y += kStride)
        for (int x = 0; x + cell_ <= w; x += kStride) {
            all.push_back(Window{x, y});
            const int64_t tissue = at(x + cell_, y + cell_) - at(x, y + cell_) - at(x + cell_, y) + at(x, y);
            if (static_cast<double>(tissue) >= kMinTissueFraction * area) candidates_.push_back(Window{x, y});
        }
    // A slide with little tissue still gives a mosaic, of whatever it shows.
    if (candidates_.empty()) candidates_ = std::move(all);
}

void TissueMosaic::fill(int64_t x0, int64_t y0, int width, int height, uint8_t* rgb) const {
    const int s = cell_;
    for (int y = 0; y < height; ++y) {
        const int64_t gy = y0 + y;
        const int64_t cellY = gy / s;
        const int v = static_cast<int>(gy % s);
        uint8_t* out = rgb + static_cast<size_t>(y) * width * 3;
        int64_t lastCellX = -1;
        Window window;
        int orientation = 0;
        for (int x = 0; x < width; ++x) {
            const int64_t gx = x0 + x;
            const int64_t cellX = gx / s;
            if (cellX != lastCellX) {
                const quint64 hash = mix(seed_ ^ mix(static_cast<quint64>(cellX) * 0x9e3779b97f4a7c15ull + static_cast<quint64>(cellY)));
                window = candidates_[static_cast<size_t>(hash % candidates_.size())];
                orientation = static_cast<int>((hash >> 40) & 7u);
                lastCellX = cellX;
            }
            int u = static_cast<int>(gx % s);
            int vv = v;
            // The eight rotations and mirror images of the square cell.
            if (orientation & 1) u = s - 1 - u;
            if (orientation & 2) vv = s - 1 - vv;
            if (orientation & 4) std::swap(u, vv);
            const uint32_t p = source_.pixel(window.x + u, window.y + vv);
            out[x * 3 + 0] = static_cast<uint8_t>(redOf(p));
            out[x * 3 + 1] = static_cast<uint8_t>(greenOf(p));
            out[x * 3 + 2] = static_cast<uint8_t>(blueOf(p));
        }
    }
}

}  // namespace slidesight::cli
