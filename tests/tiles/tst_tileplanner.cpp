// TilePlanner: the whole coarsest level first, then the view's level centre-out, then a ring
// of prefetched tiles, each tile once.
#include "common/suite.h"

#include "viewer/tiles/tileplanner.h"

#include <QtTest/QtTest>

#include <unordered_set>

using namespace slidesight;

namespace {

constexpr quint64 kSource = 77;

/// 4096 x 3072 with one native level: level 0, virtual level 1 (ds 2, 8 x 6 tiles) and the
/// coarsest, virtual level 2 (ds 4, 4 x 3 tiles).
PyramidGeometry geometry() { return PyramidGeometry({{4096, 3072, 1.0}}, 256, 1024); }

double distanceToCentre(const PyramidGeometry& g, const TileKey& k, const QRectF& view) {
    const RectD r = g.tileLevelZeroRect(k.level, k.column, k.row);
    const QPointF c = view.center();
    return std::hypot(r.x + r.width / 2 - c.x(), r.y + r.height / 2 - c.y());
}

bool inRange(const TileRange& range, const TileKey& k) {
    return k.column >= range.firstColumn && k.column <= range.lastColumn && k.row >= range.firstRow &&
           k.row <= range.lastRow;
}

}  // namespace

class TestTilePlanner : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void plan_data();
    void plan();
    void centreOut();
    void nothingToPlan();
};

void TestTilePlanner::plan_data() {
    QTest::addColumn<QRectF>("view");  // level-0 pixels
    QTest::addColumn<double>("downsample");
    QTest::addColumn<int>("ring");
    QTest::addColumn<int>("targetLevel");
    QTest::addColumn<int>("inView");
    QTest::addColumn<int>("prefetched");

    // Columns 4..7, rows 4..6 in view; the ring adds columns 3..8 x rows 3..7 minus those.
    QTest::newRow("level 0, ring 1") << QRectF(1024, 1024, 1024, 768) << 1.0 << 1 << 0 << 12 << 30 - 12;
    QTest::newRow("level 0, no ring") << QRectF(1024, 1024, 1024, 768) << 1.0 << 0 << 0 << 12 << 0;
    QTest::newRow("level 0, ring 2") << QRectF(1024, 1024, 1024, 768) << 1.0 << 2 << 0 << 12 << 56 - 12;
    QTest::newRow("ring clipped at the origin") << QRectF(0, 0, 512, 512) << 1.0 << 1 << 0 << 4 << 5;
    QTest::newRow("zoomed in past level 0") << QRectF(2000, 1500, 300, 200) << 0.5 << 1 << 0 << 4 << 12;
    QTest::newRow("whole slide at level 0") << QRectF(0, 0, 4096, 3072) << 1.0 << 1 << 0 << 192 << 0;
    QTest::newRow("virtual level") << QRectF(0, 0, 2048, 1536) << 2.0 << 1 << 1 << 12 << 8;
    QTest::newRow("between levels picks the finer") << QRectF(0, 0, 2048, 1536) << 3.5 << 1 << 1 << 12 << 8;
    QTest::newRow("coarsest level only") << QRectF(0, 0, 4096, 3072) << 4.0 << 1 << 2 << 0 << 0;
    QTest::newRow("zoomed far out") << QRectF(-5000, -5000, 20000, 20000) << 50.0 << 1 << 2 << 0 << 0;
    QTest::newRow("view off the slide") << QRectF(10000, 10000, 500, 500) << 1.0 << 1 << 0 << 0 << 0;
}

void TestTilePlanner::plan() {
    QFETCH(QRectF, view);
    QFETCH(double, downsample);
    QFETCH(int, ring);
    QFETCH(int, targetLevel);
    QFETCH(int, inView);
    QFETCH(int, prefetched);
    const PyramidGeometry g = geometry();
    const RectD visible{view.x(), view.y(), view.width(), view.height()};
    const std::vector<TileKey> keys = TilePlanner::plan(g, kSource, visible, downsample, ring);

    const int coarse = int(g.columns(2) * g.rows(2));
    QCOMPARE(coarse, 12);
    QCOMPARE(int(keys.size()), coarse + inView + prefetched);

    std::unordered_set<TileKey> seen;
    for (const TileKey& k : keys) {
        QCOMPARE(k.sourceId, kSource);
        QVERIFY2(seen.insert(k).second, "a tile is planned twice");
    }

    // 1. The whole coarsest level, centre-out.
    for (int i = 0; i < coarse; ++i) {
        QCOMPARE(keys[i].level, g.coarsestLevel());
        if (i > 0) QVERIFY(distanceToCentre(g, keys[i - 1], view) <= distanceToCentre(g, keys[i], view));
    }
    // 2. The tiles in view at the target level, centre-out: exactly those tilesCovering finds.
    const TileRange covering = g.tilesCovering(targetLevel, visible);
    for (int i = coarse; i < coarse + inView; ++i) {
        QCOMPARE(keys[i].level, targetLevel);
        QVERIFY(inRange(covering, keys[i]));
        if (i > coarse) QVERIFY(distanceToCentre(g, keys[i - 1], view) <= distanceToCentre(g, keys[i], view));
    }
    if (targetLevel != g.coarsestLevel()) QCOMPARE(qint64(inView), covering.count());
    // 3. The prefetch ring: target level, outside the view, at most `ring` tiles away.
    for (int i = coarse + inView; i < int(keys.size()); ++i) {
        const TileKey& k = keys[i];
        QCOMPARE(k.level, targetLevel);
        QVERIFY(!inRange(covering, k));
        QVERIFY(k.column >= covering.firstColumn - ring && k.column <= covering.lastColumn + ring);
        QVERIFY(k.row >= covering.firstRow - ring && k.row <= covering.lastRow + ring);
        QVERIFY(k.column >= 0 && k.column < g.columns(k.level) && k.row >= 0 && k.row < g.rows(k.level));
        if (i > coarse + inView)
            QVERIFY(distanceToCentre(g, keys[i - 1], view) <= distanceToCentre(g, keys[i], view));
    }
}

void TestTilePlanner::centreOut() {
    // The view's centre (2150, 1600) lies in level-0 tile (8, 6) and coarsest tile (2, 1):
    // those come first in their groups.
    const PyramidGeometry g = geometry();
    const std::vector<TileKey> keys = TilePlanner::plan(g, kSource, RectD{2000, 1500, 300, 200}, 1.0, 1);
    QVERIFY(keys.size() > 13);
    QVERIFY(keys[0] == (TileKey{kSource, 2, 2, 1}));
    QVERIFY(keys[12] == (TileKey{kSource, 0, 8, 6}));
    // The other three in view (7..8 x 5..6) follow before any prefetched tile.
    const std::unordered_set<TileKey> next{keys[13], keys[14], keys[15]};
    QVERIFY(next.count(TileKey{kSource, 0, 7, 5}) && next.count(TileKey{kSource, 0, 8, 5}) &&
            next.count(TileKey{kSource, 0, 7, 6}));
}

void TestTilePlanner::nothingToPlan() {
    const PyramidGeometry g = geometry();
    QVERIFY(TilePlanner::plan(g, kSource, RectD{0, 0, 0, 100}, 1.0).empty());
    QVERIFY(TilePlanner::plan(g, kSource, RectD{0, 0, 100, -1}, 1.0).empty());
    QVERIFY(TilePlanner::plan(PyramidGeometry(std::vector<SlideLevel>{}), kSource, RectD{0, 0, 100, 100}, 1.0).empty());
}

SLIDESIGHT_APPLESS_TEST_SUITE(TestTilePlanner)
#include "tst_tileplanner.moc"
