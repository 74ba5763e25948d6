// Hard stops lose nothing: slidesight-cli killed with SIGKILL in the middle of extract, train,
// lran train and demo build leaves no partial file that a later run would use, and --resume
// ends with the result of an uninterrupted run; a full disk (a file-size limit: writes fail
// with EFBIG, as they fail with ENOSPC on a full disk) gives one message and leaves the
// previous file intact for every writer of results.

#include "common/suite.h"

#ifndef Q_MOC_RUN
#include "model/bundle/bundle.h"
#include "model/grid/gridfile_torch.h"
#include "model/nets/statedict_torch.h"
#include "viewer/slide/openslidesource.h"

#include "../model/lranpatchfixture.h"
#include "../model/trainingfixture.h"
#include "clirunner.h"
#include "common/testdata.h"

#include <QtCore/QDir>
#include <QtCore/QDirIterator>
#include <QtCore/QElapsedTimer>
#include <QtCore/QFile>
#include <QtCore/QFileInfo>
#include <QtCore/QJsonArray>
#include <QtCore/QTemporaryDir>
#include <QtTest/QtTest>

#include <torch/torch.h>
#endif  // Q_MOC_RUN

using namespace slidesight;
using namespace slidesight::test;

namespace {

/// Every file under `folder`, relative, sorted.
QStringList filesUnder(const QString& folder) {
    QStringList files;
    QDirIterator it(folder, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) files << QDir(folder).relativeFilePath(it.next());
    files.sort();
    return files;
}

QByteArray contents(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeContents(const QString& path, const QByteArray& bytes) {
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

/// The CLI under a file-size limit of `kib` KiB with SIGXFSZ ignored (an ignored signal stays
/// ignored across exec): a write past the limit fails with EFBIG, as a full disk's fails
/// with ENOSPC, instead of killing the program.
CliResult runCliOnAFullDisk(int kib, const QStringList& arguments) {
    QProcess process;
    process.start(QStringLiteral("bash"), QStringList{QStringLiteral("-c"),
                                                      QStringLiteral("trap '' XFSZ; ulimit -f %1; exec \"$0\" \"$@\"").arg(kib),
                                                      QStringLiteral(SLIDESIGHT_CLI_PATH)} +
                                              arguments);
    return collect(process, process.waitForStarted() && process.waitForFinished(300000));
}

/// Whether two state dicts hold the same names and values (within `tolerance`).
bool sameWeights(const QString& a, const QString& b, double tolerance) {
    const auto x = model::StateDict::read(a.toStdString()), y = model::StateDict::read(b.toStdString());
    if (!x || !y || x->size() != y->size()) return false;
    for (size_t i = 0; i < x->size(); ++i) {
        const auto& [nameA, valueA] = x->entries()[i];
        const auto& [nameB, valueB] = y->entries()[i];
        if (nameA != nameB || !valueA.sizes().equals(valueB.sizes())) return false;
        if (valueA.numel() && (valueA - valueB).abs().max().item<double>() > tolerance) return false;
    }
    return true;
}

}  // namespace

class TestHardStops : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    QString path(const QString& name) const { return dir_.filePath(name); }

    QStringList extractArguments(const QString& out, const QString& cache) const {
        // 540 cells of 112 px at 0.5 µm/px on the CMU slide: a few seconds on a CPU.
        return {QStringLiteral("extract"), dataPath(QStringLiteral("slides/cmu-1-small-region.svs")),
                QStringLiteral("--weights"), QStringLiteral("random:1"), QStringLiteral("--arch"), QStringLiteral("resnet18"),
                QStringLiteral("--mpp"), QStringLiteral("0.5"), QStringLiteral("--patch"), QStringLiteral("112"),
                QStringLiteral("--device"), QStringLiteral("cpu"), QStringLiteral("--out"), out,
                QStringLiteral("--cache-dir"), cache, QStringLiteral("--json")};
    }

    QStringList trainArguments(const QString& bundle, bool resume) const {
        QStringList arguments{QStringLiteral("train"), QStringLiteral("--manifest"), manifest_, QStringLiteral("--out"), bundle,
                              QStringLiteral("--epochs"), QStringLiteral("4"), QStringLiteral("--folds"), QStringLiteral("2"),
                              QStringLiteral("--inits"), QStringLiteral("2"), QStringLiteral("--batch"), QStringLiteral("4"),
                              QStringLiteral("--hidden"), QStringLiteral("4"), QStringLiteral("--lr"), QStringLiteral("0.05"),
                              QStringLiteral("--weights"), extractor_, QStringLiteral("--seed"), QStringLiteral("5"),
                              QStringLiteral("--json")};
        if (resume) arguments << QStringLiteral("--resume");
        return arguments;
    }

    QStringList lranTrainArguments(const QString& bundle, bool resume) const {
        QStringList arguments{QStringLiteral("lran"), QStringLiteral("train"), QStringLiteral("--data"), path(QStringLiteral("patches")),
                              QStringLiteral("--out"), bundle, QStringLiteral("--epochs"), QStringLiteral("3"),
                              QStringLiteral("--input-size"), QStringLiteral("64"), QStringLiteral("--batch"), QStringLiteral("2"),
                              QStringLiteral("--holdout"), QStringLiteral("0.25"), QStringLiteral("--json")};
        if (resume) arguments << QStringLiteral("--resume");
        return arguments;
    }

    QString manifest_, extractor_;

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        QVERIFY2(QFileInfo::exists(QStringLiteral(SLIDESIGHT_CLI_PATH)), SLIDESIGHT_CLI_PATH);
        QVERIFY(QDir(dir_.path()).mkpath(QStringLiteral("grids")));
        manifest_ = writeTinyManifest(path(QStringLiteral("grids")), 8, true);
        QVERIFY(!manifest_.isEmpty());
        extractor_ = QString::fromStdString(writeExtractorWeights(dir_.path()));
        QVERIFY(!extractor_.isEmpty());
        QVERIFY(writeRedBlueSet(path(QStringLiteral("patches")), 4));
    }

