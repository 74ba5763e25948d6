#include "viewer/layers/normalisation.h"

#include <QtCore/QCoreApplication>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace slidesight {

namespace {

/// The finite values, sorted.
std::vector<float> sortedFinite(const std::vector<float>& raw) {
    std::vector<float> s;
    s.reserve(raw.size());
    for (float v : raw)
        if (std::isfinite(v)) s.push_back(v);
    std::sort(s.begin(), s.end());
    return s;
}

/// numpy.percentile's default ("linear"): position p / 100 * (n - 1), interpolated.
double percentileOf(const std::vector<float>& sorted, double percent) {
    const double p = std::clamp(percent, 0.0, 100.0) / 100.0 * static_cast<double>(sorted.size() - 1);
    const size_t below = static_cast<size_t>(std::floor(p));
    const size_t above = std::min(below + 1, sorted.size() - 1);
    const double f = p - static_cast<double>(below);
    return sorted[below] + (static_cast<double>(sorted[above]) - sorted[below]) * f;
}

/// low .. high to 0 .. 1, clamped; a range of zero width puts its value in the middle.
float toUnit(float v, double low, double high) {
    if (std::isnan(v)) return v;
    if (v < low) return 0.0f;
    if (v > high) return 1.0f;
    if (!(high > low)) return 0.5f;
    return static_cast<float>(std::clamp((v - low) / (high - low), 0.0, 1.0));
}

NormalisedValues linear(const std::vector<float>& raw, double low, double high) {
    NormalisedValues out;
    out.low = low;
    out.high = high;
    out.unit.resize(raw.size());
    std::transform(raw.begin(), raw.end(), out.unit.begin(), [low, high](float v) { return toUnit(v, low, high); });
    return out;
}

NormalisedValues ranked(const std::vector<float>& raw) {
    NormalisedValues out;
    out.unit.assign(raw.size(), std::numeric_limits<float>::quiet_NaN());
    std::vector<size_t> order;
    order.reserve(raw.size());
    for (size_t i = 0; i < raw.size(); ++i)
        if (std::isfinite(raw[i])) order.push_back(i);
    for (size_t i = 0; i < raw.size(); ++i)
        if (std::isinf(raw[i])) out.unit[i] = raw[i] > 0 ? 1.0f : 0.0f;
    if (order.empty()) return out;
    std::sort(order.begin(), order.end(), [&raw](size_t a, size_t b) { return raw[a] < raw[b]; });
    out.low = raw[order.front()];
    out.high = raw[order.back()];
    const size_t n = order.size();
    for (size_t first = 0; first < n;) {
        size_t last = first;
        while (last + 1 < n && raw[order[last + 1]] == raw[order[first]]) ++last;
        // Ties share the average of their ranks.
        const double rank = 0.5 * static_cast<double>(first + last);
        const float unit = n > 1 ? static_cast<float>(rank / static_cast<double>(n - 1)) : 0.5f;
        for (size_t k = first; k <= last; ++k) out.unit[order[k]] = unit;
        first = last + 1;
    }
    return out;
}

}  // namespace

QString normalisationKey(Normalisation normalisation) {
    switch (normalisation) {
    case Normalisation::Raw: return QStringLiteral("raw");
    case Normalisation::MinMax: return QStringLiteral("min-max");
    case Normalisation::Percentile: return QStringLiteral("percentile");
    case Normalisation::Rank: break;
    }
    return QStringLiteral("rank");
}

std::optional<Normalisation> normalisationFromKey(const QString& key) {
    const QString k = key.trimmed().toLower();
    for (Normalisation n : allNormalisations())
        if (normalisationKey(n) == k) return n;
    return std::nullopt;
}

QString normalisationDisplayName(Normalisation normalisation) {
    switch (normalisation) {
    case Normalisation::Raw: return QCoreApplication::translate("Normalisation", "Raw values");
    case Normalisation::MinMax: return QCoreApplication::translate("Normalisation", "Minimum to maximum");
    case Normalisation::Percentile: return QCoreApplication::translate("Normalisation", "Percentiles");
    case Normalisation::Rank: break;
    }
    return QCoreApplication::translate("Normalisation", "Rank");
}

std::vector<Normalisation> allNormalisations() {
    return {Normalisation::Raw, Normalisation::MinMax, Normalisation::Percentile, Normalisation::Rank};
}

bool DisplaySettings::operator==(const DisplaySettings& o) const {
    return colormap == o.colormap && normalisation == o.normalisation && rawLow == o.rawLow && rawHigh == o.rawHigh &&
           lowPercentile == o.lowPercentile && highPercentile == o.highPercentile && threshold == o.threshold;
}

NormalisedValues normalise(const std::vector<float>& raw, const DisplaySettings& settings) {
    switch (settings.normalisation) {
    case Normalisation::Raw:
        return linear(raw, std::min(settings.rawLow, settings.rawHigh), std::max(settings.rawLow, settings.rawHigh));
    case Normalisation::Rank: return ranked(raw);
    case Normalisation::MinMax:
    case Normalisation::Percentile: break;
    }
    const std::vector<float> sorted = sortedFinite(raw);
    if (sorted.empty()) return linear(raw, 0.0, 1.0);
    if (settings.normalisation == Normalisation::MinMax) return linear(raw, sorted.front(), sorted.back());
    double lowP = settings.lowPercentile;
    double highP = settings.highPercentile;
    if (lowP > highP) std::swap(lowP, highP);
    return linear(raw, percentileOf(sorted, lowP), percentileOf(sorted, highP));
}

}  // namespace slidesight
