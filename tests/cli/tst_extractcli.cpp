// `slidesight-cli extract` and `bench features` as users and scripts see them: --help, JSON
// and text output on the real slides, the grid file read back, the untrained label, the grid
// cache, the missing-µm/px advice, one-line errors for unreadable slides and weights, usage
// errors, and Ctrl-C leaving no file.

#include "common/suite.h"

// moc reads only the test class and needs none of these (following the Torch headers
// would cost it about 4 s a file).
#ifndef Q_MOC_RUN
#include "model/grid/gridfile_torch.h"

#include "../model/pythontorch.h"
#include "clirunner.h"

#include <QtCore/QDir>
#include <QtCore/QFileInfo>
#include <QtCore/QTemporaryDir>
#include <QtTest/QtTest>
#endif  // Q_MOC_RUN

using namespace slidesight;
using namespace slidesight::test;

class TestExtractCli : public QObject {
    Q_OBJECT

private:
    QTemporaryDir dir_;
    QString path(const QString& name) const { return dir_.filePath(name); }
    static QString slide(const QString& name) {
        return QDir(qEnvironmentVariable("SLIDESIGHT_TEST_DATA")).filePath(QStringLiteral("slides/") + name);
    }
    /// extract on `slideName` with random weights, 4 µm/px, writing `out`, and `extra`.
    QStringList extract(const QString& slideName, const QString& out, const QStringList& extra = {}) const {
        return QStringList{QStringLiteral("extract"), slide(slideName), QStringLiteral("--weights"), QStringLiteral("random:1"),
                           QStringLiteral("--mpp"), QStringLiteral("4"), QStringLiteral("--out"), path(out),
                           QStringLiteral("--cache-dir"), path(QStringLiteral("cache"))} +
               extra;
    }
    static bool requireData() { return !qEnvironmentVariable("SLIDESIGHT_TEST_DATA").isEmpty(); }

private Q_SLOTS:
    void initTestCase() { QVERIFY2(QFileInfo::exists(QStringLiteral(SLIDESIGHT_CLI_PATH)), SLIDESIGHT_CLI_PATH); }

    void help() {
        const CliResult top = runCli({QStringLiteral("--help")});
        QVERIFY(top.out.contains(QLatin1String("\n  extract ")));
        QVERIFY(top.out.contains(QLatin1String("\n  weights ")));
        QVERIFY(runCli({QStringLiteral("bench"), QStringLiteral("--help")}).out.contains(QLatin1String("\n  features ")));
        for (const QStringList& command : {QStringList{QStringLiteral("extract")},
                                           QStringList{QStringLiteral("bench"), QStringLiteral("features")}}) {
            const CliResult r = runCli(command + QStringList{QStringLiteral("--help")});
            QCOMPARE(r.exitCode, 0);
            QVERIFY(r.err.isEmpty());
            for (const char* option : {"--weights", "--mpp", "--patch", "--slide-mpp", "--tissue-only", "--batch", "--device", "--json"})
                QVERIFY2(r.out.contains(QLatin1String(option)), option);
        }
        QVERIFY(runCli({QStringLiteral("extract"), QStringLiteral("--help")}).out.contains(QLatin1String("--no-cache")));
        QVERIFY(runCli({QStringLiteral("bench"), QStringLiteral("features"), QStringLiteral("--help")})
                    .out.contains(QLatin1String("--python")));
    }

    void extractJsonAndCache() {
        if (!requireData()) QSKIP("SLIDESIGHT_TEST_DATA is not set: the real slides are not available.");
        const CliResult r = runCli(extract(QStringLiteral("cmu-1-small-region.svs"), QStringLiteral("cmu.pt"), {QStringLiteral("--json")}));
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.err.isEmpty(), qPrintable(r.err));
        const QJsonObject o = parseJson(r.out);
        QCOMPARE(o.value("grid").toString(), path(QStringLiteral("cmu.pt")));
        QCOMPARE(o.value("from_cache").toBool(true), false);
        QCOMPARE(o.value("trained").toBool(true), false);
        QCOMPARE(o.value("label").toString(), QStringLiteral("untrained"));
        QCOMPARE(o.value("feature_count").toInt(), 512);
        QCOMPARE(o.value("slide_mpp").toDouble(), 0.499);
        QVERIFY(o.value("weights_sha256").isNull());
        const int rows = o.value("rows").toInt(), columns = o.value("columns").toInt();
        QCOMPARE(o.value("cells_extracted").toInt(), rows * columns);
        const auto grid = model::GridFile::read(path(QStringLiteral("cmu.pt")).toStdString());
        QVERIFY2(grid.ok(), grid.error().c_str());
        QCOMPARE(grid->rows(), int64_t(rows));
        QCOMPARE(grid->columns(), int64_t(columns));
        QVERIFY(QString::fromStdString(grid->metadata).contains(QLatin1String("\"untrained\":true")));

