#include "cli/clirunner.h"
#include "common/testdata.h"
#include "common/suite.h"

#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtTest/QTest>

using namespace slidesight::test;

namespace {

QJsonObject jsonOf(const CliResult& result) { return QJsonDocument::fromJson(result.out.toUtf8()).object(); }

QString tumour009() { return dataPath(QStringLiteral("annotations/camelyon16/tumor_009.xml")); }

}  // namespace

class TestAnnotationsCli : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void countsAsJson() {
        SLIDESIGHT_REQUIRE_DATA();
        const CliResult r = runCli({QStringLiteral("annotations"), tumour009(), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.err.isEmpty(), qPrintable(r.err));
        const QJsonObject json = jsonOf(r);
        QCOMPARE(json.value(QLatin1String("format")).toString(), QStringLiteral("asap-xml"));
        QCOMPARE(json.value(QLatin1String("annotations")).toInt(), 6);
        QCOMPARE(json.value(QLatin1String("vertices")).toInt(), 10778);
        QCOMPARE(json.value(QLatin1String("ungrouped")).toInt(), 0);
        const QJsonArray groups = json.value(QLatin1String("groups")).toArray();
        QCOMPARE(groups.size(), 1);
        QCOMPARE(groups[0].toObject().value(QLatin1String("name")).toString(), QStringLiteral("metastasis"));
        QCOMPARE(groups[0].toObject().value(QLatin1String("colour")).toString(), QStringLiteral("#0000FF"));
        QCOMPARE(groups[0].toObject().value(QLatin1String("annotations")).toInt(), 6);
        const QJsonObject geometries = json.value(QLatin1String("geometries")).toObject();
        QCOMPARE(geometries.value(QLatin1String("polygon")).toInt(), 6);
        QCOMPARE(geometries.value(QLatin1String("point")).toInt(), 0);
        QCOMPARE(json.value(QLatin1String("source_types")).toObject().value(QLatin1String("Spline")).toInt(), 6);
        const QJsonObject bounds = json.value(QLatin1String("bounds")).toObject();
        QCOMPARE(bounds.value(QLatin1String("x")).toDouble(), 11733.2998);
        QCOMPARE(bounds.value(QLatin1String("y")).toDouble(), 75381.7031);
        QVERIFY(std::abs(bounds.value(QLatin1String("width")).toDouble() - (85893.7969 - 11733.2998)) < 1e-6);
    }

    void countsAsText() {
        SLIDESIGHT_REQUIRE_DATA();
        const CliResult r = runCli({QStringLiteral("annotations"), tumour009()});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QStringLiteral("Annotations: 6\n")), qPrintable(r.out));
        QVERIFY(r.out.contains(QStringLiteral("Vertices: 10778\n")));
        QVERIFY(r.out.contains(QStringLiteral("  metastasis (#0000FF): 6\n")));
        QVERIFY(r.out.contains(QStringLiteral("  polygon: 6\n")));
    }

    // XML -> GeoJSON -> XML through --export; every step reports the same counts.
    void exportConverts() {
        SLIDESIGHT_REQUIRE_DATA();
        QTemporaryDir dir;
        const QString json = dir.filePath(QStringLiteral("tumor_009.geojson"));
        const QString xml = dir.filePath(QStringLiteral("again.xml"));
        CliResult r = runCli({QStringLiteral("annotations"), tumour009(), QStringLiteral("--export"), json, QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(jsonOf(r).value(QLatin1String("export")).toObject().value(QLatin1String("format")).toString(), QStringLiteral("geojson"));
        r = runCli({QStringLiteral("annotations"), json, QStringLiteral("--export"), xml});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QStringLiteral("(GeoJSON)")) && r.out.contains(QStringLiteral("Exported to")), qPrintable(r.out));
        r = runCli({QStringLiteral("annotations"), xml, QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject back = jsonOf(r);
        QCOMPARE(back.value(QLatin1String("format")).toString(), QStringLiteral("asap-xml"));
        QCOMPARE(back.value(QLatin1String("annotations")).toInt(), 6);
        QCOMPARE(back.value(QLatin1String("vertices")).toInt(), 10778);
        QCOMPARE(back.value(QLatin1String("source_types")).toObject().value(QLatin1String("Spline")).toInt(), 6);
    }

    void badFileIsOneLine() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("broken.geojson"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(R"({"type": "FeatureCollection", "features": [{"type": "Feature", "geometry": {"type": "Polygon", "coordinates": []}}]})");
        file.close();
        CliResult r = runCli({QStringLiteral("annotations"), path});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.out.isEmpty());
        QCOMPARE(r.err, QStringLiteral("slidesight-cli: Cannot read the annotations in %1: feature 1: the Polygon is empty.\n").arg(path));
        r = runCli({QStringLiteral("annotations"), dir.filePath(QStringLiteral("missing.xml"))});
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(r.err.count(QLatin1Char('\n')), 1);
        QVERIFY2(r.err.startsWith(QStringLiteral("slidesight-cli: Cannot open the annotation file")), qPrintable(r.err));
    }

    void badExportNameIsAUsageError() {
        const CliResult r = runCli({QStringLiteral("annotations"), QStringLiteral("in.xml"), QStringLiteral("--export"), QStringLiteral("out.txt")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("--export needs a file name ending in .xml, .geojson or .json")), qPrintable(r.err));
    }
};

SLIDESIGHT_GUILESS_TEST_SUITE(TestAnnotationsCli)
#include "tst_annotationscli.moc"
