#pragma once

#include "viewer/layers/griddata.h"

#include <QtCore/QRectF>
#include <QtCore/QSizeF>
#include <QtCore/QString>
#include <QtGui/QPolygonF>

#include <array>
#include <vector>

namespace slidesight {

/// Where a reader has looked on one slide, and for how long: a coarse grid of level-0 cells
/// holding, per cell, the seconds it was in view in each magnification band. A cell is in view
/// when its centre lies in the visible area, so that a scripted pan gives counts one can work
/// out by hand. The bands follow the viewer's presets: below 1.25×, 1.25×, 2.5×, 5×, 10×, 20×,
/// 40× and above (a view at 14× counts in the 10× band); a view whose magnification is unknown
/// (no µm/px, no objective power) counts in the lowest band.
///
/// "Seen at ≥ M" sums the bands whose lower edge is at least M (M rounds up to a band edge):
/// a cell is seen when that sum reaches the dwell time (`minSeconds`), so that a region swept
/// past in a fast pan is not taken for reviewed.
///
/// A value: no threads, no I/O (CoverageFile reads and writes it).
class ReviewCoverage {
public:
    static constexpr int kBands = 7;
    /// Lower edges of the magnification bands.
    static constexpr std::array<double, kBands> kBandEdges = {0.0, 1.25, 2.5, 5.0, 10.0, 20.0, 40.0};
    /// The most cells a side a coverage grid may have (files declaring more are refused).
    static constexpr int kMaxCellsPerSide = 4096;

    /// The cell side for a slide: its long side in at most 256 cells, and no cell under 256 px.
    static double cellSizeFor(const QSizeF& slideSize);
    /// The band of a magnification (0 for 0, unknown or below 1.25×).
    static int bandOf(double magnification);

    ReviewCoverage() = default;
    /// An empty record for a slide of `slideSize` level-0 pixels in square cells of `cellSize`.
    ReviewCoverage(const QSizeF& slideSize, double cellSize);

    bool isNull() const { return rows_ == 0 || columns_ == 0; }
    QSizeF slideSize() const { return slideSize_; }
    double cellSize() const { return cellSize_; }
    int rows() const { return rows_; }
    int columns() const { return columns_; }
    GridGeometry geometry() const;

    /// Credits `seconds` in the band of `magnification` to every cell whose centre lies in the
    /// visible area (a rotated view's is a polygon).
    void record(const QPolygonF& visibleLevelZero, double magnification, double seconds);
    void record(const QRectF& visibleLevelZero, double magnification, double seconds);
    /// Sets one cell's seconds in one band (reading a file).
    void setSeconds(int row, int column, int band, double seconds);
    /// Sets the total time recorded (reading a file).
    void setRecordedSeconds(double seconds) { recordedSeconds_ = seconds; }
    /// Adds another record of the same grid (same slide size and cell size) to this one;
    /// false, changing nothing, for another grid.
    bool add(const ReviewCoverage& other);
    /// Forgets everything recorded.
    void clear();

    double secondsIn(int row, int column, int band) const;
    /// Seconds in the bands whose lower edge is at least `minMagnification`.
    double secondsAtLeast(int row, int column, double minMagnification) const;
    bool seen(int row, int column, double minMagnification, double minSeconds) const;
    /// Whether the cell holding a level-0 point was seen (false outside the grid).
    bool seenAt(const QPointF& levelZeroPoint, double minMagnification, double minSeconds) const;
    /// The fraction of all cells seen.
    double fractionSeen(double minMagnification, double minSeconds) const;
    /// Time recorded in all (the sum of the seconds given to record(), not per cell).
    double recordedSeconds() const { return recordedSeconds_; }
    /// Cells with any time at all.
    int cellsWithTime() const;
    /// Counts every change, so that a saved copy can tell whether it is current.
    quint64 revision() const { return revision_; }

    /// For the coverage layer: per cell the highest band edge E at which seen(E, minSeconds)
    /// holds, NaN where the cell was never seen (rows x columns).
    std::vector<float> highestMagnificationPlane(double minSeconds) const;

private:
    size_t index(int row, int column, int band) const {
        return (static_cast<size_t>(row) * static_cast<size_t>(columns_) + static_cast<size_t>(column)) * kBands +
               static_cast<size_t>(band);
    }
    static int firstBandAtLeast(double minMagnification);

    QSizeF slideSize_;
    double cellSize_ = 0.0;
    int rows_ = 0;
    int columns_ = 0;
    std::vector<float> seconds_;  ///< rows x columns x bands
    double recordedSeconds_ = 0.0;
    quint64 revision_ = 0;
};

}  // namespace slidesight
