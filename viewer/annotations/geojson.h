#pragma once

#include "viewer/annotations/annotation.h"
#include "viewer/annotations/annotationlimits.h"
#include "viewer/common/expected.h"

#include <QtCore/QByteArray>
#include <QtCore/QCoreApplication>
#include <QtCore/QString>


namespace slidesight {

/// GeoJSON as QuPath exports it: a FeatureCollection, a bare Feature or a bare array of
/// features, coordinates in level-0 pixels.
///
/// Reading: Point, MultiPoint, LineString, MultiLineString (one Line annotation per line
/// string), Polygon (outer ring, then holes), MultiPolygon (one annotation with several parts)
/// and GeometryCollection (one annotation per member). Closed rings lose their repeated last
/// vertex. properties.name is the name; properties.classification {name, color [r,g,b] or
/// colorRGB} the group and its colour; properties.color ([r,g,b] or an integer) the
/// annotation's own colour. Detections and cells (objectType "detection"/"cell") are read
/// like annotations, cells by their cell outline (the nucleus geometry is not kept).
///
/// Writing: a FeatureCollection of QuPath-style features (objectType "annotation", name,
/// classification with name and colour, the annotation's own colour). properties.metadata
/// .sourceType keeps a type GeoJSON lacks (Rectangle, Spline), so reading it back restores it.
///
/// Reentrant; no I/O (see AnnotationIO for files).
class GeoJson {
    Q_DECLARE_TR_FUNCTIONS(GeoJson)
public:
    /// The annotations in `data`, or one sentence naming the feature that is wrong
    /// (or, for invalid JSON, the line).
    static Expected<AnnotationSet> read(const QByteArray& data, const AnnotationLimits& limits = {});
    static QByteArray write(const AnnotationSet& set);
};

}  // namespace slidesight
