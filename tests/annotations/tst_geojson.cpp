#include "annotationtestutil.h"
#include "common/keepingerror.h"
#include "common/suite.h"

#include "viewer/annotations/annotationio.h"
#include "viewer/annotations/asapxml.h"
#include "viewer/annotations/geojson.h"

#include <QtCore/QFile>
#include <QtTest/QTest>

using namespace slidesight;
using namespace slidesight::test;

class TestGeoJson : public QObject {
    Q_OBJECT

    static QString errorOf(const QByteArray& data, const AnnotationLimits& limits = {}) {
        QString error;
        const auto set = test::keepingError(GeoJson::read(data, limits), error);
        return set ? QStringLiteral("(read without error)") : error;
    }

private Q_SLOTS:
    void hardLimits() {
        // GeometryCollections nested 16 deep are read, 17 deep refused.
        const auto nested = [](int depth) {
            QByteArray json = R"({"type":"Point","coordinates":[1,2]})";
            for (int i = 0; i < depth; ++i) json = R"({"type":"GeometryCollection","geometries":[)" + json + "]}";
            return R"({"type":"FeatureCollection","features":[{"type":"Feature","geometry":)" + json + "}]}";
        };
        QCOMPARE(errorOf(nested(16)), QStringLiteral("(read without error)"));
        QCOMPARE(errorOf(nested(17)), QStringLiteral("Feature 1: its GeometryCollections nest more than 16 deep."));

        // Positions over all features: 4 pass a limit of 4, a fifth does not.
        const QByteArray line = R"({"type":"Feature","geometry":{"type":"LineString","coordinates":[[0,0],[1,1]]}})";
        AnnotationLimits limits;
        limits.maxVertices = 4;
        QCOMPARE(errorOf("[" + line + "," + line + "]", limits), QStringLiteral("(read without error)"));
        QCOMPARE(errorOf("[" + line + "," + line + "," + line + "]", limits),
                 QStringLiteral("Feature 3: the file has more than 4 positions."));
    }

