#include "viewer/layers/annotationindex.h"

#include "viewer/layers/annotationgeometry.h"

#include <algorithm>
#include <cmath>

namespace slidesight {

namespace {
constexpr int kMaxCellsPerSide = 1024;
constexpr long long kLargeCellCount = 256;  ///< rectangles covering more cells go on the large list
}  // namespace

void AnnotationIndex::clear() {
    bounds_.clear();
    cells_.clear();
    large_.clear();
    stamps_.clear();
    columns_ = rows_ = 0;
}

void AnnotationIndex::build(const std::vector<QRectF>& bounds) {
    clear();
    bounds_.reserve(bounds.size());
    for (const QRectF& b : bounds) bounds_.push_back(b.normalized());
    stamps_.assign(bounds_.size(), 0);
    stamp_ = 0;
    if (bounds_.empty()) return;

    double left = bounds_[0].left(), top = bounds_[0].top(), right = bounds_[0].right(), bottom = bounds_[0].bottom();
    double sumWidth = 0.0, sumHeight = 0.0;
    for (const QRectF& b : bounds_) {
        left = std::min(left, b.left());
        top = std::min(top, b.top());
        right = std::max(right, b.right());
        bottom = std::max(bottom, b.bottom());
        sumWidth += b.width();
        sumHeight += b.height();
    }
    extent_ = QRectF(QPointF(left, top), QPointF(right, bottom));
    const double n = static_cast<double>(bounds_.size());
    // About one rectangle per cell, but cells no smaller than the typical rectangle, so each
    // is filed in a few cells only.
    const double w = std::max(extent_.width(), 1.0);
    const double h = std::max(extent_.height(), 1.0);
    const double side = std::max({std::sqrt(w * h / n), sumWidth / n, sumHeight / n, 1.0});
    columns_ = std::clamp(static_cast<int>(std::ceil(w / side)), 1, kMaxCellsPerSide);
    rows_ = std::clamp(static_cast<int>(std::ceil(h / side)), 1, kMaxCellsPerSide);
    cellWidth_ = w / columns_;
    cellHeight_ = h / rows_;
    cells_.assign(static_cast<std::size_t>(columns_) * static_cast<std::size_t>(rows_), {});

    for (int i = 0; i < static_cast<int>(bounds_.size()); ++i) {
        const QRectF& b = bounds_[static_cast<std::size_t>(i)];
        const int c0 = cellColumn(b.left()), c1 = cellColumn(b.right());
        const int r0 = cellRow(b.top()), r1 = cellRow(b.bottom());
        if (static_cast<long long>(c1 - c0 + 1) * (r1 - r0 + 1) > kLargeCellCount) {
            large_.push_back(i);
            continue;
        }
        for (int r = r0; r <= r1; ++r)
            for (int c = c0; c <= c1; ++c) cells_[static_cast<std::size_t>(r) * columns_ + c].push_back(i);
    }
}

int AnnotationIndex::cellColumn(double x) const {
    return std::clamp(static_cast<int>(std::floor((x - extent_.left()) / cellWidth_)), 0, columns_ - 1);
}

int AnnotationIndex::cellRow(double y) const {
    return std::clamp(static_cast<int>(std::floor((y - extent_.top()) / cellHeight_)), 0, rows_ - 1);
}

std::vector<int> AnnotationIndex::query(const QRectF& rect) const {
    std::vector<int> out;
    if (bounds_.empty()) return out;
    const QRectF q = rect.normalized();
    if (!rectsTouch(q, extent_)) return out;
    if (++stamp_ == 0) {  // wrapped: forget every old mark
        std::fill(stamps_.begin(), stamps_.end(), 0);
        stamp_ = 1;
    }
    auto consider = [&](int i) {
        std::uint32_t& s = stamps_[static_cast<std::size_t>(i)];
        if (s == stamp_) return;
        s = stamp_;
        if (rectsTouch(bounds_[static_cast<std::size_t>(i)], q)) out.push_back(i);
    };
    const int c0 = cellColumn(q.left()), c1 = cellColumn(q.right());
    const int r0 = cellRow(q.top()), r1 = cellRow(q.bottom());
    for (int r = r0; r <= r1; ++r)
        for (int c = c0; c <= c1; ++c)
            for (int i : cells_[static_cast<std::size_t>(r) * columns_ + c]) consider(i);
    for (int i : large_) consider(i);
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace slidesight
