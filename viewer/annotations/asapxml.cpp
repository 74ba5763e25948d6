#include "viewer/annotations/asapxml.h"
#include "viewer/common/qstringfailure.h"

#include <QtCore/QLocale>
#include <QtCore/QXmlStreamReader>
#include <QtCore/QXmlStreamWriter>

#include <algorithm>
#include <cmath>
#include <limits>

namespace slidesight {

namespace {

/// A number as ASAP writes it; "1234,5" (a decimal comma and no other separator) too.
std::optional<double> parseNumber(const QString& text) {
    bool ok = false;
    double value = text.trimmed().toDouble(&ok);
    if (!ok && text.count(QLatin1Char(',')) == 1 && !text.contains(QLatin1Char('.')))
        value = QString(text).replace(QLatin1Char(','), QLatin1Char('.')).trimmed().toDouble(&ok);
    if (!ok || !std::isfinite(value)) return std::nullopt;
    return value;
}

QString formatNumber(double value) { return QString::number(value, 'g', QLocale::FloatingPointShortest); }

/// Twice the signed area (shoelace).
double signedArea2(const QPolygonF& ring) {
    double sum = 0;
    for (qsizetype i = 0, n = ring.size(); i < n; ++i) {
        const QPointF& a = ring[i];
        const QPointF& b = ring[(i + 1) % n];
        sum += a.x() * b.y() - b.x() * a.y();
    }
    return sum;
}

/// The outer outline with every hole joined to it by a zero-width cut between their nearest
/// vertices; holes run against the outline, so both fill rules leave them empty.
QPolygonF joinHoles(const PolygonPart& part) {
    QPolygonF ring = part.outer;
    const bool outerPositive = signedArea2(ring) >= 0;
    for (QPolygonF hole : part.holes) {
        if (hole.size() < 3 || ring.isEmpty()) continue;
        if ((signedArea2(hole) >= 0) == outerPositive) std::reverse(hole.begin(), hole.end());
        qsizetype bestI = 0, bestJ = 0;
        double best = std::numeric_limits<double>::infinity();
        for (qsizetype i = 0; i < ring.size(); ++i)
            for (qsizetype j = 0; j < hole.size(); ++j) {
                const QPointF d = ring[i] - hole[j];
                const double distance = d.x() * d.x() + d.y() * d.y();
                if (distance < best) best = distance, bestI = i, bestJ = j;
            }
        QPolygonF joined;
        joined.reserve(ring.size() + hole.size() + 2);
        joined += ring.mid(0, bestI + 1);
        joined += hole.mid(bestJ);
        joined += hole.mid(0, bestJ + 1);
        joined += ring.mid(bestI);
        ring = joined;
    }
    return ring;
}

class Reader {
public:
    Reader(const QByteArray& data, const AnnotationLimits& limits) : xml_(data), limits_(limits) {}

    Expected<AnnotationSet> run() {
        if (!xml_.readNextStartElement()) {
            fail(xml_.hasError() ? xml_.errorString() : AsapXml::tr("the file holds no XML element"));
        } else if (xml_.name() != QLatin1String("ASAP_Annotations")) {
            fail(AsapXml::tr("the root element is <%1>, not <ASAP_Annotations>").arg(xml_.name().toString()));
        } else {
            while (error_.isEmpty() && xml_.readNextStartElement()) {
                if (xml_.name() == QLatin1String("Annotations")) readList(QStringLiteral("Annotation"), &Reader::readAnnotation);
                else if (xml_.name() == QLatin1String("AnnotationGroups")) readList(QStringLiteral("Group"), &Reader::readGroup);
                else skip();
            }
            if (error_.isEmpty() && xml_.hasError()) fail(xml_.errorString());
        }
        if (!error_.isEmpty()) return failure(error_);
        AnnotationSet set;
        for (const AnnotationGroup& g : groups_) set.setGroup(g);
        for (Annotation& a : annotations_) set.add(std::move(a));
        return set;
    }

private:
    void fail(QString what) {
        if (what.endsWith(QLatin1Char('.'))) what.chop(1);  // QXmlStreamReader's messages end with one
        if (error_.isEmpty()) error_ = AsapXml::tr("Line %1: %2.").arg(xml_.lineNumber()).arg(what);
    }

    void readList(const QString& element, bool (Reader::*readOne)()) {
        while (error_.isEmpty() && xml_.readNextStartElement()) {
            if (xml_.name() == element) {
                if (!(this->*readOne)()) return;
            } else {
                skip();
            }
        }
    }

    /// Skips the current element and everything inside it, like
    /// QXmlStreamReader::skipCurrentElement, refusing elements nested deeper than the limit.
    void skip() {
        int depth = 1;
        while (depth > 0 && !xml_.atEnd()) {
            const QXmlStreamReader::TokenType token = xml_.readNext();
            if (token == QXmlStreamReader::StartElement && ++depth > limits_.maxXmlDepth) {
                fail(AsapXml::tr("the elements nest more than %1 deep").arg(limits_.maxXmlDepth));
                xml_.raiseError(error_);
                return;
            }
            if (token == QXmlStreamReader::EndElement) --depth;
        }
    }

