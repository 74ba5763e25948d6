#include "viewer/annotations/geojson.h"
#include "viewer/common/qstringfailure.h"

#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>

#include <algorithm>
#include <cmath>

namespace slidesight {

namespace {

/// [r, g, b], a packed (A)RGB integer as QuPath's colorRGB, or a colour name; invalid otherwise.
QColor colourFromJson(const QJsonValue& value) {
    if (value.isArray()) {
        const QJsonArray rgb = value.toArray();
        if (rgb.size() < 3) return {};
        for (int i = 0; i < 3; ++i)
            if (!rgb[i].isDouble()) return {};
        // Clamped as doubles first: a huge or non-finite number must not reach an integer cast.
        const auto channel = [&](int i) {
            const double v = rgb[i].toDouble();
            return std::isfinite(v) ? static_cast<int>(std::lround(std::clamp(v, 0.0, 255.0))) : 0;
        };
        return QColor(channel(0), channel(1), channel(2));
    }
    if (value.isDouble()) {
        // QuPath writes a signed 32-bit ARGB integer; anything outside 32 bits is no colour.
        const double number = value.toDouble();
        if (!std::isfinite(number) || number < -2147483648.0 || number > 4294967295.0) return {};
        const auto packed = static_cast<quint32>(static_cast<qint64>(number));
        return QColor(qRed(packed), qGreen(packed), qBlue(packed));
    }
    if (value.isString()) return QColor::fromString(value.toString());
    return {};
}

QJsonArray colourToJson(const QColor& colour) { return QJsonArray{colour.red(), colour.green(), colour.blue()}; }

QJsonArray positionToJson(const QPointF& p) { return QJsonArray{p.x(), p.y()}; }

QJsonArray positionsToJson(const QPolygonF& points, bool close) {
    QJsonArray array;
    for (const QPointF& p : points) array.append(positionToJson(p));
    if (close && !points.isEmpty()) array.append(positionToJson(points.constFirst()));
    return array;
}

QJsonArray partToJson(const PolygonPart& part) {
    QJsonArray rings{positionsToJson(part.outer, true)};
    for (const QPolygonF& hole : part.holes) rings.append(positionsToJson(hole, true));
    return rings;
}

/// Reads the features; every failure names the feature (counting from 1).
class FeatureReader {
public:
    explicit FeatureReader(const AnnotationLimits& limits) : limits(limits) {}

    const AnnotationLimits limits;
    QString error;
    std::vector<Annotation> annotations;
    std::vector<AnnotationGroup> groups;

    bool readFeature(const QJsonValue& value, int index) {
        index_ = index;
        if (!value.isObject()) return fail(GeoJson::tr("it is not a JSON object"));
        const QJsonObject feature = value.toObject();
        // A bare geometry stands for a feature without properties.
        const bool bare = feature.value(QLatin1String("type")).toString() != QLatin1String("Feature") &&
                          !feature.contains(QLatin1String("geometry"));
        const QJsonValue geometry = bare ? value : feature.value(QLatin1String("geometry"));
        if (!geometry.isObject()) return fail(GeoJson::tr("it has no geometry"));
        const QJsonObject properties = feature.value(QLatin1String("properties")).toObject();
        Annotation base;
        base.name = properties.value(QLatin1String("name")).toString();
        const QColor own = colourFromJson(properties.value(QLatin1String("color")));
        if (own.isValid()) base.colour = own;
        const QJsonObject classification = properties.value(QLatin1String("classification")).toObject();
        base.group = classification.value(QLatin1String("name")).toString();
        if (!base.group.isEmpty()) {
            QColor colour = colourFromJson(classification.value(QLatin1String("color")));
            if (!colour.isValid()) colour = colourFromJson(classification.value(QLatin1String("colorRGB")));
            const bool known = std::any_of(groups.begin(), groups.end(), [&](const AnnotationGroup& g) { return g.name == base.group; });
            if (!known) groups.push_back({base.group, colour.isValid() ? colour : QColor(128, 128, 128)});
        }
        sourceType_ = properties.value(QLatin1String("metadata")).toObject().value(QLatin1String("sourceType")).toString();
        return readGeometry(geometry.toObject(), base);
    }

private:
    bool fail(const QString& what) {
        error = GeoJson::tr("Feature %1: %2.").arg(index_).arg(what);
        return false;
    }

    bool position(const QJsonValue& value, const QString& type, QPointF* point) {
        const QJsonArray xy = value.toArray();
        if (!value.isArray() || xy.size() < 2) return fail(GeoJson::tr("a position of the %1 is not an [x, y] pair").arg(type));
        if (!xy[0].isDouble() || !xy[1].isDouble() || !std::isfinite(xy[0].toDouble()) || !std::isfinite(xy[1].toDouble()))
            return fail(GeoJson::tr("a coordinate of the %1 is not a number").arg(type));
        if (++vertices_ > limits.maxVertices)
            return fail(GeoJson::tr("the file has more than %L1 positions").arg(limits.maxVertices));
        *point = QPointF(xy[0].toDouble(), xy[1].toDouble());
        return true;
    }

