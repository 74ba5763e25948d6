#include "viewer/coverage/reviewcoverage.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace slidesight {

namespace {

/// Whether a polygon is a rectangle with sides along the axes (an unrotated view).
bool isAxisAlignedRectangle(const QPolygonF& polygon) {
    if (polygon.size() != 4 && !(polygon.size() == 5 && polygon.first() == polygon.last())) return false;
    for (int i = 0; i < 4; ++i) {
        const QPointF a = polygon[i];
        const QPointF b = polygon[(i + 1) % 4];
        if (std::abs(a.x() - b.x()) > 1e-6 && std::abs(a.y() - b.y()) > 1e-6) return false;
    }
    return true;
}

}  // namespace

double ReviewCoverage::cellSizeFor(const QSizeF& slideSize) {
    const double longSide = std::max(slideSize.width(), slideSize.height());
    return std::max(256.0, std::ceil(longSide / 256.0));
}

int ReviewCoverage::bandOf(double magnification) {
    if (!(magnification > 0.0) || !std::isfinite(magnification)) return 0;
    int band = 0;
    for (int b = 0; b < kBands; ++b)
        if (magnification >= kBandEdges[static_cast<size_t>(b)] * (1.0 - 1e-9)) band = b;
    return band;
}

int ReviewCoverage::firstBandAtLeast(double minMagnification) {
    for (int b = 0; b < kBands; ++b)
        if (kBandEdges[static_cast<size_t>(b)] >= minMagnification * (1.0 - 1e-9)) return b;
    return kBands;  // above the highest edge: no band counts
}

ReviewCoverage::ReviewCoverage(const QSizeF& slideSize, double cellSize) : slideSize_(slideSize), cellSize_(cellSize) {
    if (!(cellSize > 0.0) || slideSize.isEmpty()) return;
    columns_ = std::clamp(static_cast<int>(std::ceil(slideSize.width() / cellSize)), 1, kMaxCellsPerSide);
    rows_ = std::clamp(static_cast<int>(std::ceil(slideSize.height() / cellSize)), 1, kMaxCellsPerSide);
    seconds_.assign(static_cast<size_t>(rows_) * static_cast<size_t>(columns_) * kBands, 0.0F);
}

GridGeometry ReviewCoverage::geometry() const {
    GridGeometry g;
    g.origin = QPointF(0.0, 0.0);
    g.cellSize = QSizeF(cellSize_, cellSize_);
    g.rows = rows_;
    g.columns = columns_;
    return g;
}

void ReviewCoverage::record(const QRectF& visible, double magnification, double seconds) {
    if (isNull() || !(seconds > 0.0) || !std::isfinite(seconds) || !visible.isValid()) return;
    // Cells whose centre (c + 0.5) * size lies in [left, right).
    const auto first = [this](double edge) { return static_cast<int>(std::ceil(edge / cellSize_ - 0.5)); };
    const int c0 = std::max(0, first(visible.left()));
    const int c1 = std::min(columns_ - 1, first(visible.right()) - 1);
    const int r0 = std::max(0, first(visible.top()));
    const int r1 = std::min(rows_ - 1, first(visible.bottom()) - 1);
    const int band = bandOf(magnification);
    for (int r = r0; r <= r1; ++r)
        for (int c = c0; c <= c1; ++c) seconds_[index(r, c, band)] += static_cast<float>(seconds);
    recordedSeconds_ += seconds;
    ++revision_;
}

void ReviewCoverage::record(const QPolygonF& visible, double magnification, double seconds) {
    if (isAxisAlignedRectangle(visible)) {
        record(visible.boundingRect(), magnification, seconds);
        return;
    }
    if (isNull() || !(seconds > 0.0) || !std::isfinite(seconds) || visible.size() < 3) return;
    const QRectF box = visible.boundingRect();
    const int c0 = std::max(0, static_cast<int>(std::floor(box.left() / cellSize_)));
    const int c1 = std::min(columns_ - 1, static_cast<int>(std::floor(box.right() / cellSize_)));
    const int r0 = std::max(0, static_cast<int>(std::floor(box.top() / cellSize_)));
    const int r1 = std::min(rows_ - 1, static_cast<int>(std::floor(box.bottom() / cellSize_)));
    const int band = bandOf(magnification);
    for (int r = r0; r <= r1; ++r)
        for (int c = c0; c <= c1; ++c)
            if (visible.containsPoint(QPointF((c + 0.5) * cellSize_, (r + 0.5) * cellSize_), Qt::OddEvenFill))
                seconds_[index(r, c, band)] += static_cast<float>(seconds);
    recordedSeconds_ += seconds;
    ++revision_;
}