    void extractKilledLeavesNothingUsable() {
        SLIDESIGHT_REQUIRE_DATA();
        const CliResult reference = runCli(extractArguments(path(QStringLiteral("reference.pt")), path(QStringLiteral("cache-reference"))));
        QVERIFY2(reference.exitCode == 0, qPrintable(reference.err));

        // Killed a second into the extraction (after the network has started).
        const QString out = path(QStringLiteral("killed.pt")), cache = path(QStringLiteral("cache-killed"));
        QElapsedTimer clock;
        clock.start();
        bool wasRunning = false;
        const CliResult killed = runCliKilledWhen(extractArguments(out, cache), [&] { return clock.elapsed() > 1000; }, wasRunning);
        if (!wasRunning) QSKIP("The extraction ended before the kill; nothing to test on this machine.");
        QVERIFY(killed.crashed);
        // Nothing a later run would take for a grid: no output, no cached grid.
        QVERIFY(!QFile::exists(out));
        const QStringList cached = QDir(cache).entryList({QStringLiteral("*.grid.pt")}, QDir::Files);
        QVERIFY2(cached.isEmpty(), qPrintable(cached.join(QLatin1Char(' '))));

        // The next run extracts again and gives the uninterrupted run's grid.
        const CliResult again = runCli(extractArguments(out, cache));
        QVERIFY2(again.exitCode == 0, qPrintable(again.err));
        QCOMPARE(parseJson(again.out).value(QStringLiteral("from_cache")).toBool(true), false);
        const auto a = model::GridFile::read(path(QStringLiteral("reference.pt")).toStdString());
        const auto b = model::GridFile::read(out.toStdString());
        QVERIFY(a && b);
        QVERIFY(torch::equal(a->features, b->features));
        QVERIFY(torch::equal(a->tissue, b->tissue));
    }

    void trainKilledResumesToTheUninterruptedResult() {
        const QString reference = path(QStringLiteral("train-reference"));
        const CliResult uninterrupted = runCli(trainArguments(reference, false));
        QVERIFY2(uninterrupted.exitCode == 0, qPrintable(uninterrupted.err));

        // Killed as soon as the first epoch's checkpoint is there.
        const QString bundle = path(QStringLiteral("train-killed"));
        const QString checkpoint = bundle + QStringLiteral(".run/checkpoint.pt");
        bool wasRunning = false;
        const CliResult killed = runCliKilledWhen(trainArguments(bundle, false), [&] { return QFile::exists(checkpoint); }, wasRunning);
        if (!wasRunning) QSKIP("Training ended before the kill; nothing to test on this machine.");
        QVERIFY(killed.crashed);
        QVERIFY(!QFile::exists(bundle + QStringLiteral("/model.json")));  // no bundle from a stopped run

        const CliResult resumed = runCli(trainArguments(bundle, true));
        QVERIFY2(resumed.exitCode == 0, qPrintable(resumed.err));
        const QJsonObject a = parseJson(uninterrupted.out), b = parseJson(resumed.out);
        QCOMPARE(b.value(QStringLiteral("resumed")).toBool(), true);
        const QJsonArray runsA = a.value(QStringLiteral("runs")).toArray(), runsB = b.value(QStringLiteral("runs")).toArray();
        QCOMPARE(runsB.size(), runsA.size());
        QCOMPARE(runsA.size(), 4);
        for (qsizetype r = 0; r < runsA.size(); ++r) {
            const QJsonObject runA = runsA[r].toObject(), runB = runsB[r].toObject();
            QCOMPARE(runB.value(QStringLiteral("metric")).toDouble(-1), runA.value(QStringLiteral("metric")).toDouble(-2));
            const QString name = QFileInfo(runA.value(QStringLiteral("weights")).toString()).fileName();
            QVERIFY2(!name.isEmpty(), qPrintable(QJsonDocument(runA).toJson()));
            QVERIFY2(sameWeights(reference + QStringLiteral(".run/") + name, bundle + QStringLiteral(".run/") + name, 1e-6),
                     qPrintable(name));
        }
        const auto read = model::readBundle(bundle.toStdString());
        QVERIFY2(read, read ? "" : read.error().c_str());
        QVERIFY(sameWeights(QString::fromStdString(read->classifier.weights), reference + QStringLiteral("/classifier.pt"), 1e-6));
    }

