#pragma once

#include <QtCore/QPointF>
#include <QtCore/QRectF>
#include <QtGui/QPolygonF>

namespace slidesight {

struct Annotation;

/// Douglas–Peucker simplification of an open polyline: every removed vertex lies within
/// `tolerance` of the result, and the first and last vertices are always kept. A tolerance
/// <= 0 returns the polyline unchanged.
QPolygonF simplifyPolyline(const QPolygonF& polyline, double tolerance);

/// Simplification of a closed ring (the closing edge is implied; a repeated first vertex at
/// the end is kept as it is). The first vertex and the vertex farthest from it are kept, so a
/// ring larger than the tolerance never collapses below a triangle.
QPolygonF simplifyRing(const QPolygonF& ring, double tolerance);

/// Distance from `p` to the segment a–b.
double distanceToSegment(const QPointF& p, const QPointF& a, const QPointF& b);

/// Distance from `p` to the polyline (closed: the edge from last to first vertex included).
double distanceToPolyline(const QPointF& p, const QPolygonF& polyline, bool closed);

/// Whether `a` and `b` overlap, edges included; unlike QRectF::intersects this holds for
/// empty rectangles too (a point's bounds have no area).
bool rectsTouch(const QRectF& a, const QRectF& b);

/// The smallest rectangle holding both; unlike QRectF::united, a point's empty rectangle counts.
/// `any` false: `a` is ignored (nothing gathered yet).
QRectF uniteBounds(const QRectF& a, const QRectF& b, bool any = true);

/// Whether the annotation is under `p`: inside an area (and outside its holes), or within
/// `tolerance` level-0 pixels of a point, a line or an area's outline.
bool annotationHit(const Annotation& annotation, const QPointF& p, double tolerance);

/// The annotation moved by `offset`.
Annotation translatedAnnotation(const Annotation& annotation, const QPointF& offset);

}  // namespace slidesight
