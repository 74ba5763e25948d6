// slidesight-cli train, evaluate (--model and --compare) and bench train, run as users do:
// a tiny manifest of grid files the test writes, a bundle that readBundle accepts, the metric
// on stdout as JSON, a Wilcoxon p-value for two runs, and clear errors for bad input.

#include "common/suite.h"

// moc reads only the test class and needs none of these (following the Torch headers
// would cost it about 4 s a file).
#ifndef Q_MOC_RUN
#include "model/bundle/bundle.h"
#include "model/evaluation/metrics.h"

#include "../model/trainingfixture.h"
#include "../model/trainingslides.h"
#include "clirunner.h"

#include <QtCore/QJsonArray>
#include <QtCore/QTemporaryDir>
#include <QtTest/QtTest>
#endif  // Q_MOC_RUN

using namespace slidesight::test;

namespace {

/// A short run on the tiny grids (augmentation left to its default), printing JSON.
QStringList trainArguments(const QString& manifest, const QString& bundle, const QString& extractor, int seed,
                           const QStringList& more = {}) {
    return QStringList{QStringLiteral("train"),  QStringLiteral("--manifest"), manifest,
            QStringLiteral("--out"),  bundle,
            QStringLiteral("--epochs"), QStringLiteral("2"),
            QStringLiteral("--folds"), QStringLiteral("2"),
            QStringLiteral("--inits"), QStringLiteral("2"),
            QStringLiteral("--batch"), QStringLiteral("4"),
            QStringLiteral("--hidden"), QStringLiteral("4"),
            QStringLiteral("--lr"), QStringLiteral("0.05"),
            QStringLiteral("--weights"), extractor,
            QStringLiteral("--seed"), QString::number(seed)} + more;
}

}  // namespace

class TestTrainCli : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void trainEvaluateCompare();
    void badInput();
    void benchTrain();
    void slidesDefaultToExactWithExtraScale();

private:
    QTemporaryDir dir_;
    QString manifest_;
    QString testManifest_;
    QString extractor_;
};

void TestTrainCli::initTestCase() {
    QVERIFY(dir_.isValid());
    manifest_ = writeTinyManifest(dir_.path(), 8, true);
    QVERIFY(!manifest_.isEmpty());
    QVERIFY(QDir(dir_.path()).mkdir(QStringLiteral("test")));
    testManifest_ = writeTinyManifest(dir_.filePath(QStringLiteral("test")), 6, true);
    QVERIFY(!testManifest_.isEmpty());
    extractor_ = QString::fromStdString(writeExtractorWeights(dir_.path()));
    QVERIFY(!extractor_.isEmpty());
}

