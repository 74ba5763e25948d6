#include "model/evaluation/agreement.h"

#include "model/evaluation/metrics.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>

namespace slidesight::model {

namespace {

/// Calls `visit(neighbour)` for the up to eight cells around `index`.
template <typename Visit>
void forNeighbours(int index, int rows, int columns, Visit&& visit) {
    const int row = index / columns;
    const int column = index % columns;
    for (int dr = -1; dr <= 1; ++dr) {
        for (int dc = -1; dc <= 1; ++dc) {
            const int r = row + dr;
            const int c = column + dc;
            if ((dr != 0 || dc != 0) && r >= 0 && r < rows && c >= 0 && c < columns) visit(r * columns + c);
        }
    }
}

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

}  // namespace

Agreement::Agreement(int rows, int columns, std::vector<float> values, std::vector<float> truth,
                     std::vector<uint8_t> valid, AgreementOptions options)
    : rows_(rows), columns_(columns), values_(std::move(values)), truth_(std::move(truth)), valid_(std::move(valid)),
      options_(options), minimum_(kNaN), maximum_(kNaN) {
    if (rows < 0 || columns < 0) throw std::invalid_argument("Agreement: negative grid size");
    const size_t n = static_cast<size_t>(rows) * static_cast<size_t>(columns);
    if (values_.size() != n || truth_.size() != n || (!valid_.empty() && valid_.size() != n))
        throw std::invalid_argument("Agreement: the map, the truth and the mask must all have rows x columns cells");
    if (!(options_.truthFraction > 0.0 && options_.truthFraction <= 1.0))
        throw std::invalid_argument("Agreement: the truth fraction must lie in (0, 1]");
    if (valid_.empty()) valid_.assign(n, 1);
    for (size_t i = 0; i < n; ++i) valid_[i] = (valid_[i] != 0 && std::isfinite(values_[i])) ? 1 : 0;

    report_.rows = rows;
    report_.columns = columns;
    std::vector<double> scores;
    std::vector<int> labels;
    for (int i = 0; i < static_cast<int>(n); ++i) {
        if (!isValid(i)) {
            if (isTruth(i)) ++report_.truthCellsWithoutValue;
            continue;
        }
        order_.push_back(i);
        scores.push_back(values_[static_cast<size_t>(i)]);
        labels.push_back(isTruth(i) ? 1 : 0);
        if (isTruth(i)) truthByPosition_.push_back(i);
    }
    report_.validCells = static_cast<int>(order_.size());
    report_.truthCells = static_cast<int>(truthByPosition_.size());
    // Stable: row-major order among equal values.
    std::stable_sort(order_.begin(), order_.end(),
                     [this](int a, int b) { return values_[static_cast<size_t>(a)] > values_[static_cast<size_t>(b)]; });
    truthPrefix_.assign(order_.size() + 1, 0);
    for (size_t k = 0; k < order_.size(); ++k) truthPrefix_[k + 1] = truthPrefix_[k] + (isTruth(order_[k]) ? 1 : 0);
    if (!order_.empty()) {
        maximum_ = values_[static_cast<size_t>(order_.front())];
        minimum_ = values_[static_cast<size_t>(order_.back())];
    }

    report_.auc = rocAuc(scores, labels);
    if (report_.validCells == 0)
        report_.problem = "The map has no value on any cell.";
    else if (report_.truthCells == 0)
        report_.problem = "No cell with a value is annotated as truth, so AUC, Dice, IoU and FROC are undefined.";
    else if (report_.truthCells == report_.validCells)
        report_.problem = "Every cell with a value is annotated as truth, so the AUC is undefined.";
    computePointing();
    computeFroc();
}

AgreementCell Agreement::cell(int index) const {
    const auto i = static_cast<size_t>(index);
    return {index / columns_, index % columns_, values_[i], truth_[i]};
}

void Agreement::computePointing() {
    if (order_.empty()) return;
    report_.pointingCell = cell(order_.front());
    bool annotated = false;
    for (const int i : order_) annotated = annotated || truth_[static_cast<size_t>(i)] > 0.0f;
    report_.pointingDefined = annotated;
    report_.pointingHit = annotated && report_.pointingCell.truth > 0.0;
}

std::vector<int> Agreement::lesionLabels(int* count) const {
    std::vector<int> label(truth_.size(), -1);
    std::vector<int> stack;
    *count = 0;
    for (int start = 0; start < static_cast<int>(truth_.size()); ++start) {
        if (!isTruth(start) || label[static_cast<size_t>(start)] >= 0) continue;
        const int id = (*count)++;
        label[static_cast<size_t>(start)] = id;
        stack.assign(1, start);
        while (!stack.empty()) {
            const int at = stack.back();
            stack.pop_back();
            forNeighbours(at, rows_, columns_, [&](int next) {
                if (isTruth(next) && label[static_cast<size_t>(next)] < 0) {
                    label[static_cast<size_t>(next)] = id;
                    stack.push_back(next);
                }
            });
        }
    }
    return label;
}

std::vector<int> Agreement::detectionCells() const {
    const double floor = std::isnan(options_.detectionFloor) ? minimum_ : options_.detectionFloor;
    std::vector<uint8_t> seen(values_.size(), 0);
    std::vector<int> plateau;
    std::vector<int> found;
    for (int start = 0; start < static_cast<int>(values_.size()); ++start) {
        if (!isValid(start) || seen[static_cast<size_t>(start)]) continue;
        // The plateau of equal valid cells around `start`, which is its first cell in
        // row-major order (any earlier one would have been seen already).
        const float value = values_[static_cast<size_t>(start)];
        bool maximum = true;
        plateau.assign(1, start);
        seen[static_cast<size_t>(start)] = 1;
        for (size_t k = 0; k < plateau.size(); ++k) {
            forNeighbours(plateau[k], rows_, columns_, [&](int next) {
                if (!isValid(next)) return;
                const float v = values_[static_cast<size_t>(next)];
                if (v > value) maximum = false;
                if (v == value && !seen[static_cast<size_t>(next)]) {
                    seen[static_cast<size_t>(next)] = 1;
                    plateau.push_back(next);
                }
            });
        }
        if (maximum && value > floor) found.push_back(start);
    }
    std::stable_sort(found.begin(), found.end(),
                     [this](int a, int b) { return values_[static_cast<size_t>(a)] > values_[static_cast<size_t>(b)]; });
    return found;
}

void Agreement::computeFroc() {
    const std::vector<int> label = lesionLabels(&report_.lesions);
    std::vector<std::pair<double, int>> scored;
    for (const int i : detectionCells()) scored.emplace_back(values_[static_cast<size_t>(i)], label[static_cast<size_t>(i)]);
    report_.detections = static_cast<int>(scored.size());
    const std::vector<double> rates(AgreementReport::kFrocRates.begin(), AgreementReport::kFrocRates.end());
    const std::vector<double> sensitivity = frocSensitivities(scored, report_.lesions, rates);
    std::copy(sensitivity.begin(), sensitivity.end(), report_.frocSensitivity.begin());
    report_.frocScore = report_.lesions == 0 ? kNaN : mean(sensitivity);
    if (report_.lesions == 0 && report_.problem.empty())
        report_.problem = "The annotations cover no cell enough to count as a lesion, so the FROC is undefined.";
}

std::vector<double> Agreement::frocSensitivities(const std::vector<std::pair<double, int>>& detections, int lesions,
                                                 const std::vector<double>& fpCounts) {
    std::vector<double> out(fpCounts.size(), lesions > 0 ? 0.0 : kNaN);
    if (lesions <= 0) return out;
    // Operating points after each group of equal scores: (false positives, lesions hit).
    std::vector<std::pair<int64_t, int>> points{{0, 0}};
    std::vector<uint8_t> hit(static_cast<size_t>(lesions), 0);
    int64_t falsePositives = 0;
    int hits = 0;
    for (size_t k = 0; k < detections.size(); ++k) {
        const int lesion = detections[k].second;
        if (lesion < 0) {
            ++falsePositives;
        } else if (lesion < lesions && !hit[static_cast<size_t>(lesion)]) {
            hit[static_cast<size_t>(lesion)] = 1;
            ++hits;
        }
        if (k + 1 == detections.size() || detections[k + 1].first != detections[k].first)
            points.emplace_back(falsePositives, hits);
    }
    for (size_t r = 0; r < fpCounts.size(); ++r) {
        int best = 0;
        for (const auto& [fp, h] : points)
            if (static_cast<double>(fp) <= fpCounts[r]) best = std::max(best, h);
        out[r] = static_cast<double>(best) / lesions;
    }
    return out;
}

AgreementAtThreshold Agreement::at(double threshold) const {
    AgreementAtThreshold out;
    out.threshold = threshold;
    const auto end = std::partition_point(order_.begin(), order_.end(),
                                          [&](int i) { return values_[static_cast<size_t>(i)] >= threshold; });
    const auto k = static_cast<size_t>(end - order_.begin());
    out.truePositives = truthPrefix_[k];
    out.falsePositives = static_cast<int64_t>(k) - out.truePositives;
    out.falseNegatives = report_.truthCells - out.truePositives;
    out.trueNegatives = report_.validCells - static_cast<int64_t>(k) - out.falseNegatives;
    const auto tp = static_cast<double>(out.truePositives);
    const double wrong = static_cast<double>(out.falsePositives + out.falseNegatives);
    out.dice = (2 * tp + wrong) > 0 ? 2 * tp / (2 * tp + wrong) : kNaN;
    out.iou = (tp + wrong) > 0 ? tp / (tp + wrong) : kNaN;
    out.falsePositiveCells.reserve(static_cast<size_t>(out.falsePositives));
    for (auto it = order_.begin(); it != end; ++it)
        if (!isTruth(*it)) out.falsePositiveCells.push_back(cell(*it));
    out.falseNegativeCells.reserve(static_cast<size_t>(out.falseNegatives));
    for (const int i : truthByPosition_)
        if (!(values_[static_cast<size_t>(i)] >= threshold)) out.falseNegativeCells.push_back(cell(i));
    return out;
}

}  // namespace slidesight::model
