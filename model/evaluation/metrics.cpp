#include "model/evaluation/metrics.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <stdexcept>

namespace slidesight::model {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

void requireSameSize(std::size_t a, std::size_t b, const char* what) {
    if (a != b) throw std::invalid_argument(std::string(what) + ": the two sequences differ in length");
}

/// Sum over groups of tied values of t^3 - t (t = group size), for the tie corrections.
double tieTerm(const std::vector<double>& values) {
    std::vector<double> sorted = values;
    std::sort(sorted.begin(), sorted.end());
    double term = 0.0;
    for (std::size_t i = 0; i < sorted.size();) {
        std::size_t j = i;
        while (j < sorted.size() && sorted[j] == sorted[i]) ++j;
        const double t = static_cast<double>(j - i);
        term += t * t * t - t;
        i = j;
    }
    return term;
}

/// P(W+ <= w) for n untied ranks 1..n under the null: counts of subset sums over 2^n.
double exactLowerTail(std::size_t n, double w) {
    const std::size_t maxSum = n * (n + 1) / 2;
    std::vector<double> counts(maxSum + 1, 0.0);
    counts[0] = 1.0;
    for (std::size_t rank = 1; rank <= n; ++rank)
        for (std::size_t s = maxSum; s >= rank; --s) counts[s] += counts[s - rank];
    const auto limit = static_cast<std::size_t>(std::floor(w + 1e-9));
    double below = 0.0;
    for (std::size_t s = 0; s <= std::min(limit, maxSum); ++s) below += counts[s];
    return below / std::ldexp(1.0, static_cast<int>(n));
}

}  // namespace

std::vector<double> midranks(const std::vector<double>& values) {
    std::vector<std::size_t> order(values.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](std::size_t i, std::size_t j) { return values[i] < values[j]; });
    std::vector<double> ranks(values.size());
    for (std::size_t i = 0; i < order.size();) {
        std::size_t j = i;
        while (j < order.size() && values[order[j]] == values[order[i]]) ++j;
        // Positions i..j-1 (0-based) share the mean of the ranks i+1..j.
        const double rank = 0.5 * static_cast<double>(i + 1 + j);
        for (std::size_t k = i; k < j; ++k) ranks[order[k]] = rank;
        i = j;
    }
    return ranks;
}

double rocAuc(const std::vector<double>& scores, const std::vector<int>& labels) {
    requireSameSize(scores.size(), labels.size(), "rocAuc");
    const std::vector<double> ranks = midranks(scores);
    double positives = 0.0, rankSum = 0.0;
    for (std::size_t i = 0; i < scores.size(); ++i)
        if (labels[i] != 0) {
            positives += 1.0;
            rankSum += ranks[i];
        }
    const double negatives = static_cast<double>(scores.size()) - positives;
    if (positives == 0.0 || negatives == 0.0) return kNaN;
    return (rankSum - positives * (positives + 1.0) / 2.0) / (positives * negatives);
}

double spearman(const std::vector<double>& a, const std::vector<double>& b) {
    requireSameSize(a.size(), b.size(), "spearman");
    if (a.size() < 2) return kNaN;
    const std::vector<double> ra = midranks(a), rb = midranks(b);
    const double ma = mean(ra), mb = mean(rb);
    double sab = 0.0, saa = 0.0, sbb = 0.0;
    for (std::size_t i = 0; i < ra.size(); ++i) {
        sab += (ra[i] - ma) * (rb[i] - mb);
        saa += (ra[i] - ma) * (ra[i] - ma);
        sbb += (rb[i] - mb) * (rb[i] - mb);
    }
    if (saa == 0.0 || sbb == 0.0) return kNaN;
    return sab / std::sqrt(saa * sbb);
}

double mean(const std::vector<double>& values) {
    if (values.empty()) return kNaN;
    return std::accumulate(values.begin(), values.end(), 0.0) / static_cast<double>(values.size());
}

double sampleStd(const std::vector<double>& values) {
    if (values.size() < 2) return kNaN;
    const double m = mean(values);
    double sum = 0.0;
    for (const double v : values) sum += (v - m) * (v - m);
    return std::sqrt(sum / static_cast<double>(values.size() - 1));
}

WilcoxonResult wilcoxonSignedRank(const std::vector<double>& a, const std::vector<double>& b) {
    requireSameSize(a.size(), b.size(), "wilcoxonSignedRank");
    std::vector<double> differences;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (a[i] - b[i] != 0.0) differences.push_back(a[i] - b[i]);
    WilcoxonResult result;
    result.n = differences.size();
    if (result.n == 0) return result;
    std::vector<double> magnitudes(differences.size());
    std::transform(differences.begin(), differences.end(), magnitudes.begin(), [](double d) { return std::abs(d); });
    const std::vector<double> ranks = midranks(magnitudes);
    for (std::size_t i = 0; i < differences.size(); ++i) (differences[i] > 0 ? result.wPlus : result.wMinus) += ranks[i];
    result.statistic = std::min(result.wPlus, result.wMinus);
    const double ties = tieTerm(magnitudes);
    result.ties = ties > 0.0;
    const auto n = static_cast<double>(result.n);
    if (result.n <= 25 && !result.ties) {
        result.exact = true;
        result.pValue = std::min(1.0, 2.0 * exactLowerTail(result.n, result.statistic));
        return result;
    }
    const double expected = n * (n + 1.0) / 4.0;
    const double variance = n * (n + 1.0) * (2.0 * n + 1.0) / 24.0 - ties / 48.0;
    if (variance <= 0.0) return result;
    const double distance = result.statistic - expected;
    const double correction = distance > 0 ? 0.5 : (distance < 0 ? -0.5 : 0.0);
    result.z = (distance - correction) / std::sqrt(variance);
    result.pValue = std::min(1.0, std::erfc(std::abs(result.z) / std::sqrt(2.0)));
    return result;
}

}  // namespace slidesight::model
