// Data-driven tests of the display pyramid: levels (native and virtual), tile grid, tile
// rectangles in level and level-0 pixels, tiles covering a rectangle, level choice.
#include "common/suite.h"

#include "viewer/slide/pyramidgeometry.h"

#include <QtTest/QtTest>

using namespace slidesight;

namespace {

/// The slides the tables refer to by name.
std::vector<SlideLevel> slideLevels(const QString& name) {
    if (name == QLatin1String("small")) return {{1000, 800, 1.0}};
    if (name == QLatin1String("single4096")) return {{4096, 3072, 1.0}};
    if (name == QLatin1String("aperio3")) return {{4096, 3072, 1.0}, {1024, 768, 4.0}, {256, 192, 16.0}};
    if (name == QLatin1String("wide2")) return {{10000, 6000, 1.0}, {2500, 1500, 4.0}};
    if (name == QLatin1String("odd")) return {{2221, 1783, 1.0}};
    // The TCGA slide of the shared data, with OpenSlide's slightly inexact downsample.
    if (name == QLatin1String("tcga")) return {{4443, 3567, 1.0}, {2221, 1783, 2.000451}};
    if (name == QLatin1String("inexact")) return {{16384, 12288, 1.0}, {4096, 3072, 4.0003}, {1024, 768, 16.0012}};
    if (name == QLatin1String("pixel")) return {{1, 1, 1.0}};
    return {};
}

PyramidGeometry geometry(const QString& name, int tileSize = 256, int coarsestMaxSide = 1024) {
    return PyramidGeometry(slideLevels(name), tileSize, coarsestMaxSide);
}

/// "WxH@downsample<-source" plus " virtual" for virtual levels.
QString describe(const PyramidLevel& l) {
    return QStringLiteral("%1x%2@%3<-%4%5")
        .arg(l.width)
        .arg(l.height)
        .arg(l.downsample)
        .arg(l.sourceLevel)
        .arg(l.isVirtual ? QStringLiteral(" virtual") : QString());
}

}  // namespace

class TestPyramidGeometry : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void levels_data();
    void levels();
    void emptyAndTinyInputs();
    void gridSize_data();
    void gridSize();
    void tileRects_data();
    void tileRects();
    void tilesCovering_data();
    void tilesCovering();
    void tilesCoveringPartitionsTheSlide();
    void levelForDownsample_data();
    void levelForDownsample();
};

void TestPyramidGeometry::levels_data() {
    QTest::addColumn<QString>("slide");
    QTest::addColumn<int>("coarsestMaxSide");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("fits one level") << "small" << 1024 << QStringList{"1000x800@1<-0"};
    QTest::newRow("two virtual levels") << "single4096" << 1024
        << QStringList{"4096x3072@1<-0", "2048x1536@2<-0 virtual", "1024x768@4<-0 virtual"};
    QTest::newRow("native pyramid already small") << "aperio3" << 1024
        << QStringList{"4096x3072@1<-0", "1024x768@4<-1", "256x192@16<-2"};
    QTest::newRow("virtual levels read the coarsest native") << "wide2" << 1024
        << QStringList{"10000x6000@1<-0", "2500x1500@4<-1", "1250x750@8<-1 virtual",
                       "625x375@16<-1 virtual"};
    // ceil(2221 / 2) = 1111, ceil(1783 / 2) = 892; ceil(2221 / 4) = 556, ceil(1783 / 4) = 446.
    QTest::newRow("odd sizes round up") << "odd" << 1024
        << QStringList{"2221x1783@1<-0", "1111x892@2<-0 virtual", "556x446@4<-0 virtual"};
    QTest::newRow("tcga") << "tcga" << 1024
        << QStringList{"4443x3567@1<-0", "2221x1783@2.00045<-1", "1111x892@4.0009<-1 virtual",
                       "556x446@8.0018<-1 virtual"};
    QTest::newRow("larger coarsest side") << "single4096" << 2048
        << QStringList{"4096x3072@1<-0", "2048x1536@2<-0 virtual"};
    // A coarsest side below the tile size is raised to the tile size (256).
    QTest::newRow("coarsest side below tile size") << "small" << 100
        << QStringList{"1000x800@1<-0", "500x400@2<-0 virtual", "250x200@4<-0 virtual"};
    QTest::newRow("one pixel") << "pixel" << 1024 << QStringList{"1x1@1<-0"};
}

