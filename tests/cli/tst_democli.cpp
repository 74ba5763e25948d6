// slidesight-cli demo build on a reduced setting (few small mosaics, short training): the
// mosaics open in OpenSlide with their µm/px, a tissue island on white glass, positive mosaics
// show the region's tissue inside their ASAP XML outline and background tissue outside, the
// bundle is trained with an untrained-labelled extractor and an LRAN, the report holds every
// measure for every map, demo.json names the first layer and reads back; bad options and
// missing data give one line; without data the source slides are fetched (from a loopback
// mirror here), verified and cached, and a wrong file is refused and not kept.

#include "common/suite.h"

#include "clirunner.h"
#include "loopbackserver.h"

#include "app/demo/demoindex.h"
#include "model/bundle/bundle.h"
#include "viewer/annotations/annotationio.h"
#include "viewer/slide/openslidesource.h"

#include "../common/keepingerror.h"
#include "../common/testdata.h"

#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QFileInfo>
#include <QtCore/QJsonArray>
#include <QtCore/QRegularExpression>
#include <QtCore/QStandardPaths>
#include <QtCore/QTemporaryDir>
#include <QtGui/QImage>
#include <QtTest/QtTest>

#include <algorithm>
#include <array>
#include <cmath>
#include <optional>

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
        QVERIFY(!test::keepingError(DemoIndex::read(dir_.filePath(QStringLiteral("x"))), error));
        QVERIFY(error.contains(QLatin1String("demo build")));
    }

    void fetchesSourcesWithoutData() {
        SLIDESIGHT_REQUIRE_DATA();
        LoopbackServer server;
        QVERIFY(server.listen());
        QTemporaryDir cache;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.remove(QStringLiteral("SLIDESIGHT_TEST_DATA"));
        environment.insert(QStringLiteral("XDG_CACHE_HOME"), cache.path());
        const QDir fetched(cache.filePath(QStringLiteral("slidesight/demo-sources/slides")));
        QByteArray bytes[2];
        const QString names[2] = {QStringLiteral("cmu-1-small-region.svs"), QStringLiteral("tcga-cr-7395-01a-01-ts1.svs")};
        for (int i = 0; i < 2; ++i) {
            QFile file(dataPath(QStringLiteral("slides/") + names[i]));
            QVERIFY(file.open(QIODevice::ReadOnly));
            bytes[i] = file.readAll();
            server.serve(QStringLiteral("/good/") + names[i], bytes[i]);
        }
        // The demo folder cannot be made (a file is in the way): the build stops right after
        // the fetch, which is what is tested here.
        QFile blocker(dir_.filePath(QStringLiteral("blocker")));
        QVERIFY(blocker.open(QIODevice::WriteOnly) && blocker.write("x") == 1);
        blocker.close();
        const QString demo = dir_.filePath(QStringLiteral("blocker/demo"));
        auto build = [&](const QString& mirror) {
            return runServed({QStringLiteral("demo"), QStringLiteral("build"), demo, QStringLiteral("--sources-url"), mirror},
                             environment);
        };

        // No network (nothing listens there): one sentence saying how to do without.
        CliResult r = build(QStringLiteral("http://127.0.0.1:1/none"));
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(r.err.trimmed().count(QLatin1Char('\n')), 0);
        QVERIFY2(r.err.contains(QLatin1String("--data")), qPrintable(r.err));
        // A mirror with a damaged file: refused, nothing of it kept.
        server.serve(QStringLiteral("/bad/") + names[0], bytes[0].left(1000));
        r = build(server.url(QStringLiteral("/bad")));
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QLatin1String("SHA-256")), qPrintable(r.err));
        QVERIFY(!QFileInfo::exists(fetched.filePath(names[0])));
        // The right files: fetched, verified and kept; a second run fetches nothing.
        r = build(server.url(QStringLiteral("/good")));
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QLatin1String("Cannot create")), qPrintable(r.err));
        for (int i = 0; i < 2; ++i) {
            QFile file(fetched.filePath(names[i]));
            QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
            QCOMPARE(sha256(file.readAll()), sha256(bytes[i]));
        }
        const int requests = server.requests;
        r = build(server.url(QStringLiteral("/good")));
        QVERIFY2(r.err.contains(QLatin1String("Cannot create")), qPrintable(r.err));
        QCOMPARE(server.requests, requests);
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
            // The grid covers the island's box, inside the 5 x 4 mosaic.
            QVERIFY(s.value(QLatin1String("cells")).toInt() >= 6 && s.value(QLatin1String("cells")).toInt() <= 20);
            for (const char* map : {"attention_max", "attention_min", "gradcam", "lran_probability", "lran_cam"}) {
                const QJsonValue value = s.value(QStringLiteral("%1_cell_auc").arg(QLatin1String(map)));
                // The LRAN's 512 µm patches are coarse on these small mosaics: with no patch half in
                // the region its AUC is undefined (null); the classifier's maps always have one.
                if ((value.isNull() || value.isUndefined()) && QLatin1String(map).startsWith(QLatin1String("lran"))) continue;
                const double cellAuc = value.toDouble(-1);
                QVERIFY2(cellAuc >= 0.0 && cellAuc <= 1.0, qPrintable(QLatin1String(map) + QStringLiteral(": ") + r.out));
            }
        }
        QCOMPARE(positives, 2);
        const QJsonObject maps = heldOut.value(QLatin1String("maps")).toObject();
        QCOMPARE(maps.size(), 5);
        QVERIFY(maps.value(QLatin1String("attention_max")).toObject().value(QLatin1String("pointing_game")).toString().endsWith(QLatin1String("/2")));
        const QString first = heldOut.value(QLatin1String("first_map")).toString();
        QVERIFY2(first == QLatin1String("attention-max:mean") || first == QLatin1String("attention-min:mean") ||
                     first == QLatin1String("gradcam"),
                 qPrintable(first));
        QCOMPARE(report_.value(QLatin1String("goals")).toObject().size(), 5);
        QVERIFY(report_.value(QLatin1String("extractor")).toString().contains(QLatin1String("untrained")));
        const QJsonArray confusion = report_.value(QLatin1String("lran")).toObject().value(QLatin1String("confusion")).toArray();
        QCOMPARE(confusion.size(), 2);
        QVERIFY(QFileInfo::exists(QDir(demo_).filePath(QStringLiteral("report.md"))));
    }

    void indexAndBundle() {
        if (demo_.isEmpty()) QSKIP("The demo was not built.");
        QString error;
        const auto index = test::keepingError(DemoIndex::read(demo_), error);
        QVERIFY2(index, qPrintable(error));
        QCOMPARE(index->slides.size(), size_t(4));
        QVERIFY(index->firstShown() && index->firstShown()->positive);
        QCOMPARE(index->firstLayer, report_.value(QLatin1String("held_out")).toObject().value(QLatin1String("first_map")).toString());
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

    void firstViewInARealWindow() {
        // `slidesight --demo` in a real window on an X server (Xvfb): the first view shows one
        // map half transparent, so the tissue's texture shows through it, and the truth's outline.
        if (demo_.isEmpty()) QSKIP("The demo was not built.");
        const QString xvfbRun = QStandardPaths::findExecutable(QStringLiteral("xvfb-run"));
        if (xvfbRun.isEmpty()) QSKIP("xvfb-run is not installed (Debian package xvfb): the real-window test is skipped.");
        QTemporaryDir home;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.remove(QStringLiteral("QT_QPA_PLATFORM"));  // the X server's, not offscreen
        environment.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));  // no saved layout
        const QString shot = dir_.filePath(QStringLiteral("window.png"));
        QProcess process;
        process.setProcessEnvironment(environment);
        process.start(xvfbRun, {QStringLiteral("-a"), QStringLiteral("-s"), QStringLiteral("-screen 0 1920x1080x24"),
                                QStringLiteral(SLIDESIGHT_GUI_PATH), QStringLiteral("--demo"), demo_, QStringLiteral("--window-shot"),
                                shot, QStringLiteral("--timeout"), QStringLiteral("600")});
        QVERIFY(process.waitForFinished(660000));
        const QString out = QString::fromUtf8(process.readAllStandardOutput());
        QVERIFY2(process.exitCode() == 0, qPrintable(out + QString::fromUtf8(process.readAllStandardError())));
        const QRegularExpression viewAt(QStringLiteral("view at (\\d+),(\\d+), (\\d+) x (\\d+) px"));
        const auto match = viewAt.match(out);
        QVERIFY2(match.hasMatch(), qPrintable(out));
        const QImage window(shot);
        QVERIFY(!window.isNull());
        // The first window takes most of the screen, and no dock needs a horizontal scroll bar.
        QVERIFY2(window.width() >= 1920 * 8 / 10 && window.height() >= 1080 * 8 / 10,
                 qPrintable(QStringLiteral("%1 x %2").arg(window.width()).arg(window.height())));
        QVERIFY2(out.contains(QStringLiteral("Docks scrolled sideways: none.")), qPrintable(out));
        const QImage view = window.copy(match.captured(1).toInt(), match.captured(2).toInt(), match.captured(3).toInt(),
                                        match.captured(4).toInt());
        QVERIFY(view.width() > 200 && view.height() > 150);
        // Tissue texture through the layer: 8 x 8 blocks of the view's centre whose luminance
        // varies (a map drawn opaque is flat inside its cells, and so is white glass).
        int blocks = 0, textured = 0, outline = 0;
        const QRect centre = view.rect().adjusted(view.width() / 4, view.height() / 4, -view.width() / 4, -view.height() / 4);
        for (int by = centre.top(); by + 8 <= centre.bottom(); by += 8)
            for (int bx = centre.left(); bx + 8 <= centre.right(); bx += 8) {
                double sum = 0, squares = 0;
                for (int y = by; y < by + 8; ++y)
                    for (int x = bx; x < bx + 8; ++x) {
                        const double l = qGray(view.pixel(x, y));
                        sum += l;
                        squares += l * l;
                    }
                const double mean = sum / 64;
                ++blocks;
                if (std::sqrt(std::max(0.0, squares / 64 - mean * mean)) > 6.0) ++textured;
            }
        QVERIFY2(textured > blocks / 4, qPrintable(QStringLiteral("%1 of %2 blocks textured").arg(textured).arg(blocks)));
        // The truth's outline in its group's colour (#E02040) on top.
        for (int y = 0; y < view.height(); ++y)
            for (int x = 0; x < view.width(); ++x) {
                const QRgb p = view.pixel(x, y);
                if (qRed(p) > 190 && qGreen(p) < 70 && qBlue(p) < 100) ++outline;
            }
        QVERIFY2(outline > 100, qPrintable(QStringLiteral("%1 outline pixels").arg(outline)));
    }

    void mosaicsHoldTheRegion() {
        if (demo_.isEmpty()) QSKIP("The demo was not built.");
        QString error;
        const auto index = test::keepingError(DemoIndex::read(demo_), error);
        QVERIFY2(index, qPrintable(error));
        const DemoSlide& shown = *index->firstShown();
        auto slide = OpenSlideSource::open(shown.slide.toStdString());
        QVERIFY2(slide, slide ? "" : slide.error().c_str());
        const SlideInfo& info = (*slide)->info();
        QVERIFY(info.mpp.known());
        QVERIFY(qAbs(info.mpp.average() - 1.0) < 1e-6);
        QCOMPARE(info.width(), int64_t(5 * 448));
        QCOMPARE(info.height(), int64_t(4 * 448));
        const auto set = test::keepingError(AnnotationIO::read(shown.annotations), error);
        QVERIFY2(set, qPrintable(error));
        QCOMPARE(set->annotations().size(), size_t(1));
        const Annotation& region = set->annotations().front();
        QCOMPARE(region.group, index->group);
        QVERIFY(QRectF(0, 0, info.width(), info.height()).contains(region.bounds()));
        // The two tissues differ in colour: compare the region's inside with background tissue
        // outside it; the mosaic's corners are white glass around the tissue island.
        const QPolygonF outline = region.parts.front().outer;
        const QPointF inside = region.bounds().center();
        QVERIFY(outline.containsPoint(inside, Qt::OddEvenFill));
        auto in = (*slide)->readRegion(0, int64_t(inside.x()) - 20, int64_t(inside.y()) - 20, 40, 40);
        QVERIFY(in);
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
        auto corner = (*slide)->readRegion(0, 2, 2, 20, 20);
        QVERIFY(corner);
        for (const double channel : meanColour(*corner)) QVERIFY2(channel > 235.0, qPrintable(QString::number(channel)));
        std::optional<std::array<double, 3>> tissue;
        for (int64_t y = 20; y + 40 < info.height() && !tissue; y += 64)
            for (int64_t x = 20; x + 40 < info.width() && !tissue; x += 64) {
                if (outline.boundingRect().adjusted(-60, -60, 60, 60).intersects(QRectF(x, y, 40, 40))) continue;
                auto spot = (*slide)->readRegion(0, x, y, 40, 40);
                QVERIFY(spot);
                const auto colour = meanColour(*spot);
                if (colour[0] < 225 && colour[1] < 225 && colour[2] < 225) tissue = colour;
            }
        QVERIFY2(tissue, "no background tissue outside the region");
        const auto a = meanColour(*in), b = *tissue;
        QVERIFY2(qAbs(a[0] - b[0]) + qAbs(a[1] - b[1]) + qAbs(a[2] - b[2]) > 1.0,
                 qPrintable(QStringLiteral("inside %1,%2,%3 outside %4,%5,%6").arg(a[0]).arg(a[1]).arg(a[2]).arg(b[0]).arg(b[1]).arg(b[2])));
    }
};

SLIDESIGHT_GUILESS_TEST_SUITE(TestDemoCli)
#include "tst_democli.moc"
