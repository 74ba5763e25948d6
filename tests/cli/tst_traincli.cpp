// slidesight-cli train, evaluate (--model and --compare) and bench train, run as users do:
// a tiny manifest of grid files the test writes, a bundle that readBundle accepts, the metric
// on stdout as JSON, a Wilcoxon p-value for two runs, and clear errors for bad input.

#include "model/bundle.h"

#include "../model/trainingfixture.h"
#include "clirunner.h"

#include <QtCore/QJsonArray>
#include <QtCore/QTemporaryDir>
#include <QtTest/QtTest>

using namespace slidesight::test;

namespace {

QStringList trainArguments(const QString& manifest, const QString& bundle, const QString& extractor, int seed) {
    return {QStringLiteral("train"),  QStringLiteral("--manifest"), manifest,
            QStringLiteral("--out"),  bundle,
            QStringLiteral("--epochs"), QStringLiteral("2"),
            QStringLiteral("--folds"), QStringLiteral("2"),
            QStringLiteral("--inits"), QStringLiteral("2"),
            QStringLiteral("--batch"), QStringLiteral("4"),
            QStringLiteral("--hidden"), QStringLiteral("4"),
            QStringLiteral("--lr"), QStringLiteral("0.05"),
            QStringLiteral("--augment"), QStringLiteral("fast"),
            QStringLiteral("--weights"), extractor,
            QStringLiteral("--seed"), QString::number(seed),
            QStringLiteral("--json")};
}

}  // namespace

class TestTrainCli : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void trainEvaluateCompare();
    void badInput();
    void benchTrain();

private:
    QTemporaryDir dir_;
    QString manifest_;
    QString extractor_;
};

void TestTrainCli::initTestCase() {
    QVERIFY(dir_.isValid());
    manifest_ = writeTinyManifest(dir_.path(), 8, true);
    QVERIFY(!manifest_.isEmpty());
    extractor_ = QString::fromStdString(writeExtractorWeights(dir_.path()));
    QVERIFY(!extractor_.isEmpty());
}

void TestTrainCli::trainEvaluateCompare() {
    const QString bundleA = dir_.filePath(QStringLiteral("a")), bundleB = dir_.filePath(QStringLiteral("b"));
    const CliResult a = runCli(trainArguments(manifest_, bundleA, extractor_, 1));
    QVERIFY2(a.exitCode == 0, qPrintable(a.err));
    const QJsonObject trained = parseJson(a.out);
    QCOMPARE(trained.value(QStringLiteral("metric")).toString(), QStringLiteral("auc"));
    QCOMPARE(trained.value(QStringLiteral("runs")).toArray().size(), 4);
    QCOMPARE(trained.value(QStringLiteral("grids_per_epoch")).toInt(), 40);  // 4 training slides x (1 + 9)
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

    const CliResult b = runCli(trainArguments(manifest_, bundleB, extractor_, 2));
    QVERIFY2(b.exitCode == 0, qPrintable(b.err));
    const CliResult compared = runCli({QStringLiteral("evaluate"), QStringLiteral("--compare"),
                                       bundleA + QStringLiteral(".run"), bundleB + QStringLiteral(".run")});
    QVERIFY2(compared.exitCode == 0, qPrintable(compared.err));
    QVERIFY(compared.out.contains(QLatin1String("two-sided p = ")));
    const CliResult comparedJson = runCli({QStringLiteral("evaluate"), QStringLiteral("--compare"),
                                           bundleA + QStringLiteral(".run"), bundleB + QStringLiteral(".run/scores.json"),
                                           QStringLiteral("--json")});
    const QJsonObject test = parseJson(comparedJson.out);
    QCOMPARE(test.value(QStringLiteral("pairs")).toInt(), 4);
    const double p = test.value(QStringLiteral("p_value")).toDouble(-1);
    QVERIFY(p > 0.0 && p <= 1.0);

    // The same command again without --resume refuses to overwrite the checkpoint.
    const CliResult again = runCli(trainArguments(manifest_, bundleA, extractor_, 1));
    QCOMPARE(again.exitCode, 1);
    QVERIFY(isOneErrorLine(again.err));
    QVERIFY(again.err.contains(QLatin1String("--resume")));
}

void TestTrainCli::badInput() {
    const CliResult missing = runCli({QStringLiteral("train"), QStringLiteral("--out"), dir_.filePath(QStringLiteral("x"))});
    QCOMPARE(missing.exitCode, 2);
    const CliResult augment = runCli({QStringLiteral("train"), QStringLiteral("--manifest"), manifest_,
                                      QStringLiteral("--out"), dir_.filePath(QStringLiteral("x")),
                                      QStringLiteral("--augment"), QStringLiteral("sideways")});
    QCOMPARE(augment.exitCode, 2);
    // Exact augmentation needs slides, not grid files.
    const CliResult exact = runCli({QStringLiteral("train"), QStringLiteral("--manifest"), manifest_,
                                    QStringLiteral("--out"), dir_.filePath(QStringLiteral("y")),
                                    QStringLiteral("--augment"), QStringLiteral("exact")});
    QCOMPARE(exact.exitCode, 1);
    QVERIFY(isOneErrorLine(exact.err));
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

QTEST_GUILESS_MAIN(TestTrainCli)
#include "tst_traincli.moc"