void TestPyramidGeometry::levels() {
    QFETCH(QString, slide);
    QFETCH(int, coarsestMaxSide);
    QFETCH(QStringList, expected);
    const PyramidGeometry g = geometry(slide, 256, coarsestMaxSide);
    QStringList actual;
    for (int i = 0; i < g.levelCount(); ++i) actual << describe(g.level(i));
    QCOMPARE(actual, expected);
    QCOMPARE(g.coarsestLevel(), expected.size() - 1);
    QCOMPARE(g.width(), g.level(0).width);
    QCOMPARE(g.height(), g.level(0).height);
    QCOMPARE(g.tileSize(), 256);
}

void TestPyramidGeometry::emptyAndTinyInputs() {
    const PyramidGeometry none(std::vector<SlideLevel>{});
    QCOMPARE(none.levelCount(), 0);
    QCOMPARE(none.width(), 0);
    QCOMPARE(none.height(), 0);
    QVERIFY(none.tilesCovering(0, RectD{0, 0, 100, 100}).isEmpty());

    // Levels without pixels are left out; the others keep their native index.
    const PyramidGeometry skipped(std::vector<SlideLevel>{{0, 0, 1.0}, {300, 200, 2.0}});
    QCOMPARE(skipped.levelCount(), 1);
    QCOMPARE(skipped.level(0).sourceLevel, 1);

    // Tiles are at least 16 pixels.
    QCOMPARE(PyramidGeometry(slideLevels("small"), 8).tileSize(), 16);
    QCOMPARE(PyramidGeometry(slideLevels("small"), 512).tileSize(), 512);
}

void TestPyramidGeometry::gridSize_data() {
    QTest::addColumn<QString>("slide");
    QTest::addColumn<int>("tileSize");
    QTest::addColumn<int>("level");
    QTest::addColumn<qint64>("columns");
    QTest::addColumn<qint64>("rows");

    QTest::newRow("partial last tiles") << "small" << 256 << 0 << qint64(4) << qint64(4);
    QTest::newRow("exact multiple") << "single4096" << 256 << 0 << qint64(16) << qint64(12);
    QTest::newRow("virtual ds2") << "single4096" << 256 << 1 << qint64(8) << qint64(6);
    QTest::newRow("virtual ds4") << "single4096" << 256 << 2 << qint64(4) << qint64(3);
    QTest::newRow("smaller than a tile") << "aperio3" << 256 << 2 << qint64(1) << qint64(1);
    QTest::newRow("odd virtual") << "odd" << 256 << 1 << qint64(5) << qint64(4);
    QTest::newRow("tile 512") << "odd" << 512 << 0 << qint64(5) << qint64(4);
    QTest::newRow("one pixel") << "pixel" << 256 << 0 << qint64(1) << qint64(1);
}

void TestPyramidGeometry::gridSize() {
    QFETCH(QString, slide);
    QFETCH(int, tileSize);
    QFETCH(int, level);
    QFETCH(qint64, columns);
    QFETCH(qint64, rows);
    const PyramidGeometry g = geometry(slide, tileSize);
    QCOMPARE(g.columns(level), columns);
    QCOMPARE(g.rows(level), rows);
}

void TestPyramidGeometry::tileRects_data() {
    QTest::addColumn<QString>("slide");
    QTest::addColumn<int>("level");
    QTest::addColumn<qint64>("column");
    QTest::addColumn<qint64>("row");
    QTest::addColumn<QRectF>("levelRect");
    QTest::addColumn<QRectF>("levelZeroRect");

    QTest::newRow("origin") << "small" << 0 << qint64(0) << qint64(0)
                            << QRectF(0, 0, 256, 256) << QRectF(0, 0, 256, 256);
    QTest::newRow("interior") << "small" << 0 << qint64(1) << qint64(2)
                              << QRectF(256, 512, 256, 256) << QRectF(256, 512, 256, 256);
    QTest::newRow("clipped right") << "small" << 0 << qint64(3) << qint64(0)
                                   << QRectF(768, 0, 232, 256) << QRectF(768, 0, 232, 256);
    QTest::newRow("clipped corner") << "small" << 0 << qint64(3) << qint64(3)
                                    << QRectF(768, 768, 232, 32) << QRectF(768, 768, 232, 32);
    QTest::newRow("virtual ds2") << "single4096" << 1 << qint64(7) << qint64(5)
                                 << QRectF(1792, 1280, 256, 256) << QRectF(3584, 2560, 512, 512);
    QTest::newRow("virtual ds4") << "single4096" << 2 << qint64(3) << qint64(2)
                                 << QRectF(768, 512, 256, 256) << QRectF(3072, 2048, 1024, 1024);
    QTest::newRow("native ds4") << "aperio3" << 1 << qint64(1) << qint64(1)
                                << QRectF(256, 256, 256, 256) << QRectF(1024, 1024, 1024, 1024);
    QTest::newRow("native ds16 whole level") << "aperio3" << 2 << qint64(0) << qint64(0)
                                             << QRectF(0, 0, 256, 192) << QRectF(0, 0, 4096, 3072);
    // 1111 - 1024 = 87, 892 - 768 = 124.
    QTest::newRow("virtual clipped") << "odd" << 1 << qint64(4) << qint64(3)
                                     << QRectF(1024, 768, 87, 124) << QRectF(2048, 1536, 174, 248);
    QTest::newRow("inexact downsample") << "inexact" << 1 << qint64(2) << qint64(0)
                                        << QRectF(512, 0, 256, 256)
                                        << QRectF(512 * 4.0003, 0, 256 * 4.0003, 256 * 4.0003);
}

