// Review coverage in the viewer: a scripted pan of a 256 x 128 view at 10x (1024 x 512
// level-0 px in view) on a 2560 x 1280 slide of 256 px cells, with a scripted clock; the
// figures worked out by hand. The Review dock's report line and Next on a 4 x 5 map of
// 512 px cells whose top 30 % form three regions (tst_reviewcoverage): visiting the best one at
// 10x for a second reviews it. The sidecar round trip, a damaged sidecar set aside with one
// message, and the coverage layer and Review dock of the main window on the real slide.
#include "common/suite.h"
#include "common/testdata.h"

#include "app/review/reviewdock.h"
#include "app/review/reviewmodule.h"
#include "app/review/reviewrecorder.h"
#include "app/shell/slide/slidecontroller.h"
#include "app/shell/window/mainwindow.h"
#include "viewer/coverage/coveragefile.h"
#include "viewer/layers/heatmaplayer.h"
#include "viewer/layers/layerstack.h"
#include "viewer/view/slideview.h"

#include <QtCore/QFile>
#include <QtCore/QStandardPaths>
#include <QtCore/QTemporaryDir>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>
#include <QtWidgets/QLabel>
#include <QtWidgets/QListWidget>

#include <cmath>
#include <limits>
#include <memory>

using namespace slidesight;

namespace {

constexpr float kNoValue = std::numeric_limits<float>::quiet_NaN();

/// A shown view of `size` level-0 px, 40x native, in a 256 x 128 viewport.
std::unique_ptr<SlideView> makeView(const QSizeF& size) {
    auto view = std::make_unique<SlideView>();
    view->setAttribute(Qt::WA_DontShowOnScreen, true);
    view->setAnimated(false);
    view->resize(256, 128);
    view->show();
    view->setSlideGeometry(size, Mpp{0.25, 0.25, MppSource::Slide}, 40.0);
    view->setDownsample(4.0);  // 10x
    return view;
}

void showAt(SlideView& view, const QPointF& centre) {
    view.centerOnLevelZero(centre);
    view.flushViewChange();
}

}  // namespace

class TestReview : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    double now_ = 1000.0;

    std::unique_ptr<ReviewRecorder> recorder(SlideView& view) {
        auto r = std::make_unique<ReviewRecorder>(&view);
        r->setRecordWhenInactive(true);
        r->setClock([this] { return now_; });
        return r;
    }
    void advance(ReviewRecorder& r, double seconds) {
        now_ += seconds;
        r.tick();
    }
    QString slide(const QString& name) const { return dir_.filePath(name); }

