#pragma once

#include "viewer/annotations/annotation.h"
#include "viewer/annotations/annotationlimits.h"
#include "viewer/common/expected.h"

#include <QtCore/QByteArray>
#include <QtCore/QCoreApplication>
#include <QtCore/QString>


namespace slidesight {

/// ASAP's XML annotation files (Camelyon16 and the ASAP viewer):
/// `<ASAP_Annotations><Annotations><Annotation Name Type PartOfGroup Color><Coordinates>
/// <Coordinate Order X Y/>...` followed by `<AnnotationGroups><Group Name PartOfGroup Color>`.
///
/// Reading: types Dot (Point), PointSet (Points), Polygon, Spline (a polygon through its
/// control points; sourceType "Spline" is kept for writing), Rectangle, and the line types
/// Measurement and PolyLine (Line). Coordinates are sorted by Order; a value such as
/// "1234,5" (a decimal comma and no other separator) is read as 1234.5. PartOfGroup "None"
/// means no group. An annotation's Color becomes its own colour.
///
/// Writing: every annotation with its drawn colour (AnnotationSet::colourOf). ASAP has no
/// multi-part polygons and no holes, so each part is written as its own Polygon annotation
/// with the same name and each hole is joined to its outer outline by a zero-width cut (the
/// filled area is unchanged). Lines of two vertices are written as Measurement, longer ones
/// as PolyLine. Numbers are written in their shortest exact form.
///
/// Reentrant; no I/O (see AnnotationIO for files).
class AsapXml {
    Q_DECLARE_TR_FUNCTIONS(AsapXml)
public:
    /// The annotations in `data`, or one sentence naming the line that is wrong.
    static Expected<AnnotationSet> read(const QByteArray& data, const AnnotationLimits& limits = {});
    static QByteArray write(const AnnotationSet& set);
    /// Whether `data` looks like an ASAP file (its root element is ASAP_Annotations).
    static bool sniff(const QByteArray& data);
};

}  // namespace slidesight