    bool positions(const QJsonValue& value, const QString& type, QPolygonF* points) {
        if (!value.isArray()) return fail(GeoJson::tr("the %1's coordinates are not a list of positions").arg(type));
        for (const QJsonValue& p : value.toArray()) {
            QPointF point;
            if (!position(p, type, &point)) return false;
            *points << point;
        }
        return true;
    }

    bool polygonPart(const QJsonValue& value, const QString& type, PolygonPart* part) {
        const QJsonArray rings = value.toArray();
        if (!value.isArray() || rings.isEmpty()) return fail(GeoJson::tr("the %1 is empty").arg(type));
        for (qsizetype r = 0; r < rings.size(); ++r) {
            QPolygonF ring;
            if (!positions(rings[r], type, &ring)) return false;
            ring = openRing(ring);
            if (ring.size() < 3) return fail(GeoJson::tr("a ring of the %1 has fewer than 3 vertices").arg(type));
            if (r == 0) part->outer = ring;
            else part->holes.push_back(ring);
        }
        return true;
    }

    bool readGeometry(const QJsonObject& geometry, const Annotation& base, int nesting = 0) {
        const QString type = geometry.value(QLatin1String("type")).toString();
        if (type == QLatin1String("GeometryCollection")) {
            if (nesting >= limits.maxGeometryNesting)
                return fail(GeoJson::tr("its GeometryCollections nest more than %1 deep").arg(limits.maxGeometryNesting));
            for (const QJsonValue& member : geometry.value(QLatin1String("geometries")).toArray())
                if (!readGeometry(member.toObject(), base, nesting + 1)) return false;
            return true;
        }
        if (!geometry.contains(QLatin1String("coordinates")) && !type.isEmpty() &&
            QStringList{QStringLiteral("Point"), QStringLiteral("MultiPoint"), QStringLiteral("LineString"),
                        QStringLiteral("MultiLineString"), QStringLiteral("Polygon"), QStringLiteral("MultiPolygon")}
                .contains(type))
            return fail(GeoJson::tr("the %1 has no coordinates").arg(type));
        const QJsonValue coordinates = geometry.value(QLatin1String("coordinates"));
        Annotation a = base;
        a.sourceType = sourceType_.isEmpty() ? type : sourceType_;
        if (type == QLatin1String("Point")) {
            QPointF p;
            if (!position(coordinates, type, &p)) return false;
            a.geometry = AnnotationGeometry::Point;
            a.points << p;
        } else if (type == QLatin1String("MultiPoint") || type == QLatin1String("LineString")) {
            if (!positions(coordinates, type, &a.points)) return false;
            const bool line = type == QLatin1String("LineString");
            if (a.points.size() < (line ? 2 : 1))
                return fail(line ? GeoJson::tr("the LineString has fewer than 2 positions") : GeoJson::tr("the MultiPoint is empty"));
            a.geometry = line ? AnnotationGeometry::Line : AnnotationGeometry::Points;
        } else if (type == QLatin1String("MultiLineString")) {
            if (!coordinates.isArray() || coordinates.toArray().isEmpty()) return fail(GeoJson::tr("the MultiLineString is empty"));
            for (const QJsonValue& line : coordinates.toArray()) {
                Annotation one = a;
                one.geometry = AnnotationGeometry::Line;
                if (!positions(line, type, &one.points)) return false;
                if (one.points.size() < 2) return fail(GeoJson::tr("a line of the MultiLineString has fewer than 2 positions"));
                annotations.push_back(std::move(one));
            }
            return true;
        } else if (type == QLatin1String("Polygon")) {
            a.parts.emplace_back();
            if (!polygonPart(coordinates, type, &a.parts.back())) return false;
            const bool rectangle = sourceType_.compare(QLatin1String("Rectangle"), Qt::CaseInsensitive) == 0 &&
                                   a.parts.back().holes.empty() && a.parts.back().outer.size() == 4;
            a.geometry = rectangle ? AnnotationGeometry::Rectangle : AnnotationGeometry::Polygon;
        } else if (type == QLatin1String("MultiPolygon")) {
            if (!coordinates.isArray() || coordinates.toArray().isEmpty()) return fail(GeoJson::tr("the MultiPolygon is empty"));
            for (const QJsonValue& polygon : coordinates.toArray()) {
                a.parts.emplace_back();
                if (!polygonPart(polygon, type, &a.parts.back())) return false;
            }
            a.geometry = AnnotationGeometry::Polygon;
        } else {
            return fail(type.isEmpty() ? GeoJson::tr("its geometry has no type")
                                       : GeoJson::tr("the geometry type \"%1\" is unknown").arg(type));
        }
        annotations.push_back(std::move(a));
        return true;
    }

