// Screenshots with analysis layers: the same view of the CMU slide without layers and with
// `--show attention-max:mean` at opacity 1 differs exactly in the grid's valid cells; channels
// are chosen as asked; an unknown layer id is one message and exit code 1. Every other layer
// the viewer has can be shown too: the LRAN probabilities (a random LRAN run over the whole
// slide), the annotations of a file, their agreement with a map and the review coverage
// recorded for the slide; a layer that needs a bundle, or a slide never reviewed, is one
// message.
#include "app/analysis/analysislayers.h"
#include "app/review/reviewrecorder.h"
#include "viewer/coverage/coveragefile.h"
#include "app/shell/screenshots/screenshotrunner.h"
#include "app/shell/screenshots/untrainednotice.h"
#include "common/testdata.h"
#include "common/processoutput.h"
#include "common/suite.h"
#include "model/bundle/bundle.h"
#include "viewer/layers/heatmaplayer.h"
#include "viewer/layers/layerstack.h"
#include "viewer/view/slideview.h"

#include <QtCore/QProcess>
#include <QtCore/QStandardPaths>
#include <QtGui/QImage>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

#include <cmath>
#include <memory>

using namespace slidesight;

namespace {

constexpr int kAnalysisTimeoutMs = 280000;
constexpr int kBorder = 2;  // screen pixels next to a cell border are not compared

using slidesight::test::ownLines;

}  // namespace

class TestAnalysisScreenshot : public QObject {
    Q_OBJECT
private:
    QTemporaryDir dir_;
    QString bundle_;
    QString slide_;

    ScreenshotRunner::Options options(const QString& name) const {
        ScreenshotRunner::Options o;
        o.slide = slide_;
        o.output = dir_.filePath(name);
        o.size = QSize(640, 480);
        o.magnification = 5.0;  // a 2 µm/px cell (about 900 level-0 px) is about 220 screen px wide
        o.cacheFolder = dir_.filePath(QStringLiteral("cache"));
        o.timeoutMs = kAnalysisTimeoutMs;
        return o;
    }

    /// Runs `runner` to the end; returns its exit code.
    static int runToEnd(ScreenshotRunner& runner) {
        QSignalSpy finished(&runner, &ScreenshotRunner::finished);
        runner.start();  // may fail at once, before any event
        if (finished.isEmpty() && !finished.wait(kAnalysisTimeoutMs)) return -1;
        return finished.first().first().toInt();
    }

private Q_SLOTS:
    void initTestCase() {
        SLIDESIGHT_REQUIRE_DATA();
        QStandardPaths::setTestModeEnabled(true);
        slide_ = test::dataPath(QStringLiteral("slides/cmu-1-small-region.svs"));
        model::ModelBundle bundle;
        bundle.name = "Untrained screenshot model";
        bundle.extractor.architecture = "resnet18";
        bundle.extractor.weights = "random:3";
        bundle.classifier.weights = "random:5";
        bundle_ = dir_.filePath(QStringLiteral("bundle"));
        const auto written = model::writeBundleManifest(bundle, bundle_.toStdString());
        QVERIFY2(written.ok(), written.error().c_str());
    }

