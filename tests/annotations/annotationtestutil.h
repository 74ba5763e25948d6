#pragma once

// Helpers shared by the annotation tests: counting, comparing sets after a round trip, and
// a small set holding every geometry.

#include "common/testdata.h"
#include "common/keepingerror.h"
#include "viewer/annotations/annotation.h"
#include "viewer/annotations/annotationio.h"

#include <QtCore/QMap>
#include <QtTest/QTest>

#include <cmath>

namespace slidesight::test {

/// Annotations per group name ("" for none).
inline QMap<QString, int> countByGroup(const AnnotationSet& set) {
    QMap<QString, int> counts;
    for (const Annotation& a : set.annotations()) ++counts[a.group];
    return counts;
}

/// Annotations per geometry: "point", "points", "line", "polygon", "rectangle".
inline QMap<QString, int> countByGeometry(const AnnotationSet& set) {
    static const char* names[] = {"point", "points", "line", "polygon", "rectangle"};
    QMap<QString, int> counts;
    for (const Annotation& a : set.annotations()) ++counts[QLatin1String(names[static_cast<int>(a.geometry)])];
    return counts;
}

/// "name=count" pairs sorted by name, joined by spaces.
inline QString countsText(const QMap<QString, int>& counts) {
    QStringList parts;
    for (auto it = counts.begin(); it != counts.end(); ++it) parts << it.key() + QLatin1Char('=') + QString::number(it.value());
    return parts.join(QLatin1Char(' '));
}

inline int vertexTotal(const AnnotationSet& set) {
    int total = 0;
    for (const Annotation& a : set.annotations()) total += a.vertexCount();
    return total;
}

inline bool samePolygon(const QPolygonF& a, const QPolygonF& b, double tolerance = 1e-6) {
    if (a.size() != b.size()) return false;
    for (qsizetype i = 0; i < a.size(); ++i)
        if (std::abs(a[i].x() - b[i].x()) > tolerance || std::abs(a[i].y() - b[i].y()) > tolerance) return false;
    return true;
}

/// Same annotations in the same order (geometry, names, groups, vertices within 1e-6, drawn
/// colours) and the same group colours.
inline void compareSets(const AnnotationSet& actual, const AnnotationSet& expected) {
    QCOMPARE(actual.annotations().size(), expected.annotations().size());
    for (size_t i = 0; i < expected.annotations().size(); ++i) {
        const Annotation& a = actual.annotations()[i];
        const Annotation& e = expected.annotations()[i];
        QCOMPARE(a.name, e.name);
        QCOMPARE(a.group, e.group);
        QCOMPARE(a.geometry, e.geometry);
        QCOMPARE(actual.colourOf(a), expected.colourOf(e));
        QVERIFY2(samePolygon(a.points, e.points), qPrintable(e.name));
        QCOMPARE(a.parts.size(), e.parts.size());
        for (size_t p = 0; p < e.parts.size(); ++p) {
            QVERIFY2(samePolygon(a.parts[p].outer, e.parts[p].outer), qPrintable(e.name));
            QCOMPARE(a.parts[p].holes.size(), e.parts[p].holes.size());
            for (size_t h = 0; h < e.parts[p].holes.size(); ++h)
                QVERIFY(samePolygon(a.parts[p].holes[h], e.parts[p].holes[h]));
        }
    }
    for (const AnnotationGroup& g : expected.groups()) {
        const AnnotationGroup* other = actual.group(g.name);
        QVERIFY2(other, qPrintable(g.name));
        QCOMPARE(other->colour, g.colour);
    }
}

/// Reads `relative` below the shared annotations folder and checks it against the current
/// test data row: columns annotations (int), groups and geometries (countsText), vertices
/// (int) and bounds (QRectF, within 1e-6).
inline void checkFile(const QString& relative, AnnotationFormat expectedFormat) {
    QString error;
    AnnotationFormat format = expectedFormat == AnnotationFormat::AsapXml ? AnnotationFormat::GeoJson : AnnotationFormat::AsapXml;
    const auto set = test::keepingError(AnnotationIO::read(dataPath(QStringLiteral("annotations/") + relative), &format), error);
    QVERIFY2(set, qPrintable(error));
    QCOMPARE(format, expectedFormat);
    QTEST(static_cast<int>(set->annotations().size()), "annotations");
    QTEST(countsText(countByGroup(*set)), "groups");
    QTEST(countsText(countByGeometry(*set)), "geometries");
    QTEST(vertexTotal(*set), "vertices");
    QFETCH(QRectF, bounds);
    const QRectF actual = set->bounds();
    QVERIFY(std::abs(actual.left() - bounds.left()) < 1e-6 && std::abs(actual.top() - bounds.top()) < 1e-6);
    QVERIFY(std::abs(actual.right() - bounds.right()) < 1e-6 && std::abs(actual.bottom() - bounds.bottom()) < 1e-6);
}

/// Reads a file below the shared annotations folder, writes it to a temporary file in `format`,
/// reads that back and compares both.
inline void checkFileRoundTrip(const QString& relative, AnnotationFormat format, const QString& copyName) {
    QString error;
    const auto original = test::keepingError(AnnotationIO::read(dataPath(QStringLiteral("annotations/") + relative)), error);
    QVERIFY2(original, qPrintable(error));
    QTemporaryDir dir;
    const QString path = dir.filePath(copyName);
    QVERIFY2(test::keepingError(AnnotationIO::write(*original, path, format), error), qPrintable(error));
    const auto back = test::keepingError(AnnotationIO::read(path), error);
    QVERIFY2(back, qPrintable(error));
    compareSets(*back, *original);
}

inline Annotation makeArea(const QString& name, const QString& group, std::vector<PolygonPart> parts,
                           AnnotationGeometry geometry = AnnotationGeometry::Polygon) {
    Annotation a;
    a.name = name;
    a.group = group;
    a.geometry = geometry;
    a.parts = std::move(parts);
    return a;
}

inline Annotation makePoints(const QString& name, const QString& group, AnnotationGeometry geometry, const QPolygonF& points) {
    Annotation a;
    a.name = name;
    a.group = group;
    a.geometry = geometry;
    a.points = points;
    return a;
}

inline QPolygonF square(double x, double y, double side) {
    return QPolygonF{QPointF(x, y), QPointF(x + side, y), QPointF(x + side, y + side), QPointF(x, y + side)};
}

/// One annotation of every geometry, two groups, fractional coordinates, an own colour.
inline AnnotationSet everyGeometry() {
    AnnotationSet set;
    set.setGroup({QStringLiteral("tumour"), QColor(200, 30, 40)});
    set.setGroup({QStringLiteral("stroma"), QColor(20, 160, 90)});
    set.add(makePoints(QStringLiteral("dot"), QStringLiteral("tumour"), AnnotationGeometry::Point, {QPointF(12.25, 1e5 + 0.125)}));
    set.add(makePoints(QStringLiteral("dots"), QStringLiteral("stroma"), AnnotationGeometry::Points,
                       {QPointF(1, 2), QPointF(3.5, 4.75), QPointF(123456.789012, 98765.4321)}));
    set.add(makePoints(QStringLiteral("ruler"), QString(), AnnotationGeometry::Line, {QPointF(0, 0), QPointF(10.5, 20.25)}));
    set.add(makePoints(QStringLiteral("path"), QStringLiteral("stroma"), AnnotationGeometry::Line,
                       {QPointF(0, 0), QPointF(10, 5), QPointF(20, 0), QPointF(30, 7.5)}));
    Annotation box = makeArea(QStringLiteral("box"), QStringLiteral("tumour"), {{square(100, 200, 50), {}}}, AnnotationGeometry::Rectangle);
    box.colour = QColor(1, 2, 3);
    set.add(box);
    Annotation outline = makeArea(QStringLiteral("outline"), QStringLiteral("tumour"),
                                  {{QPolygonF{QPointF(79581.2031, 75651.6016), QPointF(79600.5, 75700.25), QPointF(79550.125, 75720)}, {}}});
    outline.sourceType = QStringLiteral("Spline");
    set.add(outline);
    return set;
}

}  // namespace slidesight::test
