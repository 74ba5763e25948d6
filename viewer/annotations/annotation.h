#pragma once

#include <QtCore/QRectF>
#include <QtCore/QString>
#include <QtGui/QColor>
#include <QtGui/QPolygonF>

#include <optional>
#include <vector>

namespace slidesight {

/// The kind of shape, whatever file it came from (ASAP XML and QuPath GeoJSON both map here).
enum class AnnotationGeometry {
    Point,      ///< ASAP Dot, GeoJSON Point: `points` holds one vertex
    Points,     ///< ASAP PointSet, GeoJSON MultiPoint
    Line,       ///< GeoJSON LineString: an open polyline
    Polygon,    ///< ASAP Polygon/Spline, GeoJSON Polygon/MultiPolygon: `parts`
    Rectangle,  ///< ASAP Rectangle (and rectangles drawn in the viewer): one part, four vertices
};

/// One closed outline with its holes, in level-0 pixels.
struct PolygonPart {
    QPolygonF outer;
    std::vector<QPolygonF> holes;
};

/// `ring` without a last vertex that repeats the first (GeoJSON closes its rings that way;
/// PolygonPart keeps rings open).
QPolygonF openRing(QPolygonF ring);

/// One annotation in level-0 pixel coordinates.
struct Annotation {
    quint64 id = 0;                 ///< unique within its set (assigned by AnnotationSet::add)
    QString name;
    QString group;                  ///< the group's name; empty: no group
    AnnotationGeometry geometry = AnnotationGeometry::Polygon;
    QString sourceType;             ///< the file's own type name ("Spline", "Polygon", ...), kept for export
    QPolygonF points;               ///< Point, Points, Line
    std::vector<PolygonPart> parts; ///< Polygon, Rectangle
    std::optional<QColor> colour;   ///< its own colour; else the group's

    QRectF bounds() const;
    int vertexCount() const;
    bool isArea() const { return geometry == AnnotationGeometry::Polygon || geometry == AnnotationGeometry::Rectangle; }
};

/// A named group (ASAP group, QuPath classification) with its colour.
struct AnnotationGroup {
    QString name;
    QColor colour;
};

/// Every annotation of a slide and their groups.
class AnnotationSet {
public:
    const std::vector<Annotation>& annotations() const { return annotations_; }
    const std::vector<AnnotationGroup>& groups() const { return groups_; }

    /// Adds `annotation` with a new id (returned); adds its group (grey) if unknown.
    quint64 add(Annotation annotation);
    bool remove(quint64 id);
    /// Replaces the annotation with `annotation.id`; false if there is none.
    bool replace(const Annotation& annotation);
    const Annotation* find(quint64 id) const;
    /// Adds the group or updates its colour.
    void setGroup(const AnnotationGroup& group);
    const AnnotationGroup* group(const QString& name) const;
    /// The colour an annotation is drawn in: its own, else its group's, else a default.
    QColor colourOf(const Annotation& annotation) const;
    QRectF bounds() const;
    bool isEmpty() const { return annotations_.empty(); }

private:
    std::vector<Annotation> annotations_;
    std::vector<AnnotationGroup> groups_;
    quint64 nextId_ = 1;
};

}  // namespace slidesight