    void layersChangeExactlyTheValidCells() {
        ScreenshotRunner plain(options(QStringLiteral("plain.png")));
        QCOMPARE(runToEnd(plain), 0);

        ScreenshotRunner::Options o = options(QStringLiteral("attention.png"));
        o.bundle = bundle_;
        o.show = QStringLiteral("attention-max:mean");
        o.layerOpacity = 1.0;
        ScreenshotRunner analysed(o);
        QCOMPARE(runToEnd(analysed), 0);
        QVERIFY(analysed.analysisResult());

        // Exactly the requested layer is visible.
        LayerStack* stack = analysed.layerStack();
        for (int row = 0; row < stack->count(); ++row)
            QCOMPARE(stack->layerAt(row)->isVisible(), stack->layerAt(row)->id() == QLatin1String("attention-max"));
        auto* layer = qobject_cast<HeatmapLayer*>(stack->layer(QStringLiteral("attention-max")));
        QVERIFY(layer);
        QCOMPARE(layer->channel(), ChannelSelection::mean());
        QCOMPARE(layer->opacity(), 1.0);

        const QImage a = QImage(dir_.filePath(QStringLiteral("plain.png"))).convertToFormat(QImage::Format_RGB32);
        const QImage b = QImage(dir_.filePath(QStringLiteral("attention.png"))).convertToFormat(QImage::Format_RGB32);
        QCOMPARE(a.size(), QSize(640, 480));
        QCOMPARE(b.size(), a.size());

        const GridGeometry grid = AnalysisLayers::geometry(*analysed.analysisResult());
        const std::vector<float> plane = layer->data()->plane(ChannelSelection::mean());
        SlideView* view = analysed.view();
        int inside = 0, outside = 0, skipped = 0, banner = 0;
        // The bundle is untrained: its picture carries the notice in a banner at the top-left.
        const QRect notice = UntrainedNotice::box(b.size(), UntrainedNotice::untrainedModel());
        for (int y = 0; y < a.height(); ++y)
            for (int x = 0; x < a.width(); ++x) {
                if (notice.contains(x, y)) {
                    const QRgb p = b.pixel(x, y);
                    if (qRed(p) > 200 && qGreen(p) > 150 && qGreen(p) < 235) ++banner;  // pink, or text on it
                    continue;
                }
                const QPointF scene = view->mapToScene(QPoint(x, y)) + QPointF(0.5, 0.5) * view->downsample();
                const auto cell = grid.cellAt(scene);
                const bool valid = cell && !std::isnan(plane[std::size_t(cell->first) * grid.columns + cell->second]);
                // Skip pixels within kBorder screen pixels of a valid cell's border.
                bool nearBorder = false;
                for (const QPoint& d : {QPoint(-kBorder, 0), QPoint(kBorder, 0), QPoint(0, -kBorder), QPoint(0, kBorder)}) {
                    const auto other = grid.cellAt(view->mapToScene(QPoint(x, y) + d) + QPointF(0.5, 0.5) * view->downsample());
                    const bool otherValid = other && !std::isnan(plane[std::size_t(other->first) * grid.columns + other->second]);
                    if (other != cell && (valid || otherValid)) nearBorder = true;
                }
                if (nearBorder) {
                    ++skipped;
                    continue;
                }
                const bool same = a.pixel(x, y) == b.pixel(x, y);
                if (valid) {
                    ++inside;
                    if (same) QFAIL(qPrintable(QStringLiteral("pixel %1,%2 in a valid cell is unchanged").arg(x).arg(y)));
                } else {
                    ++outside;
                    if (!same) QFAIL(qPrintable(QStringLiteral("pixel %1,%2 outside the valid cells changed").arg(x).arg(y)));
                }
            }
        qInfo("%d pixels in valid cells differ, %d outside are identical, %d near borders skipped", inside, outside, skipped);
        QVERIFY(inside > 10000);
        QVERIFY(outside > 1000);  // the view reaches beyond the grid
        QVERIFY2(banner > notice.width() * notice.height() / 2, qPrintable(QString::number(banner)));
    }

    void channelsAsAsked() {
        ScreenshotRunner::Options o = options(QStringLiteral("channel.png"));
        o.bundle = bundle_;
        o.show = QStringLiteral("attention-max:7,gradcam");
        ScreenshotRunner runner(o);
        QCOMPARE(runToEnd(runner), 0);
        QVERIFY(runner.analysisResult()->fromCache);
        auto* attention = qobject_cast<HeatmapLayer*>(runner.layerStack()->layer(QStringLiteral("attention-max")));
        QCOMPARE(attention->channel(), ChannelSelection::channel(7));
        QVERIFY(attention->isVisible());
        QVERIFY(runner.layerStack()->layer(QStringLiteral("gradcam"))->isVisible());
        QVERIFY(!runner.layerStack()->layer(QStringLiteral("attention-min"))->isVisible());
        QVERIFY(!runner.layerStack()->layer(QStringLiteral("tissue"))->isVisible());

        o.show = QStringLiteral("attention-max:64");  // channels are 0 to 63
        o.output = dir_.filePath(QStringLiteral("bad-channel.png"));
        ScreenshotRunner bad(o);
        QCOMPARE(runToEnd(bad), 1);
        QVERIFY(!QFile::exists(o.output));
    }

