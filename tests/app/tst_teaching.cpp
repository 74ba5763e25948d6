// The teaching mode. Scores against cases worked out by hand: a 4 x 4 grid of 100 px cells
// with a 2 x 2 truth square, a trainee's 2 x 3 rectangle and a model map with one invalid cell
// (trainee: cell AUC 10/11, Dice 0.8, pointing hit; model: cell AUC 43/44, Dice 0.75 at the
// mid threshold 0.45, pointing hit), a slide without lesion, and a trainee who only points.
// Case lists from a JSON file, a folder of slides and a demo folder, with their errors; the
// progress round trip and the score sheet (CSV figures, HTML with its thumbnail). In the main
// window on the real slide: the case opens as the slide alone, the trainee's marks go to the
// progress folder (not beside the slide), the reveal shows the truth and scores the marks on
// the 64-cell grid (Dice 2/3, cell AUC 0.75 by hand), a case with an untrained bundle shows
// its map under the truth, and a revealed case and the progress survive a new window.
#include "common/suite.h"
#include "common/testdata.h"

#include "app/annotations/annotationautosave.h"
#include "app/annotations/annotationdocument.h"
#include "app/annotations/annotationsmodule.h"
#include "app/shell/mainwindow.h"
#include "app/shell/slidecontroller.h"
#include "app/teaching/scoresheet.h"
#include "app/teaching/teachingcases.h"
#include "app/teaching/teachingdock.h"
#include "app/teaching/teachingmodule.h"
#include "app/teaching/teachingprogress.h"
#include "app/teaching/teachingscore.h"
#include "model/bundle/bundle.h"
#include "viewer/annotations/annotationio.h"
#include "viewer/layers/heatmaplayer.h"
#include "viewer/layers/layerstack.h"

#include <QtCore/QFile>
#include <QtCore/QFileInfo>
#include <QtCore/QProcess>
#include <QtCore/QStandardPaths>
#include <QtCore/QTemporaryDir>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>
#include <QtWidgets/QLabel>
#include <QtWidgets/QListWidget>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QTableWidget>

#include <cmath>
#include <limits>

using namespace slidesight;

namespace {

constexpr float kNoMapValue = std::numeric_limits<float>::quiet_NaN();

Annotation caseRectangle(double x0, double y0, double x1, double y1, const QString& group = {}) {
    Annotation a;
    a.geometry = AnnotationGeometry::Rectangle;
    a.group = group;
    a.parts.push_back(PolygonPart{QPolygonF({QPointF(x0, y0), QPointF(x1, y0), QPointF(x1, y1), QPointF(x0, y1)}), {}});
    return a;
}

Annotation casePoint(double x, double y) {
    Annotation a;
    a.geometry = AnnotationGeometry::Point;
    a.points = QPolygonF({QPointF(x, y)});
    return a;
}

GridGeometry handGrid() {
    GridGeometry g;
    g.cellSize = QSizeF(100, 100);
    g.rows = g.columns = 4;
    return g;
}

/// Cell (1, 2) is the highest, (3, 3) has no value; the truth cells are (1..2, 1..2).
std::vector<float> handMap() {
    return {0.1f, 0.5f, 0.1f, 0.0f,  //
            0.3f, 0.8f, 0.9f, 0.1f,  //
            0.2f, 0.7f, 0.4f, 0.1f,  //
            0.0f, 0.1f, 0.2f, kNoMapValue};
}

/// The hand-worked case: truth (1..2, 1..2), the trainee's 2 x 3 rectangle, handMap().
TeachingScoreInput handInput() {
    TeachingScoreInput in;
    in.grid = handGrid();
    in.truth = {caseRectangle(100, 100, 300, 300)};
    in.marks = {caseRectangle(100, 100, 300, 400)};
    in.map = handMap();
    in.modelCallsLesional = true;
    in.modelLesionProbability = 0.8;
    return in;
}

bool writeCaseFile(const QString& path, const QByteArray& text) {
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(text) == text.size();
}

QString cmuCaseSlide() { return test::dataPath(QStringLiteral("slides/cmu-1-small-region.svs")); }

}  // namespace

class TestTeaching : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;

