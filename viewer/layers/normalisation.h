#pragma once

#include "viewer/layers/colormap.h"

#include <QtCore/QString>

#include <optional>
#include <vector>

namespace slidesight {

/// How raw values become colours (a display choice: the raw data never change).
enum class Normalisation {
    Raw,         ///< rawLow .. rawHigh map to 0 .. 1 (clamped)
    MinMax,      ///< the smallest .. largest value
    Percentile,  ///< the lowPercentile .. highPercentile percentiles (1 .. 99 by default)
    Rank,        ///< a value's rank among the values, ties averaged, scaled to 0 .. 1
};

QString normalisationKey(Normalisation normalisation);  ///< "raw", "min-max", "percentile", "rank"
std::optional<Normalisation> normalisationFromKey(const QString& key);
QString normalisationDisplayName(Normalisation normalisation);  ///< translated
std::vector<Normalisation> allNormalisations();

/// Everything that decides how one layer's values are coloured.
struct DisplaySettings {
    Colormap colormap = Colormap::Viridis;
    Normalisation normalisation = Normalisation::MinMax;
    double rawLow = 0.0;
    double rawHigh = 1.0;
    double lowPercentile = 1.0;
    double highPercentile = 99.0;
    /// In raw units: cells whose raw value is below it are not drawn.
    std::optional<double> threshold;

    bool operator==(const DisplaySettings& other) const;
    bool operator!=(const DisplaySettings& other) const { return !(*this == other); }
};

/// Values normalised to [0, 1] (NaN stays NaN), and the raw values that map to 0 and 1 (for
/// the legend; for Rank, the smallest and largest value).
struct NormalisedValues {
    std::vector<float> unit;
    double low = 0.0;
    double high = 1.0;
};

NormalisedValues normalise(const std::vector<float>& raw, const DisplaySettings& settings);

}  // namespace slidesight
