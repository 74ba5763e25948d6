// The analysis dock in the main window, offscreen, on the real CMU slide with an untrained
// bundle (random weights): a full run (prediction, layers, GUI stall), cancellation midway,
// a re-run served from the grid cache, exporting the result file, and a bad bundle path.
#include "app/analysis/analysiscontroller.h"
#include "app/analysis/analysisdock.h"
#include "app/analysis/analysislayers.h"
#include "app/analysis/analysismodule.h"
#include "app/analysis/predictionpanel.h"
#include "app/machine/machinecheckbutton.h"
#include "app/shell/slide/slidecontroller.h"
#include "app/shell/window/guistallmonitor.h"
#include "app/shell/window/mainwindow.h"
#include "common/testdata.h"
#include "common/suite.h"
#include "model/bundle/bundle.h"
#include "model/pythontorch.h"
#include "viewer/layers/heatmaplayer.h"
#include "viewer/layers/layerstack.h"

#include <QtCore/QDir>
#include <QtCore/QMap>
#include <QtCore/QStandardPaths>
#include <QtWidgets/QLabel>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QDialog>
#include <QtWidgets/QDoubleSpinBox>
#include <QtWidgets/QPlainTextEdit>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

#include <memory>
#include <numeric>

using namespace slidesight;

namespace {

constexpr int kRunTimeoutMs = 280000;

QStringList resultFiles(const QString& folder) {
    return QDir(folder).entryList({QStringLiteral("*.pt")}, QDir::Files);
}

}  // namespace

class TestAnalysisDock : public QObject {
    Q_OBJECT
private:
    QTemporaryDir dir_;
    std::unique_ptr<MainWindow> window_;
    AnalysisDock* dock_ = nullptr;
    QString bundlePath_;
    QString cache_;