void ReviewCoverage::setSeconds(int row, int column, int band, double seconds) {
    if (row < 0 || row >= rows_ || column < 0 || column >= columns_ || band < 0 || band >= kBands) return;
    seconds_[index(row, column, band)] = static_cast<float>(seconds);
    ++revision_;
}

bool ReviewCoverage::add(const ReviewCoverage& other) {
    if (other.slideSize_ != slideSize_ || other.cellSize_ != cellSize_ || other.seconds_.size() != seconds_.size())
        return false;
    for (size_t i = 0; i < seconds_.size(); ++i) seconds_[i] += other.seconds_[i];
    recordedSeconds_ += other.recordedSeconds_;
    ++revision_;
    return true;
}

void ReviewCoverage::clear() {
    std::fill(seconds_.begin(), seconds_.end(), 0.0F);
    recordedSeconds_ = 0.0;
    ++revision_;
}

double ReviewCoverage::secondsIn(int row, int column, int band) const {
    if (row < 0 || row >= rows_ || column < 0 || column >= columns_ || band < 0 || band >= kBands) return 0.0;
    return seconds_[index(row, column, band)];
}

double ReviewCoverage::secondsAtLeast(int row, int column, double minMagnification) const {
    if (row < 0 || row >= rows_ || column < 0 || column >= columns_) return 0.0;
    double sum = 0.0;
    for (int b = firstBandAtLeast(minMagnification); b < kBands; ++b) sum += seconds_[index(row, column, b)];
    return sum;
}

bool ReviewCoverage::seen(int row, int column, double minMagnification, double minSeconds) const {
    const double s = secondsAtLeast(row, column, minMagnification);
    return s > 0.0 && s >= minSeconds;
}

bool ReviewCoverage::seenAt(const QPointF& p, double minMagnification, double minSeconds) const {
    if (isNull() || p.x() < 0.0 || p.y() < 0.0) return false;
    const int column = static_cast<int>(p.x() / cellSize_);
    const int row = static_cast<int>(p.y() / cellSize_);
    return seen(row, column, minMagnification, minSeconds);
}

double ReviewCoverage::fractionSeen(double minMagnification, double minSeconds) const {
    if (isNull()) return 0.0;
    int count = 0;
    for (int r = 0; r < rows_; ++r)
        for (int c = 0; c < columns_; ++c) count += seen(r, c, minMagnification, minSeconds) ? 1 : 0;
    return static_cast<double>(count) / (static_cast<double>(rows_) * columns_);
}

int ReviewCoverage::cellsWithTime() const {
    int count = 0;
    for (int r = 0; r < rows_; ++r)
        for (int c = 0; c < columns_; ++c)
            for (int b = 0; b < kBands; ++b)
                if (seconds_[index(r, c, b)] > 0.0F) {
                    ++count;
                    break;
                }
    return count;
}

std::vector<float> ReviewCoverage::highestMagnificationPlane(double minSeconds) const {
    std::vector<float> plane(static_cast<size_t>(rows_) * static_cast<size_t>(columns_),
                             std::numeric_limits<float>::quiet_NaN());
    for (int r = 0; r < rows_; ++r)
        for (int c = 0; c < columns_; ++c) {
            // The highest edge E at which the cell counts as seen at >= E.
            double atLeast = 0.0;
            for (int b = kBands - 1; b >= 0; --b) {
                atLeast += seconds_[index(r, c, b)];
                if (atLeast > 0.0 && atLeast >= minSeconds) {
                    plane[static_cast<size_t>(r) * static_cast<size_t>(columns_) + static_cast<size_t>(c)] =
                        static_cast<float>(kBandEdges[static_cast<size_t>(b)]);
                    break;
                }
            }
        }
    return plane;
}

}  // namespace slidesight
