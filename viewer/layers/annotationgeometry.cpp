#include "viewer/layers/annotationgeometry.h"

#include "viewer/annotations/annotation.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>
#include <vector>

namespace slidesight {

namespace {

/// Squared distance from `p` to the segment a–b.
double squaredDistanceToSegment(const QPointF& p, const QPointF& a, const QPointF& b) {
    const double dx = b.x() - a.x();
    const double dy = b.y() - a.y();
    const double len2 = dx * dx + dy * dy;
    double t = 0.0;
    if (len2 > 0.0) t = std::clamp(((p.x() - a.x()) * dx + (p.y() - a.y()) * dy) / len2, 0.0, 1.0);
    const double ex = a.x() + t * dx - p.x();
    const double ey = a.y() + t * dy - p.y();
    return ex * ex + ey * ey;
}

/// Marks the vertices of points[first..last] that Douglas–Peucker keeps (first and last are
/// marked by the caller). Iterative: outlines with tens of thousands of vertices never
/// exhaust the stack.
void markKept(const QPolygonF& points, int first, int last, double tolerance2, std::vector<char>& keep) {
    std::vector<std::pair<int, int>> spans{{first, last}};
    while (!spans.empty()) {
        const auto [a, b] = spans.back();
        spans.pop_back();
        if (b - a < 2) continue;
        double worst = -1.0;
        int worstIndex = -1;
        for (int i = a + 1; i < b; ++i) {
            const double d = squaredDistanceToSegment(points[i], points[a], points[b]);
            if (d > worst) {
                worst = d;
                worstIndex = i;
            }
        }
        if (worst <= tolerance2) continue;
        keep[static_cast<std::size_t>(worstIndex)] = 1;
        spans.emplace_back(a, worstIndex);
        spans.emplace_back(worstIndex, b);
    }
}

QPolygonF collect(const QPolygonF& points, const std::vector<char>& keep) {
    QPolygonF out;
    out.reserve(static_cast<int>(std::count(keep.begin(), keep.end(), 1)));
    for (int i = 0; i < points.size(); ++i)
        if (keep[static_cast<std::size_t>(i)]) out.append(points[i]);
    return out;
}

}  // namespace

QPolygonF simplifyPolyline(const QPolygonF& polyline, double tolerance) {
    if (tolerance <= 0.0 || polyline.size() < 3) return polyline;
    std::vector<char> keep(static_cast<std::size_t>(polyline.size()), 0);
    keep.front() = 1;
    keep.back() = 1;
    markKept(polyline, 0, static_cast<int>(polyline.size()) - 1, tolerance * tolerance, keep);
    return collect(polyline, keep);
}

QPolygonF simplifyRing(const QPolygonF& ring, double tolerance) {
    if (tolerance <= 0.0 || ring.size() < 4) return ring;
    const int n = static_cast<int>(ring.size());
    // Split the ring at the vertex farthest from the first one and simplify both halves; the
    // last vertex stays, so the implied closing edge is never moved.
    int far = 0;
    double farthest = -1.0;
    for (int i = 1; i < n; ++i) {
        const QPointF d = ring[i] - ring[0];
        const double d2 = QPointF::dotProduct(d, d);
        if (d2 > farthest) {
            farthest = d2;
            far = i;
        }
    }
    std::vector<char> keep(static_cast<std::size_t>(n), 0);
    keep.front() = 1;
    keep[static_cast<std::size_t>(far)] = 1;
    keep.back() = 1;
    const double t2 = tolerance * tolerance;
    markKept(ring, 0, far, t2, keep);
    markKept(ring, far, n - 1, t2, keep);
    return collect(ring, keep);
}

double distanceToSegment(const QPointF& p, const QPointF& a, const QPointF& b) {
    return std::sqrt(squaredDistanceToSegment(p, a, b));
}

double distanceToPolyline(const QPointF& p, const QPolygonF& polyline, bool closed) {
    if (polyline.isEmpty()) return std::numeric_limits<double>::infinity();
    double best = squaredDistanceToSegment(p, polyline[0], polyline[0]);
    for (int i = 1; i < polyline.size(); ++i)
        best = std::min(best, squaredDistanceToSegment(p, polyline[i - 1], polyline[i]));
    if (closed && polyline.size() > 2)
        best = std::min(best, squaredDistanceToSegment(p, polyline.back(), polyline.front()));
    return std::sqrt(best);
}

bool rectsTouch(const QRectF& a, const QRectF& b) {
    const QRectF x = a.normalized();
    const QRectF y = b.normalized();
    return x.left() <= y.right() && y.left() <= x.right() && x.top() <= y.bottom() && y.top() <= x.bottom();
}

QRectF uniteBounds(const QRectF& a, const QRectF& b, bool any) {
    if (!any) return b;
    const double left = std::min(a.left(), b.left()), top = std::min(a.top(), b.top());
    return QRectF(left, top, std::max(a.right(), b.right()) - left, std::max(a.bottom(), b.bottom()) - top);
}

bool annotationHit(const Annotation& annotation, const QPointF& p, double tolerance) {
    if (!rectsTouch(annotation.bounds().adjusted(-tolerance, -tolerance, tolerance, tolerance), QRectF(p, p)))
        return false;
    if (annotation.isArea()) {
        for (const PolygonPart& part : annotation.parts) {
            if (distanceToPolyline(p, part.outer, true) <= tolerance) return true;
            if (!part.outer.containsPoint(p, Qt::OddEvenFill)) continue;
            const bool inHole = std::any_of(part.holes.begin(), part.holes.end(), [&p](const QPolygonF& hole) {
                return hole.containsPoint(p, Qt::OddEvenFill);
            });
            if (!inHole) return true;
        }
        return false;
    }
    if (annotation.geometry == AnnotationGeometry::Line) return distanceToPolyline(p, annotation.points, false) <= tolerance;
    return std::any_of(annotation.points.begin(), annotation.points.end(), [&](const QPointF& q) {
        const QPointF d = q - p;
        return QPointF::dotProduct(d, d) <= tolerance * tolerance;
    });
}

Annotation translatedAnnotation(const Annotation& annotation, const QPointF& offset) {
    Annotation moved = annotation;
    moved.points.translate(offset);
    for (PolygonPart& part : moved.parts) {
        part.outer.translate(offset);
        for (QPolygonF& hole : part.holes) hole.translate(offset);
    }
    return moved;
}

}  // namespace slidesight