void TestTrainCli::trainEvaluateCompare() {
    const QString bundleA = dir_.filePath(QStringLiteral("a")), bundleB = dir_.filePath(QStringLiteral("b"));
    const QStringList test{QStringLiteral("--test-manifest"), testManifest_, QStringLiteral("--json")};
    const CliResult a = runCli(trainArguments(manifest_, bundleA, extractor_, 1, test));
    QVERIFY2(a.exitCode == 0, qPrintable(a.err));
    const QJsonObject trained = parseJson(a.out);
    QCOMPARE(trained.value(QStringLiteral("metric")).toString(), QStringLiteral("auc"));
    QCOMPARE(trained.value(QStringLiteral("runs")).toArray().size(), 4);
    // Grid files: the default augmentation is fast, without the extra scale, and says so.
    QCOMPARE(trained.value(QStringLiteral("augment")).toString(), QStringLiteral("fast"));
    QCOMPARE(trained.value(QStringLiteral("extra_scale")).toBool(true), false);
    QVERIFY(trained.value(QStringLiteral("augmentation")).toString().startsWith(QLatin1String("fast (auto: ")));
    QCOMPARE(trained.value(QStringLiteral("grids_per_epoch")).toInt(), 40);  // 4 training slides x (1 + 9)
    QVERIFY(a.err.contains(QLatin1String("lr 0.05, ")));  // the optimiser's rate, on each epoch line
    // Every run's classifier scored on the test manifest, and their mean (std).
    std::vector<double> testMetrics;
    for (const QJsonValue run : trained.value(QStringLiteral("runs")).toArray()) {
        QVERIFY(run.toObject().value(QStringLiteral("test_metric")).isDouble());
        testMetrics.push_back(run.toObject().value(QStringLiteral("test_metric")).toDouble());
    }
    const QJsonObject tested = trained.value(QStringLiteral("test")).toObject();
    QCOMPARE(tested.value(QStringLiteral("slides")).toInt(), 6);
    QVERIFY(qAbs(tested.value(QStringLiteral("mean")).toDouble(-1) - slidesight::model::mean(testMetrics)) < 1e-9);
    QVERIFY(qAbs(tested.value(QStringLiteral("std")).toDouble(-1) - slidesight::model::sampleStd(testMetrics)) < 1e-9);
    QVERIFY(a.err.contains(QLatin1String("epoch 2/2")));  // per-epoch lines go to stderr with --json
    const auto bundle = slidesight::model::readBundle(bundleA.toStdString());
    QVERIFY2(bundle.ok(), bundle.error().c_str());
    QVERIFY(bundle->trained);
    QVERIFY(bundle->metrics.count("auc") == 1);
    QVERIFY(QFile::exists(bundleA + QStringLiteral(".run/scores.json")));

    const CliResult evaluation = runCli({QStringLiteral("evaluate"), QStringLiteral("--model"), bundleA,
                                         QStringLiteral("--manifest"), manifest_, QStringLiteral("--json")});
    QVERIFY2(evaluation.exitCode == 0, qPrintable(evaluation.err));
    const QJsonObject measured = parseJson(evaluation.out);
    QCOMPARE(measured.value(QStringLiteral("metric")).toString(), QStringLiteral("auc"));
    const double auc = measured.value(QStringLiteral("value")).toDouble(-1);
    QVERIFY(auc >= 0.0 && auc <= 1.0);
    QCOMPARE(measured.value(QStringLiteral("items")).toArray().size(), 8);

    const CliResult b = runCli(trainArguments(manifest_, bundleB, extractor_, 2, test));
    QVERIFY2(b.exitCode == 0, qPrintable(b.err));
    // Both runs have test scores: those are paired.
    const CliResult compared = runCli({QStringLiteral("evaluate"), QStringLiteral("--compare"),
                                       bundleA + QStringLiteral(".run"), bundleB + QStringLiteral(".run")});
    QVERIFY2(compared.exitCode == 0, qPrintable(compared.err));
    QVERIFY(compared.out.contains(QLatin1String("two-sided p = ")));
    QVERIFY2(compared.out.contains(QLatin1String("Paired scores: test-manifest auc")), qPrintable(compared.out));
    const CliResult comparedJson = runCli({QStringLiteral("evaluate"), QStringLiteral("--compare"),
                                           bundleA + QStringLiteral(".run"), bundleB + QStringLiteral(".run/scores.json"),
                                           QStringLiteral("--json")});
    const QJsonObject wilcoxon = parseJson(comparedJson.out);
    QCOMPARE(wilcoxon.value(QStringLiteral("pairs")).toInt(), 4);
    QCOMPARE(wilcoxon.value(QStringLiteral("scores")).toString(), QStringLiteral("test"));
    QVERIFY(qAbs(wilcoxon.value(QStringLiteral("mean_a")).toDouble(-1) - tested.value(QStringLiteral("mean")).toDouble()) < 1e-9);
    const double p = wilcoxon.value(QStringLiteral("p_value")).toDouble(-1);
    QVERIFY(p > 0.0 && p <= 1.0);

    // A run without a test manifest (text output): the held-out metrics are paired, and said so.
    const QString bundleC = dir_.filePath(QStringLiteral("c"));
    const CliResult c = runCli(trainArguments(manifest_, bundleC, extractor_, 3));
    QVERIFY2(c.exitCode == 0, qPrintable(c.err));
    QVERIFY2(c.out.contains(QLatin1String("Augmentation: fast (auto: the manifest has grid files")), qPrintable(c.out));
    QVERIFY(c.out.contains(QLatin1String("no extra 4 um/px scale (auto)")));
    QVERIFY(!c.out.contains(QLatin1String("Test auc")));
    const CliResult heldOut = runCli({QStringLiteral("evaluate"), QStringLiteral("--compare"),
                                      bundleA + QStringLiteral(".run"), bundleC + QStringLiteral(".run")});
    QVERIFY2(heldOut.exitCode == 0, qPrintable(heldOut.err));
    QVERIFY2(heldOut.out.contains(QLatin1String("Paired scores: held-out cross-validation auc")), qPrintable(heldOut.out));

    // The same command again without --resume refuses to overwrite the checkpoint.
    const CliResult again = runCli(trainArguments(manifest_, bundleA, extractor_, 1, test));
    QCOMPARE(again.exitCode, 1);
    QVERIFY(isOneErrorLine(again.err));
    QVERIFY(again.err.contains(QLatin1String("--resume")));
}

