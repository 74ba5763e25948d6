// TiledSlide: reading display tiles of native and virtual levels from a fake slide, and the
// zero-copy ArgbImage -> QImage wrapper.
#include "common/suite.h"

#include "viewer/tiles/tiledslide.h"

#include "fakeslidesource.h"

#include <QtTest/QtTest>

using namespace slidesight;
using slidesight::testutil::FakeSlideSource;

namespace {

int maxChannelDifference(QRgb a, QRgb b) {
    return std::max({qAbs(qRed(a) - qRed(b)), qAbs(qGreen(a) - qGreen(b)), qAbs(qBlue(a) - qBlue(b))});
}

}  // namespace

class TestTiledSlide : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void identityAndGeometry();
    void nativeTile_data();
    void nativeTile();
    void virtualTile_data();
    void virtualTile();
    void invalidKeysFail();
    void readFailurePassesThrough();
    void toQImageDoesNotCopy();
};

void TestTiledSlide::identityAndGeometry() {
    auto fake = std::make_shared<FakeSlideSource>(std::vector<SlideLevel>{{3000, 2000, 1.0}, {750, 500, 4.0}}, "id");
    const TiledSlide slide(fake, 256);
    QCOMPARE(slide.sourceId(), fake->info().identity.key());
    QCOMPARE(&slide.source(), static_cast<const SlideSource*>(fake.get()));
    QCOMPARE(slide.geometry().levelCount(), 2);
    QCOMPARE(slide.geometry().tileSize(), 256);
    QVERIFY(slide.key(1, 2, 3) == (TileKey{slide.sourceId(), 1, 2, 3}));
    const TiledSlide other(std::make_shared<FakeSlideSource>(std::vector<SlideLevel>{{3000, 2000, 1.0}}, "other"));
    QVERIFY(other.sourceId() != slide.sourceId());
}

void TestTiledSlide::nativeTile_data() {
    QTest::addColumn<int>("level");
    QTest::addColumn<int>("column");
    QTest::addColumn<int>("row");
    QTest::addColumn<QSize>("size");
    QTest::addColumn<QPoint>("levelZeroOrigin");

    QTest::newRow("level 0 interior") << 0 << 1 << 2 << QSize(256, 256) << QPoint(256, 512);
    QTest::newRow("level 0 corner, clipped") << 0 << 11 << 7 << QSize(184, 208) << QPoint(2816, 1792);
    QTest::newRow("native level 1") << 1 << 1 << 0 << QSize(256, 256) << QPoint(1024, 0);
    QTest::newRow("native level 1 clipped") << 1 << 2 << 1 << QSize(238, 244) << QPoint(2048, 1024);
}

void TestTiledSlide::nativeTile() {
    QFETCH(int, level);
    QFETCH(int, column);
    QFETCH(int, row);
    QFETCH(QSize, size);
    QFETCH(QPoint, levelZeroOrigin);
    auto fake = std::make_shared<FakeSlideSource>(std::vector<SlideLevel>{{3000, 2000, 1.0}, {750, 500, 4.0}});
    const TiledSlide slide(fake);
    const auto tile = slide.readTile(slide.key(level, column, row));
    QVERIFY2(tile.ok(), tile.error().c_str());
    QCOMPARE(tile->size(), size);
    QCOMPARE(tile->format(), QImage::Format_RGB32);
    // One read of the native level, at the tile's level-0 origin, of the tile's size.
    const auto log = fake->log();
    QCOMPARE(int(log.size()), 1);
    QCOMPARE(log[0].level, level);
    QCOMPARE(QPoint(int(log[0].x0), int(log[0].y0)), levelZeroOrigin);
    QCOMPARE(QSize(log[0].width, log[0].height), size);
    const int ds = level == 0 ? 1 : 4;
    for (int y = 0; y < size.height(); y += 7)
        for (int x = 0; x < size.width(); x += 5)
            QCOMPARE(tile->pixel(x, y), FakeSlideSource::colour(level, levelZeroOrigin.x() + x * ds,
                                                                 levelZeroOrigin.y() + y * ds));
}

void TestTiledSlide::virtualTile_data() {
    QTest::addColumn<int>("level");
    QTest::addColumn<int>("column");
    QTest::addColumn<int>("row");
    QTest::addColumn<QSize>("size");
    QTest::addColumn<QRect>("nativeRead");  // level-0 origin, size in native pixels

    // One native level of 3000 x 2000: virtual levels ds 2 (1500 x 1000) and ds 4 (750 x 500).
    QTest::newRow("ds 2") << 1 << 2 << 1 << QSize(256, 256) << QRect(1024, 512, 512, 512);
    QTest::newRow("ds 4") << 2 << 0 << 0 << QSize(256, 256) << QRect(0, 0, 1024, 1024);
    // 750 - 512 = 238 and 500 - 256 = 244 level pixels, 952 x 976 level-0 pixels.
    QTest::newRow("ds 4 clipped") << 2 << 2 << 1 << QSize(238, 244) << QRect(2048, 1024, 952, 976);
}

