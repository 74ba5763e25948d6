#include "model/extraction/patchreader.h"

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <utility>

namespace slidesight::model {

PatchReader::PatchReader(std::shared_ptr<const SlideSource> slide, GridGeometry geometry,
                         Normalisation normalisation)
    : slide_(std::move(slide)), geometry_(std::move(geometry)), normalisation_(normalisation) {
    // The level with the largest downsample not above the target's: never upsampled.
    const double downsample = std::min(geometry_.targetDownsampleX(), geometry_.targetDownsampleY());
    level_ = slide_ ? slide_->bestLevelForDownsample(downsample) : 0;
}

Expected<std::vector<uint8_t>> PatchReader::readRgb(int row, int column) const {
    using Result = Expected<std::vector<uint8_t>>;
    if (!slide_) return Result::failure("No slide is open.");
    if (row < 0 || column < 0 || row >= geometry_.rows() || column >= geometry_.columns())
        return Result::failure("The grid cell is outside the grid.");
    const int p = geometry_.patchSize();
    const uint32_t background = slide_->info().backgroundRgb;
    std::vector<uint8_t> rgb(static_cast<size_t>(p) * p * 3);
    for (size_t i = 0; i < rgb.size(); i += 3) {
        rgb[i] = static_cast<uint8_t>(background >> 16);
        rgb[i + 1] = static_cast<uint8_t>(background >> 8);
        rgb[i + 2] = static_cast<uint8_t>(background);
    }

    // The part of the cell inside the content rectangle is read; the rest stays background.
    const RectD cell = geometry_.cellLevelZeroRect(row, column);
    const RectD& content = geometry_.levelZeroContentRect();
    const double x0 = std::max(cell.x, content.x), x1 = std::min(cell.right(), content.right());
    const double y0 = std::max(cell.y, content.y), y1 = std::min(cell.bottom(), content.bottom());
    // Where that part lands in the patch, in target pixels.
    const int tx0 = static_cast<int>(std::lround((x0 - cell.x) / geometry_.targetDownsampleX()));
    const int tx1 = std::min(p, static_cast<int>(std::lround((x1 - cell.x) / geometry_.targetDownsampleX())));
    const int ty0 = static_cast<int>(std::lround((y0 - cell.y) / geometry_.targetDownsampleY()));
    const int ty1 = std::min(p, static_cast<int>(std::lround((y1 - cell.y) / geometry_.targetDownsampleY())));
    if (tx1 <= tx0 || ty1 <= ty0) return rgb;

    const double levelDownsample = slide_->info().levels[static_cast<size_t>(level_)].downsample;
    const int64_t lx0 = std::llround(x0 / levelDownsample), lx1 = std::llround(x1 / levelDownsample);
    const int64_t ly0 = std::llround(y0 / levelDownsample), ly1 = std::llround(y1 / levelDownsample);
    const auto region = slide_->readRegion(level_, std::llround(lx0 * levelDownsample),
                                           std::llround(ly0 * levelDownsample),
                                           static_cast<int>(std::max<int64_t>(1, lx1 - lx0)),
                                           static_cast<int>(std::max<int64_t>(1, ly1 - ly0)));
    if (!region) return Result::failure(region.error());

    // ArgbImage words are B, G, R, A bytes in memory (little-endian): OpenCV's BGRA.
    const cv::Mat source(region->height, region->width, CV_8UC4,
                         const_cast<uint32_t*>(region->pixels.data()));
    cv::Mat resized;
    cv::resize(source, resized, cv::Size(tx1 - tx0, ty1 - ty0), 0, 0, cv::INTER_AREA);
    cv::Mat patch(p, p, CV_8UC3, rgb.data());
    cv::Mat target = patch(cv::Rect(tx0, ty0, tx1 - tx0, ty1 - ty0));
    cv::cvtColor(resized, target, cv::COLOR_BGRA2RGB);
    return rgb;
}

Expected<bool> PatchReader::readNormalised(int row, int column, float* chw) const {
    const auto rgb = readRgb(row, column);
    if (!rgb) return Expected<bool>::failure(rgb.error());
    normalise(rgb->data(), geometry_.patchSize(), geometry_.patchSize(), normalisation_, chw);
    return true;
}

void PatchReader::normalise(const uint8_t* rgb, int width, int height, const Normalisation& n,
                            float* chw) {
    const size_t plane = static_cast<size_t>(width) * height;
    for (int c = 0; c < 3; ++c) {
        const float scale = 1.0f / (255.0f * n.std[static_cast<size_t>(c)]);
        const float offset = n.mean[static_cast<size_t>(c)] / n.std[static_cast<size_t>(c)];
        float* out = chw + c * plane;
        for (size_t i = 0; i < plane; ++i) out[i] = rgb[i * 3 + static_cast<size_t>(c)] * scale - offset;
    }
}

}  // namespace slidesight::model
