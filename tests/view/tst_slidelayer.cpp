// SlideLayer: requests coarse-first, repaints tiles as they arrive, reports colours, and
// closing cancels its work and drops its tiles.
#include "common/testdata.h"
#include "common/suite.h"
#include "viewer/layers/slidelayer.h"
#include "viewer/slide/openslidesource.h"
#include "viewer/tiles/tilecache.h"
#include "viewer/tiles/tilescheduler.h"

#include <QtGui/QPainter>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

using namespace slidesight;

class TestSlideLayer : public QObject {
    Q_OBJECT
private:
    QTemporaryDir dir_;
    std::shared_ptr<const TiledSlide> tiled_;

private Q_SLOTS:
    void initTestCase() {
        const QString path = test::writePatternSlide(dir_, QStringLiteral("layer.svs"), 2048, 1536);
        auto opened = OpenSlideSource::open(path.toStdString());
        QVERIFY2(opened.ok(), opened.error().c_str());
        tiled_ = std::make_shared<TiledSlide>(opened.value());
    }

    void loadsAndSignalsTiles() {
        TileCache cache;
        TileScheduler scheduler(&cache, 2);
        SlideLayer layer(tiled_, &cache, &scheduler);
        QCOMPARE(layer.levelZeroBounds(), QRectF(0, 0, 2048, 1536));
        QSignalSpy changed(&layer, &Layer::contentChanged);
        const QRectF visible(0, 0, 1024, 768);
        QVERIFY(!layer.isSharp(visible, 1.0));
        layer.viewChanged(visible, 1.0);
        QTRY_VERIFY_WITH_TIMEOUT(layer.isSharp(visible, 1.0), 10000);
        QTRY_VERIFY(changed.count() >= 16);  // 4x3 level-0 tiles + the coarsest level
        // Every changed rect is one tile's level-0 rectangle.
        for (const auto& args : changed) {
            const QRectF r = args.at(0).toRectF();
            QVERIFY(r.width() > 0 && r.width() <= 256 * 16);
        }
        // The coarsest level is pinned in the cache.
        QVERIFY(cache.pinnedBytes() > 0);
    }

    void paintsPatternAndReportsValue() {
        TileCache cache;
        TileScheduler scheduler(&cache, 2);
        SlideLayer layer(tiled_, &cache, &scheduler);
        layer.viewChanged(QRectF(0, 0, 512, 512), 1.0);
        QTRY_VERIFY_WITH_TIMEOUT(layer.isSharp(QRectF(0, 0, 512, 512), 1.0), 10000);
        QImage image(512, 512, QImage::Format_RGB32);
        image.fill(Qt::black);
        QPainter painter(&image);
        layer.paint(painter, QRectF(0, 0, 512, 512), 1.0);
        painter.end();
        const QRgb expected = SyntheticSlideWriter::patternRgb(100, 300) | 0xFF000000u;
        QVERIFY(test::colourNear(image.pixel(100, 300), expected, 20));
        const auto value = layer.valueAt(QPointF(100, 300));
        QVERIFY(value.has_value());
        QVERIFY(value->contains(QString::number(qRed(image.pixel(100, 300)))));
        QVERIFY(!layer.valueAt(QPointF(-5, 10)).has_value());
    }

    void closingCancelsAndDropsTiles() {
        TileCache cache;
        TileScheduler scheduler(&cache, 1);
        {
            SlideLayer layer(tiled_, &cache, &scheduler);
            layer.viewChanged(QRectF(0, 0, 2048, 1536), 1.0);
            QTRY_VERIFY(cache.count() > 0);
        }  // destroyed while work is pending
        QTRY_VERIFY(scheduler.isIdle());
        QCOMPARE(cache.count(), 0);
        QVERIFY(scheduler.tilesRead() < 48 + 12);
    }
};

SLIDESIGHT_TEST_SUITE(TestSlideLayer)
#include "tst_slidelayer.moc"
