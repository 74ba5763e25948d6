#pragma once

#include <QtCore/QRectF>

#include <cstdint>
#include <vector>

namespace slidesight {

/// A uniform grid over a set of rectangles (annotation bounds, level-0 pixels) that answers
/// "which rectangles touch this one" without visiting the others. Each rectangle is filed in
/// every cell it covers; one that would cover many cells is kept on a short list checked by
/// every query instead. Rectangles without area (points, axis-parallel lines) are indexed too.
///
/// Not thread-safe: queries reuse a scratch buffer.
class AnnotationIndex {
public:
    /// Indexes `bounds`; query() returns positions in this vector.
    void build(const std::vector<QRectF>& bounds);
    void clear();

    /// Positions of every rectangle that touches `rect` (edges included), ascending.
    std::vector<int> query(const QRectF& rect) const;

    int size() const { return static_cast<int>(bounds_.size()); }
    int columns() const { return columns_; }
    int rows() const { return rows_; }

private:
    int cellColumn(double x) const;
    int cellRow(double y) const;

    std::vector<QRectF> bounds_;
    QRectF extent_;
    int columns_ = 0;
    int rows_ = 0;
    double cellWidth_ = 1.0;
    double cellHeight_ = 1.0;
    std::vector<std::vector<int>> cells_;
    std::vector<int> large_;
    mutable std::vector<std::uint32_t> stamps_;
    mutable std::uint32_t stamp_ = 0;
};

}  // namespace slidesight
