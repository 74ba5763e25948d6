// SlideView on a synthetic pattern slide, offscreen: fit, zoom anchored at the cursor, pan by
// drag and keys, magnification presets, merged view changes, and that what is drawn is the
// slide at the right place (also while tiles are still loading). Rotation: screen points
// against hand-computed level-0 points (a screen vector v maps to downsample x R(-angle) v),
// the fit of the turned slide, the zoom anchor, the cursor position and the slide drawn
// where the turned view puts it.
#include "common/testdata.h"
#include "common/suite.h"
#include "viewer/layers/slidelayer.h"
#include "viewer/slide/openslidesource.h"
#include "viewer/tiles/tilecache.h"
#include "viewer/tiles/tilescheduler.h"
#include "viewer/view/slideview.h"

#include <QtGui/QWheelEvent>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

#include <cmath>
#include <memory>

using namespace slidesight;

class TestSlideView : public QObject {
    Q_OBJECT
private:
    QTemporaryDir dir_;
    std::shared_ptr<OpenSlideSource> source_;
    std::shared_ptr<const TiledSlide> tiled_;
    std::unique_ptr<TileCache> cache_;
    std::unique_ptr<TileScheduler> scheduler_;
    std::unique_ptr<SlideLayer> layer_;
    std::unique_ptr<SlideView> view_;

    void waitSharp() {
        QTRY_VERIFY_WITH_TIMEOUT(layer_->isSharp(view_->visibleLevelZeroRect(), view_->downsample()) &&
                                     scheduler_->isIdle(),
                                 20000);
        QTest::qWait(40);  // let the merged repaint run
    }
    /// The colour drawn at a level-0 point, read from a grab of the view.
    QRgb drawnAt(const QImage& shot, const QPointF& levelZero) {
        const QPoint p = view_->mapFromScene(levelZero);
        return shot.pixel(p);
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        const QString path = test::writePatternSlide(dir_);
        auto opened = OpenSlideSource::open(path.toStdString());
        QVERIFY2(opened.ok(), opened.error().c_str());
        source_ = opened.value();
        tiled_ = std::make_shared<TiledSlide>(source_);
    }
    void init() {
        cache_ = std::make_unique<TileCache>();
        scheduler_ = std::make_unique<TileScheduler>(cache_.get(), 2);
        layer_ = std::make_unique<SlideLayer>(tiled_, cache_.get(), scheduler_.get());
        view_ = std::make_unique<SlideView>();
        view_->setAttribute(Qt::WA_DontShowOnScreen);
        view_->setAnimated(false);
        view_->resize(800, 600);
        view_->show();
        view_->setSlideGeometry(QSizeF(4096, 3072), source_->mpp(), source_->info().objectivePower);
        view_->addLayer(layer_.get());
        view_->flushViewChange();
    }
    void cleanup() {
        view_.reset();
        layer_.reset();
        scheduler_.reset();
        cache_.reset();
    }

    void fitShowsWholeSlide() {
        QCOMPARE(view_->downsample(), view_->fitDownsample());
        const QRectF visible = view_->visibleLevelZeroRect();
        QVERIFY(visible.contains(QRectF(0, 0, 4096, 3072)));
        QCOMPARE(view_->nativeMagnification(), 40.0);
    }

    void zoomKeepsAnchorPoint_data() {
        QTest::addColumn<QPoint>("anchor");
        QTest::addColumn<double>("factor");
        QTest::newRow("centre x2") << QPoint(400, 300) << 2.0;
        QTest::newRow("top-left x4") << QPoint(100, 80) << 4.0;
        QTest::newRow("bottom-right x8") << QPoint(700, 520) << 8.0;
        QTest::newRow("zoom out") << QPoint(250, 400) << 0.5;
    }
    void zoomKeepsAnchorPoint() {
        QFETCH(QPoint, anchor);
        QFETCH(double, factor);
        view_->setDownsample(4.0);
        const QPointF before = view_->mapToScene(anchor);
        view_->zoomBy(factor, anchor);
        QCOMPARE(view_->downsample(), 4.0 / factor);
        const QPointF after = view_->mapToScene(anchor);
        // Scroll positions are whole device pixels: allow one screen pixel of drift.
        const double tolerance = 4.0 / factor + 1e-6;
        QVERIFY2(std::abs(after.x() - before.x()) <= tolerance && std::abs(after.y() - before.y()) <= tolerance,
                 qPrintable(QStringLiteral("(%1,%2) -> (%3,%4)").arg(before.x()).arg(before.y()).arg(after.x()).arg(after.y())));
    }

