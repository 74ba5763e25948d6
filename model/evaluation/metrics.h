#pragma once

// Evaluation statistics for the model protocols (spec, "Attention-based classifier":
// AUC, Spearman correlation, Wilcoxon signed-rank test) and for annotation agreement. Plain
// C++ (no Torch, no Qt), so any module can use them.
//
// All functions are pure and thread-safe. Sizes that do not match throw std::invalid_argument;
// a statistic that is undefined for the data (one class only, a constant sequence) is NaN.

#include <cstddef>
#include <vector>

namespace slidesight::model {

/// 1-based ranks of `values` in ascending order, tied values sharing the mean of their ranks
/// (midranks): {10, 20, 20, 30} -> {1, 2.5, 2.5, 4}.
std::vector<double> midranks(const std::vector<double>& values);

/// Area under the ROC curve of `scores` for binary `labels` (non-zero = positive), from the
/// Mann-Whitney U statistic with midranks, so a tie between a positive and a negative counts
/// one half: AUC = (R+ - n+(n+ + 1)/2) / (n+ n-), R+ the rank sum of the positives.
/// NaN when either class is absent.
double rocAuc(const std::vector<double>& scores, const std::vector<int>& labels);

/// Spearman's rank correlation: Pearson's correlation of the midranks. NaN when either
/// sequence is constant or has fewer than two values.
double spearman(const std::vector<double>& a, const std::vector<double>& b);

/// Mean; NaN when empty.
double mean(const std::vector<double>& values);
/// Sample standard deviation (divisor n - 1); NaN with fewer than two values.
double sampleStd(const std::vector<double>& values);

/// The Wilcoxon signed-rank test of paired samples, two-sided.
struct WilcoxonResult {
    std::size_t n = 0;        ///< pairs with a non-zero difference (zero differences are dropped)
    double wPlus = 0.0;       ///< sum of the midranks of |d| for positive d = a - b
    double wMinus = 0.0;      ///< the same for negative d
    double statistic = 0.0;   ///< min(W+, W-)
    double z = 0.0;           ///< the normal approximation's z (0 when the exact test was used)
    double pValue = 1.0;      ///< two-sided; 1 when n = 0 (no difference at all)
    bool exact = false;       ///< true: exact null distribution (n <= 25, no ties among |d|)
    bool ties = false;        ///< some non-zero |d| were tied
};

/// Zero differences are dropped, ties among |d| get midranks. For n <= 25 without ties the
/// p-value is exact: 2 P(W <= min(W+, W-)) under the null (all 2^n sign patterns equally
/// likely), at most 1. Otherwise the normal approximation with the tie correction of the
/// variance, n(n+1)(2n+1)/24 - sum(t^3 - t)/48, and a continuity correction of 1/2 towards the
/// mean (as scipy.stats.wilcoxon with correction=True).
WilcoxonResult wilcoxonSignedRank(const std::vector<double>& a, const std::vector<double>& b);

}  // namespace slidesight::model
