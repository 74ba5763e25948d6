#pragma once

// Agreement between a grid-aligned map (attention, Grad-CAM) and annotated truth rasterised
// onto the same grid: cell-level AUC, Dice and IoU at a threshold, the pointing game and a
// Camelyon16-style FROC. Plain C++ (no Torch, no Qt), so the viewer and the command line share it.
//
// Conventions (all documented choices, see AgreementOptions):
// - A cell is valid when the caller's mask says so and its value is finite; every cell-level
//   statistic (AUC, Dice, IoU, FP/FN cells, pointing game, detections) uses valid cells only.
// - A truth cell is one whose annotated fraction is >= truthFraction (0.5 by default: the
//   annotation covers at least half of the cell).
// - At threshold t a cell is predicted positive when its value is >= t.
// - Lesions are the 8-connected components of truth cells (valid or not, so a lesion the map
//   has no value for still counts as missed).
// - Detections are the map's local maxima: plateaus (8-connected cells of equal value) that
//   have no larger valid neighbour and lie above the detection floor, one detection per
//   plateau at its first cell in row-major order, sorted by value, highest first (ties in
//   row-major order). A detection in a truth cell hits that cell's lesion (each lesion counts
//   once; further hits on it are neither true nor false positives); any other detection is a
//   false positive.
// - FROC on one slide: the sensitivity at an average of r false positives per slide is the
//   best sensitivity over detection thresholds that give at most r false positives, so the
//   rates 1/4 and 1/2 both mean "no false positive at all". The FROC score is the mean of the
//   sensitivities at 1/4, 1/2, 1, 2, 4 and 8 (Camelyon16).
// - Undefined statistics are NaN, with AgreementReport::problem saying why in one sentence.
//
// Agreement precomputes everything that does not depend on the threshold (the cells sorted by
// value with running truth counts), so at(threshold) costs O(log n) for the counts plus the
// length of the FP/FN lists. Immutable after construction; thread-safe to share.

#include <array>
#include <cstdint>
#include <limits>
#include <string>
#include <utility>
#include <vector>

namespace slidesight::model {

struct AgreementOptions {
    /// A cell is truth when its annotated fraction is at least this (0 < truthFraction <= 1).
    double truthFraction = 0.5;
    /// Detections must be strictly above this value; NaN (the default): above the smallest
    /// valid value of the map, so a constant map has no detection.
    double detectionFloor = std::numeric_limits<double>::quiet_NaN();
};

/// One grid cell, row-major index = row * columns + column.
struct AgreementCell {
    int row = 0;
    int column = 0;
    double value = 0.0;   ///< the map's value
    double truth = 0.0;   ///< the annotated fraction
};

/// The threshold-independent statistics.
struct AgreementReport {
    int rows = 0;
    int columns = 0;
    int validCells = 0;
    int truthCells = 0;            ///< truth cells among the valid cells
    int truthCellsWithoutValue = 0;///< truth cells the map has no value for (ignored by the cell metrics)
    double auc = 0.0;              ///< NaN when the valid cells are all truth or all not
    bool pointingDefined = false;  ///< false without valid cells or without any annotated valid cell
    bool pointingHit = false;      ///< the highest valid cell has an annotated fraction > 0
    AgreementCell pointingCell;    ///< the highest valid cell (first in row-major order among ties)
    int lesions = 0;
    int detections = 0;
    static constexpr std::array<double, 6> kFrocRates{0.25, 0.5, 1.0, 2.0, 4.0, 8.0};
    std::array<double, 6> frocSensitivity{};  ///< at kFrocRates; NaN without lesions
    double frocScore = 0.0;        ///< mean of frocSensitivity; NaN without lesions
    std::string problem;           ///< why something is undefined; empty when everything is
};

/// The statistics at one threshold.
struct AgreementAtThreshold {
    double threshold = 0.0;
    int64_t truePositives = 0, falsePositives = 0, falseNegatives = 0, trueNegatives = 0;
    double dice = 0.0;  ///< 2TP / (2TP + FP + FN); NaN when nothing is truth or predicted
    double iou = 0.0;   ///< TP / (TP + FP + FN); NaN likewise
    std::vector<AgreementCell> falsePositiveCells;  ///< highest value first (row-major among ties)
    std::vector<AgreementCell> falseNegativeCells;  ///< row-major order
};

class Agreement {
public:
    /// `values` and `truth` hold rows x columns cells, row-major; `valid` the same or empty
    /// (then every finite value is valid). Throws std::invalid_argument on mismatched sizes or
    /// a truthFraction outside (0, 1].
    Agreement(int rows, int columns, std::vector<float> values, std::vector<float> truth,
              std::vector<uint8_t> valid = {}, AgreementOptions options = {});

    const AgreementReport& report() const { return report_; }
    const AgreementOptions& options() const { return options_; }
    /// Smallest and largest valid value (NaN without valid cells), for a threshold slider.
    double minimum() const { return minimum_; }
    double maximum() const { return maximum_; }

    /// Dice, IoU, confusion counts and the FP/FN cells at `threshold` (value >= threshold is
    /// positive).
    AgreementAtThreshold at(double threshold) const;

    /// Sensitivity at the given false-positive counts from detections scored (value, lesion or
    /// -1 for a false positive), sorted by value, highest first; the FROC rule above. Public
    /// for tests and for pooling several slides.
    static std::vector<double> frocSensitivities(const std::vector<std::pair<double, int>>& detections, int lesions,
                                                 const std::vector<double>& fpCounts);

private:
    bool isValid(int index) const { return valid_[static_cast<size_t>(index)] != 0; }
    bool isTruth(int index) const { return truth_[static_cast<size_t>(index)] >= options_.truthFraction; }
    AgreementCell cell(int index) const;
    void computePointing();
    void computeFroc();
    std::vector<int> lesionLabels(int* count) const;
    std::vector<int> detectionCells() const;

    int rows_;
    int columns_;
    std::vector<float> values_;
    std::vector<float> truth_;
    std::vector<uint8_t> valid_;
    AgreementOptions options_;
    std::vector<int> order_;          ///< valid cells, value descending, row-major among ties
    std::vector<int> truthPrefix_;    ///< truth cells among order_[0..k)
    std::vector<int> truthByPosition_;///< valid truth cells, row-major
    double minimum_;
    double maximum_;
    AgreementReport report_;
};

}  // namespace slidesight::model