void TestTiledSlide::virtualTile() {
    QFETCH(int, level);
    QFETCH(int, column);
    QFETCH(int, row);
    QFETCH(QSize, size);
    QFETCH(QRect, nativeRead);
    auto fake = std::make_shared<FakeSlideSource>(std::vector<SlideLevel>{{3000, 2000, 1.0}});
    const TiledSlide slide(fake);
    QCOMPARE(slide.geometry().levelCount(), 3);
    QVERIFY(slide.geometry().level(level).isVirtual);
    const auto tile = slide.readTile(slide.key(level, column, row));
    QVERIFY2(tile.ok(), tile.error().c_str());
    QCOMPARE(tile->size(), size);
    const auto log = fake->log();
    QCOMPARE(int(log.size()), 1);
    QCOMPARE(log[0].level, 0);
    QCOMPARE(QRect(int(log[0].x0), int(log[0].y0), log[0].width, log[0].height), nativeRead);
    // nativeRegion() tells the same without reading.
    const auto where = slide.nativeRegion(slide.key(level, column, row));
    QVERIFY(where.ok());
    QCOMPARE(where->nativeLevel, 0);
    QCOMPARE(QRect(int(where->x0), int(where->y0), where->nativeWidth, where->nativeHeight), nativeRead);
    QCOMPARE(QSize(where->tileWidth, where->tileHeight), size);
    QCOMPARE(fake->reads(), 1);
    // Downscaled: inside each 128-pixel block of level 0 the colour is the block's.
    const int ds = level == 1 ? 2 : 4;
    int checked = 0;
    for (int y = 0; y < size.height(); ++y)
        for (int x = 0; x < size.width(); ++x) {
            const int lx = nativeRead.x() + x * ds, ly = nativeRead.y() + y * ds;
            if (lx % 128 < 16 || lx % 128 > 104 || ly % 128 < 16 || ly % 128 > 104) continue;
            ++checked;
            QVERIFY2(maxChannelDifference(tile->pixel(x, y), FakeSlideSource::colour(0, lx, ly)) <= 1,
                     qPrintable(QStringLiteral("at %1,%2").arg(x).arg(y)));
        }
    QVERIFY(checked > 1000);
}

void TestTiledSlide::invalidKeysFail() {
    auto fake = std::make_shared<FakeSlideSource>(std::vector<SlideLevel>{{3000, 2000, 1.0}});
    const TiledSlide slide(fake);
    QVERIFY(!slide.readTile(slide.key(3, 0, 0)).ok());
    QVERIFY(!slide.readTile(slide.key(-1, 0, 0)).ok());
    QVERIFY(!slide.readTile(slide.key(0, 12, 0)).ok());
    QVERIFY(!slide.readTile(slide.key(0, 0, 8)).ok());
    QVERIFY(!slide.readTile(slide.key(0, -1, 0)).ok());
    QVERIFY(!slide.readTile(slide.key(0, 0, -1)).ok());
    QVERIFY(!slide.nativeRegion(slide.key(0, -1, 0)).ok());
    QVERIFY(!slide.nativeRegion(slide.key(3, 0, 0)).ok());
    QCOMPARE(fake->reads(), 0);  // rejected before any I/O
}

void TestTiledSlide::readFailurePassesThrough() {
    auto fake = std::make_shared<FakeSlideSource>(std::vector<SlideLevel>{{3000, 2000, 1.0}});
    fake->failAt(512);
    const TiledSlide slide(fake);
    const auto tile = slide.readTile(slide.key(0, 2, 0));
    QVERIFY(!tile.ok());
    QCOMPARE(QString::fromStdString(tile.error()), QStringLiteral("Fake failure."));
    QVERIFY(slide.readTile(slide.key(0, 1, 0)).ok());
}

void TestTiledSlide::toQImageDoesNotCopy() {
    ArgbImage argb(4, 3, 0xFF000000u);
    argb.pixel(3, 2) = 0xFF123456u;
    const uint32_t* data = argb.pixels.data();
    QImage image = TiledSlide::toQImage(std::move(argb));
    QCOMPARE(image.size(), QSize(4, 3));
    QCOMPARE(image.format(), QImage::Format_RGB32);
    QCOMPARE(reinterpret_cast<const void*>(image.constBits()), static_cast<const void*>(data));
    QCOMPARE(image.pixel(3, 2), 0xFF123456u);
    // Copies share the pixels and keep them alive after the original is gone.
    QImage copy = image;
    image = QImage();
    QCOMPARE(copy.pixel(3, 2), 0xFF123456u);
    QVERIFY(TiledSlide::toQImage(ArgbImage()).isNull());
}

SLIDESIGHT_GUILESS_TEST_SUITE(TestTiledSlide)
#include "tst_tiledslide.moc"