void TestPyramidGeometry::tileRects() {
    QFETCH(QString, slide);
    QFETCH(int, level);
    QFETCH(qint64, column);
    QFETCH(qint64, row);
    QFETCH(QRectF, levelRect);
    QFETCH(QRectF, levelZeroRect);
    const PyramidGeometry g = geometry(slide);
    const RectD lr = g.tileLevelRect(level, column, row);
    QCOMPARE(QRectF(lr.x, lr.y, lr.width, lr.height), levelRect);
    const RectD zr = g.tileLevelZeroRect(level, column, row);
    QCOMPARE(QRectF(zr.x, zr.y, zr.width, zr.height), levelZeroRect);
}

void TestPyramidGeometry::tilesCovering_data() {
    QTest::addColumn<QString>("slide");
    QTest::addColumn<int>("level");
    QTest::addColumn<QRectF>("levelZeroRect");
    QTest::addColumn<QList<qint64>>("expected");  // first/last column, first/last row; {} = empty

    using L = QList<qint64>;
    const QString s = QStringLiteral("single4096");
    QTest::newRow("whole slide") << s << 0 << QRectF(0, 0, 4096, 3072) << L{0, 15, 0, 11};
    QTest::newRow("exactly one tile") << s << 0 << QRectF(0, 0, 256, 256) << L{0, 0, 0, 0};
    QTest::newRow("one pixel over") << s << 0 << QRectF(0, 0, 257, 256) << L{0, 1, 0, 0};
    QTest::newRow("straddles a corner") << s << 0 << QRectF(255.5, 255.5, 1, 1) << L{0, 1, 0, 1};
    QTest::newRow("starts on a border") << s << 0 << QRectF(512, 256, 256, 512) << L{2, 2, 1, 2};
    QTest::newRow("negative origin") << s << 0 << QRectF(-500, -500, 600, 600) << L{0, 0, 0, 0};
    QTest::newRow("far beyond both ends") << s << 0 << QRectF(-1e6, -1e6, 2e6, 2e6) << L{0, 15, 0, 11};
    QTest::newRow("clipped bottom right") << s << 0 << QRectF(4000, 3000, 1000, 1000) << L{15, 15, 11, 11};
    QTest::newRow("right of the slide") << s << 0 << QRectF(5000, 0, 100, 100) << L{};
    QTest::newRow("just right of the slide") << s << 0 << QRectF(4096, 0, 10, 10) << L{};
    QTest::newRow("left of the slide") << s << 0 << QRectF(-300, -300, 200, 200) << L{};
    QTest::newRow("ends on the left edge") << s << 0 << QRectF(-100, 0, 100, 100) << L{};
    QTest::newRow("zero width") << s << 0 << QRectF(100, 100, 0, 50) << L{};
    QTest::newRow("negative height") << s << 0 << QRectF(100, 100, 50, -5) << L{};
    QTest::newRow("virtual ds2 one tile") << s << 1 << QRectF(512, 512, 512, 512) << L{1, 1, 1, 1};
    QTest::newRow("virtual ds2 four tiles") << s << 1 << QRectF(0, 0, 1024, 1024) << L{0, 1, 0, 1};
    QTest::newRow("virtual ds4 whole slide") << s << 2 << QRectF(0, 0, 4096, 3072) << L{0, 3, 0, 2};
    QTest::newRow("level above the pyramid") << s << 3 << QRectF(0, 0, 100, 100) << L{};
    QTest::newRow("negative level") << s << -1 << QRectF(0, 0, 100, 100) << L{};
    QTest::newRow("partial last column") << "small" << 0 << QRectF(900, 700, 50, 50) << L{3, 3, 2, 2};
    QTest::newRow("inside the partial tile's padding")
        << "small" << 0 << QRectF(1000, 0, 24, 10) << L{};
    QTest::newRow("native ds16") << "aperio3" << 2 << QRectF(100, 100, 10, 10) << L{0, 0, 0, 0};
}

