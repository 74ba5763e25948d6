#include "model/grid/tissuedetector.h"

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

namespace slidesight::model {

namespace {

// ArgbImage holds 0xAARRGGBB words; on a little-endian machine their bytes are B, G, R, A,
// which is OpenCV's BGRA. The Mat wraps the pixels without copying.
cv::Mat wrapArgb(const ArgbImage& image) {
    static_assert(sizeof(uint32_t) == 4, "ARGB words are 4 bytes");
    return cv::Mat(image.height, image.width, CV_8UC4,
                   const_cast<uint32_t*>(image.pixels.data()));
}

cv::Mat ellipse(int radius) {
    return cv::getStructuringElement(cv::MORPH_ELLIPSE, cv::Size(2 * radius + 1, 2 * radius + 1));
}

}  // namespace

TissueDetector::TissueDetector(TissueParameters parameters) : parameters_(parameters) {}

Expected<ArgbImage> TissueDetector::readLowResolution(const SlideSource& slide, double targetMpp,
                                                      double& levelZeroPerPixelX,
                                                      double& levelZeroPerPixelY) {
    using Result = Expected<ArgbImage>;
    const Mpp mpp = slide.mpp();
    if (!mpp.known())
        return Result::failure("The slide's microns per pixel are unknown: set them before detecting tissue.");
    const SlideInfo& info = slide.info();
    if (info.levels.empty()) return Result::failure("The slide has no pyramid levels.");
    const double downsample = std::max(1.0, targetMpp / mpp.average());
    const int outWidth = std::max<int>(1, static_cast<int>(std::llround(info.width() / downsample)));
    const int outHeight = std::max<int>(1, static_cast<int>(std::llround(info.height() / downsample)));
    levelZeroPerPixelX = static_cast<double>(info.width()) / outWidth;
    levelZeroPerPixelY = static_cast<double>(info.height()) / outHeight;

    const int level = slide.bestLevelForDownsample(downsample);
    const double levelDownsample = info.levels[static_cast<size_t>(level)].downsample;
    ArgbImage out(outWidth, outHeight, 0xFF000000u | info.backgroundRgb);
    cv::Mat outMat = wrapArgb(out);
    constexpr int kBlock = 512;  // output pixels per block side: bounded memory per read
    for (int oy = 0; oy < outHeight; oy += kBlock) {
        const int bh = std::min(kBlock, outHeight - oy);
        const int64_t ly0 = std::llround(oy * levelZeroPerPixelY / levelDownsample);
        const int64_t ly1 = std::llround((oy + bh) * levelZeroPerPixelY / levelDownsample);
        for (int ox = 0; ox < outWidth; ox += kBlock) {
            const int bw = std::min(kBlock, outWidth - ox);
            const int64_t lx0 = std::llround(ox * levelZeroPerPixelX / levelDownsample);
            const int64_t lx1 = std::llround((ox + bw) * levelZeroPerPixelX / levelDownsample);
            const auto region = slide.readRegion(level, std::llround(lx0 * levelDownsample),
                                                 std::llround(ly0 * levelDownsample),
                                                 static_cast<int>(std::max<int64_t>(1, lx1 - lx0)),
                                                 static_cast<int>(std::max<int64_t>(1, ly1 - ly0)));
            if (!region) return Result::failure(region.error());
            cv::Mat block = outMat(cv::Rect(ox, oy, bw, bh));
            cv::resize(wrapArgb(*region), block, block.size(), 0, 0, cv::INTER_AREA);
        }
    }
    return out;
}

Expected<TissueMask> TissueDetector::detect(const SlideSource& slide) const {
    double perPixelX = 1.0, perPixelY = 1.0;
    const auto image = readLowResolution(slide, parameters_.maskMpp, perPixelX, perPixelY);
    if (!image) return Expected<TissueMask>::failure(image.error());
    // The physical size of a mask pixel, for the morphology radii and the minimum area.
    const double imageMpp = slide.mpp().average() * 0.5 * (perPixelX + perPixelY);
    TissueMask mask = detectInImage(*image, perPixelX, perPixelY, imageMpp);
    // Rounding of the block reads can reach a fraction of a pixel past the slide: clip.
    const SlideInfo& info = slide.info();
    if (mask.hasTissue()) {
        RectD& box = mask.levelZeroBox;
        box.width = std::min(box.right(), static_cast<double>(info.width())) - box.x;
        box.height = std::min(box.bottom(), static_cast<double>(info.height())) - box.y;
    }
    return mask;
}

TissueMask TissueDetector::detectInImage(const ArgbImage& image, double levelZeroPerPixelX,
                                         double levelZeroPerPixelY, double imageMpp) const {
    TissueMask mask;
    mask.width = image.width;
    mask.height = image.height;
    mask.levelZeroPerPixelX = levelZeroPerPixelX;
    mask.levelZeroPerPixelY = levelZeroPerPixelY;
    mask.pixels.assign(static_cast<size_t>(image.width) * image.height, 0);
    if (image.isNull()) return mask;

    cv::Mat bgr, hsv;
    cv::cvtColor(wrapArgb(image), bgr, cv::COLOR_BGRA2BGR);
    cv::cvtColor(bgr, hsv, cv::COLOR_BGR2HSV);
    cv::Mat saturation;
    cv::extractChannel(hsv, saturation, 1);
    cv::Mat binary;
    const double otsu = cv::threshold(saturation, binary, 0, 255, cv::THRESH_BINARY | cv::THRESH_OTSU);
    mask.saturationThreshold = std::max(static_cast<int>(otsu), parameters_.minSaturation);
    // THRESH_BINARY keeps values strictly above the threshold.
    cv::threshold(saturation, binary, mask.saturationThreshold, 255, cv::THRESH_BINARY);

    const double mpp = imageMpp > 0.0 ? imageMpp : 1.0;
    const int closeRadius = static_cast<int>(std::lround(parameters_.closeRadiusUm / mpp));
    const int openRadius = static_cast<int>(std::lround(parameters_.openRadiusUm / mpp));
    if (closeRadius > 0) cv::morphologyEx(binary, binary, cv::MORPH_CLOSE, ellipse(closeRadius));
    if (openRadius > 0) cv::morphologyEx(binary, binary, cv::MORPH_OPEN, ellipse(openRadius));

    cv::Mat labels, stats, centroids;
    const int count = cv::connectedComponentsWithStats(binary, labels, stats, centroids, 8, CV_32S);
    const double minArea = parameters_.minComponentAreaUm2 / (mpp * mpp);
    std::vector<uint8_t> keep(static_cast<size_t>(std::max(count, 1)), 0);
    for (int label = 1; label < count; ++label)
        keep[static_cast<size_t>(label)] = stats.at<int>(label, cv::CC_STAT_AREA) >= minArea ? 1 : 0;

    int minX = std::numeric_limits<int>::max(), minY = minX, maxX = -1, maxY = -1;
    for (int y = 0; y < image.height; ++y) {
        const int* row = labels.ptr<int>(y);
        for (int x = 0; x < image.width; ++x) {
            if (!keep[static_cast<size_t>(row[x])]) continue;
            mask.pixels[static_cast<size_t>(y) * image.width + x] = 1;
            minX = std::min(minX, x);
            maxX = std::max(maxX, x);
            minY = std::min(minY, y);
            maxY = std::max(maxY, y);
        }
    }
    if (maxX >= 0)
        mask.levelZeroBox = RectD{minX * levelZeroPerPixelX, minY * levelZeroPerPixelY,
                                  (maxX + 1 - minX) * levelZeroPerPixelX,
                                  (maxY + 1 - minY) * levelZeroPerPixelY};
    return mask;
}

}  // namespace slidesight::model
