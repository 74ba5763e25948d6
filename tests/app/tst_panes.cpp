// The split view: linked navigation between views of slides at different µm/px (the mapped
// centre, downsample and rotation worked out by hand, offsets kept by "Link here", no echo
// back), one cache and one pool of reading threads for panes of the same slide (splitting
// reads no tile twice), each pane's own choice of layer, the curtain (pixels either side of
// it, dragged, turned), and View > Panes with 1, 2 and 4 panes on the real slide.
#include "common/suite.h"
#include "common/testdata.h"

#include "app/panes/pane.h"
#include "app/panes/panegrid.h"
#include "app/panes/panesmodule.h"
#include "app/panes/pointalignment.h"
#include "app/panes/viewlink.h"
#include "app/shell/slide/slidecontroller.h"
#include "app/shell/window/mainwindow.h"
#include "viewer/layers/griddata.h"
#include "viewer/layers/heatmaplayer.h"
#include "viewer/layers/layerstack.h"
#include "viewer/tiles/tilescheduler.h"
#include "viewer/view/layeritem.h"
#include "viewer/view/slideview.h"

#include <QtCore/QProcess>
#include <QtCore/QRegularExpression>
#include <QtCore/QStandardPaths>
#include <QtCore/QTemporaryDir>
#include <QtGui/QAction>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>
#include <QtWidgets/QLabel>

#include <cmath>
#include <memory>

using namespace slidesight;

namespace {

/// A shown 400 x 300 view of a 20,000 x 16,000 px slide at `mpp` µm/px.
std::unique_ptr<SlideView> makeView(double mpp) {
    auto view = std::make_unique<SlideView>();
    view->setAttribute(Qt::WA_DontShowOnScreen, true);
    view->setAnimated(false);
    view->resize(400, 300);
    view->show();
    view->setSlideGeometry(QSizeF(20000, 16000), Mpp{mpp, mpp, MppSource::Slide}, 0.0);
    return view;
}

bool near(const QPointF& a, const QPointF& b, double tolerance = 0.51) {
    return std::abs(a.x() - b.x()) <= tolerance && std::abs(a.y() - b.y()) <= tolerance;
}

/// Whether `view` draws `layer` (its item's visibility).
bool draws(const SlideView& view, const Layer* layer) {
    for (QGraphicsItem* item : view.scene()->items())
        if (auto* li = dynamic_cast<LayerItem*>(item); li && li->layer() == layer) return li->isVisible();
    return false;
}

HeatmapLayer* heatmap(const QString& id) {
    GridGeometry g{QPointF(0, 0), QSizeF(500, 500), 4, 4};
    auto data = std::make_shared<GridData>(g, 1, std::vector<float>(16, 0.5f), QString());
    return new HeatmapLayer(id, id, data);
}

}  // namespace

class TestPanes : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void linkedViewsShowTheSamePlace() {
        auto a = makeView(0.5), b = makeView(0.25);  // b's pixels are half as big
        ViewLink link;
        link.addView(a.get());
        link.addView(b.get());
        a->setDownsample(4.0);
        a->centerOnLevelZero(QPointF(5000, 4000));
        a->flushViewChange();
        // Same µm per screen pixel: 4 px of 0.5 µm = 8 px of 0.25 µm; the same point in µm.
        QVERIFY(std::abs(b->downsample() - 8.0) < 1e-9);
        QVERIFY2(near(b->centreLevelZero(), QPointF(10000, 8000)), qPrintable(QStringLiteral("%1,%2").arg(b->centreLevelZero().x()).arg(b->centreLevelZero().y())));
        a->setRotation(90.0);
        a->flushViewChange();
        QCOMPARE(b->rotation(), 90.0);
        QVERIFY(near(b->centreLevelZero(), QPointF(10000, 8000)));

