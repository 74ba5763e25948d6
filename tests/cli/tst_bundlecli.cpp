// slidesight-cli bundle create / bundle check / analyze: an untrained bundle made, checked and
// run on the CMU slide (JSON output, the untrained label, the grid cache on a second run, the
// result file), weights files written by --write-weights, broken bundles giving one line, and
// the options in --help.

#include "common/suite.h"

#include "clirunner.h"

#include "../common/testdata.h"

#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QFileInfo>
#include <QtCore/QJsonArray>
#include <QtCore/QTemporaryDir>
#include <QtGui/QImage>
#include <QtTest/QtTest>

using namespace slidesight::test;

class TestBundleCli : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    QProcessEnvironment environment_ = QProcessEnvironment::systemEnvironment();

    QString path(const QString& name) const { return dir_.filePath(name); }

    CliResult cli(const QStringList& arguments) const { return runCli(arguments, environment_, 300000); }

    /// Rewrites `field` = `value` in a bundle's model.json section `section`.
    static void editManifest(const QString& folder, const QString& section, const QString& field, const QJsonValue& value) {
        QFile file(folder + QStringLiteral("/model.json"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QJsonObject json = QJsonDocument::fromJson(file.readAll()).object();
        file.close();
        QJsonObject inner = json.value(section).toObject();
        inner[field] = value;
        json[section] = inner;
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(QJsonDocument(json).toJson());
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        environment_.insert(QStringLiteral("SLIDESIGHT_CACHE_DIR"), path(QStringLiteral("cache")));
    }

    void helpNamesEveryOption() {
        const CliResult analyze = cli({QStringLiteral("analyze"), QStringLiteral("--help")});
        QCOMPARE(analyze.exitCode, 0);
        for (const char* option : {"--model", "--out", "--slide-mpp", "--grid-mpp", "--device", "--tissue-only", "--class", "--json"})
            QVERIFY2(analyze.out.contains(QLatin1String(option)), option);
        const CliResult create = cli({QStringLiteral("bundle"), QStringLiteral("create"), QStringLiteral("--help")});
        QCOMPARE(create.exitCode, 0);
        for (const char* option : {"--task", "--classes", "--seed", "--lran", "--hidden", "--attention", "--write-weights"})
            QVERIFY2(create.out.contains(QLatin1String(option)), option);
        const CliResult top = cli({QStringLiteral("--help")});
        QVERIFY(top.out.contains(QLatin1String("bundle")) && top.out.contains(QLatin1String("analyze")));
    }

    void createCheckAnalyze() {
        SLIDESIGHT_REQUIRE_DATA();
        const QString bundle = path(QStringLiteral("untrained"));
        const CliResult created = cli({QStringLiteral("bundle"), QStringLiteral("create"), bundle, QStringLiteral("--arch"),
                                       QStringLiteral("resnet18"), QStringLiteral("--hidden"), QStringLiteral("8"),
                                       QStringLiteral("--classes"), QStringLiteral("normal,tumour"), QStringLiteral("--json")});
        QCOMPARE(created.exitCode, 0);
        const QJsonObject createdJson = parseJson(created.out);
        QCOMPARE(createdJson.value(QLatin1String("trained")).toBool(true), false);
        QVERIFY(createdJson.value(QLatin1String("name")).toString().contains(QLatin1String("Untrained")));
        QVERIFY(QFile::exists(bundle + QStringLiteral("/model.json")));

        const CliResult checked = cli({QStringLiteral("bundle"), QStringLiteral("check"), bundle});
        QCOMPARE(checked.exitCode, 0);
        QVERIFY2(checked.out.contains(QLatin1String("untrained")) && checked.out.contains(QLatin1String("normal, tumour")),
                 qPrintable(checked.out));
        const CliResult checkedJson = cli({QStringLiteral("bundle"), QStringLiteral("check"), bundle, QStringLiteral("--json")});
        QCOMPARE(checkedJson.exitCode, 0);
        const QJsonObject checkJson = parseJson(checkedJson.out);
        QCOMPARE(checkJson.value(QLatin1String("label")).toString(), QStringLiteral("untrained"));
        QCOMPARE(checkJson.value(QLatin1String("weights_checked")).toBool(), true);
        QCOMPARE(checkJson.value(QLatin1String("classifier")).toObject().value(QLatin1String("hidden")).toInt(), 8);

        const QString slide = dataPath(QStringLiteral("slides/cmu-1-small-region.svs"));
        const QString result = path(QStringLiteral("analysis.pt"));
        const QStringList analyze{QStringLiteral("analyze"), slide, QStringLiteral("--model"), bundle, QStringLiteral("--out"),
                                  result, QStringLiteral("--device"), QStringLiteral("cpu"), QStringLiteral("--json")};
        const CliResult first = cli(analyze);
        QCOMPARE(first.exitCode, 0);
        const QJsonObject json = parseJson(first.out);
        QCOMPARE(json.value(QLatin1String("label")).toString(), QStringLiteral("untrained"));
        QCOMPARE(json.value(QLatin1String("from_cache")).toBool(true), false);
        QVERIFY(json.value(QLatin1String("rows")).toInt() > 0 && json.value(QLatin1String("columns")).toInt() > 0);
        QCOMPARE(json.value(QLatin1String("probabilities")).toArray().size(), 2);
        QCOMPARE(json.value(QLatin1String("gradcam_target")).toString(), QStringLiteral("grid"));
        QCOMPARE(json.value(QLatin1String("maps")).toArray().size(), 4);
        QVERIFY(QFileInfo(result).size() > 0);

        const CliResult second = cli(analyze);
        QCOMPARE(second.exitCode, 0);
        QCOMPARE(parseJson(second.out).value(QLatin1String("from_cache")).toBool(), true);
        // Text output carries the untrained label.
        const CliResult text = cli({QStringLiteral("analyze"), slide, QStringLiteral("--model"), bundle});
        QCOMPARE(text.exitCode, 0);
        QVERIFY2(text.out.startsWith(QLatin1String("UNTRAINED")), qPrintable(text.out));

        // --class: the class Grad-CAM explains, by name or index; anything else is refused.
        const QJsonArray classes = json.value(QLatin1String("classes")).toArray();
        QCOMPARE(classes.size(), 2);
        for (int c = 0; c < 2; ++c) {
            for (const QString& chosen : {QString::number(c), classes.at(c).toString()}) {
                const CliResult explained = cli({QStringLiteral("analyze"), slide, QStringLiteral("--model"), bundle,
                                                 QStringLiteral("--class"), chosen, QStringLiteral("--json")});
                QVERIFY2(explained.exitCode == 0, qPrintable(explained.err));
                QCOMPARE(parseJson(explained.out).value(QLatin1String("gradcam_class")).toInt(-1), c);
            }
        }
        const CliResult refused = cli({QStringLiteral("analyze"), slide, QStringLiteral("--model"), bundle,
                                       QStringLiteral("--class"), QStringLiteral("cancer")});
        QCOMPARE(refused.exitCode, 2);
        QVERIFY2(refused.err.contains(QLatin1String("--class must name one of the bundle's classes")), qPrintable(refused.err));
    }

    void extractAndThumbnailWithTheBundle() {
        SLIDESIGHT_REQUIRE_DATA();
        const QString bundle = path(QStringLiteral("untrained"));
        const QString result = path(QStringLiteral("analysis.pt"));
        if (!QFile::exists(result)) QSKIP("createCheckAnalyze did not leave its result.");
        const QString slide = dataPath(QStringLiteral("slides/cmu-1-small-region.svs"));
        // extract --model extracts as analyze did: the cached grid is the same one.
        const CliResult extracted = cli({QStringLiteral("extract"), slide, QStringLiteral("--model"), bundle, QStringLiteral("--out"),
                                         path(QStringLiteral("bundle-grid.pt")), QStringLiteral("--json")});
        QVERIFY2(extracted.exitCode == 0, qPrintable(extracted.err));
        const QJsonObject grid = parseJson(extracted.out);
        QCOMPARE(grid.value(QLatin1String("from_cache")).toBool(), true);
        QVERIFY(grid.value(QLatin1String("extractor")).toString().contains(QLatin1String("resnet18")));
        const CliResult both = cli({QStringLiteral("extract"), slide, QStringLiteral("--model"), bundle, QStringLiteral("--weights"),
                                    QStringLiteral("random:1")});
        QCOMPARE(both.exitCode, 2);
        QVERIFY2(both.err.contains(QLatin1String("--weights cannot be given with --model")), qPrintable(both.err));

        // thumbnail: the slide alone, and with the Grad-CAM over it.
        const QString plain = path(QStringLiteral("plain.png")), map = path(QStringLiteral("map.png"));
        QCOMPARE(cli({QStringLiteral("thumbnail"), slide, QStringLiteral("--out"), plain}).exitCode, 0);
        const CliResult drawn = cli({QStringLiteral("thumbnail"), slide, QStringLiteral("--map"), result + QStringLiteral(":gradcam"),
                                     QStringLiteral("--out"), map, QStringLiteral("--size"), QStringLiteral("300"), QStringLiteral("--json")});
        QVERIFY2(drawn.exitCode == 0, qPrintable(drawn.err));
        QCOMPARE(parseJson(drawn.out).value(QLatin1String("map")).toString(), QStringLiteral("gradcam"));
        const QImage plainImage(plain), mapImage(map);
        QCOMPARE(std::max(plainImage.width(), plainImage.height()), 512);
        QCOMPARE(std::max(mapImage.width(), mapImage.height()), 300);
        QVERIFY(std::abs(plainImage.width() - 512.0 * 2220 / 2967) <= 2.0);  // the slide's aspect (2220 x 2967)
        QVERIFY(plainImage.scaled(mapImage.size()) != mapImage);
        // One line for each kind of bad input; nothing written.
        const CliResult noMap = cli({QStringLiteral("thumbnail"), slide, QStringLiteral("--map"), path(QStringLiteral("none.pt")),
                                     QStringLiteral("--out"), path(QStringLiteral("x.png"))});
        QCOMPARE(noMap.exitCode, 1);
        QVERIFY2(isOneErrorLine(noMap.err), qPrintable(noMap.err));
        const CliResult broken = cli({QStringLiteral("thumbnail"), dataPath(QStringLiteral("slides/negative/broken.svs")),
                                      QStringLiteral("--out"), path(QStringLiteral("x.png"))});
        QCOMPARE(broken.exitCode, 1);
        QVERIFY2(isOneErrorLine(broken.err), qPrintable(broken.err));
        QCOMPARE(cli({QStringLiteral("thumbnail"), slide}).exitCode, 2);
        QVERIFY(!QFile::exists(path(QStringLiteral("x.png"))));
    }

    void writtenWeights() {
        const QString bundle = path(QStringLiteral("with-files"));
        const CliResult created = cli({QStringLiteral("bundle"), QStringLiteral("create"), bundle, QStringLiteral("--arch"),
                                       QStringLiteral("resnet18"), QStringLiteral("--hidden"), QStringLiteral("8"),
                                       QStringLiteral("--lran"), QStringLiteral("--write-weights")});
        QCOMPARE(created.exitCode, 0);
        for (const char* file : {"extractor.pth", "classifier.pt", "lran.pt"})
            QVERIFY2(QFile::exists(bundle + QLatin1Char('/') + QLatin1String(file)), file);
        const CliResult checked = cli({QStringLiteral("bundle"), QStringLiteral("check"), bundle, QStringLiteral("--json")});
        QCOMPARE(checked.exitCode, 0);
        const QJsonObject json = parseJson(checked.out);
        QCOMPARE(json.value(QLatin1String("trained")).toBool(true), false);  // files, but never trained
        QVERIFY(json.value(QLatin1String("classifier")).toObject().value(QLatin1String("weights")).toString().endsWith(
            QLatin1String("classifier.pt")));
        QCOMPARE(json.value(QLatin1String("lran")).toObject().value(QLatin1String("classes")).toArray().size(), 4);

        // The manifest now says H = 16: the check names the tensor and both shapes.
        editManifest(bundle, QStringLiteral("classifier"), QStringLiteral("hidden"), 16);
        const CliResult mismatch = cli({QStringLiteral("bundle"), QStringLiteral("check"), bundle});
        QCOMPARE(mismatch.exitCode, 1);
        QVERIFY2(isOneErrorLine(mismatch.err) && mismatch.err.contains(QLatin1String("conv.weight is [8, 512, 3, 3], expected [16, 512, 3, 3]")),
                 qPrintable(mismatch.err));
    }

    void brokenBundles() {
        const QString bundle = path(QStringLiteral("broken"));
        QCOMPARE(cli({QStringLiteral("bundle"), QStringLiteral("create"), bundle}).exitCode, 0);
        editManifest(bundle, QStringLiteral("classifier"), QStringLiteral("kernel"), 4);
        const CliResult even = cli({QStringLiteral("bundle"), QStringLiteral("check"), bundle});
        QCOMPARE(even.exitCode, 1);
        QVERIFY2(isOneErrorLine(even.err) && even.err.contains(QLatin1String("classifier.kernel")), qPrintable(even.err));
        const CliResult missing = cli({QStringLiteral("bundle"), QStringLiteral("check"), path(QStringLiteral("nothing"))});
        QCOMPARE(missing.exitCode, 1);
        QVERIFY2(isOneErrorLine(missing.err), qPrintable(missing.err));
        // analyze refuses the same bundle before touching the slide, and needs --model.
        const CliResult analyze = cli({QStringLiteral("analyze"), path(QStringLiteral("no-slide.svs")), QStringLiteral("--model"), bundle});
        QCOMPARE(analyze.exitCode, 1);
        QVERIFY2(isOneErrorLine(analyze.err) && analyze.err.contains(QLatin1String("classifier.kernel")), qPrintable(analyze.err));
        QCOMPARE(cli({QStringLiteral("analyze"), path(QStringLiteral("no-slide.svs"))}).exitCode, 2);
        QCOMPARE(cli({QStringLiteral("bundle"), QStringLiteral("create"), path(QStringLiteral("bad")), QStringLiteral("--task"),
                      QStringLiteral("segmentation")})
                     .exitCode,
                 1);
    }
};

SLIDESIGHT_GUILESS_TEST_SUITE(TestBundleCli)
#include "tst_bundlecli.moc"