    int index_ = 0;
    qint64 vertices_ = 0;  // over every feature of the file
    QString sourceType_;
};

/// The geometry object of one annotation; an empty object when it has no vertices.
QJsonObject geometryToJson(const Annotation& a, QString* type) {
    QJsonObject geometry;
    switch (a.geometry) {
    case AnnotationGeometry::Point:
        if (a.points.isEmpty()) return {};
        *type = QStringLiteral("Point");
        geometry[QLatin1String("coordinates")] = positionToJson(a.points.constFirst());
        break;
    case AnnotationGeometry::Points:
    case AnnotationGeometry::Line:
        if (a.points.isEmpty()) return {};
        *type = a.geometry == AnnotationGeometry::Line ? QStringLiteral("LineString") : QStringLiteral("MultiPoint");
        geometry[QLatin1String("coordinates")] = positionsToJson(a.points, false);
        break;
    case AnnotationGeometry::Polygon:
    case AnnotationGeometry::Rectangle: {
        QJsonArray parts;
        for (const PolygonPart& part : a.parts)
            if (!part.outer.isEmpty()) parts.append(partToJson(part));
        if (parts.isEmpty()) return {};
        *type = parts.size() == 1 ? QStringLiteral("Polygon") : QStringLiteral("MultiPolygon");
        geometry[QLatin1String("coordinates")] = parts.size() == 1 ? parts.first() : QJsonValue(parts);
        break;
    }
    }
    geometry[QLatin1String("type")] = *type;
    return geometry;
}

}  // namespace

Expected<AnnotationSet> GeoJson::read(const QByteArray& data, const AnnotationLimits& limits) {
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(data, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        const int line = static_cast<int>(data.left(parseError.offset).count('\n')) + 1;
        return failure(tr("Line %1: %2.").arg(line).arg(parseError.errorString()));
    }
    QJsonArray features;
    if (document.isArray()) {
        features = document.array();
    } else {
        const QJsonObject root = document.object();
        const QString type = root.value(QLatin1String("type")).toString();
        if (type == QLatin1String("FeatureCollection")) {
            if (!root.value(QLatin1String("features")).isArray())
                return failure(tr("The FeatureCollection has no list of features."));
            features = root.value(QLatin1String("features")).toArray();
        } else if (!type.isEmpty()) {
            features.append(root);
        } else {
            return failure(tr("The file holds neither GeoJSON features nor a feature collection."));
        }
    }
    FeatureReader reader(limits);
    for (qsizetype i = 0; i < features.size(); ++i)
        if (!reader.readFeature(features[i], static_cast<int>(i) + 1)) return failure(reader.error);
    AnnotationSet set;
    for (const AnnotationGroup& g : reader.groups) set.setGroup(g);
    for (Annotation& a : reader.annotations) set.add(std::move(a));
    return set;
}

QByteArray GeoJson::write(const AnnotationSet& set) {
    QJsonArray features;
    for (const Annotation& a : set.annotations()) {
        QString type;
        const QJsonObject geometry = geometryToJson(a, &type);
        if (geometry.isEmpty()) continue;
        QJsonObject properties{{QStringLiteral("objectType"), QStringLiteral("annotation")},
                               {QStringLiteral("isLocked"), false}};
        if (!a.name.isEmpty()) properties[QLatin1String("name")] = a.name;
        if (!a.group.isEmpty()) {
            const AnnotationGroup* g = set.group(a.group);
            QJsonObject classification{{QStringLiteral("name"), a.group}};
            if (g) classification[QLatin1String("color")] = colourToJson(g->colour);
            properties[QLatin1String("classification")] = classification;
        }
        if (a.colour && a.colour->isValid()) properties[QLatin1String("color")] = colourToJson(*a.colour);
        const QString sourceType = a.geometry == AnnotationGeometry::Rectangle ? QStringLiteral("Rectangle") : a.sourceType;
        if (!sourceType.isEmpty() && sourceType != type)
            properties[QLatin1String("metadata")] = QJsonObject{{QStringLiteral("sourceType"), sourceType}};
        features.append(QJsonObject{{QStringLiteral("type"), QStringLiteral("Feature")},
                                    {QStringLiteral("geometry"), geometry},
                                    {QStringLiteral("properties"), properties}});
    }
    const QJsonObject root{{QStringLiteral("type"), QStringLiteral("FeatureCollection")}, {QStringLiteral("features"), features}};
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

}  // namespace slidesight