        // b's own change reaches a, and nothing echoes back to b.
        b->centerOnLevelZero(QPointF(12000, 9000));
        b->flushViewChange();
        QVERIFY(near(a->centreLevelZero(), QPointF(6000, 4500)));
        a->flushViewChange();
        QCoreApplication::processEvents();
        QVERIFY(near(b->centreLevelZero(), QPointF(12000, 9000)));
        QVERIFY(near(a->centreLevelZero(), QPointF(6000, 4500)));
    }

    void linkHereKeepsTheOffsets() {
        auto a = makeView(0.5), b = makeView(0.25);
        ViewLink link;
        link.addView(a.get());
        link.addView(b.get());
        link.setEnabled(false);  // align freely
        a->setDownsample(2.0);
        a->centerOnLevelZero(QPointF(1000, 800));
        b->setDownsample(4.0);
        b->centerOnLevelZero(QPointF(2100, 1500));
        a->flushViewChange();
        b->flushViewChange();
        QVERIFY(near(b->centreLevelZero(), QPointF(2100, 1500)));  // not linked: b stayed
        link.setEnabled(true);
        link.linkHere();
        // b's offset: (2100, 1500) - (1000, 800) * 0.5 / 0.25 = (100, -100).
        QVERIFY(near(link.offset(b.get()), QPointF(100, -100), 1e-6));
        a->centerOnLevelZero(QPointF(1100, 850));
        a->flushViewChange();
        QVERIFY(near(b->centreLevelZero(), QPointF(2300, 1600)));
        QVERIFY(near(link.mapCentre(b.get(), a.get(), QPointF(2300, 1600)), QPointF(1100, 850), 1e-6));
        link.resetOffsets();
        link.follow(a.get());
        QVERIFY(near(b->centreLevelZero(), QPointF(2200, 1700)));
        // A view that goes leaves the link.
        b.reset();
        QCOMPARE(link.views().size(), size_t(1));
        a->centerOnLevelZero(QPointF(900, 900));
        a->flushViewChange();
    }

    void alignByTwoPoints() {
        auto a = makeView(0.5), b = makeView(0.25);
        ViewLink link;
        link.addView(a.get());
        link.addView(b.get());
        PointAlignment alignment(&link);
        QSignalSpy messages(&alignment, &PointAlignment::message);
        QSignalSpy aligned(&alignment, &PointAlignment::aligned);
        alignment.start();
        QVERIFY(alignment.isActive());
        alignment.pick(a.get(), QPointF(1000, 800));
        alignment.pick(a.get(), QPointF(1200, 800));  // the same pane again: still waits
        QVERIFY(messages.last().at(0).toString().contains(QStringLiteral("not in the same one")));
        QVERIFY(alignment.isActive());
        alignment.pick(b.get(), QPointF(2300, 1500));
        QVERIFY(!alignment.isActive());
        QCOMPARE(aligned.size(), 1);
        // b's offset: (2300, 1500) - (1000, 800) * 0.5 / 0.25 = (300, -100).
        QVERIFY(near(link.offset(b.get()), QPointF(300, -100), 1e-6));
        QVERIFY(near(link.mapCentre(a.get(), b.get(), QPointF(1000, 800)), QPointF(2300, 1500), 1e-6));
        a->setDownsample(2.0);
        a->centerOnLevelZero(QPointF(1000, 800));
        a->flushViewChange();
        QVERIFY(near(b->centreLevelZero(), QPointF(2300, 1500)));  // the two points coincide

        // By mouse: a click in each viewport (a drag is no click); Escape cancels.
        alignment.start();
        const QPoint inA(100, 120), inB(250, 60);
        const QPointF pointA = a->mapToScene(inA);
        QTest::mouseClick(a->viewport(), Qt::LeftButton, {}, inA);
        QTest::mousePress(b->viewport(), Qt::LeftButton, {}, QPoint(10, 10));
        QTest::mouseRelease(b->viewport(), Qt::LeftButton, {}, QPoint(60, 10));
        QVERIFY(alignment.isActive());
        const QPointF pointB = b->mapToScene(inB);
        QTest::mouseClick(b->viewport(), Qt::LeftButton, {}, inB);
        QVERIFY(!alignment.isActive());
        QCOMPARE(aligned.size(), 2);
        QVERIFY(near(link.mapCentre(a.get(), b.get(), pointA), pointB, 1e-6));
        alignment.start();
        QTest::keyClick(a->viewport(), Qt::Key_Escape);
        QVERIFY(!alignment.isActive());
        // One view only: nothing to align.
        ViewLink single;
        single.addView(a.get());
        PointAlignment lonely(&single);
        lonely.start();
        QVERIFY(!lonely.isActive());
    }

    void curtainSplitsTheView() {
        // An opaque heatmap over the whole slide, no slide layer: left of the curtain the
        // heatmap's colour, right of it the view's background.
        auto view = makeView(0.5);
        std::unique_ptr<HeatmapLayer> layer(heatmap(QStringLiteral("attention-max")));
        view->addLayer(layer.get());
        view->setDownsample(2.0);
        view->centerOnLevelZero(QPointF(1000, 1000));  // the 2000 x 2000 px map fills the view
        view->flushViewChange();
        const auto colourAt = [&view](double fraction) {
            const QImage image = view->viewport()->grab().toImage();
            return image.pixel(static_cast<int>(fraction * image.width()), image.height() / 4);
        };
        const QRgb background = qRgb(48, 48, 52);
        const QRgb mapColour = colourAt(0.75);
        QVERIFY(mapColour != background);
        view->setCurtain(layer.get());
        QCOMPARE(view->curtainPosition(), 0.5);
        QCOMPARE(colourAt(0.4), mapColour);
        QCOMPARE(colourAt(0.6), background);
        // Dragged with the mouse from the line to three quarters of the width.
        const int w = view->viewport()->width(), h = view->viewport()->height();
        QTest::mousePress(view->viewport(), Qt::LeftButton, {}, QPoint(w / 2 + 3, h / 4));
        QMouseEvent move(QEvent::MouseMove, QPointF(0.75 * w, h / 4), view->viewport()->mapToGlobal(QPointF(0.75 * w, h / 4)),
                         Qt::NoButton, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(view->viewport(), &move);
        QTest::mouseRelease(view->viewport(), Qt::LeftButton, {}, QPoint(static_cast<int>(0.75 * w), h / 4));
        QVERIFY(std::abs(view->curtainPosition() - 0.75) < 0.01);
        QVERIFY(near(view->centreLevelZero(), QPointF(1000, 1000), 1.0));  // dragging the curtain does not pan
        QCOMPARE(colourAt(0.7), mapColour);
        QCOMPARE(colourAt(0.8), background);
        // Turned, the curtain is still a vertical line on the screen.
        view->setRotation(30.0);
        view->flushViewChange();
        QCOMPARE(colourAt(0.7), mapColour);
        QCOMPARE(colourAt(0.8), background);
        view->setCurtain(nullptr);
        QCOMPARE(colourAt(0.8), mapColour);
    }

    void panesShareTilesAndChooseTheirLayers() {
        SLIDESIGHT_REQUIRE_DATA();
        MainWindow w;
        w.resize(1200, 800);
        w.show();
        QSignalSpy opened(w.controller(), &SlideController::opened);
        w.openSlide(slidesight::test::dataPath(QStringLiteral("slides/cmu-1-small-region.svs")));
        QTRY_COMPARE_WITH_TIMEOUT(opened.count(), 1, 20000);
        w.view()->setAnimated(false);
        w.view()->setDownsample(2.0);
        w.view()->centerOnLevelZero(QPointF(500, 600));
        w.view()->flushViewChange();
        QTRY_VERIFY_WITH_TIMEOUT(w.controller()->isViewSharp(), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(w.controller()->scheduler()->isIdle(), 20000);

        // The view fills the window's centre (the split view's grid holds it).
        QVERIFY2(w.view()->width() > 300 && w.view()->height() > 400,
                 qPrintable(QStringLiteral("%1 x %2").arg(w.view()->width()).arg(w.view()->height())));
        const qint64 readAtSplit = w.controller()->scheduler()->tilesRead();
        PanesModule* panes = w.panes();
        QVERIFY(panes);
        QVERIFY(!panes->linkAction()->isEnabled());
        panes->countAction(2)->trigger();
        QCOMPARE(panes->grid()->count(), 2);
        QVERIFY(panes->linkAction()->isEnabled());
        Pane* pane = panes->grid()->panes().at(0);
        QVERIFY(pane->controller()->isSharingSlide());
        QCOMPARE(pane->controller()->tiledSlide(), w.controller()->tiledSlide());
        QCOMPARE(pane->controller()->scheduler(), w.controller()->scheduler());
        QCOMPARE(pane->findChild<QLabel*>(QStringLiteral("paneTitle"))->text(), QStringLiteral("cmu-1-small-region.svs"));
        // Linked: the pane shows the main view's place (once laid out).
        QTRY_VERIFY_WITH_TIMEOUT(near(pane->view()->centreLevelZero(), w.view()->centreLevelZero(), 1.0), 5000);
        QVERIFY(std::abs(pane->view()->downsample() - w.view()->downsample()) < 1e-9);
        // Both halves show part of what the whole view showed: no tile is read again.
        QTRY_VERIFY_WITH_TIMEOUT(w.controller()->isViewSharp(), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(pane->controller()->isViewSharp(), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(w.controller()->scheduler()->isIdle(), 20000);
        const qint64 readBefore = w.controller()->scheduler()->tilesRead();
        QCOMPARE(readBefore, readAtSplit);
        // Moving the main view moves the pane; tiles of the new place are read once for both.
        w.view()->centerOnLevelZero(QPointF(1700, 2500));
        w.view()->flushViewChange();
        QTRY_VERIFY_WITH_TIMEOUT(near(pane->view()->centreLevelZero(), w.view()->centreLevelZero(), 1.0), 5000);
        QTRY_VERIFY_WITH_TIMEOUT(w.controller()->isViewSharp() && pane->controller()->isViewSharp(), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(w.controller()->scheduler()->isIdle(), 20000);
        const qint64 read = w.controller()->scheduler()->tilesRead() - readBefore;
        QVERIFY(read > 0);
        // Each read tile is distinct: the cache holds at least as many new tiles as were read.
        QVERIFY2(read <= 64, qPrintable(QString::number(read)));

        // Each pane its own layer: attention in the main view, Grad-CAM in the pane.
        HeatmapLayer* attention = heatmap(QStringLiteral("attention-max"));
        HeatmapLayer* gradcam = heatmap(QStringLiteral("gradcam"));
        w.layerStack()->addLayer(attention);
        w.layerStack()->addLayer(gradcam);
        gradcam->setVisible(false);
        QVERIFY(draws(*w.view(), attention));
        QVERIFY(!draws(*w.view(), gradcam));
        QVERIFY(draws(*pane->view(), attention));  // by default as the main view
        pane->setOverlay(QStringLiteral("gradcam"));
        QVERIFY(!draws(*pane->view(), attention));
        QVERIFY(draws(*pane->view(), gradcam));
        QVERIFY(draws(*w.view(), attention));  // the main view is untouched
        // The curtain goes over each view's top layer: the main view's top visible one, the
        // pane's own choice (between it and the slide); a pane of the slide alone has none.
        panes->curtainAction()->setChecked(true);
        QCOMPARE(w.view()->curtainLayer(), static_cast<Layer*>(attention));
        QCOMPARE(pane->view()->curtainLayer(), static_cast<Layer*>(gradcam));
        pane->setOverlay(Pane::sameAsMain());
        QCOMPARE(pane->view()->curtainLayer(), static_cast<Layer*>(attention));
        pane->setOverlay(QStringLiteral("gradcam"));
        QCOMPARE(pane->view()->curtainLayer(), static_cast<Layer*>(gradcam));
        panes->curtainAction()->setChecked(false);
        QVERIFY(!w.view()->curtainLayer());
        QVERIFY(!pane->view()->curtainLayer());
        pane->setOverlay(Pane::noOverlay());
        panes->curtainAction()->setChecked(true);
        QVERIFY(!pane->view()->curtainLayer());
        panes->curtainAction()->setChecked(false);
        QVERIFY(!draws(*pane->view(), attention));
        QVERIFY(!draws(*pane->view(), gradcam));

        // A slide of its own: not shared, no window layers over it.
        QSignalSpy shown(pane, &Pane::slideShown);
        pane->openSlide(slidesight::test::dataPath(QStringLiteral("slides/tcga-cr-7395-01a-01-ts1.svs")));
        QTRY_VERIFY_WITH_TIMEOUT(shown.count() >= 1, 20000);
        QVERIFY(!pane->controller()->isSharingSlide());
        QVERIFY(pane->controller()->tiledSlide() != w.controller()->tiledSlide());
        QVERIFY(pane->findChild<QLabel*>(QStringLiteral("paneTitle"))->text().contains(QStringLiteral("tcga-cr-7395")));
        pane->setOverlay(Pane::sameAsMain());
        QVERIFY(!draws(*pane->view(), attention));
        QTRY_VERIFY_WITH_TIMEOUT(pane->controller()->isViewSharp(), 20000);
        // A file that is no slide: one message, and the pane goes back to the window's slide.
        QSignalSpy failed(pane, &Pane::openFailed);
        pane->openSlide(slidesight::test::dataPath(QStringLiteral("slides/negative/broken.svs")));
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 20000);
        QVERIFY(pane->controller()->isSharingSlide());
        QVERIFY(draws(*pane->view(), attention));

        // Four panes, all linked; back to one.
        panes->countAction(4)->trigger();
        QCOMPARE(panes->grid()->count(), 4);
        QCOMPARE(panes->link()->views().size(), size_t(4));
        w.view()->setDownsample(4.0);
        w.view()->flushViewChange();
        for (Pane* p : panes->grid()->panes()) QVERIFY(std::abs(p->view()->downsample() - 4.0) < 1e-9);
        panes->linkAction()->setChecked(false);
        w.view()->setDownsample(1.0);
        w.view()->flushViewChange();
        for (Pane* p : panes->grid()->panes()) QVERIFY(std::abs(p->view()->downsample() - 4.0) < 1e-9);  // free
        panes->countAction(1)->trigger();
        QCOMPARE(panes->grid()->count(), 1);
        QCOMPARE(panes->link()->views().size(), size_t(1));
        QVERIFY(panes->countAction(1)->isChecked());

        // Closing the window's slide empties the panes that show it.
        panes->countAction(2)->trigger();
        pane = panes->grid()->panes().at(0);
        QVERIFY(pane->controller()->hasSlide());
        w.controller()->close();
        QVERIFY(!pane->controller()->hasSlide());
    }

    void splitViewInARealWindow() {
        // `slidesight SLIDE --panes 2` in a real window on an X server (Xvfb): the main view and
        // the pane beside it show the same place of the slide at the same scale.
        SLIDESIGHT_REQUIRE_DATA();
        const QString xvfbRun = QStandardPaths::findExecutable(QStringLiteral("xvfb-run"));
        if (xvfbRun.isEmpty()) QSKIP("xvfb-run is not installed (Debian package xvfb): the real-window test is skipped.");
        QTemporaryDir home;
        QVERIFY(home.isValid());
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.remove(QStringLiteral("QT_QPA_PLATFORM"));  // the X server's, not offscreen
        environment.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));  // no saved layout
        environment.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
        const QString shot = home.filePath(QStringLiteral("split.png"));
        QProcess process;
        process.setProcessEnvironment(environment);
        process.start(xvfbRun, {QStringLiteral("-a"), QStringLiteral("-s"), QStringLiteral("-screen 0 1920x1080x24"),
                                QStringLiteral(SLIDESIGHT_GUI), slidesight::test::dataPath(QStringLiteral("slides/cmu-1-small-region.svs")),
                                QStringLiteral("--panes"), QStringLiteral("2"), QStringLiteral("--window-shot"), shot,
                                QStringLiteral("--timeout"), QStringLiteral("120")});
        QVERIFY(process.waitForFinished(180000));
        const QString out = QString::fromUtf8(process.readAllStandardOutput());
        QVERIFY2(process.exitCode() == 0, qPrintable(out + QString::fromUtf8(process.readAllStandardError())));
        const auto rectOf = [&out](const QString& pattern) {
            const auto m = QRegularExpression(pattern).match(out);
            return m.hasMatch() ? QRect(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt(), m.captured(4).toInt())
                                : QRect();
        };
        const QRect main = rectOf(QStringLiteral("view at (\\d+),(\\d+), (\\d+) x (\\d+) px"));
        const QRect pane = rectOf(QStringLiteral("Pane 2 at (\\d+),(\\d+), (\\d+) x (\\d+) px"));
        QVERIFY2(main.isValid() && pane.isValid(), qPrintable(out));
        QVERIFY2(pane.left() > main.right(), qPrintable(out));  // side by side
        QVERIFY2(std::abs(pane.width() - main.width()) <= 8, qPrintable(out));
        const QImage window(shot);
        QVERIFY(!window.isNull());
        // 160 x 160 px around each view's centre: the same tissue, pixel for pixel but for
        // rounding of the centre (a shift of at most a pixel).
        const auto centreCrop = [&window](const QRect& r) {
            return window.copy(QRect(r.center() - QPoint(80, 80), QSize(160, 160))).convertToFormat(QImage::Format_RGB32);
        };
        const QImage a = centreCrop(main), b = centreCrop(pane);
        double best = 1e9, variance = 0, sum = 0;
        for (int y = 0; y < 160; ++y)
            for (int x = 0; x < 160; ++x) {
                const double l = qGray(a.pixel(x, y));
                sum += l;
                variance += l * l;
            }
        variance = variance / (160 * 160) - (sum / (160 * 160)) * (sum / (160 * 160));
        QVERIFY2(variance > 50, qPrintable(QStringLiteral("luminance variance %1: no tissue in view").arg(variance)));
        for (int dy = -1; dy <= 1; ++dy)
            for (int dx = -1; dx <= 1; ++dx) {
                double diff = 0;
                for (int y = 2; y < 158; ++y)
                    for (int x = 2; x < 158; ++x) diff += std::abs(qGray(a.pixel(x, y)) - qGray(b.pixel(x + dx, y + dy)));
                best = std::min(best, diff / (156 * 156));
            }
        QVERIFY2(best < 6.0, qPrintable(QStringLiteral("mean difference %1 grey levels").arg(best)));
    }
};

SLIDESIGHT_TEST_SUITE(TestPanes)
#include "tst_panes.moc"
