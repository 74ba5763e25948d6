// The teaching mode's figures and files. Scores against cases worked out by hand: a 4 x 4 grid
// of 100 px cells with a 2 x 2 truth square, a trainee's 2 x 3 rectangle and a model map with
// one invalid cell (trainee: cell AUC 10/11, Dice 0.8, pointing hit; model: cell AUC 43/44,
// Dice 0.75 at the mid threshold 0.45, pointing hit), a slide without lesion, and a trainee
// who only points. Case lists from a JSON file, a folder of slides and a demo folder, with
// their errors; the progress round trip and the score sheet (CSV figures, HTML with its
// thumbnail).
#include "common/suite.h"
#include "teachingfixtures.h"

#include "app/teaching/scoresheet.h"
#include "app/teaching/teachingcases.h"
#include "app/teaching/teachingprogress.h"
#include "app/teaching/teachingscore.h"
#include "viewer/annotations/annotationio.h"

#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QFileInfo>
#include <QtCore/QStandardPaths>
#include <QtCore/QTemporaryDir>
#include <QtGui/QImage>
#include <QtTest/QTest>

#include <cmath>

using namespace slidesight;
using namespace slidesight::test;

class TestTeachingScore : public QObject {
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
        QCOMPARE(fromDemo->cases[0].title, QStringLiteral("Case 1"));  // not the file's name, which holds the label
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
};

SLIDESIGHT_TEST_SUITE(TestTeachingScore)
#include "tst_teachingscore.moc"
