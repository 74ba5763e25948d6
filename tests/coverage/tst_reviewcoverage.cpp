// Review coverage: cells credited by a scripted pan (counts worked out by hand), magnification
// bands and dwell, rotated views, the sidecar file (round trip and forged files refused), and
// the model's top regions checked against what was seen.
#include "common/suite.h"

#include "viewer/coverage/coveragefile.h"
#include "viewer/coverage/reviewcoverage.h"
#include "viewer/coverage/reviewregions.h"

#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QTemporaryDir>
#include <QtTest/QTest>

#include <cmath>
#include <limits>

using namespace slidesight;

namespace {

constexpr float kNaN = std::numeric_limits<float>::quiet_NaN();

/// 2560 x 1280 px in cells of 256: 10 columns, 5 rows.
ReviewCoverage smallSlide() { return ReviewCoverage(QSizeF(2560, 1280), 256); }

QByteArray withField(const QByteArray& json, const QString& key, const QJsonValue& value) {
    QJsonObject o = QJsonDocument::fromJson(json).object();
    o[key] = value;
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

}  // namespace

class TestReviewCoverage : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void cellSizeAndBands() {
        QCOMPARE(ReviewCoverage::cellSizeFor(QSizeF(2560, 1280)), 256.0);
        QCOMPARE(ReviewCoverage::cellSizeFor(QSizeF(100000, 80000)), 391.0);
        const ReviewCoverage c(QSizeF(100000, 80000), 391);
        QCOMPARE(c.columns(), 256);
        QCOMPARE(c.rows(), 205);
        QCOMPARE(ReviewCoverage::bandOf(0.0), 0);
        QCOMPARE(ReviewCoverage::bandOf(1.25), 1);
        QCOMPARE(ReviewCoverage::bandOf(9.99), 3);
        QCOMPARE(ReviewCoverage::bandOf(10.0), 4);
        QCOMPARE(ReviewCoverage::bandOf(14.0), 4);
        QCOMPARE(ReviewCoverage::bandOf(80.0), 6);
    }

    void rectangleCreditsCellsWhoseCentreIsInView() {
        ReviewCoverage c = smallSlide();
        c.record(QRectF(0, 0, 1024, 512), 10.0, 1.0);  // centres x 128..896, y 128 and 384
        QCOMPARE(c.cellsWithTime(), 8);
        QCOMPARE(c.secondsIn(1, 3, 4), 1.0);
        QCOMPARE(c.secondsIn(2, 0, 4), 0.0);
        QCOMPARE(c.fractionSeen(10.0, 0.5), 8.0 / 50.0);
        QCOMPARE(c.fractionSeen(20.0, 0.5), 0.0);
        QCOMPARE(c.recordedSeconds(), 1.0);
    }

    void dwellAddsUpOverBands() {
        ReviewCoverage c = smallSlide();
        c.record(QRectF(1000, 0, 300, 300), 20.0, 0.3);  // only cell (0, 4): centre 1152, 128
        QCOMPARE(c.cellsWithTime(), 1);
        QVERIFY(!c.seen(0, 4, 10.0, 0.5));
        c.record(QRectF(1000, 0, 300, 300), 40.0, 0.3);
        QVERIFY(c.seen(0, 4, 10.0, 0.5));   // 0.6 s at >= 10x
        QVERIFY(c.seen(0, 4, 20.0, 0.5));   // 0.6 s at >= 20x
        QVERIFY(!c.seen(0, 4, 40.0, 0.5));  // 0.3 s at >= 40x
        QVERIFY(!c.seen(0, 4, 15.0, 0.7));  // 15x rounds up to the 20x band: 0.6 s
        const std::vector<float> plane = c.highestMagnificationPlane(0.5);
        QCOMPARE(plane[4], 20.0F);
        QVERIFY(std::isnan(plane[0]));
    }