    void lranTrainKilledResumesToTheUninterruptedResult() {
        const QString reference = path(QStringLiteral("lran-reference"));
        const CliResult uninterrupted = runCli(lranTrainArguments(reference, false));
        QVERIFY2(uninterrupted.exitCode == 0, qPrintable(uninterrupted.err));

        const QString bundle = path(QStringLiteral("lran-killed"));
        const QString checkpoint = bundle + QStringLiteral(".run/lran-checkpoint.pt");
        bool wasRunning = false;
        const CliResult killed = runCliKilledWhen(lranTrainArguments(bundle, false), [&] { return QFile::exists(checkpoint); }, wasRunning);
        if (!wasRunning) QSKIP("LRAN training ended before the kill; nothing to test on this machine.");
        QVERIFY(killed.crashed);
        QVERIFY(!QFile::exists(bundle + QStringLiteral("/model.json")));

        const CliResult resumed = runCli(lranTrainArguments(bundle, true));
        QVERIFY2(resumed.exitCode == 0, qPrintable(resumed.err));
        const QJsonArray historyA = parseJson(uninterrupted.out).value(QStringLiteral("history")).toArray();
        const QJsonArray historyB = parseJson(resumed.out).value(QStringLiteral("history")).toArray();
        QCOMPARE(historyA.size(), 3);
        QCOMPARE(historyB.size(), historyA.size());
        for (qsizetype e = 0; e < historyA.size(); ++e) {
            const double lossA = historyA[e].toObject().value(QStringLiteral("loss")).toDouble(-1);
            const double lossB = historyB[e].toObject().value(QStringLiteral("loss")).toDouble(-2);
            QVERIFY2(std::abs(lossA - lossB) < 1e-4, qPrintable(QStringLiteral("epoch %1: %2 vs %3").arg(e + 1).arg(lossA).arg(lossB)));
        }
        const auto a = model::readBundle(reference.toStdString()), b = model::readBundle(bundle.toStdString());
        QVERIFY(a && b && a->lran && b->lran);
        QVERIFY(sameWeights(QString::fromStdString(a->lran->weights), QString::fromStdString(b->lran->weights), 1e-6));
    }