    void unknownLayerIsOneMessage() {
        const QString out = dir_.filePath(QStringLiteral("unknown.png"));
        QProcess p;
        p.start(QStringLiteral(SLIDESIGHT_GUI), {QStringLiteral("--open"), slide_, QStringLiteral("--analyze"), bundle_,
                                                 QStringLiteral("--show"), QStringLiteral("attention-maximum"),
                                                 QStringLiteral("--screenshot"), out});
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 1);
        const QStringList lines = ownLines(QString::fromUtf8(p.readAllStandardError()));
        QCOMPARE(lines.size(), 1);
        QVERIFY(lines.first().contains(QStringLiteral("attention-maximum")));
        QVERIFY(lines.first().contains(QStringLiteral("attention-max,")));  // names the valid ids
        QVERIFY(!QFile::exists(out));
    }

    void everyLayerTheViewerHas() {
        // The LRAN layers of a bundle with a random LRAN, run over the tissue patches in view
        // (at 20x: a few).
        model::ModelBundle withLran;
        withLran.name = "Untrained LRAN screenshot model";
        withLran.extractor.architecture = "resnet18";
        withLran.extractor.weights = "random:3";
        withLran.classifier.weights = "random:5";
        model::BundleLran lran;
        lran.weights = "random:7";
        withLran.lran = lran;
        const QString lranBundle = dir_.filePath(QStringLiteral("lran-bundle"));
        QVERIFY(model::writeBundleManifest(withLran, lranBundle.toStdString()).ok());
        ScreenshotRunner::Options o = options(QStringLiteral("lran.png"));
        o.bundle = lranBundle;
        o.magnification = 20.0;
        o.show = QStringLiteral("lran-probability");
        ScreenshotRunner lranShot(o);
        QCOMPARE(runToEnd(lranShot), 0);
        QVERIFY(QFile::exists(o.output));
        auto* probability = qobject_cast<HeatmapLayer*>(lranShot.layerStack()->layer(QStringLiteral("lran-probability")));
        QVERIFY(probability && probability->isVisible());
        QVERIFY(!lranShot.layerStack()->layer(QStringLiteral("attention-max"))->isVisible());
        // Every tissue patch in view has run, and no other.
        const GridData& p = *probability->data();
        const QRectF visible = lranShot.view()->visibleLevelZeroRect();
        int inView = 0, outside = 0;
        for (int r = 0; r < p.rows(); ++r)
            for (int c = 0; c < p.columns(); ++c)
                if (std::isfinite(p.at(0, r, c))) (p.geometry().cellRect(r, c).intersects(visible) ? inView : outside)++;
        QVERIFY(inView > 0);
        QCOMPARE(outside, 0);

        // Annotations from a file, their agreement with attention-max and the review coverage.
        const QString xml = dir_.filePath(QStringLiteral("truth.xml"));
        {
            QFile file(xml);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("<?xml version=\"1.0\"?><ASAP_Annotations><Annotations><Annotation Name=\"A\" Type=\"Rectangle\" "
                       "PartOfGroup=\"tumor\" Color=\"#F4FA58\"><Coordinates><Coordinate Order=\"0\" X=\"800\" Y=\"1200\"/>"
                       "<Coordinate Order=\"1\" X=\"1400\" Y=\"1200\"/><Coordinate Order=\"2\" X=\"1400\" Y=\"1800\"/>"
                       "<Coordinate Order=\"3\" X=\"800\" Y=\"1800\"/></Coordinates></Annotation></Annotations>"
                       "<AnnotationGroups/></ASAP_Annotations>");
        }
        const QString sidecar = ReviewRecorder::sidecarPathFor(slide_);
        QVERIFY(!sidecar.startsWith(QFileInfo(slide_).absolutePath()));  // never beside the shared slide
        QVERIFY(QDir().mkpath(QFileInfo(sidecar).absolutePath()));
        ReviewCoverage coverage(QSizeF(2220, 2967), ReviewCoverage::cellSizeFor(QSizeF(2220, 2967)));
        coverage.record(QRectF(0, 0, 1024, 1024), 10.0, 2.0);
        QVERIFY(CoverageFile::write(CoverageFile::serialise(coverage, QStringLiteral("cmu-1-small-region.svs")), sidecar).ok());
        o = options(QStringLiteral("review.png"));
        o.bundle = bundle_;
        o.annotations = xml;
        o.show = QStringLiteral("attention-max,agreement,annotations,coverage");
        ScreenshotRunner reviewShot(o);
        QCOMPARE(runToEnd(reviewShot), 0);
        for (const char* id : {"attention-max", "agreement", "annotations", "coverage"}) {
            const Layer* layer = reviewShot.layerStack()->layer(QLatin1String(id));
            QVERIFY2(layer && layer->isVisible(), id);
        }
        QVERIFY(!reviewShot.layerStack()->layer(QStringLiteral("gradcam"))->isVisible());
        auto* map = qobject_cast<HeatmapLayer*>(reviewShot.layerStack()->layer(QStringLiteral("attention-max")));
        auto* seen = qobject_cast<HeatmapLayer*>(reviewShot.layerStack()->layer(QStringLiteral("coverage")));
        QCOMPARE(seen->data()->at(0, 0, 0), 10.0F);
        QVERIFY(std::isnan(seen->data()->at(0, seen->data()->rows() - 1, 0)));
        QVERIFY(map->levelZeroBounds().isValid());

        // Annotations and coverage need no bundle; the others do; an unreviewed slide has no coverage.
        o = options(QStringLiteral("annotations-only.png"));
        o.annotations = xml;
        o.show = QStringLiteral("annotations");
        ScreenshotRunner annotationsOnly(o);
        QCOMPARE(runToEnd(annotationsOnly), 0);
        QVERIFY(!annotationsOnly.layerStack()->layer(QStringLiteral("attention-max")));
        o = options(QStringLiteral("needs-bundle.png"));
        o.show = QStringLiteral("agreement");
        ScreenshotRunner needsBundle(o);
        QCOMPARE(runToEnd(needsBundle), 1);
        QVERIFY(!QFile::exists(o.output));
        QFile::remove(sidecar);
        o = options(QStringLiteral("never-reviewed.png"));
        o.show = QStringLiteral("coverage");
        ScreenshotRunner neverReviewed(o);
        QCOMPARE(runToEnd(neverReviewed), 1);
        QVERIFY(!QFile::exists(o.output));
    }
};

SLIDESIGHT_TEST_SUITE(TestAnalysisScreenshot)
#include "tst_analysisscreenshot.moc"
