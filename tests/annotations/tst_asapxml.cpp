#include "annotationtestutil.h"
#include "common/keepingerror.h"
#include "common/suite.h"

#include "viewer/annotations/annotationio.h"
#include "viewer/annotations/asapxml.h"
#include "viewer/annotations/rasterise.h"

#include <QtTest/QTest>

using namespace slidesight;
using namespace slidesight::test;

class TestAsapXml : public QObject {
    Q_OBJECT

    static QByteArray wrap(const QByteArray& annotation) {
        return "<?xml version=\"1.0\"?>\n<ASAP_Annotations>\n<Annotations>\n" + annotation +
               "</Annotations>\n<AnnotationGroups />\n</ASAP_Annotations>\n";
    }

    static QString errorOf(const QByteArray& data, const AnnotationLimits& limits = {}) {
        QString error;
        const auto set = test::keepingError(AsapXml::read(data, limits), error);
        return set ? QStringLiteral("(read without error)") : error;
    }

private Q_SLOTS:
    void realFiles_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("annotations");
        QTest::addColumn<QString>("groups");      // name=count, sorted by name; "" is no group
        QTest::addColumn<QString>("geometries");  // geometry=count
        QTest::addColumn<int>("vertices");
        QTest::addColumn<QRectF>("bounds");
        QTest::newRow("tumor_009") << "camelyon16/tumor_009.xml" << 6 << "metastasis=6" << "polygon=6" << 10778
                                   << QRectF(QPointF(11733.2998, 75381.7031), QPointF(85893.7969, 177354.0));
        QTest::newRow("tumor_076") << "camelyon16/tumor_076.xml" << 39 << "metastasis=39" << "polygon=39" << 9514
                                   << QRectF(QPointF(10443.7002, 3839.32007), QPointF(106436.0, 70630.5));
        QTest::newRow("TCGA-G9-6333") << "asap-tissue/TCGA-G9-6333-11A-01-TS1.924c9301-78b6-4330-be95-533b25cf1a91.xml" << 10
                                      << "negative=7 tissue=3" << "polygon=10" << 571
                                      << QRectF(QPointF(5772.03857, 11437.1074), QPointF(37080.1055, 32489.3262));
        QTest::newRow("normal_042") << "asap-tissue/normal_042.xml" << 5 << "tissue=5" << "polygon=5" << 376
                                    << QRectF(QPointF(45171.9141, 144621.672), QPointF(64028.168, 154346.641));
        QTest::newRow("dot") << "format-samples/asap-dot.xml" << 1 << "=1" << "point=1" << 1
                             << QRectF(QPointF(23071.5605, 16831.0098), QSizeF(0, 0));
        QTest::newRow("pointset") << "format-samples/asap-pointset.xml" << 1 << "=1" << "points=1" << 5
                                  << QRectF(QPointF(22746.7793, 16650.8945), QPointF(22828.0449, 16718.9844));
        QTest::newRow("polygon") << "format-samples/asap-polygon.xml" << 1 << "=1" << "polygon=1" << 6
                                 << QRectF(QPointF(22693.1875, 16551.1797), QPointF(23067.4531, 16710.6367));
    }

    void realFiles() {
        SLIDESIGHT_REQUIRE_DATA();
        QFETCH(QString, file);
        checkFile(file, AnnotationFormat::AsapXml);
    }

    void camelyonDetails() {
        SLIDESIGHT_REQUIRE_DATA();
        QString error;
        const auto set = test::keepingError(AnnotationIO::read(dataPath(QStringLiteral("annotations/camelyon16/tumor_009.xml"))), error);
        QVERIFY2(set, qPrintable(error));
        const Annotation& first = set->annotations().front();
        QCOMPARE(first.name, QStringLiteral("_0"));
        QCOMPARE(first.sourceType, QStringLiteral("Spline"));
        QCOMPARE(first.geometry, AnnotationGeometry::Polygon);
        QCOMPARE(first.parts.front().outer.front(), QPointF(79581.2031, 75651.6016));
        QCOMPARE(first.parts.front().outer.at(1), QPointF(79575.6016, 75646));
        QCOMPARE(set->groups().size(), size_t(1));
        QCOMPARE(set->group(QStringLiteral("metastasis"))->colour, QColor(0, 0, 255));
        QCOMPARE(set->colourOf(first), QColor(0xF4, 0xFA, 0x58));  // the annotation's own Color
        // tumor_076: group colours from <AnnotationGroups>, 38 polygons and one spline.
        const auto other = test::keepingError(AnnotationIO::read(dataPath(QStringLiteral("annotations/camelyon16/tumor_076.xml"))), error);
        QVERIFY2(other, qPrintable(error));
        int splines = 0;
        for (const Annotation& a : other->annotations()) splines += a.sourceType == QLatin1String("Spline");
        QCOMPARE(splines, 1);
        QCOMPARE(other->annotations().front().parts.front().outer.front(), QPointF(11347, 29510.8008));
    }

    void sortsByOrderAndReadsDecimalCommas() {
        const QByteArray xml = wrap(
            "<Annotation Name=\"a\" Type=\"Polygon\" PartOfGroup=\"g\" Color=\"#112233\"><Coordinates>\n"
            "<Coordinate Order=\"2\" X=\"30\" Y=\"0,5\"/>\n"
            "<Coordinate Order=\"0\" X=\"1234,5\" Y=\"10\"/>\n"
            "<Coordinate Order=\"1\" X=\"20.25\" Y=\"1e1\"/>\n"
            "</Coordinates></Annotation>\n");
        QString error;
        const auto set = test::keepingError(AsapXml::read(xml), error);
        QVERIFY2(set, qPrintable(error));
        const QPolygonF outline = set->annotations().front().parts.front().outer;
        QCOMPARE(outline, (QPolygonF{QPointF(1234.5, 10), QPointF(20.25, 10), QPointF(30, 0.5)}));
        QCOMPARE(set->annotations().front().group, QStringLiteral("g"));
        QVERIFY(set->group(QStringLiteral("g")));  // a group named only by an annotation exists too
        QCOMPARE(*set->annotations().front().colour, QColor(0x11, 0x22, 0x33));
    }

    void malformed_data() {
        QTest::addColumn<QByteArray>("xml");
        QTest::addColumn<QString>("message");
        const QByteArray coordinates = "<Coordinates><Coordinate Order=\"0\" X=\"1\" Y=\"1\"/></Coordinates>";
        QTest::newRow("missing Y") << wrap("<Annotation Name=\"a\" Type=\"Dot\">\n<Coordinates>\n<Coordinate Order=\"0\" X=\"1\"/>\n"
                                           "</Coordinates></Annotation>\n")
                                   << "Line 6: a Coordinate has no Y value.";
        QTest::newRow("not a number") << wrap("<Annotation Name=\"a\" Type=\"Dot\">\n<Coordinates>\n"
                                              "<Coordinate Order=\"0\" X=\"1\" Y=\"12a\"/>\n</Coordinates></Annotation>\n")
                                      << "Line 6: the Coordinate's Y value \"12a\" is not a number.";
        QTest::newRow("two commas") << wrap("<Annotation Name=\"a\" Type=\"Dot\"><Coordinates>\n"
                                            "<Coordinate Order=\"0\" X=\"1,234,5\" Y=\"1\"/>\n</Coordinates></Annotation>\n")
                                    << "Line 5: the Coordinate's X value \"1,234,5\" is not a number.";
        QTest::newRow("unknown type") << wrap("\n<Annotation Name=\"a\" Type=\"Ellipse\">" + coordinates + "</Annotation>\n")
                                      << "Line 5: annotation \"a\" has the unknown type \"Ellipse\".";
        QTest::newRow("no coordinates") << wrap("<Annotation Name=\"empty\" Type=\"Polygon\"><Coordinates/></Annotation>\n")
                                        << "Line 4: annotation \"empty\" has no coordinates.";
        QTest::newRow("empty polygon") << wrap("<Annotation Name=\"p\" Type=\"Polygon\">" + coordinates + "</Annotation>\n")
                                       << "Line 4: the polygon \"p\" has fewer than 3 coordinates.";
        QTest::newRow("broken xml") << QByteArray("<ASAP_Annotations>\n<Annotations>\n<Annotation Name=\"a\"\n</Annotations>")
                                    << "Line 4: Expected '>' or '/', but got '<'.";
        QTest::newRow("other root") << QByteArray("<?xml version=\"1.0\"?>\n<svg/>")
                                    << "Line 2: the root element is <svg>, not <ASAP_Annotations>.";
    }

    void malformed() {
        QFETCH(QByteArray, xml);
        QFETCH(QString, message);
        QCOMPARE(errorOf(xml), message);
    }

    void hardLimits() {
        // Elements nested past the limit, inside an element the reader skips.
        QByteArray deep;
        for (int i = 0; i < 70; ++i) deep += "<x>";
        for (int i = 0; i < 70; ++i) deep += "</x>";
        QCOMPARE(errorOf(wrap(deep + "\n")), QStringLiteral("Line 4: the elements nest more than 64 deep."));
        AnnotationLimits limits;
        limits.maxXmlDepth = 5;
        QCOMPARE(errorOf(wrap("<a><b><c><d><e><f>\n</f></e></d></c></b></a>"), limits),
                 QStringLiteral("Line 4: the elements nest more than 5 deep."));
        QCOMPARE(errorOf(wrap("<a><b><c><d><e></e></d></c></b></a>"), limits), QStringLiteral("(read without error)"));

        // Vertices over all annotations: 3 + 3 pass a limit of 6, a seventh does not.
        const QByteArray triangle = "<Annotation Name=\"t\" Type=\"Polygon\"><Coordinates>"
                                    "<Coordinate X=\"0\" Y=\"0\"/><Coordinate X=\"1\" Y=\"0\"/><Coordinate X=\"0\" Y=\"1\"/>"
                                    "</Coordinates></Annotation>\n";
        limits = {};
        limits.maxVertices = 6;
        QCOMPARE(errorOf(wrap(triangle + triangle), limits), QStringLiteral("(read without error)"));
        QCOMPARE(errorOf(wrap(triangle + triangle + triangle), limits),
                 QStringLiteral("Line 6: the file has more than 6 coordinates."));

        // A file past the size limit is refused unread (a sparse file: no disk is used).
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("huge.xml"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QVERIFY(file.resize((qint64(512) << 20) + 1));
        file.close();
        QString error;
        QVERIFY(!test::keepingError(AnnotationIO::read(path), error));
        QCOMPARE(error, QStringLiteral("The annotation file %1 is 513 MB; at most 512 MB are read.").arg(path));
    }

    void fileErrorNamesTheFile() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("bad.xml"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(wrap("<Annotation Name=\"a\" Type=\"Blob\"><Coordinates/></Annotation>\n"));
        file.close();
        QString error;
        QVERIFY(!test::keepingError(AnnotationIO::read(path), error));
        QCOMPARE(error, QStringLiteral("Cannot read the annotations in %1: line 4: annotation \"a\" has the unknown type \"Blob\".").arg(path));
        QVERIFY(!test::keepingError(AnnotationIO::read(dir.filePath(QStringLiteral("missing.xml"))), error));
        QVERIFY2(error.startsWith(QStringLiteral("Cannot open the annotation file")), qPrintable(error));
    }

    void roundTripEveryGeometry() {
        const AnnotationSet original = everyGeometry();
        const QByteArray xml = AsapXml::write(original);
        QString error;
        const auto back = test::keepingError(AsapXml::read(xml), error);
        QVERIFY2(back, qPrintable(error));
        compareSets(*back, original);
        QCOMPARE(back->annotations().back().sourceType, QStringLiteral("Spline"));
        QCOMPARE(back->annotations()[2].sourceType, QStringLiteral("Measurement"));
    }

    void roundTripCamelyon() {
        SLIDESIGHT_REQUIRE_DATA();
        checkFileRoundTrip(QStringLiteral("camelyon16/tumor_076.xml"), AnnotationFormat::AsapXml, QStringLiteral("copy.xml"));
    }

    // ASAP has no holes and no multi-part polygons: parts become annotations, holes are cut in.
    void holesAndPartsKeepTheirArea() {
        AnnotationSet set;
        set.add(makeArea(QStringLiteral("ring"), QStringLiteral("g"),
                         {{square(0, 0, 40), {square(10, 10, 10), square(25, 25, 10)}}, {square(100, 0, 20), {}}}));
        QString error;
        const auto back = test::keepingError(AsapXml::read(AsapXml::write(set)), error);
        QVERIFY2(back, qPrintable(error));
        QCOMPARE(back->annotations().size(), size_t(2));
        QCOMPARE(back->annotations()[0].name, QStringLiteral("ring"));
        QCOMPARE(back->annotations()[1].parts.front().outer, square(100, 0, 20));
        const RasterGrid grid{QPointF(0, 0), QSizeF(10, 10), 4, 12};
        const std::vector<float> before = AnnotationRasteriser::coverage(set, QStringLiteral("g"), grid);
        const std::vector<float> after = AnnotationRasteriser::coverage(*back, QStringLiteral("g"), grid);
        QCOMPARE(after.size(), before.size());
        for (size_t i = 0; i < before.size(); ++i) QVERIFY2(std::abs(after[i] - before[i]) < 1e-6, qPrintable(QString::number(i)));
        QCOMPARE(after[1 * 12 + 1], 0.0f);  // the first hole
    }
};

SLIDESIGHT_GUILESS_TEST_SUITE(TestAsapXml)
#include "tst_asapxml.moc"
