#pragma once

#include "viewer/coverage/reviewcoverage.h"

#include <QtCore/QString>

namespace slidesight {

class HeatmapLayer;

/// The "coverage" layer: per coverage cell the highest magnification it was seen at (for the
/// dwell time), plasma from 0 to 40×, nothing where it was never seen.
namespace CoverageLayer {

inline const QString kId = QStringLiteral("coverage");

/// A new layer (hidden) showing `coverage`.
HeatmapLayer* create(const ReviewCoverage& coverage);
/// Gives the layer `coverage`'s current values.
void update(HeatmapLayer& layer, const ReviewCoverage& coverage);

}  // namespace CoverageLayer

}  // namespace slidesight