    /// A 768 x 512 view at 10x moved right by 256 px every 0.25 s, eight steps: column c is in
    /// view at the steps k = c-2 .. c (within 0 .. 7), so columns 0 and 9 get 0.25 s, 1 and 8
    /// 0.5 s, 2 to 7 0.75 s, in rows 0 and 1.
    void scriptedPan() {
        ReviewCoverage c = smallSlide();
        for (int k = 0; k < 8; ++k) c.record(QRectF(256.0 * k, 0, 768, 512), 10.0, 0.25);
        QCOMPARE(c.secondsIn(0, 0, 4), 0.25);
        QCOMPARE(c.secondsIn(1, 1, 4), 0.5);
        QCOMPARE(c.secondsIn(0, 5, 4), 0.75);
        QCOMPARE(c.secondsIn(1, 9, 4), 0.25);
        QCOMPARE(c.secondsIn(2, 5, 4), 0.0);
        QCOMPARE(c.fractionSeen(10.0, 0.5), 16.0 / 50.0);
        QCOMPARE(c.fractionSeen(10.0, 0.75), 12.0 / 50.0);
        QCOMPARE(c.fractionSeen(20.0, 0.1), 0.0);
        QCOMPARE(c.fractionSeen(5.0, 0.1), 20.0 / 50.0);  // 10x counts as at least 5x
        QCOMPARE(c.recordedSeconds(), 2.0);
    }

    /// A view rotated by 45 degrees: a diamond of radius 400 around (640, 640) holds the
    /// centres (640, 640) and the four at 256 from it, not the corners at 512.
    void rotatedViewIsAPolygon() {
        ReviewCoverage c(QSizeF(2560, 1280), 256);
        const QPolygonF diamond({QPointF(640, 240), QPointF(1040, 640), QPointF(640, 1040), QPointF(240, 640)});
        c.record(diamond, 10.0, 1.0);
        QCOMPARE(c.cellsWithTime(), 5);
        QVERIFY(c.seen(2, 2, 10.0, 1.0));
        QVERIFY(c.seen(1, 2, 10.0, 1.0));
        QVERIFY(c.seen(2, 3, 10.0, 1.0));
        QVERIFY(!c.seen(1, 1, 10.0, 0.01));
        // An unrotated view given as a polygon counts as its rectangle.
        ReviewCoverage d = smallSlide();
        d.record(QPolygonF(QRectF(0, 0, 1024, 512)), 10.0, 1.0);
        QCOMPARE(d.cellsWithTime(), 8);
    }