    void demoBuildKilledLeavesNothingUsable() {
        SLIDESIGHT_REQUIRE_DATA();
        const QString demo = path(QStringLiteral("demo"));
        const QStringList arguments{QStringLiteral("demo"), QStringLiteral("build"), demo, QStringLiteral("--data"), dataDir(),
                                    QStringLiteral("--train"), QStringLiteral("4"), QStringLiteral("--test"), QStringLiteral("2"),
                                    QStringLiteral("--cells"), QStringLiteral("4x4"), QStringLiteral("--epochs"), QStringLiteral("2"),
                                    QStringLiteral("--folds"), QStringLiteral("2"), QStringLiteral("--inits"), QStringLiteral("1"),
                                    QStringLiteral("--lran-epochs"), QStringLiteral("1"), QStringLiteral("--lran-patches"),
                                    QStringLiteral("4"), QStringLiteral("--json")};
        // Killed while it writes its slides: once three files are there.
        bool wasRunning = false;
        const CliResult killed = runCliKilledWhen(arguments, [&] { return filesUnder(demo).size() >= 3; }, wasRunning);
        if (!wasRunning) QSKIP("The demo build ended before the kill; nothing to test on this machine.");
        QVERIFY(killed.crashed);
        QVERIFY(!QFile::exists(demo + QStringLiteral("/demo.json")));

        const CliResult again = runCli(arguments, QProcessEnvironment::systemEnvironment(), 900000);
        QVERIFY2(again.exitCode == 0, qPrintable(again.err));
        QVERIFY(!parseJson(again.out).isEmpty());
        // Every slide the finished demo holds opens and reads to its last tile.
        int slides = 0;
        for (const QString& file : filesUnder(demo)) {
            QVERIFY2(!file.endsWith(QLatin1String(".partial")), qPrintable(file));
            if (!file.endsWith(QLatin1String(".tiff")) && !file.endsWith(QLatin1String(".tif"))) continue;
            const auto slide = OpenSlideSource::open(QDir(demo).filePath(file).toStdString());
            QVERIFY2(slide, qPrintable(file));
            const SlideInfo& info = (*slide)->info();
            const auto corner = (*slide)->readRegion(0, info.width() - 64, info.height() - 64, 64, 64);
            QVERIFY2(corner, qPrintable(file));
            ++slides;
        }
        QVERIFY(slides >= 6);
        QVERIFY(model::readBundle((demo + QStringLiteral("/bundle")).toStdString()));
    }

    void fullDiskKeepsThePreviousFile_data() {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("target");
        QTest::addColumn<int>("kib");
        const QString grid = path(QStringLiteral("full-grid.pt"));
        QTest::newRow("extract --out") << QStringList{QStringLiteral("extract"), dataPath(QStringLiteral("slides/cmu-1-small-region.svs")),
                                                      QStringLiteral("--weights"), QStringLiteral("random:1"), QStringLiteral("--arch"),
                                                      QStringLiteral("resnet18"), QStringLiteral("--no-cache"), QStringLiteral("--out"), grid}
                                       << grid << 8;
        const QString cache = path(QStringLiteral("full-cache"));
        QTest::newRow("the grid cache") << QStringList{QStringLiteral("extract"), dataPath(QStringLiteral("slides/cmu-1-small-region.svs")),
                                                       QStringLiteral("--weights"), QStringLiteral("random:1"), QStringLiteral("--arch"),
                                                       QStringLiteral("resnet18"), QStringLiteral("--cache-dir"), cache}
                                        << cache + QStringLiteral("/placeholder") << 8;
        const QString annotations = path(QStringLiteral("full-annotations.geojson"));
        QTest::newRow("annotations --export")
            << QStringList{QStringLiteral("annotations"), dataPath(QStringLiteral("annotations/camelyon16/tumor_009.xml")),
                           QStringLiteral("--export"), annotations}
            << annotations << 1;
        const QString slide = path(QStringLiteral("full-slide.tiff"));
        QTest::newRow("synth") << QStringList{QStringLiteral("synth"), slide} << slide << 64;
        const QString bundle = path(QStringLiteral("full-bundle"));
        QTest::newRow("bundle create --write-weights")
            << QStringList{QStringLiteral("bundle"), QStringLiteral("create"), bundle, QStringLiteral("--arch"), QStringLiteral("resnet18"),
                           QStringLiteral("--write-weights")}
            << bundle + QStringLiteral("/model.json") << 1024;
    }

    void fullDiskKeepsThePreviousFile() {
        SLIDESIGHT_REQUIRE_DATA();
        QFETCH(QStringList, arguments);
        QFETCH(QString, target);
        QFETCH(int, kib);
        const QString folder = QFileInfo(target).absolutePath();
        QVERIFY(QDir().mkpath(folder));
        const QByteArray previous = "the previous file, which must survive\n";
        QVERIFY(writeContents(target, previous));
        const QStringList before = filesUnder(folder);

        const CliResult r = runCliOnAFullDisk(kib, arguments);
        QVERIFY2(!r.crashed, qPrintable(r.err));
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(isOneErrorLine(r.err), qPrintable(r.err));
        QVERIFY2(r.err.contains(QLatin1String("full")), qPrintable(r.err));  // says why
        QCOMPARE(contents(target), previous);
        // Nothing half-written is left beside it.
        const QStringList after = filesUnder(folder);
        for (const QString& file : after)
            QVERIFY2(!file.contains(QLatin1String(".partial")) && !file.contains(QLatin1String(".unpacking")), qPrintable(file));
        QVERIFY2(after.size() <= before.size() + 8, qPrintable(after.join(QLatin1Char(' '))));
    }
};

SLIDESIGHT_TEST_SUITE(TestHardStops)

#include "tst_hardstops.moc"
