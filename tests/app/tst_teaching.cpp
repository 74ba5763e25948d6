// The teaching mode in the main window on the real slide: the case opens as the slide alone,
// the trainee's marks go to the progress folder (not beside the slide), the reveal shows the
// truth and scores the marks on the 64-cell grid (Dice 2/3, cell AUC 0.75 by hand), a case
// with an untrained bundle shows its map under the truth, and a revealed case and the progress
// survive a new window; `slidesight --teach` refuses what it cannot open in one line. The
// figures themselves: tst_teachingscore.
#include "common/suite.h"
#include "teachingfixtures.h"

#include "app/analysis/analysisdock.h"
#include "app/analysis/analysismodule.h"
#include "app/annotations/annotationautosave.h"
#include "app/annotations/annotationdocument.h"
#include "app/annotations/annotationsmodule.h"
#include "app/shell/docks/associatedimagesdock.h"
#include "app/shell/docks/propertiesdock.h"
#include "app/shell/slide/slidecontroller.h"
#include "app/shell/window/mainwindow.h"
#include "app/teaching/scoresheet.h"
#include "app/teaching/teachingdock.h"
#include "app/teaching/teachingmodule.h"
#include "model/bundle/bundle.h"
#include "viewer/annotations/annotationio.h"
#include "viewer/layers/heatmaplayer.h"
#include "viewer/layers/layerstack.h"

#include <QtCore/QDir>
#include <QtCore/QFileInfo>
#include <QtCore/QProcess>
#include <QtCore/QStandardPaths>
#include <QtCore/QTemporaryDir>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>
#include <QtWidgets/QLabel>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QTableWidget>
#include <QtWidgets/QTreeWidget>

#include <cmath>

using namespace slidesight;
using namespace slidesight::test;

class TestTeaching : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;