void TestTrainCli::badInput() {
    const CliResult missing = runCli({QStringLiteral("train"), QStringLiteral("--out"), dir_.filePath(QStringLiteral("x"))});
    QCOMPARE(missing.exitCode, 2);
    // `train` on the tiny grids with these options.
    const auto train = [&](const QStringList& options) {
        return runCli(QStringList{QStringLiteral("train"), QStringLiteral("--manifest"), manifest_, QStringLiteral("--out"),
                                  dir_.filePath(QStringLiteral("x"))} + options);
    };
    QCOMPARE(train({QStringLiteral("--augment"), QStringLiteral("sideways")}).exitCode, 2);
    QCOMPARE(train({QStringLiteral("--extra-scale"), QStringLiteral("--no-extra-scale")}).exitCode, 2);
    // Exact augmentation and the extra scale need slides, not grid files.
    for (const QStringList& options : {QStringList{QStringLiteral("--augment"), QStringLiteral("exact")},
                                       QStringList{QStringLiteral("--augment"), QStringLiteral("none"),
                                                   QStringLiteral("--extra-scale")}}) {
        const CliResult refused = train(options);
        QCOMPARE(refused.exitCode, 1);
        QVERIFY(isOneErrorLine(refused.err));
        QVERIFY(refused.err.contains(QLatin1String("must name slides")));
    }
    const CliResult compare = runCli({QStringLiteral("evaluate"), QStringLiteral("--compare"), dir_.path(), dir_.path()});
    QCOMPARE(compare.exitCode, 1);
    QVERIFY(isOneErrorLine(compare.err));
    const CliResult noModel = runCli({QStringLiteral("evaluate"), QStringLiteral("--model"),
                                      dir_.filePath(QStringLiteral("none")), QStringLiteral("--manifest"), manifest_});
    QCOMPARE(noModel.exitCode, 1);
    QVERIFY(isOneErrorLine(noModel.err));
}

void TestTrainCli::benchTrain() {
    const CliResult bench = runCli({QStringLiteral("bench"), QStringLiteral("train"), QStringLiteral("--grids"),
                                    QStringLiteral("4"), QStringLiteral("--rows"), QStringLiteral("3"),
                                    QStringLiteral("--columns"), QStringLiteral("4"), QStringLiteral("--features"),
                                    QStringLiteral("16"), QStringLiteral("--batch"), QStringLiteral("2"),
                                    QStringLiteral("--json")});
    QVERIFY2(bench.exitCode == 0, qPrintable(bench.err));
    const QJsonObject report = parseJson(bench.out);
    QCOMPARE(report.value(QStringLiteral("epoch_seconds")).toArray().size(), 2);
    QVERIFY(report.value(QStringLiteral("seconds_per_epoch")).toDouble(-1) >= 0.0);
}

void TestTrainCli::slidesDefaultToExactWithExtraScale() {
    QTemporaryDir dir;
    const QString manifest = writeSlideManifest(dir.path(), {0, 1, 0, 1});
    if (manifest.isEmpty()) QSKIP("SLIDESIGHT_TEST_DATA is not set: skipping the real-slide test.");
    // Slides at 8 µm/px (a cell or two each) through resnet18: every variant is extracted fast.
    const CliResult trained = runCli({QStringLiteral("train"), QStringLiteral("--manifest"), manifest,
                                      QStringLiteral("--out"), dir.filePath(QStringLiteral("bundle")),
                                      QStringLiteral("--epochs"), QStringLiteral("1"), QStringLiteral("--folds"),
                                      QStringLiteral("2"), QStringLiteral("--inits"), QStringLiteral("1"),
                                      QStringLiteral("--hidden"), QStringLiteral("4"), QStringLiteral("--arch"),
                                      QStringLiteral("resnet18"), QStringLiteral("--mpp"), QStringLiteral("8"),
                                      QStringLiteral("--device"), QStringLiteral("cpu"), QStringLiteral("--cache-dir"),
                                      dir.filePath(QStringLiteral("cache"))});
    QVERIFY2(trained.exitCode == 0, qPrintable(trained.err));
    QVERIFY2(trained.out.contains(QLatin1String("Augmentation: exact (auto: every manifest line names a slide)")),
             qPrintable(trained.out));
    QVERIFY(trained.out.contains(QLatin1String("plus every training slide at 4 um/px (auto)")));
    // 2 training lines per fold x (1 + 9 + the 4 µm/px scale).
    QVERIFY(trained.out.contains(QLatin1String(": 22 grids, ")));
    const auto bundle = slidesight::model::readBundle(dir.filePath(QStringLiteral("bundle")).toStdString());
    QVERIFY2(bundle.ok(), bundle.error().c_str());
    QVERIFY2(bundle->trainedOn.find("augmentation exact, plus the slides at 4 um/px") != std::string::npos,
             bundle->trainedOn.c_str());
}

SLIDESIGHT_GUILESS_TEST_SUITE(TestTrainCli)
#include "tst_traincli.moc"
