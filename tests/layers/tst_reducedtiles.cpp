// ReducedTiles: the power-of-two shift for a view scale, area-averaged reduction, reuse of a
// reduced tile, and least-recently-used eviction within the byte budget.

#include "common/suite.h"

#include "viewer/layers/reducedtiles.h"

#include <QtTest/QtTest>

using namespace slidesight;

namespace {

/// A black and white checkerboard of single pixels.
QImage checkerboard(int side) {
    QImage image(side, side, QImage::Format_RGB32);
    for (int y = 0; y < side; ++y)
        for (int x = 0; x < side; ++x) image.setPixel(x, y, (x + y) % 2 ? 0xFFFFFFFFu : 0xFF000000u);
    return image;
}

TileKey key(qint64 column) { return TileKey{1, 0, column, 0}; }

}  // namespace

class TestReducedTiles : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void shifts() {
        QCOMPARE(ReducedTiles::shiftFor(1.0), 0);
        QCOMPARE(ReducedTiles::shiftFor(1.99), 0);
        QCOMPARE(ReducedTiles::shiftFor(2.0), 1);
        QCOMPARE(ReducedTiles::shiftFor(3.9), 1);
        QCOMPARE(ReducedTiles::shiftFor(4.0), 2);
        QCOMPARE(ReducedTiles::shiftFor(1000.0), 6);
        QCOMPARE(ReducedTiles::shiftFor(0.5), 0);
    }

    void reducesByAveraging() {
        ReducedTiles tiles;
        const QImage& half = tiles.reduced(key(0), checkerboard(256), 1);
        QCOMPARE(half.size(), QSize(128, 128));
        // Each 2 x 2 block holds two black and two white pixels: grey, not black or white
        // as point sampling would give.
        for (const QPoint p : {QPoint(0, 0), QPoint(64, 64), QPoint(127, 127)}) {
            const int g = qGray(half.pixel(p));
            QVERIFY2(g > 100 && g < 155, qPrintable(QString::number(g)));
        }
        QCOMPARE(tiles.reduced(key(0), checkerboard(256), 2).size(), QSize(64, 64));
        QCOMPARE(tiles.count(), size_t(2));
    }

    void reusesAndEvicts() {
        const QImage tile = checkerboard(64);
        const std::size_t oneTile = std::size_t(32) * 32 * 4;
        ReducedTiles tiles(3 * oneTile);
        const qint64 first = tiles.reduced(key(0), tile, 1).cacheKey();
        QCOMPARE(tiles.reduced(key(0), tile, 1).cacheKey(), first);  // made once
        tiles.reduced(key(1), tile, 1);
        tiles.reduced(key(2), tile, 1);
        tiles.reduced(key(0), tile, 1);  // key 0 is now the most recent
        tiles.reduced(key(3), tile, 1);  // evicts key 1, the least recent
        QCOMPARE(tiles.count(), size_t(3));
        QVERIFY(tiles.bytes() <= 3 * oneTile);
        QCOMPARE(tiles.reduced(key(0), tile, 1).cacheKey(), first);
        tiles.clear();
        QCOMPARE(tiles.count(), size_t(0));
        QCOMPARE(tiles.bytes(), size_t(0));
    }
};

SLIDESIGHT_GUILESS_TEST_SUITE(TestReducedTiles)
#include "tst_reducedtiles.moc"