void TestPyramidGeometry::tilesCovering() {
    QFETCH(QString, slide);
    QFETCH(int, level);
    QFETCH(QRectF, levelZeroRect);
    QFETCH(QList<qint64>, expected);
    const PyramidGeometry g = geometry(slide);
    const TileRange r = g.tilesCovering(
        level, RectD{levelZeroRect.x(), levelZeroRect.y(), levelZeroRect.width(), levelZeroRect.height()});
    if (expected.isEmpty()) {
        QVERIFY2(r.isEmpty(), qPrintable(QStringLiteral("got columns %1..%2 rows %3..%4")
                                             .arg(r.firstColumn).arg(r.lastColumn)
                                             .arg(r.firstRow).arg(r.lastRow)));
        QCOMPARE(r.count(), qint64(0));
        return;
    }
    QCOMPARE((QList<qint64>{r.firstColumn, r.lastColumn, r.firstRow, r.lastRow}), expected);
    QCOMPARE(r.count(), (expected[1] - expected[0] + 1) * (expected[3] - expected[2] + 1));
}

void TestPyramidGeometry::tilesCoveringPartitionsTheSlide() {
    // Every level-0 pixel of the odd-sized slide lies in exactly one tile of each level, and
    // that tile is the one tilesCovering finds for a one-pixel rectangle there.
    const PyramidGeometry g = geometry("odd");
    for (int level = 0; level < g.levelCount(); ++level) {
        qint64 area = 0;
        for (qint64 row = 0; row < g.rows(level); ++row)
            for (qint64 col = 0; col < g.columns(level); ++col) {
                const RectD r = g.tileLevelRect(level, col, row);
                QVERIFY(!r.isEmpty());
                area += static_cast<qint64>(r.width * r.height);
            }
        QCOMPARE(area, g.level(level).width * g.level(level).height);
        for (const auto& [x, y] : {std::pair<double, double>{0, 0}, {2220, 1782}, {1234, 567}}) {
            const TileRange t = g.tilesCovering(level, RectD{x, y, 1, 1});
            QCOMPARE(t.count(), qint64(1));
            const RectD z = g.tileLevelZeroRect(level, t.firstColumn, t.firstRow);
            QVERIFY(x >= z.x && x < z.right() && y >= z.y && y < z.bottom());
        }
    }
    // Indices outside the grid have no pixels.
    QVERIFY(g.tileLevelRect(0, 9, 0).isEmpty());
    QVERIFY(g.tileLevelRect(0, 0, 7).isEmpty());
    QVERIFY(g.tileLevelRect(0, -1, 0).isEmpty());
    QVERIFY(g.tileLevelRect(0, 0, -1).isEmpty());
    QVERIFY(g.tileLevelZeroRect(1, -1, -1).isEmpty());
}

void TestPyramidGeometry::levelForDownsample_data() {
    QTest::addColumn<QString>("slide");
    QTest::addColumn<double>("downsample");
    QTest::addColumn<int>("level");

    QTest::newRow("zoomed in past level 0") << "aperio3" << 0.25 << 0;
    QTest::newRow("zero") << "aperio3" << 0.0 << 0;
    QTest::newRow("negative") << "aperio3" << -3.0 << 0;
    QTest::newRow("exactly 1") << "aperio3" << 1.0 << 0;
    QTest::newRow("between 1 and 4") << "aperio3" << 3.9 << 0;
    QTest::newRow("exactly 4") << "aperio3" << 4.0 << 1;
    QTest::newRow("within tolerance of 4") << "aperio3" << 3.998 << 1;
    QTest::newRow("between 4 and 16") << "aperio3" << 15.0 << 1;
    QTest::newRow("exactly 16") << "aperio3" << 16.0 << 2;
    QTest::newRow("beyond the coarsest") << "aperio3" << 1000.0 << 2;
    QTest::newRow("inexact native 4.0003 at 4") << "inexact" << 4.0 << 1;
    QTest::newRow("inexact native 16.0012 at 16") << "inexact" << 16.0 << 2;
    QTest::newRow("virtual ds2") << "single4096" << 2.0 << 1;
    QTest::newRow("between virtual levels") << "single4096" << 3.0 << 1;
    QTest::newRow("virtual ds4") << "single4096" << 4.0 << 2;
    QTest::newRow("beyond virtual") << "single4096" << 64.0 << 2;
    QTest::newRow("native then virtual") << "wide2" << 9.0 << 2;
}

void TestPyramidGeometry::levelForDownsample() {
    QFETCH(QString, slide);
    QFETCH(double, downsample);
    QFETCH(int, level);
    QCOMPARE(geometry(slide).levelForDownsample(downsample), level);
}

SLIDESIGHT_APPLESS_TEST_SUITE(TestPyramidGeometry)
#include "tst_pyramidgeometry.moc"