private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(dir_.isValid());
    }

    void teachInTheWindow() {
        SLIDESIGHT_REQUIRE_DATA();
        const QString folder = dir_.filePath(QStringLiteral("window"));
        QVERIFY(QDir().mkpath(folder));
        AnnotationSet truth;
        truth.add(caseRectangle(0, 0, 1200, 1200, QStringLiteral("Tumour")));
        QVERIFY(AnnotationIO::write(truth, folder + QStringLiteral("/truth.geojson"), AnnotationFormat::GeoJson));
        model::ModelBundle bundle;
        bundle.name = "Untrained teaching model";
        bundle.extractor.architecture = "resnet18";
        bundle.extractor.weights = "random:3";
        bundle.classifier.weights = "random:5";
        QVERIFY(model::writeBundleManifest(bundle, (folder + QStringLiteral("/bundle")).toStdString()));
        QVERIFY(writeCaseFile(folder + QStringLiteral("/cases.json"),
                          QStringLiteral(R"({"title": "Window", "group": "Tumour",
            "cases": [{"slide": "%1", "truth": "truth.geojson"},
                      {"slide": "%1", "truth": "truth.geojson", "bundle": "bundle"}]})")
                              .arg(cmuCaseSlide())
                              .toUtf8()));
        const QString besideSlide = AnnotationAutosave::besideSlidePath(cmuCaseSlide());
        const bool sidecarBefore = QFileInfo::exists(besideSlide);
        const QDateTime sidecarTime = QFileInfo(besideSlide).lastModified();
        const QString progressFolder = dir_.filePath(QStringLiteral("window-progress"));
        {
            MainWindow w;
            w.resize(1200, 800);
            w.show();
            TeachingModule* teaching = w.teaching();
            QVERIFY(teaching->open(folder, progressFolder));
            QVERIFY(teaching->dock()->isVisible());
            QCOMPARE(teaching->currentCase(), 0);
            QTRY_COMPARE_WITH_TIMEOUT(w.controller()->path(), cmuCaseSlide(), 30000);
            QTRY_VERIFY(w.controller()->hasSlide());
            AnnotationsModule* annotations = w.annotations();
            QTRY_VERIFY(!annotations->autosave()->isLoading());
            // The slide alone: no truth, no map.
            LayerStack* stack = w.layerStack();
            QCOMPARE(stack->rowOf(QString::fromLatin1(TeachingModule::kTruthLayer)), -1);
            QVERIFY(!stack->layer(QStringLiteral("attention-max")));
            QVERIFY(teaching->dock()->revealButton()->isEnabled());
            QVERIFY(teaching->dock()->figures()->isHidden());
            // The file name and the slide's properties are hidden, and so is the model until the reveal.
            QCOMPARE(w.windowTitle(), QStringLiteral("Teaching case 1 of 2 — SlideSight"));
            const auto* properties = w.findChild<PropertiesDock*>()->findChild<QTreeWidget*>();
            QVERIFY(properties);
            QVERIFY(properties->findItems(QStringLiteral("cmu-1-small-region"), Qt::MatchContains | Qt::MatchRecursive, 1).isEmpty());
            QVERIFY(properties->findItems(QStringLiteral("All properties"), Qt::MatchStartsWith).isEmpty());
            QVERIFY(!w.analysis()->dock()->widget()->isEnabled());
            // The label and macro images (the CMU slide has both) are left out; the thumbnail stays.
            auto* images = w.findChild<AssociatedImagesDock*>();
            QTRY_COMPARE_WITH_TIMEOUT(images->shownCount(), 1, 10000);
            QTest::qWait(200);
            QCOMPARE(images->shownCount(), 1);

            // The trainee marks the upper half of the lesion and reveals.
            annotations->document()->addAnnotation(caseRectangle(0, 0, 1200, 600));
            QSignalSpy revealed(teaching, &TeachingModule::revealed);
            teaching->reveal();
            QTRY_COMPARE_WITH_TIMEOUT(revealed.size(), 1, 30000);
            QVERIFY(stack->rowOf(QString::fromLatin1(TeachingModule::kTruthLayer)) >= 0);
            const CaseProgress& first = teaching->progress().of(QStringLiteral("cmu-1-small-region"));
            QVERIFY(first.state == CaseProgress::State::Revealed);
            QCOMPARE(first.marks, 1);
            // On 64 x 48 cells of 46.36 px: 26 x 26 truth cells, 13 x 26 of them marked.
            QCOMPARE(first.score.truthCells, 676);
            QCOMPARE(first.score.trainee.dice, 2.0 / 3.0);
            QCOMPARE(first.score.trainee.cellAuc, 0.75);
            QVERIFY(first.score.trainee.pointingHit);
            QVERIFY(!first.score.model.scored);
            QVERIFY(!teaching->dock()->figures()->isHidden());
            QCOMPARE(teaching->dock()->figures()->item(2, 0)->text(), ScoreSheet::figure(2.0 / 3.0));
            QVERIFY(!teaching->dock()->revealButton()->isEnabled());
            QVERIFY(w.analysis()->dock()->widget()->isEnabled());  // revealed: the model is the trainee's to explore
            // The marks are in the progress folder; the slide's own sidecar is untouched.
            QTRY_VERIFY(!annotations->autosave()->hasUnsavedChanges());
            QTRY_VERIFY(QFileInfo::exists(teaching->progress().marksPath(QStringLiteral("cmu-1-small-region"))));
            QCOMPARE(QFileInfo::exists(besideSlide), sidecarBefore);
            if (sidecarBefore) QCOMPARE(QFileInfo(besideSlide).lastModified(), sidecarTime);
            QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(teaching->progress().thumbnailPath(QStringLiteral("cmu-1-small-region"))), 30000);
            QCOMPARE(QImage(teaching->progress().thumbnailPath(QStringLiteral("cmu-1-small-region"))).height(), 360);

            // The second case runs the untrained bundle: its map under the truth, figures side by side.
            QSignalSpy opened(w.controller(), &SlideController::opened);
            teaching->next();
            QCOMPARE(teaching->currentCase(), 1);
            QTRY_COMPARE_WITH_TIMEOUT(opened.size(), 1, 30000);
            QCOMPARE(w.windowTitle(), QStringLiteral("Teaching case 2 of 2 — SlideSight"));
            QVERIFY(!w.analysis()->dock()->widget()->isEnabled());
            QTRY_VERIFY_WITH_TIMEOUT(w.controller()->hasSlide() && !annotations->autosave()->isLoading(), 30000);
            QCOMPARE(stack->rowOf(QString::fromLatin1(TeachingModule::kTruthLayer)), -1);
            QVERIFY(annotations->document()->annotations().isEmpty());  // this case's own marks: none yet
            annotations->document()->addAnnotation(caseRectangle(0, 0, 1200, 1200));
            teaching->reveal();
            QTRY_COMPARE_WITH_TIMEOUT(revealed.size(), 2, 600000);
            const CaseProgress& second = teaching->progress().of(QStringLiteral("cmu-1-small-region-2"));
            QVERIFY2(second.modelProblem.isEmpty(), qPrintable(second.modelProblem));
            QVERIFY(second.score.model.scored);
            QVERIFY(second.modelUntrained);
            QCOMPARE(second.map, QStringLiteral("attention-max:mean"));
            QVERIFY(std::isfinite(second.score.model.lesionProbability));
            auto* map = qobject_cast<HeatmapLayer*>(stack->layer(QStringLiteral("attention-max")));
            QVERIFY(map && map->isVisible());
            QVERIFY(stack->rowOf(QString::fromLatin1(TeachingModule::kTruthLayer)) < stack->rowOf(QStringLiteral("attention-max")));
            QVERIFY(stack->rowOf(QStringLiteral("annotations")) < stack->rowOf(QStringLiteral("attention-max")));
            QCOMPARE(second.score.rows, map->data()->geometry().rows);  // scored on the map's grid

            // Back to the first: it opens revealed, with the trainee's mark.
            teaching->previous();
            QTRY_VERIFY_WITH_TIMEOUT(stack->rowOf(QString::fromLatin1(TeachingModule::kTruthLayer)) >= 0, 30000);
            QTRY_COMPARE(annotations->document()->annotations().annotations().size(), size_t(1));
            QVERIFY(!teaching->dock()->revealButton()->isEnabled());
            QCOMPARE(teaching->dock()->progressLabel()->text(), QStringLiteral("2 of 2 cases revealed"));
            QVERIFY(teaching->exportScoreSheet(dir_.filePath(QStringLiteral("window-sheet"))));
            QVERIFY(QFileInfo::exists(dir_.filePath(QStringLiteral("window-sheet.csv"))));
        }
        // A new window goes on where the last one stopped.
        MainWindow w;
        QVERIFY(w.teaching()->open(folder, progressFolder));
        QCOMPARE(w.teaching()->progress().revealedCount(), 2);
        QCOMPARE(w.teaching()->progress().of(QStringLiteral("cmu-1-small-region")).score.trainee.dice, 2.0 / 3.0);
    }

    void commandLine() {
        QProcess p;
        p.setProcessEnvironment([] {
            auto env = QProcessEnvironment::systemEnvironment();
            env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
            return env;
        }());
        p.start(QStringLiteral(SLIDESIGHT_GUI), {QStringLiteral("--teach"), dir_.filePath(QStringLiteral("no-such-cases"))});
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 1);
        QStringList lines = QString::fromUtf8(p.readAllStandardError()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        lines.removeIf([](const QString& line) { return line.startsWith(QStringLiteral("QStandardPaths:")); });
        QCOMPARE(lines.size(), 1);
        const QString err = lines.first();
        QVERIFY2(err.startsWith(QStringLiteral("slidesight: There are no teaching cases at")), qPrintable(err));
        p.start(QStringLiteral(SLIDESIGHT_GUI), {QStringLiteral("--teach"), QStringLiteral("demo"), QStringLiteral("slide.svs")});
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 2);
    }
};

SLIDESIGHT_TEST_SUITE(TestTeaching)
#include "tst_teaching.moc"