    void realFiles_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("annotations");
        QTest::addColumn<QString>("groups");
        QTest::addColumn<QString>("geometries");
        QTest::addColumn<int>("vertices");
        QTest::addColumn<QRectF>("bounds");
        const auto row = [](const char* tag, const char* file, int count, const char* groups, const char* geometries,
                            int vertices, QRectF bounds) {
            QTest::newRow(tag) << QString::fromLatin1(file) << count << QString::fromLatin1(groups)
                               << QString::fromLatin1(geometries) << vertices << bounds;
        };
        row("napari", "annotations.json", 3, "=3", "line=1 point=1 polygon=1", 10, QRectF(0, 0, 4, 1));
        row("brush", "qupath-brush.json", 1, "=1", "polygon=1", 187, QRectF(QPointF(26358, 15410), QPointF(26522, 15563)));
        row("ellipse", "qupath-ellipse.json", 1, "=1", "polygon=1", 100, QRectF(QPointF(26035, 15267), QPointF(26356, 15447)));
        row("line", "qupath-line.json", 1, "=1", "line=1", 2, QRectF(QPointF(26096.35, 15240.5), QPointF(26230.6, 15580.39)));
        row("multipoint", "qupath-multipoint.json", 1, "=1", "points=1", 3,
            QRectF(QPointF(26807.1, 15424.94), QPointF(26843.88, 15451.72)));
        row("point", "qupath-point.json", 1, "=1", "point=1", 1, QRectF(QPointF(26833.53, 15424.94), QSizeF(0, 0)));
        row("cells", "qupath-polygon-cell-classified.json", 4, "Cell=2 Nucleus=2", "polygon=4", 400,
            QRectF(QPointF(17112, 19822), QPointF(17234, 20064)));
        row("polygon", "qupath-polygon.json", 1, "=1", "polygon=1", 46, QRectF(QPointF(26215, 15345), QPointF(26637, 15705)));
        row("polyline", "qupath-polyline.json", 1, "=1", "line=1", 49,
            QRectF(QPointF(26213.3, 15373.96), QPointF(26519.05, 15657.21)));
        row("rectangle", "qupath-rectangle.json", 1, "=1", "polygon=1", 4, QRectF(QPointF(26268, 15298), QPointF(26478, 15474)));
        row("wand", "qupath-wand.json", 1, "=1", "polygon=1", 139, QRectF(QPointF(26929, 15359), QPointF(26987, 15459)));
    }

    void realFiles() {
        SLIDESIGHT_REQUIRE_DATA();
        QFETCH(QString, file);
        checkFile(QStringLiteral("format-samples/") + file, AnnotationFormat::GeoJson);
    }

    void qupathClassesAndColours() {
        SLIDESIGHT_REQUIRE_DATA();
        QString error;
        const auto set = test::keepingError(AnnotationIO::read(
            dataPath(QStringLiteral("annotations/format-samples/qupath-polygon-cell-classified.json"))), error);
        QVERIFY2(set, qPrintable(error));
        QCOMPARE(set->group(QStringLiteral("Cell"))->colour, QColor(127, 220, 58));      // colorRGB -8397766
        QCOMPARE(set->group(QStringLiteral("Nucleus"))->colour, QColor(184, 115, 67));  // colorRGB -4689085
        QCOMPARE(set->annotations().front().name, QStringLiteral("Erythrocytes 2"));
        QCOMPARE(*set->annotations().front().colour, QColor(127, 220, 58));
        const QPolygonF& outline = set->annotations().front().parts.front().outer;
        QCOMPARE(outline.front(), QPointF(17234, 20012));
        QVERIFY(outline.front() != outline.back());  // the closing vertex is dropped
    }

    void outOfRangeColoursAreNoColours() {
        // A packed colour beyond 32 bits (a fuzz finding: -5.6e118 was cast to an integer) and
        // channels far outside 0..255 read as no colour and as clamped channels.
        QFile file(QStringLiteral(SLIDESIGHT_FUZZ_REGRESSIONS "/geojson/huge-packed-colour.json"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QString error;
        const auto set = test::keepingError(GeoJson::read(file.readAll()), error);
        QVERIFY2(set, qPrintable(error));
        QCOMPARE(set->group(QStringLiteral("a"))->colour, QColor(128, 128, 128));  // the default
        QCOMPARE(set->group(QStringLiteral("b"))->colour, QColor(255, 0, 128));
        QVERIFY(!set->annotations().back().colour);  // 2^32 is no packed colour
    }

    void geometriesAndContainers() {
        const QByteArray json = R"([
          {"type": "Feature", "geometry": {"type": "MultiLineString", "coordinates": [[[0, 0], [1, 1]], [[5, 5], [6, 5], [7, 9]]]},
           "properties": {"name": "cuts", "classification": {"name": "Tumor", "color": [200, 0, 0]}}},
          {"type": "Feature", "geometry": {"type": "MultiPolygon", "coordinates": [
              [[[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]], [[2, 2], [4, 2], [4, 4], [2, 2]]],
              [[[20, 0], [30, 0], [30, 10], [20, 0]]]]},
           "properties": {"objectType": "detection", "classification": {"name": "Other", "colorRGB": -16711936}}},
          {"type": "Feature", "geometry": {"type": "GeometryCollection", "geometries": [
              {"type": "Point", "coordinates": [1.5, 2.5, 7]}, {"type": "LineString", "coordinates": [[0, 0], [3, 4]]}]},
           "properties": {"color": 255}}
        ])";
        QString error;
        const auto set = test::keepingError(GeoJson::read(json), error);
        QVERIFY2(set, qPrintable(error));
        QCOMPARE(countsText(countByGeometry(*set)), QStringLiteral("line=3 point=1 polygon=1"));
        const Annotation& cuts = set->annotations()[1];
        QCOMPARE(cuts.name, QStringLiteral("cuts"));
        QCOMPARE(cuts.points, (QPolygonF{QPointF(5, 5), QPointF(6, 5), QPointF(7, 9)}));
        QCOMPARE(set->group(QStringLiteral("Tumor"))->colour, QColor(200, 0, 0));
        const Annotation& multi = set->annotations()[2];
        QCOMPARE(multi.parts.size(), size_t(2));
        QCOMPARE(multi.parts[0].holes.size(), size_t(1));
        QCOMPARE(multi.parts[0].holes[0].size(), 3);
        QCOMPARE(multi.vertexCount(), 4 + 3 + 3);
        QCOMPARE(set->group(QStringLiteral("Other"))->colour, QColor(0, 255, 0));
        QCOMPARE(set->annotations()[3].points.front(), QPointF(1.5, 2.5));
        QCOMPARE(*set->annotations()[3].colour, QColor(0, 0, 255));
        // A bare Feature and a FeatureCollection.
        QVERIFY(test::keepingError(GeoJson::read(R"({"type": "Feature", "geometry": {"type": "Point", "coordinates": [1, 2]}})"), error));
        const auto collection = test::keepingError(GeoJson::read(R"({"type": "FeatureCollection", "features": []})"), error);
        QVERIFY2(collection && collection->isEmpty(), qPrintable(error));
    }

    void malformed_data() {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("message");
        const QByteArray point = R"({"type": "Feature", "geometry": {"type": "Point", "coordinates": [1, 2]}})";
        QTest::newRow("syntax") << QByteArray("[\n{\"type\": \"Feature\",\n\"geometry\": }\n]") << "Line 3: object is missing after a comma.";
        QTest::newRow("no geometry") << QByteArray("[" + point + R"(, {"type": "Feature", "properties": {}}])")
                                     << "Feature 2: it has no geometry.";
        QTest::newRow("no coordinates") << QByteArray(R"([{"type": "Feature", "geometry": {"type": "Polygon"}}])")
                                        << "Feature 1: the Polygon has no coordinates.";
        QTest::newRow("not a number") << QByteArray("[" + point + "," + point + R"(, {"type": "Feature", "geometry":
                                             {"type": "LineString", "coordinates": [[0, 0], [1, "x"]]}}])")
                                      << "Feature 3: a coordinate of the LineString is not a number.";
        QTest::newRow("unknown type") << QByteArray(R"([{"type": "Feature", "geometry": {"type": "Circle", "coordinates": [0, 0]}}])")
                                      << "Feature 1: the geometry type \"Circle\" is unknown.";
        QTest::newRow("empty polygon") << QByteArray(R"([{"type": "Feature", "geometry": {"type": "Polygon", "coordinates": []}}])")
                                       << "Feature 1: the Polygon is empty.";
        QTest::newRow("degenerate ring")
            << QByteArray(R"([{"type": "Feature", "geometry": {"type": "Polygon", "coordinates": [[[0, 0], [1, 1], [0, 0]]]}}])")
            << "Feature 1: a ring of the Polygon has fewer than 3 vertices.";
        QTest::newRow("not geojson") << QByteArray(R"({"hello": 1})")
                                     << "The file holds neither GeoJSON features nor a feature collection.";
    }

    void malformed() {
        QFETCH(QByteArray, json);
        QFETCH(QString, message);
        QCOMPARE(errorOf(json), message);
    }

    void roundTripEveryGeometry() {
        AnnotationSet original = everyGeometry();
        original.add(makeArea(QStringLiteral("holes"), QStringLiteral("stroma"),
                              {{square(0, 0, 40), {square(10, 10, 10)}}, {square(100, 0.5, 20), {}}}));
        QString error;
        const auto back = test::keepingError(GeoJson::read(GeoJson::write(original)), error);
        QVERIFY2(back, qPrintable(error));
        compareSets(*back, original);
        QCOMPARE(back->annotations()[5].sourceType, QStringLiteral("Spline"));
    }

    // A Camelyon file through GeoJSON, and that again through XML, keeps its shapes and spline type.
    void camelyonThroughGeoJson() {
        SLIDESIGHT_REQUIRE_DATA();
        checkFileRoundTrip(QStringLiteral("camelyon16/tumor_009.xml"), AnnotationFormat::GeoJson, QStringLiteral("tumor_009.geojson"));
        QString error;
        const auto original = test::keepingError(AnnotationIO::read(dataPath(QStringLiteral("annotations/camelyon16/tumor_009.xml"))), error);
        QVERIFY2(original, qPrintable(error));
        const auto twice = test::keepingError(AsapXml::read(AsapXml::write(*test::keepingError(GeoJson::read(GeoJson::write(*original)), error))), error);
        QVERIFY2(twice, qPrintable(error));
        compareSets(*twice, *original);
        QCOMPARE(twice->annotations().front().sourceType, QStringLiteral("Spline"));
    }
};

SLIDESIGHT_GUILESS_TEST_SUITE(TestGeoJson)
#include "tst_geojson.moc"
