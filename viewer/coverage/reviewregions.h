#pragma once

#include "viewer/coverage/reviewcoverage.h"
#include "viewer/layers/griddata.h"

#include <QtCore/QPointF>
#include <QtCore/QRectF>

#include <vector>

namespace slidesight {

/// What counts as the model's top regions and as reviewed.
struct ReviewOptions {
    int topK = 10;                 ///< regions ranked
    double topFraction = 0.05;     ///< the highest fraction of the map's cells that make up the regions
    double minMagnification = 10;  ///< seen at this magnification or more (rounded up to a band edge)
    double minSeconds = 0.5;       ///< for at least this long (dwell)
    double reviewedFraction = 0.5; ///< a region is reviewed when this fraction of its cells was seen
};

/// One region the model weighted most: 8-connected cells among the map's top cells.
struct ReviewRegion {
    int rank = 0;             ///< 1 for the region with the highest value
    double score = 0.0;       ///< its highest value
    QPointF peak;             ///< level-0 centre of its highest cell (where Next goes)
    QRectF bounds;            ///< level-0 rectangle around its cells
    int cells = 0;            ///< map cells in it
    int seenCells = 0;        ///< of which seen (the coverage cell holding the cell's centre)
    bool reviewed = false;    ///< seenCells >= reviewedFraction * cells
};

struct ReviewReport {
    std::vector<ReviewRegion> regions;  ///< best first, at most topK
    int reviewed = 0;                   ///< regions reviewed
    int topCells = 0;                   ///< map cells at or above the cut
    double cut = 0.0;                   ///< the value of the lowest top cell
    double fractionSeen = 0.0;          ///< of the whole slide, at the options' magnification and dwell
};

/// Ranks the regions of a map (one plane, rows x columns on `geometry`, NaN where the map has
/// no value) and checks each against what was seen. The top cells are the
/// ceil(topFraction x valid cells) highest (ties at the cut included); 8-connected top cells
/// form a region, ranked by its highest value (ties: the region whose first cell comes first
/// in row-major order).
ReviewReport reviewReport(const GridGeometry& geometry, const std::vector<float>& plane, const ReviewCoverage& coverage,
                          const ReviewOptions& options);

}  // namespace slidesight