    void wheelZoomsAtCursor() {
        view_->setDownsample(4.0);
        const QPoint cursor(200, 150);
        const QPointF before = view_->mapToScene(cursor);
        QWheelEvent wheel(QPointF(cursor), view_->viewport()->mapToGlobal(QPointF(cursor)), QPoint(), QPoint(0, 120),
                          Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(view_->viewport(), &wheel);
        QCOMPARE(view_->downsample(), 4.0 / 1.25);
        const QPointF after = view_->mapToScene(cursor);
        QVERIFY2(std::abs(after.x() - before.x()) <= 3.2 && std::abs(after.y() - before.y()) <= 3.2,
                 qPrintable(QStringLiteral("(%1,%2) -> (%3,%4)").arg(before.x()).arg(before.y()).arg(after.x()).arg(after.y())));
    }

    void magnificationPresets_data() {
        QTest::addColumn<int>("key");
        QTest::addColumn<double>("magnification");
        QTest::newRow("1 -> 1.25x") << int(Qt::Key_1) << 1.25;
        QTest::newRow("3 -> 5x") << int(Qt::Key_3) << 5.0;
        QTest::newRow("4 -> 10x") << int(Qt::Key_4) << 10.0;
        QTest::newRow("6 -> 40x") << int(Qt::Key_6) << 40.0;
    }
    void magnificationPresets() {
        QFETCH(int, key);
        QFETCH(double, magnification);
        QTest::keyClick(view_.get(), static_cast<Qt::Key>(key));
        QVERIFY(std::abs(view_->magnification() - magnification) < 1e-9);
        QVERIFY(std::abs(view_->downsample() - 40.0 / magnification) < 1e-9);
        QTest::keyClick(view_.get(), Qt::Key_0);
        QCOMPARE(view_->downsample(), view_->fitDownsample());
    }

    void arrowKeysPan() {
        view_->setDownsample(2.0);
        const QRectF before = view_->visibleLevelZeroRect();
        QTest::keyClick(view_.get(), Qt::Key_Right);
        const QRectF after = view_->visibleLevelZeroRect();
        // A quarter of the 800 px viewport at 2 level-0 px per screen px.
        QCOMPARE(after.left() - before.left(), 400.0);
        QCOMPARE(after.top(), before.top());
        QTest::keyClick(view_.get(), Qt::Key_Down);
        QCOMPARE(view_->visibleLevelZeroRect().top() - before.top(), 300.0);
    }

    void dragPans() {
        view_->setDownsample(2.0);
        const QRectF before = view_->visibleLevelZeroRect();
        QWidget* vp = view_->viewport();
        QTest::mousePress(vp, Qt::LeftButton, {}, QPoint(400, 300));
        QTest::mouseMove(vp, QPoint(350, 280));
        QTest::mouseMove(vp, QPoint(300, 260));
        QTest::mouseRelease(vp, Qt::LeftButton, {}, QPoint(300, 260));
        const QRectF after = view_->visibleLevelZeroRect();
        // Dragging the slide left by 100 screen px shows what lies 200 level-0 px to the right.
        QCOMPARE(after.left() - before.left(), 200.0);
        QCOMPARE(after.top() - before.top(), 80.0);
    }

    void viewChangesAreMerged() {
        QSignalSpy spy(view_.get(), &SlideView::viewChanged);
        view_->setDownsample(3.0);
        view_->setDownsample(2.5);
        view_->centerOnLevelZero(QPointF(1000, 1000));
        QCOMPARE(spy.count(), 0);  // nothing until the event loop runs
        QTRY_COMPARE(spy.count(), 1);
        QCOMPARE(spy.at(0).at(1).toDouble(), 2.5);
    }

    void drawsTheSlideAligned_data() {
        QTest::addColumn<double>("downsample");
        QTest::newRow("level 0, 1:1") << 1.0;
        QTest::newRow("between levels") << 2.7;
        QTest::newRow("level 1") << 4.0;
        QTest::newRow("virtual level") << 9.0;
    }
    void drawsTheSlideAligned() {
        QFETCH(double, downsample);
        view_->setDownsample(downsample);
        view_->centerOnLevelZero(QPointF(2048 + 32, 1536 + 32));  // the middle of a 64 px block
        view_->flushViewChange();
        waitSharp();
        const QImage shot = view_->grab().toImage();
        // Block centres: far from block borders, so JPEG and resampling error stay small.
        int checked = 0;
        for (int by = 20; by < 28; ++by)
            for (int bx = 28; bx < 36; ++bx) {
                const QPointF p(bx * 64 + 32, by * 64 + 32);
                if (!view_->visibleLevelZeroRect().adjusted(64, 64, -64, -64).contains(p)) continue;
                const QRgb expected = SyntheticSlideWriter::patternRgb(bx * 64 + 32, by * 64 + 32) | 0xFF000000u;
                const QRgb got = drawnAt(shot, p);
                QVERIFY2(test::colourNear(got, expected, 24),
                         qPrintable(QStringLiteral("block %1,%2: got %3 expected %4").arg(bx).arg(by)
                                        .arg(got, 0, 16).arg(expected, 0, 16)));
                ++checked;
            }
        QVERIFY(checked >= 4);
    }

    void neverBlankWhileLoading() {
        // With only the coarsest level loaded, zooming into full resolution still shows the
        // slide (blurred from the coarse level), never the empty background.
        waitSharp();
        scheduler_->cancel(tiled_->sourceId());
        view_->setDownsample(1.0);
        view_->centerOnLevelZero(QPointF(1000, 1000));
        const QImage shot = view_->grab().toImage();  // before any level-0 tile can arrive
        const QRgb empty = qRgb(48, 48, 52);
        int slidePixels = 0;
        for (int y = 0; y < shot.height(); y += 20)
            for (int x = 0; x < shot.width(); x += 20)
                if ((shot.pixel(x, y) & 0xFFFFFFu) != (empty & 0xFFFFFFu)) ++slidePixels;
        QCOMPARE(slidePixels, (shot.width() / 20) * (shot.height() / 20));
        // And it is the right picture: a block centre matches the pattern roughly.
        const QRgb got = drawnAt(shot, QPointF(1000 - 1000 % 64 + 32, 1000 - 1000 % 64 + 32));
        const QRgb expected = SyntheticSlideWriter::patternRgb(1000, 1000) | 0xFF000000u;
        QVERIFY2(test::colourNear(got, expected, 60), qPrintable(QString::number(got, 16)));
    }

    void scaleBarDrawn() {
        waitSharp();
        const QImage shot = view_->grab().toImage();
        // The bar is a black run at the bottom-left.
        int black = 0;
        for (int x = 12; x < 60; ++x)
            if (qGray(shot.pixel(x, shot.height() - 15)) < 40) ++black;
        QVERIFY(black > 40);
        view_->setScaleBarVisible(false);
        const QImage without = view_->grab().toImage();
        QVERIFY(qGray(without.pixel(20, without.height() - 15)) > 40);
    }

    void rotationMapsHandComputedPoints_data() {
        QTest::addColumn<double>("degrees");
        QTest::addColumn<QPointF>("expected");  // level-0 offset of the screen point 100 px right of the centre
        QTest::newRow("90") << 90.0 << QPointF(0, -200);
        QTest::newRow("180") << 180.0 << QPointF(-200, 0);
        QTest::newRow("270") << 270.0 << QPointF(0, 200);
        QTest::newRow("30") << 30.0 << QPointF(200 * std::cos(M_PI / 6), -200 * std::sin(M_PI / 6));
    }
    void rotationMapsHandComputedPoints() {
        QFETCH(double, degrees);
        QFETCH(QPointF, expected);
        view_->setDownsample(2.0);
        view_->centerOnLevelZero(QPointF(2000, 1500));
        QSignalSpy turned(view_.get(), &SlideView::rotationChanged);
        view_->setRotation(degrees);
        QCOMPARE(turned.count(), 1);
        QCOMPARE(view_->rotation(), degrees);
        QVERIFY(std::abs(view_->downsample() - 2.0) < 1e-9);
        const QPointF centre = view_->centreLevelZero();
        QVERIFY2(QLineF(centre, QPointF(2000, 1500)).length() <= 2.0 * 1.5,
                 qPrintable(QStringLiteral("centre %1,%2").arg(centre.x()).arg(centre.y())));
        const QPointF offset = view_->viewportTransform().inverted().map(QPointF(500, 300)) - centre;
        QVERIFY2(QLineF(offset, expected).length() < 1e-6,
                 qPrintable(QStringLiteral("%1,%2").arg(offset.x()).arg(offset.y())));
        // The value under the cursor is read at the turned point.
        QSignalSpy cursor(view_.get(), &SlideView::cursorMoved);
        QMouseEvent move(QEvent::MouseMove, QPointF(500, 300), view_->viewport()->mapToGlobal(QPointF(500, 300)),
                         Qt::NoButton, Qt::NoButton, Qt::NoModifier);
        QApplication::sendEvent(view_->viewport(), &move);
        QCOMPARE(cursor.count(), 1);
        QVERIFY(QLineF(cursor.at(0).at(0).toPointF(), centre + expected).length() <= 2.0);
        // The visible area is the turned viewport: at 90 and 270 degrees 1200 x 1600 level-0 px.
        if (degrees == 90.0 || degrees == 270.0) {
            const QRectF visible = view_->visibleLevelZeroRect();
            QVERIFY(std::abs(visible.width() - 1200) <= 4 && std::abs(visible.height() - 1600) <= 4);
            QCOMPARE(view_->visibleLevelZeroPolygon().boundingRect().size().toSize(), QSize(1200, 1600));
        }
    }

    void rotationWrapsAndFitsTheTurnedSlide() {
        view_->setRotation(-90);
        QCOMPARE(view_->rotation(), 270.0);
        view_->setRotation(720);
        QCOMPARE(view_->rotation(), 0.0);
        view_->setRotation(90);
        // 3072 x 4096 once turned, in 800 x 600: the height decides.
        QVERIFY(std::abs(view_->fitDownsample() - 4096.0 / 600.0 * 1.02) < 1e-9);
        view_->zoomToFit();
        QVERIFY(std::abs(view_->downsample() - view_->fitDownsample()) < 1e-9);
        QVERIFY(view_->visibleLevelZeroRect().adjusted(-2, -2, 2, 2).contains(QRectF(0, 0, 4096, 3072)));
    }

    void rotatedZoomKeepsAnchorPoint() {
        view_->setRotation(30);
        view_->setDownsample(4.0);
        const QPoint anchor(100, 80);
        const QPointF before = view_->mapToScene(anchor);
        view_->zoomBy(4.0, anchor);
        const QPointF after = view_->mapToScene(anchor);
        QVERIFY2(QLineF(before, after).length() <= 1.5,
                 qPrintable(QStringLiteral("(%1,%2) -> (%3,%4)").arg(before.x()).arg(before.y()).arg(after.x()).arg(after.y())));
    }

    void rotatedDrawsTheSlideAligned() {
        view_->setRotation(90);
        view_->setDownsample(2.0);
        view_->centerOnLevelZero(QPointF(2048 + 32, 1536 + 32));
        view_->flushViewChange();
        waitSharp();
        const QImage shot = view_->grab().toImage();
        int checked = 0;
        for (int by = 20; by < 28; ++by)
            for (int bx = 28; bx < 36; ++bx) {
                const QPointF p(bx * 64 + 32, by * 64 + 32);
                const QPointF s = view_->viewportTransform().map(p);
                if (!QRectF(shot.rect()).adjusted(40, 40, -40, -40).contains(s)) continue;
                const QRgb expected = SyntheticSlideWriter::patternRgb(bx * 64 + 32, by * 64 + 32) | 0xFF000000u;
                const QRgb got = shot.pixel(s.toPoint());
                QVERIFY2(test::colourNear(got, expected, 24),
                         qPrintable(QStringLiteral("block %1,%2: got %3 expected %4").arg(bx).arg(by)
                                        .arg(got, 0, 16).arg(expected, 0, 16)));
                ++checked;
            }
        QVERIFY(checked >= 4);
    }
};

SLIDESIGHT_TEST_SUITE(TestSlideView)
#include "tst_slideview.moc"