private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(dir_.isValid());
    }

    void traineeAndModelByHand() {
        const TeachingScore s = TeachingScoring::score(handInput());
        QCOMPARE(s.validCells, 15);
        QCOMPARE(s.truthCells, 4);
        QVERIFY(s.truthLesional);
        // Trainee: 4 truth cells marked (1), of 11 valid others 2 marked (ties count half).
        QVERIFY(s.trainee.scored);
        QCOMPARE(s.trainee.cellAuc, 10.0 / 11.0);
        QCOMPARE(s.trainee.dice, 0.8);  // 2*4 / (2*4 + 2 + 0)
        QVERIFY(s.trainee.pointingDefined);
        QVERIFY(s.trainee.pointingHit);  // the centroid (200, 250) lies in cell (2, 2)
        QCOMPARE(*s.trainee.pointingPoint, QPointF(200, 250));
        QVERIFY(s.trainee.callsLesional);
        // Model: 0.4 loses only to the negative 0.5; threshold (0 + 0.9) / 2.
        QVERIFY(s.model.scored);
        QCOMPARE(s.model.cellAuc, 43.0 / 44.0);
        QVERIFY(std::abs(s.model.threshold - 0.45) < 1e-6);
        QCOMPARE(s.model.dice, 0.75);  // TP 3 (0.8 0.9 0.7), FP 1 (0.5), FN 1 (0.4)
        QVERIFY(s.model.pointingHit);
        QCOMPARE(*s.model.pointingPoint, QPointF(250, 150));
        QVERIFY(s.model.callsLesional);
        QCOMPARE(s.model.lesionProbability, 0.8);
    }

    void slideWithoutLesion() {
        TeachingScoreInput in;
        in.grid = handGrid();
        TeachingScore s = TeachingScoring::score(in);
        QVERIFY(!s.truthLesional);
        QVERIFY(!s.trainee.callsLesional);  // nothing marked: the right call
        QVERIFY(std::isnan(s.trainee.cellAuc));
        QVERIFY(std::isnan(s.trainee.dice));
        QVERIFY(!s.trainee.pointingDefined);
        QVERIFY(!s.model.scored);  // no model
        in.marks = {caseRectangle(0, 0, 100, 100)};
        s = TeachingScoring::score(in);
        QVERIFY(s.trainee.callsLesional);  // a wrong call
        QCOMPARE(s.trainee.dice, 0.0);     // no truth cell, one cell marked: 0 / (0 + 1 + 0)
    }

    void traineeWhoOnlyPoints() {
        TeachingScoreInput in;
        in.grid = handGrid();
        in.truth = {caseRectangle(100, 100, 300, 300)};
        in.marks = {casePoint(50, 50), casePoint(150, 150)};
        TeachingScore s = TeachingScoring::score(in);
        QCOMPARE(s.validCells, 16);
        QCOMPARE(*s.trainee.pointingPoint, QPointF(50, 50));  // the first point
        QVERIFY(s.trainee.pointingDefined);
        QVERIFY(!s.trainee.pointingHit);
        QCOMPARE(s.trainee.dice, 0.0);     // no area: TP 0, FN 4
        QCOMPARE(s.trainee.cellAuc, 0.5);  // every cell 0
        // An area wins over points: the larger of two rectangles.
        in.marks = {casePoint(50, 50), caseRectangle(0, 300, 100, 400), caseRectangle(100, 100, 300, 200)};
        s = TeachingScoring::score(in);
        QCOMPARE(*s.trainee.pointingPoint, QPointF(200, 150));
        QVERIFY(s.trainee.pointingHit);
    }

    void gridWithoutModel() {
        const GridGeometry g = TeachingScoring::gridWithoutModel(QSizeF(2220, 2967));
        QCOMPARE(g.rows, 64);
        QCOMPARE(g.columns, 48);  // ceil(2220 / 46.359375)
        QCOMPARE(g.cellSize, QSizeF(2967.0 / 64, 2967.0 / 64));
    }

    void caseListFromJson() {
        SLIDESIGHT_REQUIRE_DATA();
        const QString folder = dir_.filePath(QStringLiteral("json"));
        QVERIFY(QDir().mkpath(folder));
        QVERIFY(writeCaseFile(folder + QStringLiteral("/truth.geojson"), AnnotationIO::serialise([] {
                              AnnotationSet set;
                              set.add(caseRectangle(0, 0, 100, 100, QStringLiteral("Tumour")));
                              return set;
                          }(), AnnotationFormat::GeoJson)));
        const QByteArray json = QStringLiteral(R"({"title": "Week 1", "group": "Tumour", "bundle": "b",
            "cases": [{"slide": "%1", "truth": "truth.geojson", "title": "First"},
                      {"slide": "%1", "bundle": "", "map": "gradcam"}]})")
                                    .arg(cmuCaseSlide())
                                    .toUtf8();
        QVERIFY(writeCaseFile(folder + QStringLiteral("/cases.json"), json));
        auto list = TeachingCaseList::read(folder);  // the folder's cases.json
        QVERIFY2(list, list ? "" : list.error().c_str());
        QCOMPARE(list->title, QStringLiteral("Week 1"));
        QCOMPARE(list->cases.size(), size_t(2));
        const TeachingCase& first = list->cases[0];
        QCOMPARE(first.id, QStringLiteral("cmu-1-small-region"));
        QCOMPARE(first.title, QStringLiteral("First"));
        QCOMPARE(first.truth, QDir(folder).filePath(QStringLiteral("truth.geojson")));
        QCOMPARE(first.group, QStringLiteral("Tumour"));
        QCOMPARE(first.bundle, QDir(folder).filePath(QStringLiteral("b")));
        QCOMPARE(first.map, QStringLiteral("attention-max:mean"));
        QVERIFY(first.positive());
        const TeachingCase& second = list->cases[1];
        QCOMPARE(second.id, QStringLiteral("cmu-1-small-region-2"));  // the same slide twice
        QVERIFY(second.bundle.isEmpty());
        QCOMPARE(second.map, QStringLiteral("gradcam"));
        QVERIFY(!second.positive());

        // Errors, one sentence each.
        QVERIFY(writeCaseFile(folder + QStringLiteral("/bad.json"), "{\"cases\": 3}"));
        auto bad = TeachingCaseList::read(folder + QStringLiteral("/bad.json"));
        QVERIFY(!bad);
        QVERIFY(QString::fromStdString(bad.error()).contains(QStringLiteral("\"cases\" array")));
        QVERIFY(writeCaseFile(folder + QStringLiteral("/missing.json"), "{\"cases\": [{\"slide\": \"nowhere.svs\"}]}"));
        auto missing = TeachingCaseList::read(folder + QStringLiteral("/missing.json"));
        QVERIFY(!missing);
        QVERIFY(QString::fromStdString(missing.error()).contains(QStringLiteral("nowhere.svs\", which is missing")));
        QVERIFY(!TeachingCaseList::read(dir_.filePath(QStringLiteral("no-such-thing"))));
        const QString empty = dir_.filePath(QStringLiteral("empty"));
        QVERIFY(QDir().mkpath(empty));
        auto none = TeachingCaseList::read(empty);
        QVERIFY(!none);
        QVERIFY(QString::fromStdString(none.error()).contains(QStringLiteral("no slide was found")));
    }

    void caseListFromFolderAndDemo() {
        SLIDESIGHT_REQUIRE_DATA();
        // A folder of slides: truth beside by base name, bundle/ when there is one.
        const QString folder = dir_.filePath(QStringLiteral("slides"));
        QVERIFY(QDir().mkpath(folder + QStringLiteral("/bundle")));
        QVERIFY(QFile::copy(cmuCaseSlide(), folder + QStringLiteral("/a.svs")));
        QVERIFY(QFile::copy(cmuCaseSlide(), folder + QStringLiteral("/b.svs")));
        QVERIFY(writeCaseFile(folder + QStringLiteral("/a.xml"), "<ASAP_Annotations/>"));
        QVERIFY(writeCaseFile(folder + QStringLiteral("/bundle/model.json"), "{}"));
        auto list = TeachingCaseList::read(folder);
        QVERIFY2(list, list ? "" : list.error().c_str());
        QCOMPARE(list->cases.size(), size_t(2));
        QCOMPARE(list->cases[0].id, QStringLiteral("a"));
        QCOMPARE(list->cases[0].truth, QDir(folder).filePath(QStringLiteral("a.xml")));
        QVERIFY(list->cases[1].truth.isEmpty());
        QCOMPARE(list->cases[1].bundle, QDir(folder).filePath(QStringLiteral("bundle")));

        // A demo folder: its held-out slides, bundle, group and first map.
        const QString demo = dir_.filePath(QStringLiteral("demo"));
        QVERIFY(QDir().mkpath(demo + QStringLiteral("/bundle")));
        QVERIFY(QDir().mkpath(demo + QStringLiteral("/test")));
        QVERIFY(writeCaseFile(demo + QStringLiteral("/bundle/model.json"), "{}"));
        QVERIFY(QFile::copy(cmuCaseSlide(), demo + QStringLiteral("/test/test-00.svs")));
        QVERIFY(writeCaseFile(demo + QStringLiteral("/test/test-00.xml"), "<ASAP_Annotations/>"));
        QVERIFY(writeCaseFile(demo + QStringLiteral("/demo.json"),
                          R"({"format": 1, "bundle": "bundle", "group": "tumour", "first_layer": "gradcam", "report": "report.json",
                              "slides": [{"slide": "test/test-00.svs", "annotations": "test/test-00.xml", "label": "positive"}]})"));
        auto fromDemo = TeachingCaseList::read(demo);
        QVERIFY2(fromDemo, fromDemo ? "" : fromDemo.error().c_str());
        QCOMPARE(fromDemo->cases.size(), size_t(1));
        QCOMPARE(fromDemo->cases[0].map, QStringLiteral("gradcam"));
        QCOMPARE(fromDemo->cases[0].group, QStringLiteral("tumour"));
        QCOMPARE(fromDemo->cases[0].bundle, QDir(demo).filePath(QStringLiteral("bundle")));
        QVERIFY(fromDemo->cases[0].positive());
    }

    void progressAndScoreSheet() {
        TeachingCaseList list;
        list.source = dir_.filePath(QStringLiteral("sheet-list"));
        list.title = QStringLiteral("Sheet");
        for (const char* id : {"one", "two"}) {
            TeachingCase c;
            c.id = c.title = QString::fromLatin1(id);
            c.slide = QStringLiteral("/slides/%1.svs").arg(c.id);
            c.truth = QStringLiteral("/slides/%1.xml").arg(c.id);
            list.cases.push_back(c);
        }
        const QString folder = dir_.filePath(QStringLiteral("progress"));
        auto progress = TeachingProgress::open(folder, list);
        QVERIFY(progress);
        CaseProgress& one = progress->of(QStringLiteral("one"));
        one.state = CaseProgress::State::Revealed;
        one.score = TeachingScoring::score(handInput());
        one.marks = 1;
        one.secondsSpent = 42;
        one.map = QStringLiteral("gradcam");
        one.modelUntrained = true;
        progress->of(QStringLiteral("two")).state = CaseProgress::State::Marked;
        QVERIFY(progress->save());
        QImage thumbnail(40, 30, QImage::Format_RGB32);
        thumbnail.fill(Qt::white);
        QVERIFY(thumbnail.save(progress->thumbnailPath(QStringLiteral("one"))));

        // Read back.
        auto again = TeachingProgress::open(folder, list);
        QVERIFY(again);
        QCOMPARE(again->revealedCount(), 1);
        const CaseProgress& back = again->of(QStringLiteral("one"));
        QCOMPARE(back.score.trainee.cellAuc, 10.0 / 11.0);
        QCOMPARE(back.score.model.dice, 0.75);
        QVERIFY(back.score.model.pointingHit);
        QCOMPARE(*back.score.trainee.pointingPoint, QPointF(200, 250));
        QVERIFY(back.modelUntrained);
        QCOMPARE(back.secondsSpent, 42.0);
        QVERIFY(again->of(QStringLiteral("two")).state == CaseProgress::State::Marked);

        const ScoreSummary sum = ScoreSheet::summary(list, *again);
        QCOMPARE(sum.revealed, 1);
        QCOMPARE(sum.trainee.callsRight, 1);
        QCOMPARE(sum.model.callsRight, 1);
        QCOMPARE(sum.trainee.pointingHits, 1);
        QCOMPARE(sum.trainee.meanDice, 0.8);
        QCOMPARE(sum.model.meanAuc, 43.0 / 44.0);

        const QString base = dir_.filePath(QStringLiteral("sheet"));
        QVERIFY(ScoreSheet::write(list, *again, base + QStringLiteral(".html")));
        QFile csv(base + QStringLiteral(".csv"));
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const QStringList lines = QString::fromUtf8(csv.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 3);
        QCOMPARE(lines[1], QStringLiteral("one,one,/slides/one.svs,revealed,lesional,lesional,lesional,0.8000,0.9091,0.9773,"
                                          "0.8000,0.7500,hit,hit,1,42,gradcam,yes,no,"));
        QVERIFY(lines[2].startsWith(QStringLiteral("two,two,/slides/two.svs,marked,lesional,,,")));
        QFile html(base + QStringLiteral(".html"));
        QVERIFY(html.open(QIODevice::ReadOnly));
        const QString page = QString::fromUtf8(html.readAll());
        QVERIFY(page.contains(QStringLiteral("data:image/png;base64,")));
        QVERIFY(page.contains(QStringLiteral("never trained")));
        QVERIFY(page.contains(QStringLiteral("0.909")));
        QVERIFY(page.contains(QStringLiteral("Not revealed yet.")));

        // A damaged progress file is kept aside and the progress starts over, with a notice.
        QVERIFY(writeCaseFile(QDir(folder).filePath(QStringLiteral("progress.json")), "{ not json"));
        QString notice;
        auto fresh = TeachingProgress::open(folder, list, &notice);
        QVERIFY(fresh);
        QCOMPARE(fresh->revealedCount(), 0);
        QVERIFY(notice.contains(QStringLiteral("progress.json.unreadable")));
        QVERIFY(QFileInfo::exists(QDir(folder).filePath(QStringLiteral("progress.json.unreadable"))));
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