    static QString groupName(const QString& partOfGroup) {
        return partOfGroup == QLatin1String("None") ? QString() : partOfGroup;
    }

    bool readGroup() {
        const QXmlStreamAttributes attributes = xml_.attributes();
        const QString name = attributes.value(QLatin1String("Name")).toString();
        const QColor colour = QColor::fromString(attributes.value(QLatin1String("Color")));
        if (!name.isEmpty() && name != QLatin1String("None"))
            groups_.push_back({name, colour.isValid() ? colour : QColor(128, 128, 128)});
        skip();
        return true;
    }

    bool readAnnotation() {
        const QXmlStreamAttributes attributes = xml_.attributes();
        Annotation a;
        a.name = attributes.value(QLatin1String("Name")).toString();
        a.group = groupName(attributes.value(QLatin1String("PartOfGroup")).toString());
        a.sourceType = attributes.value(QLatin1String("Type")).toString();
        const QColor colour = QColor::fromString(attributes.value(QLatin1String("Color")));
        if (colour.isValid()) a.colour = colour;
        const QString type = a.sourceType.toLower();
        if (type == QLatin1String("dot")) a.geometry = AnnotationGeometry::Point;
        else if (type == QLatin1String("pointset")) a.geometry = AnnotationGeometry::Points;
        else if (type == QLatin1String("polygon") || type == QLatin1String("spline")) a.geometry = AnnotationGeometry::Polygon;
        else if (type == QLatin1String("rectangle")) a.geometry = AnnotationGeometry::Rectangle;
        else if (type == QLatin1String("measurement") || type == QLatin1String("polyline")) a.geometry = AnnotationGeometry::Line;
        else {
            fail(a.sourceType.isEmpty() ? AsapXml::tr("annotation \"%1\" has no Type").arg(a.name)
                                        : AsapXml::tr("annotation \"%1\" has the unknown type \"%2\"").arg(a.name, a.sourceType));
            return false;
        }
        const qint64 line = xml_.lineNumber();
        // (Order, position in the file, point): sorted by Order, ties keep the file's order.
        std::vector<std::tuple<double, int, QPointF>> coordinates;
        while (xml_.readNextStartElement()) {
            if (xml_.name() != QLatin1String("Coordinates")) {
                skip();
                continue;
            }
            while (xml_.readNextStartElement()) {
                if (xml_.name() == QLatin1String("Coordinate") && !readCoordinate(&coordinates)) return false;
                skip();
            }
        }
        if (xml_.hasError()) return false;
        std::stable_sort(coordinates.begin(), coordinates.end(),
                         [](const auto& l, const auto& r) { return std::get<0>(l) < std::get<0>(r); });
        QPolygonF points;
        for (const auto& c : coordinates) points << std::get<2>(c);
        return finish(std::move(a), std::move(points), line);
    }

    bool readCoordinate(std::vector<std::tuple<double, int, QPointF>>* coordinates) {
        const QXmlStreamAttributes attributes = xml_.attributes();
        double xy[2] = {0, 0};
        const char* names[2] = {"X", "Y"};
        for (int axis = 0; axis < 2; ++axis) {
            const QLatin1String name(names[axis]);
            if (!attributes.hasAttribute(name)) {
                fail(AsapXml::tr("a Coordinate has no %1 value").arg(name));
                return false;
            }
            const auto value = parseNumber(attributes.value(name).toString());
            if (!value) {
                fail(AsapXml::tr("the Coordinate's %1 value \"%2\" is not a number").arg(name, attributes.value(name).toString()));
                return false;
            }
            xy[axis] = *value;
        }
        if (++vertices_ > limits_.maxVertices) {
            fail(AsapXml::tr("the file has more than %L1 coordinates").arg(limits_.maxVertices));
            return false;
        }
        const int index = static_cast<int>(coordinates->size());
        double order = index;
        if (attributes.hasAttribute(QLatin1String("Order"))) {
            const auto value = parseNumber(attributes.value(QLatin1String("Order")).toString());
            if (!value) {
                fail(AsapXml::tr("the Coordinate's Order \"%1\" is not a number").arg(attributes.value(QLatin1String("Order")).toString()));
                return false;
            }
            order = *value;
        }
        coordinates->emplace_back(order, index, QPointF(xy[0], xy[1]));
        return true;
    }