    void fileRoundTrip() {
        ReviewCoverage c = smallSlide();
        for (int k = 0; k < 8; ++k) c.record(QRectF(256.0 * k, 0, 768, 512), 10.0, 0.25);
        c.record(QRectF(1000, 0, 300, 300), 40.0, 0.125);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("a.slidesight-coverage.json"));
        QVERIFY(CoverageFile::write(CoverageFile::serialise(c, QStringLiteral("a.svs")), path).ok());
        const auto back = CoverageFile::read(path);
        QVERIFY2(back.ok(), back.error().c_str());
        QCOMPARE(back->rows(), 5);
        QCOMPARE(back->columns(), 10);
        QCOMPARE(back->recordedSeconds(), c.recordedSeconds());
        for (int r = 0; r < 5; ++r)
            for (int col = 0; col < 10; ++col)
                for (int b = 0; b < ReviewCoverage::kBands; ++b) QCOMPARE(back->secondsIn(r, col, b), c.secondsIn(r, col, b));
        QCOMPARE(CoverageFile::slideNameIn(path), QStringLiteral("a.svs"));
        QCOMPARE(CoverageFile::besideAnnotations(QStringLiteral("/x/s.svs.slidesight-annotations.geojson")),
                 QStringLiteral("/x/s.svs.slidesight-coverage.json"));
    }

    void forgedFilesAreRefused_data() {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("reason");
        ReviewCoverage c = smallSlide();
        c.record(QRectF(0, 0, 300, 300), 10.0, 1.0);
        const QByteArray good = CoverageFile::serialise(c, QStringLiteral("a.svs"));
        QVERIFY(CoverageFile::parse(good).ok());
        QTest::newRow("not json") << QByteArray("{\"format\": ") << "not a JSON object";
        QTest::newRow("format") << withField(good, QStringLiteral("format"), QStringLiteral("geojson")) << "not a SlideSight coverage";
        QTest::newRow("version") << withField(good, QStringLiteral("version"), 2) << "version 2";
        QTest::newRow("rows") << withField(good, QStringLiteral("rows"), 6) << "do not follow";
        QTest::newRow("huge grid") << withField(withField(good, QStringLiteral("slide_width"), 1e12), QStringLiteral("columns"), 4e9)
                                   << "exceeds 4096";
        QTest::newRow("cell size") << withField(good, QStringLiteral("cell_size"), 0) << "not positive";
        QTest::newRow("bands") << withField(good, QStringLiteral("band_edges"), QJsonArray{0, 1}) << "2 magnification bands";
        QTest::newRow("outside") << withField(good, QStringLiteral("cells"), QJsonArray{QJsonArray{5, 0, 0, 0, 0, 0, 1, 0, 0}})
                                 << "outside the grid";
        QTest::newRow("twice") << withField(good, QStringLiteral("cells"),
                                            QJsonArray{QJsonArray{0, 0, 0, 0, 0, 0, 1, 0, 0}, QJsonArray{0, 0, 0, 0, 0, 0, 1, 0, 0}})
                               << "given twice";
        QTest::newRow("negative") << withField(good, QStringLiteral("cells"), QJsonArray{QJsonArray{0, 0, 0, 0, 0, 0, -1, 0, 0}})
                                  << "impossible time";
        QTest::newRow("short cell") << withField(good, QStringLiteral("cells"), QJsonArray{QJsonArray{0, 0, 1}}) << "3 numbers";
    }

    void forgedFilesAreRefused() {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, reason);
        const auto parsed = CoverageFile::parse(bytes);
        QVERIFY(!parsed.ok());
        QVERIFY2(QString::fromStdString(parsed.error()).contains(reason), parsed.error().c_str());
    }

    void failedWriteSaysWhy() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("missing/folder/a.json"));
        const Check written = CoverageFile::write(QByteArray("{}"), path);
        QVERIFY(!written.ok());
        QVERIFY(QString::fromStdString(written.error()).startsWith(QStringLiteral("Cannot write the review coverage file")));
    }

    /// A 4 x 5 map in cells of 512 px whose top 30 % (6 of 19 valid cells, cut 0.2) form three
    /// regions: C {(2,0), (3,0)} best 0.95, A {(0,1), (0,2)} 0.9, B {(1,4), (2,4)} 0.7.
    void topRegionsAgainstCoverage() {
        GridGeometry g;
        g.cellSize = QSizeF(512, 512);
        g.rows = 4;
        g.columns = 5;
        const std::vector<float> plane = {0.1F, 0.9F, 0.8F, 0.1F, 0.1F,  //
                                          0.1F, 0.1F, 0.1F, 0.1F, 0.7F,  //
                                          0.2F, 0.1F, 0.1F, 0.1F, 0.6F,  //
                                          0.95F, kNaN, 0.1F, 0.1F, 0.1F};
        ReviewCoverage c(QSizeF(2560, 2048), 256);
        ReviewOptions o;
        o.topK = 2;
        o.topFraction = 0.3;
        ReviewReport r = reviewReport(g, plane, c, o);
        QCOMPARE(r.topCells, 6);
        QCOMPARE(r.cut, 0.2F);
        QCOMPARE(r.regions.size(), size_t(2));
        QCOMPARE(r.regions[0].score, 0.95F);
        QCOMPARE(r.regions[0].peak, QPointF(256, 1792));
        QCOMPARE(r.regions[0].cells, 2);
        QCOMPARE(r.regions[1].score, 0.9F);
        QCOMPARE(r.regions[1].bounds, QRectF(512, 0, 1024, 512));
        QCOMPARE(r.reviewed, 0);

        // Looking at the left cell of A at 10x for a second: half of A seen, so reviewed.
        c.record(QRectF(512, 0, 512, 512), 10.0, 1.0);
        r = reviewReport(g, plane, c, o);
        QCOMPARE(r.regions[1].seenCells, 1);
        QVERIFY(r.regions[1].reviewed);
        QVERIFY(!r.regions[0].reviewed);
        QCOMPARE(r.reviewed, 1);
        o.reviewedFraction = 0.75;
        QCOMPARE(reviewReport(g, plane, c, o).reviewed, 0);
        // The same look at 5x does not count at >= 10x.
        ReviewCoverage low(QSizeF(2560, 2048), 256);
        low.record(QRectF(512, 0, 1024, 512), 5.0, 10.0);
        o.reviewedFraction = 0.5;
        QCOMPARE(reviewReport(g, plane, low, o).reviewed, 0);
        o.topK = 10;
        QCOMPARE(reviewReport(g, plane, low, o).regions.size(), size_t(3));
    }
};

SLIDESIGHT_GUILESS_TEST_SUITE(TestReviewCoverage)
#include "tst_reviewcoverage.moc"
