#include "model/grid/tissuemask.h"

#include <algorithm>
#include <cmath>

namespace slidesight::model {

double TissueMask::tissueFraction() const {
    if (pixels.empty()) return 0.0;
    const auto count = std::count_if(pixels.begin(), pixels.end(), [](uint8_t v) { return v != 0; });
    return static_cast<double>(count) / static_cast<double>(pixels.size());
}

double TissueMask::fractionIn(const RectD& levelZeroRect) const {
    if (levelZeroRect.isEmpty() || width <= 0 || height <= 0) return 0.0;
    // The rectangle in mask pixel units (continuous coordinates).
    const double x0 = levelZeroRect.x / levelZeroPerPixelX;
    const double x1 = levelZeroRect.right() / levelZeroPerPixelX;
    const double y0 = levelZeroRect.y / levelZeroPerPixelY;
    const double y1 = levelZeroRect.bottom() / levelZeroPerPixelY;
    const int firstX = std::max(0, static_cast<int>(std::floor(x0)));
    const int lastX = std::min(width - 1, static_cast<int>(std::ceil(x1)) - 1);
    const int firstY = std::max(0, static_cast<int>(std::floor(y0)));
    const int lastY = std::min(height - 1, static_cast<int>(std::ceil(y1)) - 1);
    double tissueArea = 0.0;
    for (int y = firstY; y <= lastY; ++y) {
        const double overlapY = std::min<double>(y + 1, y1) - std::max<double>(y, y0);
        if (overlapY <= 0.0) continue;
        for (int x = firstX; x <= lastX; ++x) {
            if (!isTissue(x, y)) continue;
            const double overlapX = std::min<double>(x + 1, x1) - std::max<double>(x, x0);
            if (overlapX > 0.0) tissueArea += overlapX * overlapY;
        }
    }
    return std::clamp(tissueArea / ((x1 - x0) * (y1 - y0)), 0.0, 1.0);
}

}  // namespace slidesight::model