    LayerStack* stack() const { return window_->layerStack(); }

private Q_SLOTS:
    void initTestCase() {
        SLIDESIGHT_REQUIRE_DATA();
        QStandardPaths::setTestModeEnabled(true);
        qputenv("XDG_CONFIG_HOME", dir_.filePath(QStringLiteral("config")).toUtf8());
        model::ModelBundle bundle;
        bundle.name = "Untrained test model";
        bundle.classes = {"normal", "tumour"};
        bundle.extractor.architecture = "resnet18";
        bundle.extractor.weights = "random:7";
        bundle.classifier.weights = "random:11";
        bundlePath_ = dir_.filePath(QStringLiteral("bundle"));
        const auto written = model::writeBundleManifest(bundle, bundlePath_.toStdString());
        QVERIFY2(written.ok(), written.error().c_str());
        cache_ = dir_.filePath(QStringLiteral("cache"));

        window_ = std::make_unique<MainWindow>();
        window_->show();
        QSignalSpy opened(window_->controller(), &SlideController::opened);
        window_->openSlide(test::dataPath(QStringLiteral("slides/cmu-1-small-region.svs")));
        QTRY_COMPARE_WITH_TIMEOUT(opened.count(), 1, 20000);
        dock_ = window_->analysis()->dock();
        QVERIFY(dock_);
        dock_->setResultFolder(dir_.filePath(QStringLiteral("results")));
        QSignalSpy ready(dock_, &AnalysisDock::bundleReady);
        dock_->loadBundle(bundlePath_);
        QCOMPARE(dock_->state(), AnalysisDock::State::LoadingBundle);
        QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 1, 60000);
        QCOMPARE(dock_->state(), AnalysisDock::State::Ready);
        QVERIFY(!dock_->untrainedBanner()->isHidden());
        QCOMPARE(dock_->gridMppBox()->value(), 2.0);  // the bundle's
    }

    void runsToTheEnd() {
        dock_->setCacheFolder(cache_);
        dock_->gridMppBox()->setValue(0.5);
        QSignalSpy finished(dock_, &AnalysisDock::runFinished);
        QSignalSpy progress(window_->analysis()->controller(), &AnalysisController::progress);
        QVERIFY(dock_->run());
        QCOMPARE(dock_->state(), AnalysisDock::State::Running);
        QVERIFY(dock_->stallMonitor()->isActive());
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kRunTimeoutMs);
        QCOMPARE(dock_->state(), AnalysisDock::State::Ready);

        const AnalysisResultPtr result = dock_->lastResult();
        QVERIFY(result);
        QVERIFY(!result->fromCache);
        const double stall = dock_->stallMonitor()->longestStallMs();
        qInfo("Longest GUI-thread stall during the run: %.1f ms (%d x %d = %d cells at 0.5 um/px, %.1f s, %d progress reports)",
              stall, result->rows, result->columns, result->rows * result->columns, result->seconds,
              int(progress.count()));
        QVERIFY(dock_->stallMonitor()->ticks() > 10);
        QVERIFY2(stall < 250.0, qPrintable(QStringLiteral("longest stall %1 ms").arg(stall)));
        // Throttled: at most ~20 reports a second (plus one per stage change).
        QVERIFY(progress.count() <= int(result->seconds * 21.0) + 8);

        const auto& probabilities = dock_->predictionPanel()->shownProbabilities();
        QCOMPARE(probabilities.size(), std::size_t(2));
        QVERIFY(std::abs(std::accumulate(probabilities.begin(), probabilities.end(), 0.0) - 1.0) < 1e-5);
        QVERIFY(dock_->predictionPanel()->summaryText().contains(QStringLiteral("untrained")));
        QVERIFY(dock_->predictionPanel()->summaryText().contains(QStringLiteral("Untrained test model")));

        const GridGeometry geometry = AnalysisLayers::geometry(*result);
        QVERIFY(geometry.rows > 0 && geometry.columns > 0);
        for (const QString& id : {QStringLiteral("tissue"), QStringLiteral("attention-max"), QStringLiteral("attention-min"),
                                 QStringLiteral("gradcam")}) {
            auto* layer = qobject_cast<HeatmapLayer*>(stack()->layer(id));
            QVERIFY2(layer, qPrintable(id));
            QVERIFY(layer->data()->geometry() == geometry);
            QCOMPARE(layer->isVisible(), id == QLatin1String("attention-max"));  // the one shown at first
            QCOMPARE(layer->isUntrained(), id != QLatin1String("tissue"));
        }
        QVERIFY(stack()->layer(QStringLiteral("attention-max:mean")));
        QCOMPARE(qobject_cast<HeatmapLayer*>(stack()->layer(QStringLiteral("attention-max")))->data()->channels(), 64);
        const auto* viewBanner = window_->findChild<QLabel*>(QStringLiteral("untrainedViewBanner"));
        QVERIFY(viewBanner && !viewBanner->isHidden());
        QVERIFY(QFile::exists(QString::fromStdString(result->resultPath)));
        QCOMPARE(resultFiles(dock_->resultFolder()).size(), 1);
    }

    void cancelsMidway() {
        const AnalysisResultPtr before = dock_->lastResult();
        Layer* attention = stack()->layer(QStringLiteral("attention-max"));
        QVERIFY(before && attention);
        // The analysis layers by id: other docks (agreement) may add their own layers meanwhile.
        QMap<QString, Layer*> layers;
        for (const QString& id : AnalysisLayers::ids()) layers.insert(id, stack()->layer(id));
        dock_->setCacheFolder(dir_.filePath(QStringLiteral("other-cache")));  // nothing cached: seconds of work
        dock_->gridMppBox()->setValue(0.5);
        QSignalSpy progress(window_->analysis()->controller(), &AnalysisController::progress);
        QSignalSpy cancelled(dock_, &AnalysisDock::runCancelled);
        QSignalSpy finished(dock_, &AnalysisDock::runFinished);
        QVERIFY(dock_->run());
        QTRY_VERIFY_WITH_TIMEOUT(progress.count() >= 1, 60000);
        dock_->cancel();
        QTRY_COMPARE_WITH_TIMEOUT(cancelled.count(), 1, 60000);
        QCOMPARE(finished.count(), 0);
        QCOMPARE(dock_->state(), AnalysisDock::State::Ready);
        QVERIFY(dock_->message().contains(QStringLiteral("cancelled")));
        QCOMPARE(dock_->lastResult(), before);
        QCOMPARE(stack()->layer(QStringLiteral("attention-max")), attention);  // not replaced
        for (auto it = layers.cbegin(); it != layers.cend(); ++it) QCOMPARE(stack()->layer(it.key()), it.value());
        QCOMPARE(resultFiles(dock_->resultFolder()), QStringList{QFileInfo(QString::fromStdString(before->resultPath)).fileName()});
    }

    void rerunUsesTheCache() {
        // The layer's data by its serial (unique to each GridData), not its address, which the
        // allocator may give the new layer again.
        const quint64 attention = qobject_cast<HeatmapLayer*>(stack()->layer(QStringLiteral("attention-max")))->data()->serial();
        dock_->setCacheFolder(cache_);
        dock_->gridMppBox()->setValue(0.5);
        QSignalSpy finished(dock_, &AnalysisDock::runFinished);
        QVERIFY(dock_->run());
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, kRunTimeoutMs);
        QVERIFY(dock_->lastResult()->fromCache);
        QVERIFY(dock_->message().contains(QStringLiteral("cache")));
        QVERIFY(qobject_cast<HeatmapLayer*>(stack()->layer(QStringLiteral("attention-max")))->data()->serial() !=
                attention);  // the new run's layers
        QCOMPARE(resultFiles(dock_->resultFolder()).size(), 1);                  // only the latest result is kept
        qInfo("Re-run from the cache: %.2f s", dock_->lastResult()->seconds);
    }

    void exportsTheResult() {
        const QString out = dir_.filePath(QStringLiteral("exported/analysis.pt"));
        QDir().mkpath(QFileInfo(out).absolutePath());
        QSignalSpy exported(dock_, &AnalysisDock::exportFinished);
        dock_->exportResultTo(out);
        QTRY_COMPARE_WITH_TIMEOUT(exported.count(), 1, 20000);
        QCOMPARE(exported.first().first().toString(), QString());
        QFile a(out), b(QString::fromStdString(dock_->lastResult()->resultPath));
        QVERIFY(a.open(QIODevice::ReadOnly) && b.open(QIODevice::ReadOnly));
        QCOMPARE(a.readAll(), b.readAll());
        const QString python = test::pythonWithTorch();
        if (python.isEmpty()) return;
        const QString error = test::runPython(
            python, {QStringLiteral("-c"),
                     QStringLiteral("import sys, torch; d = torch.load(sys.argv[1]); assert isinstance(d, dict) and len(d) > 0"),
                     out});
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    void badBundlePathChangesNothing() {
        const AnalysisResultPtr before = dock_->lastResult();
        const int layers = stack()->count();
        const QString summary = dock_->predictionPanel()->summaryText();
        QSignalSpy failed(dock_, &AnalysisDock::bundleFailed);
        QSignalSpy ready(dock_, &AnalysisDock::bundleReady);
        dock_->loadBundle(dir_.filePath(QStringLiteral("no-such-bundle")));
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 20000);
        QCOMPARE(ready.count(), 0);
        const QString message = failed.first().first().toString();
        QVERIFY(!message.isEmpty());
        QCOMPARE(message.count(QLatin1Char('\n')), 0);
        QCOMPARE(dock_->message(), message);
        QCOMPARE(dock_->state(), AnalysisDock::State::Ready);  // the bundle in use is kept
        QCOMPARE(dock_->lastResult(), before);
        QCOMPARE(stack()->count(), layers);
        QCOMPARE(dock_->predictionPanel()->summaryText(), summary);
    }

    void machineCheckShowsTheDoctorReport() {
        auto* button = dock_->findChild<MachineCheckButton*>(QStringLiteral("machineCheckButton"));
        QVERIFY(button);
        // The quick check (no self-test) gives the device box its tooltip.
        QTRY_VERIFY_WITH_TIMEOUT(!button->summary().isEmpty(), 60000);
        QVERIFY2(button->summary().contains(QStringLiteral("CUDA")), qPrintable(button->summary()));
        QCOMPARE(dock_->deviceBox()->toolTip(), button->summary());
        // A click runs the self-test off the GUI thread and shows doctor's report.
        QSignalSpy shown(button, &MachineCheckButton::detailsShown);
        QTest::mouseClick(button, Qt::LeftButton);
        QVERIFY(button->isChecking());
        QVERIFY(!button->isEnabled());
        QTRY_COMPARE_WITH_TIMEOUT(shown.count(), 1, 240000);
        QVERIFY(button->isEnabled());
        QVERIFY(button->details() && button->details()->isVisible());
        const QString report = button->details()->findChild<QPlainTextEdit*>(QStringLiteral("machineReport"))->toPlainText();
        QVERIFY2(report.contains(QStringLiteral("Self-test on cpu")), qPrintable(report));
        QVERIFY2(report.contains(QStringLiteral("Chosen: batch")), qPrintable(report));
        QVERIFY2(report.contains(QStringLiteral("OpenSlide")), qPrintable(report));
        QVERIFY2(button->summary().contains(QStringLiteral("patches/s")), qPrintable(button->summary()));
        button->details()->hide();
    }

    void closingCancelsWithoutWaiting() {
        dock_->setCacheFolder(dir_.filePath(QStringLiteral("third-cache")));
        QSignalSpy progress(window_->analysis()->controller(), &AnalysisController::progress);
        QSignalSpy cancelled(window_->analysis()->controller(), &AnalysisController::cancelled);
        QVERIFY(dock_->run());
        QTRY_VERIFY_WITH_TIMEOUT(progress.count() >= 1, 60000);
        QElapsedTimer clock;
        clock.start();
        window_->close();
        qInfo("close() returned after %lld ms", clock.elapsed());
        QTRY_COMPARE_WITH_TIMEOUT(cancelled.count(), 1, 60000);
        QVERIFY(!window_->analysis()->controller()->isRunning());
    }

    void cleanupTestCase() { window_.reset(); }
};

SLIDESIGHT_TEST_SUITE(TestAnalysisDock)
#include "tst_analysisdock.moc"
