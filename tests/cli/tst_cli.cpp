// Tests of slidesight-cli as users and scripts see it: exit codes, one-line errors, --help,
// JSON output of info on the real slides, synth + info round trips and a quick bench run.
#include "common/suite.h"

#include "clirunner.h"

#include <QtCore/QDir>
#include <QtCore/QFileInfo>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QProcess>
#include <QtCore/QTemporaryDir>
#include <QtCore/QRegularExpression>
#include <QtTest/QtTest>

using slidesight::test::CliResult;
using slidesight::test::isOneErrorLine;
using slidesight::test::parseJson;
using slidesight::test::runCli;

class TestCli : public QObject {
    Q_OBJECT

private:
    QString dataDir() const { return qEnvironmentVariable("SLIDESIGHT_TEST_DATA"); }
    QString slide(const QString& name) const { return QDir(dataDir()).filePath(QStringLiteral("slides/") + name); }

private Q_SLOTS:
    void initTestCase() { QVERIFY2(QFileInfo::exists(QStringLiteral(SLIDESIGHT_CLI_PATH)), SLIDESIGHT_CLI_PATH); }

    void topLevelHelpListsCommands() {
        const CliResult r = runCli({QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.err.isEmpty());
        for (const char* command : {"info", "bench", "synth"})
            QVERIFY2(r.out.contains(QStringLiteral("\n  %1 ").arg(QLatin1String(command))), command);
    }

    void doctorOnThisMachine() {
        // Versions as the libraries report them, the CPU's self-test with each batch tried, and
        // a plain "no CUDA" line on a machine or build without it.
        CliResult r = runCli({QStringLiteral("doctor"), QStringLiteral("--json"), QStringLiteral("--patches"), QStringLiteral("4")},
                             QProcessEnvironment::systemEnvironment(), 300000);
        QCOMPARE(r.exitCode, 0);
        const QJsonObject json = parseJson(r.out);
        const QJsonObject versions = json.value(QStringLiteral("versions")).toObject();
        QCOMPARE(versions.value(QStringLiteral("qt")).toString(), QString::fromLatin1(qVersion()));
        for (const char* library : {"openslide", "libtorch", "opencv"})
            QVERIFY2(QRegularExpression(QStringLiteral("^\\d+\\.\\d+")).match(versions.value(QLatin1String(library)).toString()).hasMatch(),
                     library);
        QVERIFY(json.value(QStringLiteral("cpu")).toObject().value(QStringLiteral("hardware_threads")).toInt() >= 1);
        const QJsonObject cuda = json.value(QStringLiteral("cuda")).toObject();
        const QJsonArray tests = json.value(QStringLiteral("self_tests")).toArray();
        QVERIFY(!tests.isEmpty());
        const QJsonObject cpu = tests.at(0).toObject();
        QCOMPARE(cpu.value(QStringLiteral("device")).toString(), QStringLiteral("cpu"));
        QCOMPARE(cpu.value(QStringLiteral("trials")).toArray().size(), 4);  // batches 1, 2, 4, 8
        double fastest = 0;
        for (const QJsonValue& t : cpu.value(QStringLiteral("trials")).toArray()) {
            QVERIFY(t.toObject().value(QStringLiteral("patches_per_second")).toDouble() > 0);
            fastest = std::max(fastest, t.toObject().value(QStringLiteral("patches_per_second")).toDouble());
        }
        // The chosen batch is the smallest within 5 % of the fastest.
        QVERIFY(cpu.value(QStringLiteral("patches_per_second")).toDouble() * 1.05 >= fastest - 0.1);
        QVERIFY(QList<int>({1, 2, 4, 8}).contains(cpu.value(QStringLiteral("chosen_batch")).toInt()));
        QVERIFY(json.value(QStringLiteral("problems")).toArray().isEmpty());
        if (!cuda.value(QStringLiteral("available")).toBool()) {
            QVERIFY(cuda.value(QStringLiteral("line")).toString().startsWith(QStringLiteral("no CUDA: ")));
            QCOMPARE(tests.size(), 1);
            QCOMPARE(json.value(QStringLiteral("default_device")).toString(), QStringLiteral("cpu"));
        }
        // Text, without the self-test: the same facts in lines.
        r = runCli({QStringLiteral("doctor"), QStringLiteral("--no-self-test")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(QStringLiteral("Qt %1").arg(QString::fromLatin1(qVersion()))));
        QVERIFY(r.out.contains(cuda.value(QStringLiteral("line")).toString()));
        QVERIFY(!r.out.contains(QStringLiteral("Self-test")));
        r = runCli({QStringLiteral("doctor"), QStringLiteral("--patches"), QStringLiteral("0")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(isOneErrorLine(r.err));
    }

    void commandHelp_data() {
        QTest::addColumn<QStringList>("command");
        QTest::newRow("info") << QStringList{QStringLiteral("info")};
        QTest::newRow("bench") << QStringList{QStringLiteral("bench")};
        QTest::newRow("bench tiles") << QStringList{QStringLiteral("bench"), QStringLiteral("tiles")};
        QTest::newRow("synth") << QStringList{QStringLiteral("synth")};
    }
    void commandHelp() {
        QFETCH(QStringList, command);
        for (const QString& flag : {QStringLiteral("--help"), QStringLiteral("-h")}) {
            const CliResult r = runCli(command + QStringList{flag});
            QCOMPARE(r.exitCode, 0);
            QVERIFY(r.err.isEmpty());
            QVERIFY2(r.out.startsWith(QStringLiteral("Usage: slidesight-cli ") + command.join(QLatin1Char(' '))),
                     qPrintable(r.out));
        }
    }

    void sharedOptionsReadTheSame_data() {
        QTest::addColumn<QStringList>("command");
        QTest::addColumn<bool>("hasDevice");
        QTest::addColumn<QStringList>("deviceRefused");  ///< arguments that reach the --device check; empty: none
        const QString slide = QStringLiteral("x.svs");
        QTest::newRow("info") << QStringList{QStringLiteral("info")} << false << QStringList{};
        QTest::newRow("extract") << QStringList{QStringLiteral("extract")} << true
                                 << QStringList{slide, QStringLiteral("--weights"), QStringLiteral("random:1")};
        QTest::newRow("analyze") << QStringList{QStringLiteral("analyze")} << true
                                 << QStringList{slide, QStringLiteral("--model"), QStringLiteral("bundle")};
        QTest::newRow("train") << QStringList{QStringLiteral("train")} << true << QStringList{};
        QTest::newRow("evaluate") << QStringList{QStringLiteral("evaluate")} << true << QStringList{};
        QTest::newRow("lran run") << QStringList{QStringLiteral("lran"), QStringLiteral("run")} << true
                                  << QStringList{slide, QStringLiteral("--weights"), QStringLiteral("random:1"), QStringLiteral("--out"),
                                                 QStringLiteral("out.pt")};
        QTest::newRow("bench features") << QStringList{QStringLiteral("bench"), QStringLiteral("features")} << true << QStringList{};
        QTest::newRow("demo build") << QStringList{QStringLiteral("demo"), QStringLiteral("build")} << false << QStringList{};
    }
    void sharedOptionsReadTheSame() {
        // --json and --device are written once in the command line's core: the same help line
        // everywhere, and the same refusal of a device that does not exist.
        QFETCH(QStringList, command);
        QFETCH(bool, hasDevice);
        QFETCH(QStringList, deviceRefused);
        const CliResult help = runCli(command + QStringList{QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        QVERIFY2(help.out.contains(QRegularExpression(QStringLiteral("--json +Print JSON instead of text\\."))), qPrintable(help.out));
        QCOMPARE(help.out.contains(QLatin1String("auto (CUDA when available), cpu or cuda.")), hasDevice);
        // --lang is taken out before any command runs, and listed in every command's help.
        QVERIFY2(help.out.contains(QRegularExpression(QStringLiteral("--lang CODE +The language of the messages"))),
                 qPrintable(help.out));
        // --threads, where a command has it, reads "<what>; 0: <what 0 means>." and takes 0 to 1024.
        if (help.out.contains(QLatin1String("--threads N"))) {
            QVERIFY2(help.out.contains(QRegularExpression(QStringLiteral("--threads N +[A-Za-z/ ]*threads[a-zA-Z ]*; 0: [a-z ,]+\\."))),
                     qPrintable(help.out));
            if (!deviceRefused.isEmpty()) {  // the arguments that reach the option checks
                const CliResult refused = runCli(command + deviceRefused + QStringList{QStringLiteral("--threads"), QStringLiteral("-1")});
                QCOMPARE(refused.exitCode, 2);
                QVERIFY2(isOneErrorLine(refused.err) &&
                             refused.err.contains(QLatin1String("--threads needs a whole number from 0 to 1024, not '-1'.")),
                         qPrintable(refused.err));
            }
        }
        if (deviceRefused.isEmpty()) return;
        const CliResult refused = runCli(command + deviceRefused + QStringList{QStringLiteral("--device"), QStringLiteral("tpu")});
        QCOMPARE(refused.exitCode, 2);
        QVERIFY2(isOneErrorLine(refused.err) && refused.err.contains(QLatin1String("--device must be auto, cpu or cuda, not 'tpu'.")),
                 qPrintable(refused.err));
    }

    void usageErrors_data() {
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("no command") << QStringList{};
        QTest::newRow("unknown command") << QStringList{QStringLiteral("frobnicate")};
        QTest::newRow("unknown top-level option") << QStringList{QStringLiteral("--frobnicate")};
        QTest::newRow("info unknown option") << QStringList{QStringLiteral("info"), QStringLiteral("--bogus"), QStringLiteral("x.svs")};
        QTest::newRow("info missing slide") << QStringList{QStringLiteral("info")};
        QTest::newRow("info two slides") << QStringList{QStringLiteral("info"), QStringLiteral("a.svs"), QStringLiteral("b.svs")};
        QTest::newRow("bench unknown") << QStringList{QStringLiteral("bench"), QStringLiteral("frames")};
        QTest::newRow("bench tiles no slide") << QStringList{QStringLiteral("bench"), QStringLiteral("tiles")};
        QTest::newRow("bench tiles bad viewports")
            << QStringList{QStringLiteral("bench"), QStringLiteral("tiles"), QStringLiteral("--viewports"), QStringLiteral("zero"), QStringLiteral("x.svs")};
        QTest::newRow("bench tiles size without large")
            << QStringList{QStringLiteral("bench"), QStringLiteral("tiles"), QStringLiteral("--size"), QStringLiteral("4096"), QStringLiteral("x.svs")};
        QTest::newRow("synth bad flavour")
            << QStringList{QStringLiteral("synth"), QStringLiteral("x.tiff"), QStringLiteral("--flavour"), QStringLiteral("weird")};
        QTest::newRow("synth bad size") << QStringList{QStringLiteral("synth"), QStringLiteral("x.tiff"), QStringLiteral("--size"), QStringLiteral("12xQ")};
        QTest::newRow("synth generic with mpp")
            << QStringList{QStringLiteral("synth"), QStringLiteral("x.tiff"), QStringLiteral("--flavour"), QStringLiteral("generic"),
                           QStringLiteral("--mpp"), QStringLiteral("0.5")};
    }
    void usageErrors() {
        QFETCH(QStringList, arguments);
        const CliResult r = runCli(arguments);
        QVERIFY(!r.crashed);
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.out.isEmpty());
        QVERIFY2(isOneErrorLine(r.err), qPrintable(r.err));
    }

    void unreadableFiles_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<bool>("needsData");
        QTest::newRow("broken svs") << QStringLiteral("negative/broken.svs") << true;
        QTest::newRow("plain tiff") << QStringLiteral("negative/kidney-48-5.tif") << true;
        QTest::newRow("missing file") << QStringLiteral("/nonexistent/folder/missing.svs") << false;
    }
    void unreadableFiles() {
        QFETCH(QString, file);
        QFETCH(bool, needsData);
        if (needsData && dataDir().isEmpty()) QSKIP("SLIDESIGHT_TEST_DATA is not set: the negative slides are not available.");
        const QString path = needsData ? slide(file) : file;
        for (const QStringList& extra : {QStringList{}, QStringList{QStringLiteral("--json")}}) {
            const CliResult r = runCli(QStringList{QStringLiteral("info"), path} + extra);
            QVERIFY(!r.crashed);
            QCOMPARE(r.exitCode, 1);
            QVERIFY(r.out.isEmpty());
            QVERIFY2(isOneErrorLine(r.err), qPrintable(r.err));
            QVERIFY2(r.err.contains(QFileInfo(path).fileName()), qPrintable(r.err));
        }
        const CliResult bench = runCli({QStringLiteral("bench"), QStringLiteral("tiles"), path, QStringLiteral("--json")});
        QVERIFY(!bench.crashed);
        QCOMPARE(bench.exitCode, 1);
        QVERIFY2(isOneErrorLine(bench.err), qPrintable(bench.err));
    }

    void infoCmuSlide() {
        if (dataDir().isEmpty()) QSKIP("SLIDESIGHT_TEST_DATA is not set: the real slides are not available.");
        const CliResult r = runCli({QStringLiteral("info"), slide(QStringLiteral("cmu-1-small-region.svs")), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.err.isEmpty());
        const QJsonObject o = parseJson(r.out);
        QCOMPARE(o.value(QLatin1String("vendor")).toString(), QStringLiteral("aperio"));
        QCOMPARE(o.value(QLatin1String("width")).toInt(), 2220);
        QCOMPARE(o.value(QLatin1String("height")).toInt(), 2967);
        const QJsonArray levels = o.value(QLatin1String("levels")).toArray();
        QCOMPARE(levels.size(), 1);
        QCOMPARE(levels.at(0).toObject().value(QLatin1String("downsample")).toDouble(), 1.0);
        QCOMPARE(levels.at(0).toObject().value(QLatin1String("tile_width")).toInt(), 240);
        const QJsonObject mpp = o.value(QLatin1String("mpp")).toObject();
        QCOMPARE(mpp.value(QLatin1String("source")).toString(), QStringLiteral("slide"));
        QCOMPARE(mpp.value(QLatin1String("assumed")).toBool(), false);
        QVERIFY(qAbs(mpp.value(QLatin1String("x")).toDouble() - 0.499) < 1e-3);
        QCOMPARE(o.value(QLatin1String("objective_power")).toDouble(), 20.0);
        QCOMPARE(o.value(QLatin1String("background_color")).toString(), QStringLiteral("#FFFFFF"));
        QStringList names;
        for (const QJsonValue& v : o.value(QLatin1String("associated_images")).toArray()) {
            names << v.toObject().value(QLatin1String("name")).toString();
            QVERIFY(v.toObject().value(QLatin1String("width")).toInt() > 0);
            QVERIFY(v.toObject().value(QLatin1String("height")).toInt() > 0);
        }
        names.sort();
        QCOMPARE(names, (QStringList{QStringLiteral("label"), QStringLiteral("macro"), QStringLiteral("thumbnail")}));
        QVERIFY(!o.value(QLatin1String("openslide_version")).toString().isEmpty());
        QVERIFY(!o.contains(QLatin1String("properties")));
    }

    void infoTcgaSlideHasNoMpp() {
        if (dataDir().isEmpty()) QSKIP("SLIDESIGHT_TEST_DATA is not set: the real slides are not available.");
        const QString path = slide(QStringLiteral("tcga-cr-7395-01a-01-ts1.svs"));
        const CliResult r = runCli({QStringLiteral("info"), path, QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject o = parseJson(r.out);
        QCOMPARE(o.value(QLatin1String("width")).toInt(), 4443);
        QCOMPARE(o.value(QLatin1String("height")).toInt(), 3567);
        const QJsonArray levels = o.value(QLatin1String("levels")).toArray();
        QCOMPARE(levels.size(), 2);
        QCOMPARE(levels.at(1).toObject().value(QLatin1String("width")).toInt(), 2221);
        QCOMPARE(levels.at(1).toObject().value(QLatin1String("height")).toInt(), 1783);
        QVERIFY(qAbs(levels.at(1).toObject().value(QLatin1String("downsample")).toDouble() - 2.0) < 0.01);
        const QJsonObject mpp = o.value(QLatin1String("mpp")).toObject();
        QCOMPARE(mpp.value(QLatin1String("source")).toString(), QStringLiteral("unknown"));
        QCOMPARE(mpp.value(QLatin1String("known")).toBool(), false);
        QVERIFY(mpp.value(QLatin1String("x")).isNull());
        QVERIFY(o.value(QLatin1String("objective_power")).isNull());

        // The text says so plainly rather than showing a number.
        const CliResult text = runCli({QStringLiteral("info"), path});
        QCOMPARE(text.exitCode, 0);
        QVERIFY2(text.out.contains(QLatin1String("UNKNOWN")), qPrintable(text.out));
        QVERIFY(!text.out.contains(QLatin1String("µm/px (read from the slide)")));
    }

    void infoProperties() {
        if (dataDir().isEmpty()) QSKIP("SLIDESIGHT_TEST_DATA is not set: the real slides are not available.");
        const QString path = slide(QStringLiteral("cmu-1-small-region.svs"));
        const CliResult r = runCli({QStringLiteral("info"), path, QStringLiteral("--json"), QStringLiteral("--properties")});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject properties = parseJson(r.out).value(QLatin1String("properties")).toObject();
        QCOMPARE(properties.value(QLatin1String("openslide.vendor")).toString(), QStringLiteral("aperio"));
        QCOMPARE(properties.value(QLatin1String("aperio.AppMag")).toString(), QStringLiteral("20"));
        const CliResult text = runCli({QStringLiteral("info"), path, QStringLiteral("--properties")});
        QVERIFY(text.out.contains(QLatin1String("openslide.vendor = aperio")));
    }

    void synthInfoRoundTrip_data() {
        QTest::addColumn<QString>("flavour");
        QTest::addColumn<QString>("vendor");
        QTest::addColumn<QString>("mppSource");
        QTest::newRow("aperio") << QStringLiteral("aperio") << QStringLiteral("aperio") << QStringLiteral("slide");
        QTest::newRow("generic") << QStringLiteral("generic") << QStringLiteral("generic-tiff") << QStringLiteral("unknown");
    }
    void synthInfoRoundTrip() {
        QFETCH(QString, flavour);
        QFETCH(QString, vendor);
        QFETCH(QString, mppSource);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString out = dir.filePath(QStringLiteral("synthetic.tiff"));
        QStringList arguments{QStringLiteral("synth"), out, QStringLiteral("--size"), QStringLiteral("1100x900"),
                              QStringLiteral("--flavour"), flavour, QStringLiteral("--json")};
        if (flavour == QLatin1String("aperio")) arguments << QStringLiteral("--mpp") << QStringLiteral("0.5");
        const CliResult w = runCli(arguments);
        QCOMPARE(w.exitCode, 0);
        QVERIFY2(w.err.isEmpty(), qPrintable(w.err));
        QCOMPARE(parseJson(w.out).value(QLatin1String("width")).toInt(), 1100);

        const CliResult r = runCli({QStringLiteral("info"), out, QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject o = parseJson(r.out);
        QCOMPARE(o.value(QLatin1String("vendor")).toString(), vendor);
        QCOMPARE(o.value(QLatin1String("width")).toInt(), 1100);
        QCOMPARE(o.value(QLatin1String("height")).toInt(), 900);
        const QJsonArray levels = o.value(QLatin1String("levels")).toArray();
        QCOMPARE(levels.size(), 2);  // 1100 / 4 is a tile across, 1100 / 16 is not
        QCOMPARE(levels.at(1).toObject().value(QLatin1String("width")).toInt(), 275);
        QCOMPARE(levels.at(0).toObject().value(QLatin1String("tile_width")).toInt(), 256);
        const QJsonObject mpp = o.value(QLatin1String("mpp")).toObject();
        QCOMPARE(mpp.value(QLatin1String("source")).toString(), mppSource);
        if (flavour == QLatin1String("aperio")) {
            QVERIFY(qAbs(mpp.value(QLatin1String("x")).toDouble() - 0.5) < 1e-6);
            QCOMPARE(o.value(QLatin1String("objective_power")).toDouble(), 20.0);
        }
    }

    void synthUnwritablePath() {
        const CliResult r = runCli({QStringLiteral("synth"), QStringLiteral("/nonexistent/folder/out.tiff"), QStringLiteral("--size"), QStringLiteral("512")});
        QVERIFY(!r.crashed);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(isOneErrorLine(r.err), qPrintable(r.err));
    }

    void benchTilesOnSyntheticSlide() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString slidePath = dir.filePath(QStringLiteral("bench.tiff"));
        QCOMPARE(runCli({QStringLiteral("synth"), slidePath, QStringLiteral("--size"), QStringLiteral("3000x2000")}).exitCode, 0);
        const CliResult r = runCli({QStringLiteral("bench"), QStringLiteral("tiles"), slidePath, QStringLiteral("--json"),
                                    QStringLiteral("--viewports"), QStringLiteral("6"), QStringLiteral("--runs"), QStringLiteral("1"),
                                    QStringLiteral("--threads"), QStringLiteral("2"), QStringLiteral("--seed"), QStringLiteral("7")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.err.isEmpty(), qPrintable(r.err));
        const QJsonObject o = parseJson(r.out);
        for (const char* key : {"tiles_per_s", "baseline_tiles_per_s", "ratio", "tiles", "first_sharp_frame_ms",
                                "first_sharp_frame_open_ms", "pipeline_seconds", "baseline_seconds"}) {
            QVERIFY2(o.value(QLatin1String(key)).isDouble(), key);
            QVERIFY2(o.value(QLatin1String(key)).toDouble() > 0.0, key);
        }
        QCOMPARE(o.value(QLatin1String("threads")).toInt(), 2);
        QCOMPARE(o.value(QLatin1String("viewports")).toInt(), 6);
        QCOMPARE(o.value(QLatin1String("seed")).toString(), QStringLiteral("7"));
        // Both sides read the same unique tiles, each once.
        QCOMPARE(o.value(QLatin1String("pipeline_tiles_read")).toInt(), o.value(QLatin1String("tiles")).toInt());
        int perLevel = 0;
        for (const QJsonValue& level : o.value(QLatin1String("levels")).toArray())
            perLevel += level.toObject().value(QLatin1String("tiles")).toInt();
        QCOMPARE(perLevel, o.value(QLatin1String("tiles")).toInt());

        // The same seed walks the same viewports.
        const CliResult again = runCli({QStringLiteral("bench"), QStringLiteral("tiles"), slidePath, QStringLiteral("--json"),
                                        QStringLiteral("--viewports"), QStringLiteral("6"), QStringLiteral("--runs"), QStringLiteral("1"),
                                        QStringLiteral("--seed"), QStringLiteral("7")});
        QCOMPARE(parseJson(again.out).value(QLatin1String("tiles")).toInt(), o.value(QLatin1String("tiles")).toInt());

        // Text output for people.
        const CliResult text = runCli({QStringLiteral("bench"), QStringLiteral("tiles"), slidePath, QStringLiteral("--viewports"),
                                       QStringLiteral("2"), QStringLiteral("--runs"), QStringLiteral("1")});
        QCOMPARE(text.exitCode, 0);
        QVERIFY(text.out.contains(QLatin1String("Ratio:")));
    }

    void benchLargeBuildsOnceIntoTheCache() {
        if (dataDir().isEmpty()) QSKIP("SLIDESIGHT_TEST_DATA is not set: no real tissue to build the large slide from.");
        QTemporaryDir cache;
        QVERIFY(cache.isValid());
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_CACHE_HOME"), cache.path());
        const QStringList arguments{QStringLiteral("bench"), QStringLiteral("tiles"), QStringLiteral("--large"),
                                    QStringLiteral("--size"), QStringLiteral("3072"), QStringLiteral("--viewports"),
                                    QStringLiteral("3"), QStringLiteral("--runs"), QStringLiteral("1"), QStringLiteral("--json")};
        const CliResult first = runCli(arguments, env);
        QCOMPARE(first.exitCode, 0);
        QVERIFY2(first.err.isEmpty(), qPrintable(first.err));
        const QJsonObject o = parseJson(first.out);
        QVERIFY(o.value(QLatin1String("large_slide_built_s")).isDouble());
        QCOMPARE(o.value(QLatin1String("width")).toInt(), 3072);
        const QString built = o.value(QLatin1String("slide")).toString();
        QVERIFY2(built.startsWith(QDir(cache.path()).filePath(QStringLiteral("slidesight/"))), qPrintable(built));
        QVERIFY(QFileInfo::exists(built));

        const CliResult info = runCli({QStringLiteral("info"), built, QStringLiteral("--json")});
        QCOMPARE(parseJson(info.out).value(QLatin1String("levels")).toArray().size(), 3);  // downsamples 1, 4, 16

        const CliResult second = runCli(arguments, env);
        QCOMPARE(second.exitCode, 0);
        const QJsonObject o2 = parseJson(second.out);
        QVERIFY(o2.value(QLatin1String("large_slide_built_s")).isNull());
        QCOMPARE(o2.value(QLatin1String("slide")).toString(), built);
    }

    void benchLargeWithoutTissueSource() {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("SLIDESIGHT_TEST_DATA"));
        const CliResult r = runCli({QStringLiteral("bench"), QStringLiteral("tiles"), QStringLiteral("--large")}, env);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(isOneErrorLine(r.err), qPrintable(r.err));
    }
};

SLIDESIGHT_GUILESS_TEST_SUITE(TestCli)
#include "tst_cli.moc"
