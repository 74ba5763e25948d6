// slidesight-cli demo build on a reduced setting (few small mosaics, short training): the
// mosaics open in OpenSlide with their µm/px, positive mosaics show the region's tissue inside
// their ASAP XML outline and background tissue outside, the bundle is trained with an
// untrained-labelled extractor and an LRAN, the report holds every measure, demo.json reads
// back; bad options and missing data give one line.

#include "clirunner.h"

#include "app/demoindex.h"
#include "model/bundle.h"
#include "viewer/annotations/annotationio.h"
#include "viewer/slide/openslidesource.h"

#include "../common/testdata.h"

#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QFileInfo>
#include <QtCore/QJsonArray>
#include <QtCore/QTemporaryDir>
#include <QtTest/QtTest>

using namespace slidesight;
using namespace slidesight::test;

class TestDemoCli : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    QString demo_;
    QJsonObject report_;

private Q_SLOTS:
    void initTestCase() { QVERIFY(dir_.isValid()); }

    void badOptions() {
        CliResult r = runCli({QStringLiteral("demo"), QStringLiteral("build"), dir_.filePath(QStringLiteral("x")),
                              QStringLiteral("--data"), dir_.path(), QStringLiteral("--cells"), QStringLiteral("3x9")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QLatin1String("--cells")), qPrintable(r.err));
        // A data folder without the slides: one sentence naming the missing slide.
        r = runCli({QStringLiteral("demo"), QStringLiteral("build"), dir_.filePath(QStringLiteral("x")), QStringLiteral("--data"),
                    dir_.path()});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QLatin1String("cmu-1-small-region.svs")), qPrintable(r.err));
        QCOMPARE(r.err.trimmed().count(QLatin1Char('\n')), 0);
        // No demo there yet.
        QString error;
        QVERIFY(!DemoIndex::read(dir_.filePath(QStringLiteral("x")), &error));
        QVERIFY(error.contains(QLatin1String("demo build")));
    }

    void buildReduced() {
        SLIDESIGHT_REQUIRE_DATA();
        demo_ = dir_.filePath(QStringLiteral("demo"));
        const CliResult r = runCli({QStringLiteral("demo"), QStringLiteral("build"), demo_, QStringLiteral("--data"), dataDir(),
                                    QStringLiteral("--train"), QStringLiteral("8"), QStringLiteral("--test"), QStringLiteral("4"),
                                    QStringLiteral("--cells"), QStringLiteral("5x4"), QStringLiteral("--epochs"), QStringLiteral("6"),
                                    QStringLiteral("--folds"), QStringLiteral("2"), QStringLiteral("--inits"), QStringLiteral("1"),
                                    QStringLiteral("--lran-epochs"), QStringLiteral("1"), QStringLiteral("--lran-patches"),
                                    QStringLiteral("6"), QStringLiteral("--json")},
                                   QProcessEnvironment::systemEnvironment(), 900000);
        QVERIFY2(!r.crashed && r.exitCode == 0, qPrintable(r.err));
        report_ = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QVERIFY2(!report_.isEmpty(), qPrintable(r.out));
        const QJsonObject heldOut = report_.value(QLatin1String("held_out")).toObject();
        const double auc = heldOut.value(QLatin1String("slide_auc")).toDouble(-1);
        QVERIFY2(auc >= 0.0 && auc <= 1.0, qPrintable(r.out));
        const QJsonArray slides = heldOut.value(QLatin1String("slides")).toArray();
        QCOMPARE(slides.size(), 4);
        int positives = 0;
        for (const QJsonValue& v : slides) {
            const QJsonObject s = v.toObject();
            if (s.value(QLatin1String("label")).toInt() != 1) continue;
            ++positives;
            QVERIFY(s.value(QLatin1String("truth_cells")).toInt() > 0);
            QCOMPARE(s.value(QLatin1String("cells")).toInt(), 20);
            const double cellAuc = s.value(QLatin1String("attention_cell_auc")).toDouble(-1);
            QVERIFY2(cellAuc >= 0.0 && cellAuc <= 1.0, qPrintable(r.out));
        }
        QCOMPARE(positives, 2);
        QVERIFY(report_.value(QLatin1String("extractor")).toString().contains(QLatin1String("untrained")));
        const QJsonArray confusion = report_.value(QLatin1String("lran")).toObject().value(QLatin1String("confusion")).toArray();
        QCOMPARE(confusion.size(), 2);
        QVERIFY(QFileInfo::exists(QDir(demo_).filePath(QStringLiteral("report.md"))));
    }

    void indexAndBundle() {
        if (demo_.isEmpty()) QSKIP("The demo was not built.");
        QString error;
        const auto index = DemoIndex::read(demo_, &error);
        QVERIFY2(index, qPrintable(error));
        QCOMPARE(index->slides.size(), size_t(4));
        QVERIFY(index->firstShown() && index->firstShown()->positive);
        QCOMPARE(index->group, QStringLiteral("foreign tissue"));
        const auto bundle = model::readBundle(index->bundle.toStdString());
        QVERIFY2(bundle, bundle.error().c_str());
        QVERIFY(bundle->trained);                         // the classifier was trained
        QVERIFY(!model::bundleExtractorTrained(*bundle));  // on a seeded, untrained extractor
        QVERIFY(model::bundleLranTrained(*bundle));
        QVERIFY(bundle->metrics.count("heldout_slide_auc") == 1);
        const auto checked = model::checkBundleWeights(*bundle);
        QVERIFY2(checked, checked.error().c_str());
    }

    void mosaicsHoldTheRegion() {
        if (demo_.isEmpty()) QSKIP("The demo was not built.");
        QString error;
        const auto index = DemoIndex::read(demo_, &error);
        QVERIFY2(index, qPrintable(error));
        const DemoSlide& shown = *index->firstShown();
        auto slide = OpenSlideSource::open(shown.slide.toStdString());
        QVERIFY2(slide, slide ? "" : slide.error().c_str());
        const SlideInfo& info = (*slide)->info();
        QVERIFY(info.mpp.known());
        QVERIFY(qAbs(info.mpp.average() - 1.0) < 1e-6);
        QCOMPARE(info.width(), int64_t(5 * 448));
        QCOMPARE(info.height(), int64_t(4 * 448));
        const auto set = AnnotationIO::read(shown.annotations, &error);
        QVERIFY2(set, qPrintable(error));
        QCOMPARE(set->annotations().size(), size_t(1));
        const Annotation& region = set->annotations().front();
        QCOMPARE(region.group, index->group);
        QVERIFY(QRectF(0, 0, info.width(), info.height()).contains(region.bounds()));
        // The two tissues differ in colour: compare the region's inside with a corner outside.
        const QPolygonF outline = region.parts.front().outer;
        const QPointF inside = region.bounds().center();
        QVERIFY(outline.containsPoint(inside, Qt::OddEvenFill));
        QPointF outside;
        for (const QPointF p : {QPointF(40, 40), QPointF(info.width() - 80, 40), QPointF(40, info.height() - 80),
                                QPointF(info.width() - 80, info.height() - 80)})
            if (!outline.boundingRect().adjusted(-60, -60, 60, 60).contains(p)) outside = p;
        QVERIFY(!outside.isNull());
        auto in = (*slide)->readRegion(0, int64_t(inside.x()) - 20, int64_t(inside.y()) - 20, 40, 40);
        auto out = (*slide)->readRegion(0, int64_t(outside.x()), int64_t(outside.y()), 40, 40);
        QVERIFY(in && out);
        auto meanColour = [](const ArgbImage& image) {
            double r = 0, g = 0, b = 0;
            for (uint32_t p : image.pixels) {
                r += redOf(p);
                g += greenOf(p);
                b += blueOf(p);
            }
            const double n = double(image.pixels.size());
            return std::array<double, 3>{r / n, g / n, b / n};
        };
        const auto a = meanColour(*in), b = meanColour(*out);
        QVERIFY2(qAbs(a[0] - b[0]) + qAbs(a[1] - b[1]) + qAbs(a[2] - b[2]) > 1.0,
                 qPrintable(QStringLiteral("inside %1,%2,%3 outside %4,%5,%6").arg(a[0]).arg(a[1]).arg(a[2]).arg(b[0]).arg(b[1]).arg(b[2])));
    }
};

QTEST_GUILESS_MAIN(TestDemoCli)
#include "tst_democli.moc"
