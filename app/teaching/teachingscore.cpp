#include "app/teaching/teachingscore.h"

#include "model/evaluation/agreement.h"
#include "viewer/annotations/rasterise.h"

#include <cmath>
#include <stdexcept>

namespace slidesight {

namespace {

constexpr int kCellsWithoutModel = 64;
constexpr double kMarkedFraction = 0.5;

/// Signed area and first moments of a ring (shoelace).
void accumulateRing(const QPolygonF& ring, double sign, double& area, double& mx, double& my) {
    const int n = ring.size();
    for (int i = 0; i < n; ++i) {
        const QPointF& p = ring[i];
        const QPointF& q = ring[(i + 1) % n];
        const double cross = p.x() * q.y() - q.x() * p.y();
        area += sign * cross / 2.0;
        mx += sign * (p.x() + q.x()) * cross / 6.0;
        my += sign * (p.y() + q.y()) * cross / 6.0;
    }
}

/// Area and centroid of an area annotation: outer rings count, holes subtract (each ring's
/// orientation is normalised first).
std::pair<double, QPointF> areaAndCentroid(const Annotation& a) {
    double area = 0, mx = 0, my = 0;
    for (const PolygonPart& part : a.parts) {
        const auto add = [&](const QPolygonF& ring, double sign) {
            double ra = 0, rx = 0, ry = 0;
            accumulateRing(ring, 1.0, ra, rx, ry);
            const double s = ra < 0 ? -sign : sign;  // counter-clockwise or not, outer adds
            area += s * ra;
            mx += s * rx;
            my += s * ry;
        };
        add(part.outer, 1.0);
        for (const QPolygonF& hole : part.holes) add(hole, -1.0);
    }
    if (area <= 0) return {0.0, a.bounds().center()};
    return {area, QPointF(mx / area, my / area)};
}

std::vector<const Annotation*> pointers(const std::vector<Annotation>& annotations) {
    std::vector<const Annotation*> out;
    out.reserve(annotations.size());
    for (const Annotation& a : annotations) out.push_back(&a);
    return out;
}

}  // namespace

namespace TeachingScoring {

GridGeometry gridWithoutModel(const QSizeF& levelZeroSize) {
    GridGeometry g;
    const double side = std::max(levelZeroSize.width(), levelZeroSize.height()) / kCellsWithoutModel;
    if (!(side > 0)) return g;
    g.cellSize = QSizeF(side, side);
    g.columns = std::max(1, static_cast<int>(std::ceil(levelZeroSize.width() / side)));
    g.rows = std::max(1, static_cast<int>(std::ceil(levelZeroSize.height() / side)));
    return g;
}

std::optional<QPointF> pointingPoint(const std::vector<Annotation>& marks) {
    double largest = 0;
    std::optional<QPointF> point;
    for (const Annotation& a : marks) {
        if (!a.isArea()) continue;
        const auto [area, centroid] = areaAndCentroid(a);
        if (area > largest) {
            largest = area;
            point = centroid;
        }
    }
    if (point) return point;
    for (const Annotation& a : marks)
        if ((a.geometry == AnnotationGeometry::Point || a.geometry == AnnotationGeometry::Points) && !a.points.isEmpty())
            return a.points.first();
    return std::nullopt;
}

TeachingScore score(const TeachingScoreInput& in) {
    const GridGeometry& g = in.grid;
    const size_t cells = static_cast<size_t>(g.rows) * static_cast<size_t>(g.columns);
    if (!in.map.empty() && in.map.size() != cells) throw std::invalid_argument("the map does not fit the grid");
    const RasterGrid raster{g.origin, g.cellSize, g.rows, g.columns};
    const std::vector<float> truth = AnnotationRasteriser::coverage(pointers(in.truth), raster);
    std::vector<float> marked = AnnotationRasteriser::coverage(pointers(in.marks), raster);
    std::vector<uint8_t> valid(cells, 1);
    if (!in.map.empty())
        for (size_t i = 0; i < cells; ++i) valid[i] = std::isfinite(in.map[i]) ? 1 : 0;

    TeachingScore out;
    out.rows = g.rows;
    out.columns = g.columns;
    bool anyTruthInValid = false;
    for (size_t i = 0; i < cells; ++i) {
        if (!valid[i]) continue;
        ++out.validCells;
        if (truth[i] > 0) anyTruthInValid = true;
    }
    for (const Annotation& a : in.truth) out.truthLesional = out.truthLesional || a.isArea();

    // The trainee.
    const model::Agreement trainee(g.rows, g.columns, marked, truth, valid);
    out.truthCells = trainee.report().truthCells;
    ReaderFigures& t = out.trainee;
    t.scored = true;
    t.cellAuc = trainee.report().auc;
    t.threshold = kMarkedFraction;
    t.dice = trainee.at(kMarkedFraction).dice;
    t.callsLesional = !in.marks.empty();
    t.pointingPoint = pointingPoint(in.marks);
    t.pointingDefined = t.pointingPoint.has_value() && anyTruthInValid;
    if (t.pointingDefined) {
        const auto cell = g.cellAt(*t.pointingPoint);
        t.pointingHit = cell && truth[static_cast<size_t>(cell->first) * g.columns + cell->second] > 0;
    }

    // The model.
    if (!in.map.empty()) {
        const model::Agreement map(g.rows, g.columns, in.map, truth);
        ReaderFigures& m = out.model;
        m.scored = true;
        m.cellAuc = map.report().auc;
        m.threshold = (map.minimum() + map.maximum()) / 2.0;
        m.dice = map.at(m.threshold).dice;
        m.pointingDefined = map.report().pointingDefined;
        m.pointingHit = map.report().pointingHit;
        if (m.pointingDefined) m.pointingPoint = g.cellRect(map.report().pointingCell.row, map.report().pointingCell.column).center();
        m.callsLesional = in.modelCallsLesional;
        m.lesionProbability = in.modelLesionProbability;
    }
    return out;
}

}  // namespace TeachingScoring

}  // namespace slidesight
