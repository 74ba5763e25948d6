#pragma once

// How a trainee's marks and a model's map compare with a case's truth, on one grid, so that
// the two columns of the teaching dock and of the score sheet mean the same thing. Pure: runs
// on a worker thread with copies.
//
// The grid is the model's map grid (its cells, its valid cells: those the map has a value
// for); a case without a model is scored on a grid of 64 cells along the slide's longer side,
// every cell valid. The truth of a cell is the fraction of it inside the truth's areas
// (AnnotationRasteriser), a truth cell one at least half inside (model::AgreementOptions).
//
// Trainee: a cell's value is the fraction of it inside the trainee's areas (rectangles,
// polygons, freehand; points mark no area).
// - cell AUC: of those fractions against the truth cells (model::Agreement; ties count half);
// - Dice: cells at least half marked against the truth cells;
// - pointing game: the centroid of the trainee's largest area (else their first point) lies
//   in a cell with any truth in it;
// - slide call: lesional when anything at all is marked.
// Model: the map's values.
// - cell AUC: as above; Dice at the threshold halfway between the map's smallest and largest
//   value (the agreement dock's first threshold); pointing game: the highest cell has any truth
//   in it (model::Agreement);
// - slide call: lesional when the predicted class is not the first (the bundle's normal class),
//   with the probability 1 - p(first class).
// Undefined figures are NaN (no truth on the slide: AUC, Dice and pointing are undefined).

#include "viewer/annotations/annotation.h"
#include "viewer/layers/griddata.h"

#include <QtCore/QPointF>
#include <QtCore/QSizeF>

#include <limits>
#include <optional>
#include <vector>

namespace slidesight {

/// One reader's figures (the trainee's or the model's).
struct ReaderFigures {
    static constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
    bool scored = false;           ///< false: nothing to score (a case without a model, a run that failed)
    double cellAuc = kNaN;
    double dice = kNaN;
    double threshold = kNaN;       ///< the value at which a cell counts as marked
    bool pointingDefined = false;  ///< false without a pointing point or without truth on the grid
    bool pointingHit = false;
    std::optional<QPointF> pointingPoint;  ///< level-0
    bool callsLesional = false;
    double lesionProbability = kNaN;  ///< the model's; NaN for the trainee
};

struct TeachingScore {
    int rows = 0;
    int columns = 0;
    int validCells = 0;
    int truthCells = 0;  ///< valid cells at least half inside the truth
    bool truthLesional = false;
    ReaderFigures trainee;
    ReaderFigures model;
};

/// What a case is scored from.
struct TeachingScoreInput {
    GridGeometry grid;
    std::vector<Annotation> truth;  ///< the truth's annotations (areas count)
    std::vector<Annotation> marks;  ///< the trainee's
    /// The model's map on `grid`, row-major, NaN where it has no value; empty: no model.
    std::vector<float> map;
    bool modelCallsLesional = false;
    double modelLesionProbability = ReaderFigures::kNaN;
};

namespace TeachingScoring {

/// The grid of a case without a model: 64 square cells along the longer side of the slide.
GridGeometry gridWithoutModel(const QSizeF& levelZeroSize);
/// The trainee's pointing point: the area-weighted centroid of their largest area, else their
/// first point; none without marks.
std::optional<QPointF> pointingPoint(const std::vector<Annotation>& marks);
/// Scores a case; throws std::invalid_argument when `map` does not fit `grid`.
TeachingScore score(const TeachingScoreInput& input);

}  // namespace TeachingScoring

}  // namespace slidesight