private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(dir_.isValid());
    }

    void scriptedPan() {
        auto view = makeView(QSizeF(2560, 1280));
        QCOMPARE(view->magnification(), 10.0);
        auto r = recorder(*view);
        showAt(*view, QPointF(512, 256));  // [0, 1024) x [0, 512): 4 x 2 cells
        r->openSlide(slide(QStringLiteral("pan.svs")), QSizeF(2560, 1280));
        QVERIFY(r->waitForIdle());
        advance(*r, 1.0);
        QCOMPARE(r->coverage().cellsWithTime(), 8);
        QCOMPARE(r->coverage().fractionSeen(10.0, 0.5), 8.0 / 50.0);

        showAt(*view, QPointF(1536, 256));  // [1024, 2048): columns 4 to 7
        advance(*r, 0.25);
        QCOMPARE(r->coverage().fractionSeen(10.0, 0.5), 8.0 / 50.0);  // 0.25 s: not yet seen
        advance(*r, 0.5);
        QCOMPARE(r->coverage().fractionSeen(10.0, 0.5), 16.0 / 50.0);

        // At 5x, 2048 x 1024 around (1280, 768): [256, 2304) x [256, 1280), columns 1..8 and rows
        // 1..4 (32 cells), 7 of them already seen at 10x (row 1, columns 1..7): 41 cells.
        view->setDownsample(8.0);
        showAt(*view, QPointF(1280, 768));
        QCOMPARE(view->magnification(), 5.0);
        advance(*r, 2.0);
        QCOMPARE(r->coverage().fractionSeen(10.0, 0.5), 16.0 / 50.0);
        QCOMPARE(r->coverage().fractionSeen(5.0, 0.5), 41.0 / 50.0);

        // A stall credits two seconds at most; nothing while recording is off.
        const double before = r->coverage().recordedSeconds();
        advance(*r, 100.0);
        QCOMPARE(r->coverage().recordedSeconds(), before + ReviewRecorder::kMaxCreditSeconds);
        r->setRecording(false);
        advance(*r, 1.0);
        QCOMPARE(r->coverage().recordedSeconds(), before + ReviewRecorder::kMaxCreditSeconds);

        // The dock says it.
        LayerStack stack;
        ReviewDock dock(&stack, r.get());
        dock.refresh();
        QCOMPARE(dock.findChild<QLabel*>(QStringLiteral("seenLabel"))->text(),
                 QStringLiteral("Seen at 10× or more: 32.0 % of the slide"));
        dock.setMinimumMagnification(5.0);
        QCOMPARE(dock.findChild<QLabel*>(QStringLiteral("seenLabel"))->text(),
                 QStringLiteral("Seen at 5× or more: 82.0 % of the slide"));
    }

    void nextVisitsTheBestUnreviewedRegion() {
        auto view = makeView(QSizeF(2560, 2048));
        auto r = recorder(*view);
        r->openSlide(slide(QStringLiteral("regions.svs")), QSizeF(2560, 2048));
        QVERIFY(r->waitForIdle());
        LayerStack stack;
        const GridGeometry g{QPointF(0, 0), QSizeF(512, 512), 4, 5};
        auto data = std::make_shared<const GridData>(g, 1,
                                                     std::vector<float>{0.1F, 0.9F, 0.8F, 0.1F, 0.1F,  //
                                                                        0.1F, 0.1F, 0.1F, 0.1F, 0.7F,  //
                                                                        0.2F, 0.1F, 0.1F, 0.1F, 0.6F,  //
                                                                        0.95F, kNoValue, 0.1F, 0.1F, 0.1F},
                                                     QString());
        stack.addLayer(new HeatmapLayer(QStringLiteral("attention-max"), QStringLiteral("Max attention"), data));
        ReviewDock dock(&stack, r.get());
        QObject::connect(&dock, &ReviewDock::visitRequested, view.get(), [&view](const QPointF& p, double magnification) {
            if (view->magnification() < magnification) view->setDownsample(view->nativeMagnification() / magnification);
            view->centerOnLevelZero(p);
            view->flushViewChange();
        });
        view->setDownsample(32.0);  // 1.25x: nothing counts at 10x
        dock.setTopK(2);
        dock.setTopFraction(0.3);
        ReviewOptions o = dock.options();
        QCOMPARE(o.minMagnification, 10.0);
        QCOMPARE(dock.report().regions.size(), size_t(2));
        QCOMPARE(dock.reportLine(), QStringLiteral("0 of the model's top 2 regions reviewed"));
        auto* list = dock.findChild<QListWidget*>(QStringLiteral("regionList"));
        QCOMPARE(list->count(), 2);

        QSignalSpy visits(&dock, &ReviewDock::visitRequested);
        dock.next();
        QCOMPARE(visits.count(), 1);
        QCOMPARE(visits.at(0).at(0).toPointF(), QPointF(256, 1792));  // the 0.95 cell
        QCOMPARE(view->magnification(), 10.0);
        advance(*r, 1.0);  // [-256, 768) x [1536, 2048): the 0.95 cell's centre, not the 0.2 one's
        QCOMPARE(dock.reportLine(), QStringLiteral("1 of the model's top 2 regions reviewed"));
        QCOMPARE(list->count(), 1);
        dock.next();
        QCOMPARE(visits.at(1).at(0).toPointF(), QPointF(768, 256));  // the 0.9 cell
        dock.previous();  // the only one left
        QCOMPARE(visits.at(2).at(0).toPointF(), QPointF(768, 256));
    }

    void sidecarRoundTripAndDamage() {
        const QString path = slide(QStringLiteral("kept.svs"));
        const QString sidecar = ReviewRecorder::sidecarPathFor(path);
        QVERIFY(!sidecar.startsWith(dir_.path()));  // no annotations beside it: the user's data folder
        QVERIFY(sidecar.endsWith(QLatin1String(CoverageFile::kSuffix)));
        auto view = makeView(QSizeF(2560, 1280));
        {
            auto r = recorder(*view);
            showAt(*view, QPointF(512, 256));
            r->openSlide(path, QSizeF(2560, 1280));
            advance(*r, 1.5);
            r->closeSlide();
            QVERIFY(r->waitForIdle());
        }
        QVERIFY(QFile::exists(sidecar));
        auto r = recorder(*view);
        QSignalSpy problems(r.get(), &ReviewRecorder::problem);
        r->openSlide(path, QSizeF(2560, 1280));
        QVERIFY(r->waitForIdle());
        QCOMPARE(r->coverage().secondsIn(0, 0, 4), 1.5);
        QCOMPARE(r->coverage().cellsWithTime(), 8);
        QCOMPARE(problems.count(), 0);
        r->closeSlide();
        QVERIFY(r->waitForIdle());

        // A damaged sidecar is set aside, never overwritten, with one message.
        QFile damaged(sidecar);
        QVERIFY(damaged.open(QIODevice::WriteOnly | QIODevice::Truncate));
        damaged.write("{\"format\": \"slidesight-coverage\", \"version\": 1, \"cells\": [[");
        damaged.close();
        r->openSlide(path, QSizeF(2560, 1280));
        QVERIFY(r->waitForIdle());
        QCOMPARE(problems.count(), 1);
        QVERIFY(problems.at(0).at(0).toString().contains(QStringLiteral("could not be used")));
        QVERIFY(QFile::exists(sidecar + QStringLiteral(".unreadable")));
        QCOMPARE(r->coverage().cellsWithTime(), 0);
        // Another slide size: set aside too.
        r->closeSlide();
        QVERIFY(r->waitForIdle());
        ReviewCoverage other(QSizeF(5000, 5000), 256);
        other.record(QRectF(0, 0, 512, 512), 10.0, 1.0);
        QVERIFY(CoverageFile::write(CoverageFile::serialise(other, QStringLiteral("kept.svs")), sidecar).ok());
        r->openSlide(path, QSizeF(2560, 1280));
        QVERIFY(r->waitForIdle());
        QCOMPARE(problems.count(), 2);
        QVERIFY(problems.at(1).at(0).toString().contains(QStringLiteral("another size")));
        r->closeSlide();
        QVERIFY(r->waitForIdle());
    }

    void theWindowHasTheLayerAndTheDock() {
        SLIDESIGHT_REQUIRE_DATA();
        MainWindow w;
        QSignalSpy opened(w.controller(), &SlideController::opened);
        w.openSlide(slidesight::test::dataPath(QStringLiteral("slides/cmu-1-small-region.svs")));
        QTRY_COMPARE_WITH_TIMEOUT(opened.count(), 1, 20000);
        auto* layer = qobject_cast<HeatmapLayer*>(w.layerStack()->layer(QStringLiteral("coverage")));
        QVERIFY(layer);
        QVERIFY(!layer->isVisible());
        QVERIFY(w.review()->recorder()->hasSlide());
        QCOMPARE(layer->data()->geometry(), w.review()->recorder()->coverage().geometry());
        QVERIFY(w.review()->nextAction()->isEnabled());
        QCOMPARE(w.review()->dock()->windowTitle(), QStringLiteral("Review"));
        w.controller()->close();
        QVERIFY(!w.layerStack()->layer(QStringLiteral("coverage")));
        QVERIFY(!w.review()->recorder()->hasSlide());
    }
};

SLIDESIGHT_TEST_SUITE(TestReview)
#include "tst_review.moc"