    bool finish(Annotation a, QPolygonF points, qint64 line) {
        const auto failAt = [&](const QString& what) {
            error_ = AsapXml::tr("Line %1: %2.").arg(line).arg(what);
            return false;
        };
        if (points.isEmpty()) return failAt(AsapXml::tr("annotation \"%1\" has no coordinates").arg(a.name));
        switch (a.geometry) {
        case AnnotationGeometry::Point:
            if (points.size() != 1)
                return failAt(AsapXml::tr("the Dot \"%1\" has %2 coordinates instead of one").arg(a.name).arg(points.size()));
            a.points = points;
            break;
        case AnnotationGeometry::Points: a.points = points; break;
        case AnnotationGeometry::Line:
            if (points.size() < 2) return failAt(AsapXml::tr("the line \"%1\" has fewer than 2 coordinates").arg(a.name));
            a.points = points;
            break;
        case AnnotationGeometry::Polygon:
        case AnnotationGeometry::Rectangle:
            points = openRing(points);
            if (points.size() < 3)
                return failAt(AsapXml::tr("the polygon \"%1\" has fewer than 3 coordinates").arg(a.name));
            a.parts.push_back({points, {}});
            break;
        }
        annotations_.push_back(std::move(a));
        return true;
    }

    QXmlStreamReader xml_;
    const AnnotationLimits limits_;
    QString error_;
    qint64 vertices_ = 0;
    std::vector<Annotation> annotations_;
    std::vector<AnnotationGroup> groups_;
};

QString asapType(const Annotation& a) {
    switch (a.geometry) {
    case AnnotationGeometry::Point: return QStringLiteral("Dot");
    case AnnotationGeometry::Points: return QStringLiteral("PointSet");
    case AnnotationGeometry::Line: return a.points.size() == 2 ? QStringLiteral("Measurement") : QStringLiteral("PolyLine");
    case AnnotationGeometry::Rectangle: return QStringLiteral("Rectangle");
    case AnnotationGeometry::Polygon: break;
    }
    return a.sourceType.compare(QLatin1String("Spline"), Qt::CaseInsensitive) == 0 ? QStringLiteral("Spline")
                                                                                    : QStringLiteral("Polygon");
}

void writeAnnotation(QXmlStreamWriter& xml, const Annotation& a, const QString& type, const QColor& colour,
                     const QPolygonF& points) {
    xml.writeStartElement(QStringLiteral("Annotation"));
    xml.writeAttribute(QStringLiteral("Name"), a.name);
    xml.writeAttribute(QStringLiteral("Type"), type);
    xml.writeAttribute(QStringLiteral("PartOfGroup"), a.group.isEmpty() ? QStringLiteral("None") : a.group);
    xml.writeAttribute(QStringLiteral("Color"), colour.name(QColor::HexRgb).toUpper());
    xml.writeStartElement(QStringLiteral("Coordinates"));
    for (qsizetype i = 0; i < points.size(); ++i) {
        xml.writeEmptyElement(QStringLiteral("Coordinate"));
        xml.writeAttribute(QStringLiteral("Order"), QString::number(i));
        xml.writeAttribute(QStringLiteral("X"), formatNumber(points[i].x()));
        xml.writeAttribute(QStringLiteral("Y"), formatNumber(points[i].y()));
    }
    xml.writeEndElement();
    xml.writeEndElement();
}

}  // namespace

Expected<AnnotationSet> AsapXml::read(const QByteArray& data, const AnnotationLimits& limits) {
    return Reader(data, limits).run();
}

bool AsapXml::sniff(const QByteArray& data) {
    QXmlStreamReader xml(data);
    return xml.readNextStartElement() && xml.name() == QLatin1String("ASAP_Annotations");
}

QByteArray AsapXml::write(const AnnotationSet& set) {
    QByteArray out;
    QXmlStreamWriter xml(&out);
    xml.setAutoFormatting(true);
    xml.setAutoFormattingIndent(-1);
    xml.writeStartDocument();
    xml.writeStartElement(QStringLiteral("ASAP_Annotations"));
    xml.writeStartElement(QStringLiteral("Annotations"));
    for (const Annotation& a : set.annotations()) {
        const QColor colour = set.colourOf(a);
        const QString type = asapType(a);
        if (a.isArea()) {
            for (const PolygonPart& part : a.parts)
                if (!part.outer.isEmpty()) writeAnnotation(xml, a, type, colour, joinHoles(part));
        } else if (!a.points.isEmpty()) {
            writeAnnotation(xml, a, type, colour, a.points);
        }
    }
    xml.writeEndElement();
    xml.writeStartElement(QStringLiteral("AnnotationGroups"));
    for (const AnnotationGroup& g : set.groups()) {
        xml.writeStartElement(QStringLiteral("Group"));
        xml.writeAttribute(QStringLiteral("Name"), g.name);
        xml.writeAttribute(QStringLiteral("PartOfGroup"), QStringLiteral("None"));
        xml.writeAttribute(QStringLiteral("Color"), g.colour.name(QColor::HexRgb).toUpper());
        xml.writeEmptyElement(QStringLiteral("Attributes"));
        xml.writeEndElement();
    }
    xml.writeEndElement();
    xml.writeEndElement();
    xml.writeEndDocument();
    return out;
}

}  // namespace slidesight