        // Again: the cached grid, nothing extracted; the text output carries the label.
        const CliResult again = runCli(extract(QStringLiteral("cmu-1-small-region.svs"), QStringLiteral("again.pt")));
        QCOMPARE(again.exitCode, 0);
        QVERIFY2(again.out.contains(QLatin1String("UNTRAINED")), qPrintable(again.out));
        QVERIFY2(again.out.contains(QLatin1String("Reused the cached grid")), qPrintable(again.out));
        QFile a(path(QStringLiteral("cmu.pt"))), b(path(QStringLiteral("again.pt")));
        QVERIFY(a.open(QIODevice::ReadOnly) && b.open(QIODevice::ReadOnly));
        QCOMPARE(a.readAll(), b.readAll());
    }

    void slideWithoutMpp() {
        if (!requireData()) QSKIP("SLIDESIGHT_TEST_DATA is not set: the real slides are not available.");
        const QString tcga = QStringLiteral("tcga-cr-7395-01a-01-ts1.svs");
        const CliResult refused = runCli(extract(tcga, QStringLiteral("tcga.pt")));
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(isOneErrorLine(refused.err) && refused.err.contains(QLatin1String("--slide-mpp")), qPrintable(refused.err));
        QVERIFY(!QFileInfo::exists(path(QStringLiteral("tcga.pt"))));
        const CliResult bench = runCli({QStringLiteral("bench"), QStringLiteral("features"), slide(tcga)});
        QCOMPARE(bench.exitCode, 1);
        QVERIFY2(isOneErrorLine(bench.err) && bench.err.contains(QLatin1String("--slide-mpp")), qPrintable(bench.err));
        const CliResult r = runCli(extract(tcga, QStringLiteral("tcga.pt"), {QStringLiteral("--slide-mpp"), QStringLiteral("0.5"),
                                                                             QStringLiteral("--tissue-only"), QStringLiteral("--json")}));
        QCOMPARE(r.exitCode, 0);
        const QJsonObject o = parseJson(r.out);
        QCOMPARE(o.value("slide_mpp_assumed").toBool(), true);
        QCOMPARE(o.value("slide_mpp").toDouble(), 0.5);
        QCOMPARE(o.value("cells_extracted").toInt() + o.value("cells_skipped").toInt(),
                 o.value("rows").toInt() * o.value("columns").toInt());
        QVERIFY(QFileInfo::exists(path(QStringLiteral("tcga.pt"))));
    }

    void failuresAreOneLine_data() {
        QTest::addColumn<QString>("slideName");
        QTest::addColumn<QString>("weights");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("corrupt svs") << "negative/broken.svs" << "random:1" << "broken.svs";
        QTest::newRow("plain tiff") << "negative/kidney-48-5.tif" << "random:1" << "kidney-48-5.tif";
        QTest::newRow("missing slide") << "missing.svs" << "random:1" << "missing.svs";
        QTest::newRow("missing weights") << "cmu-1-small-region.svs" << "/nonexistent/resnet34.pth" << "resnet34.pth";
        QTest::newRow("not weights") << "cmu-1-small-region.svs" << "SLIDE" << "not a PyTorch state dict";
    }
    void failuresAreOneLine() {
        if (!requireData()) QSKIP("SLIDESIGHT_TEST_DATA is not set: the real slides are not available.");
        QFETCH(QString, slideName);
        QFETCH(QString, weights);
        QFETCH(QString, mentions);
        QStringList arguments = extract(slideName, QStringLiteral("failed.pt"));
        arguments[3] = weights == QLatin1String("SLIDE") ? slide(QStringLiteral("cmu-1-small-region.svs")) : weights;
        const CliResult r = runCli(arguments);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(isOneErrorLine(r.err) && r.err.contains(mentions), qPrintable(r.err));
        QVERIFY(r.out.isEmpty());
        QVERIFY(!QFileInfo::exists(path(QStringLiteral("failed.pt"))));
    }

    void usageErrors_data() {
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("no weights") << QStringList{QStringLiteral("extract"), QStringLiteral("x.svs")};
        QTest::newRow("no slide") << QStringList{QStringLiteral("extract"), QStringLiteral("--weights"), QStringLiteral("random:1")};
        const QStringList base{QStringLiteral("extract"), QStringLiteral("x.svs"), QStringLiteral("--weights"), QStringLiteral("random:1")};
        QTest::newRow("bad arch") << base + QStringList{QStringLiteral("--arch"), QStringLiteral("vgg16")};
        QTest::newRow("bad mpp") << base + QStringList{QStringLiteral("--mpp"), QStringLiteral("-2")};
        QTest::newRow("bad patch") << base + QStringList{QStringLiteral("--patch"), QStringLiteral("big")};
        QTest::newRow("bad device") << base + QStringList{QStringLiteral("--device"), QStringLiteral("tpu")};
        QTest::newRow("bad batch") << base + QStringList{QStringLiteral("--batch"), QStringLiteral("-1")};
        QTest::newRow("bad slide mpp") << base + QStringList{QStringLiteral("--slide-mpp"), QStringLiteral("0")};
        QTest::newRow("no cache, no out") << base + QStringList{QStringLiteral("--no-cache")};
        QTest::newRow("bench bad rounds")
            << QStringList{QStringLiteral("bench"), QStringLiteral("features"), QStringLiteral("x.svs"), QStringLiteral("--rounds"), QStringLiteral("0")};
    }
    void usageErrors() {
        QFETCH(QStringList, arguments);
        const CliResult r = runCli(arguments);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(isOneErrorLine(r.err), qPrintable(r.err));
    }

    void cudaWhereThereIsNone() {
        if (!requireData()) QSKIP("SLIDESIGHT_TEST_DATA is not set: the real slides are not available.");
        const CliResult r = runCli(extract(QStringLiteral("cmu-1-small-region.svs"), QStringLiteral("cuda.pt"),
                                           {QStringLiteral("--device"), QStringLiteral("cuda"), QStringLiteral("--no-cache")}));
        if (r.exitCode == 0) QSKIP("This machine has CUDA: the no-CUDA message cannot be checked.");
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(isOneErrorLine(r.err) && r.err.contains(QLatin1String("CUDA")), qPrintable(r.err));
    }

    void interruptLeavesNoFile() {
        if (!requireData()) QSKIP("SLIDESIGHT_TEST_DATA is not set: the real slides are not available.");
        // 0.5 µm/px and 64 px patches: over 1,500 cells, far longer than the 4 s before Ctrl-C.
        bool wasRunning = false;
        const CliResult r = runCliInterrupted(
            {QStringLiteral("extract"), slide(QStringLiteral("cmu-1-small-region.svs")), QStringLiteral("--weights"),
             QStringLiteral("random:1"), QStringLiteral("--mpp"), QStringLiteral("0.5"), QStringLiteral("--patch"),
             QStringLiteral("64"), QStringLiteral("--out"), path(QStringLiteral("interrupted.pt")), QStringLiteral("--cache-dir"),
             path(QStringLiteral("interrupted-cache"))},
            4000, wasRunning);
        QVERIFY2(wasRunning, "the extraction ended before Ctrl-C");
        QVERIFY(!r.crashed);
        QCOMPARE(r.exitCode, 130);
        QVERIFY2(isOneErrorLine(r.err) && r.err.contains(QLatin1String("Interrupted")), qPrintable(r.err));
        QVERIFY(QDir(dir_.path()).entryList({QStringLiteral("interrupted*")}, QDir::Files).isEmpty());
        QVERIFY(QDir(path(QStringLiteral("interrupted-cache"))).entryList(QDir::Files).isEmpty());
    }

    void benchFeatures() {
        if (!requireData()) QSKIP("SLIDESIGHT_TEST_DATA is not set: the real slides are not available.");
        QStringList arguments{QStringLiteral("bench"), QStringLiteral("features"), slide(QStringLiteral("cmu-1-small-region.svs")),
                              QStringLiteral("--mpp"), QStringLiteral("4"), QStringLiteral("--patch"), QStringLiteral("64"),
                              QStringLiteral("--patches"), QStringLiteral("8"), QStringLiteral("--rounds"), QStringLiteral("1"),
                              QStringLiteral("--json")};
        const bool python = !pythonWithTorch().isEmpty();
        if (python) arguments << QStringLiteral("--python");
        const CliResult r = runCli(arguments);
        QCOMPARE(r.exitCode, 0);
        const QJsonObject o = parseJson(r.out);
        QVERIFY(o.value("patches").toInt() >= 8);
        QVERIFY(o.value("patches_per_s").toDouble() > 0.0);
        QVERIFY(o.value("network_patches_per_s").toDouble() > 0.0);
        const double ratio = o.value("patches_per_s").toDouble() / o.value("network_patches_per_s").toDouble();
        QVERIFY(qAbs(o.value("ratio").toDouble() - ratio) < 0.01);
        QCOMPARE(o.value("trained").toBool(true), false);
        if (!python) QSKIP("No Python with torch: the Python baseline part is skipped.");
        QCOMPARE(o.value("python_patches").toInt(), o.value("patches").toInt());
        QVERIFY(o.value("python_patches_per_s").toDouble() > 0.0);
        QVERIFY(o.value("ratio_vs_python").toDouble() > 0.0);
    }
};

SLIDESIGHT_GUILESS_TEST_SUITE(TestExtractCli)
#include "tst_extractcli.moc"
