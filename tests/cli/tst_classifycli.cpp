// `slidesight-cli classify` as users and scripts see it: --help, a run with random and with
// file weights whose outputs (read back in C++ and, when available, by Python's torch.load)
// match the classifier run in-process, --json, and one-line errors that name what is wrong.

#include "common/suite.h"

// moc reads only the test class and needs none of these (following the Torch headers
// would cost it about 4 s a file).
#ifndef Q_MOC_RUN
#include "model/attention/attentionclassifier_torch.h"
#include "model/common/sha256.h"
#include "model/grid/gridfile_torch.h"
#include "model/grid/tissueonly_torch.h"
#include "model/nets/statedict_torch.h"

#include "../model/pythontorch.h"
#include "clirunner.h"
#include "resultfilereader.h"

#include <QtCore/QFileInfo>
#include <QtCore/QJsonArray>
#include <QtCore/QTemporaryDir>
#include <QtTest/QtTest>

#include <torch/torch.h>
#endif  // Q_MOC_RUN

using namespace slidesight::model;
using namespace slidesight::test;

namespace {

// K = 16, 4 x 5 cells; cells (0, *) have no tissue.
GridFile makeGrid() {
    torch::manual_seed(3);
    GridFile grid;
    grid.features = torch::rand({16, 4, 5});
    grid.tissue = torch::rand({4, 5}) * 0.9 + 0.1;
    grid.tissue[0].fill_(0.0);
    grid.origin = {1000.0, 2000.0};
    grid.cellSize = {448.5, 447.5};
    grid.metadata = R"({"slide":{"path":"/x.svs"},"extractor":"test"})";
    return grid;
}

AttentionClassifierConfig smallConfig() {
    AttentionClassifierConfig config;
    config.features = 16;
    config.hidden = 4;
    config.outputs = 3;
    return config;
}

}  // namespace

class TestClassifyCli : public QObject {
    Q_OBJECT

private:
    QTemporaryDir dir_;
    QString grid_;
    QString path(const QString& name) const { return dir_.filePath(name); }
    QStringList classify(const QStringList& extra) const {
        return QStringList{QStringLiteral("classify"), grid_, QStringLiteral("--hidden"), QStringLiteral("4"),
                           QStringLiteral("--classes"), QStringLiteral("3")} + extra;
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY2(QFileInfo::exists(QStringLiteral(SLIDESIGHT_CLI_PATH)), SLIDESIGHT_CLI_PATH);
        QVERIFY(dir_.isValid());
        grid_ = path(QStringLiteral("grid.pt"));
        const auto written = makeGrid().write(grid_.toStdString());
        QVERIFY2(written, written.error().c_str());
    }

    void help() {
        const CliResult top = runCli({QStringLiteral("--help")});
        QVERIFY(top.out.contains(QLatin1String("\n  classify ")));
        const CliResult r = runCli({QStringLiteral("classify"), QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.err.isEmpty());
        QVERIFY(r.out.startsWith(QLatin1String("Usage: slidesight-cli classify")));
        for (const char* option : {"--classifier", "--attention", "--hidden", "--kernel", "--nonlinearity", "--classes",
                                   "--class", "--tissue-only", "--out", "--json", "--gradcam-target"})
            QVERIFY2(r.out.contains(QLatin1String(option)), option);
    }

    void randomClassifierMatchesInProcess() {
        const QString out = path(QStringLiteral("random.pt"));
        const CliResult r = runCli(classify({QStringLiteral("--classifier"), QStringLiteral("random:5"),
                                             QStringLiteral("--out"), out, QStringLiteral("--tissue-only")}));
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.err.isEmpty(), qPrintable(r.err));
        QVERIFY2(r.out.contains(QLatin1String("UNTRAINED")), qPrintable(r.out));
        QVERIFY(!QFileInfo::exists(out + QStringLiteral(".partial")));
        const auto file = readResultFile(out);
        QVERIFY2(file.error.isEmpty(), qPrintable(file.error));

        // The same classifier in-process: PyTorch's default initialisation after seed 5.
        const GridFile grid = makeGrid();
        torch::manual_seed(5);
        AttentionClassifier model(smallConfig());
        torch::NoGradGuard noGrad;
        const torch::Tensor valid = grid.tissue.gt(0);
        // Tissue-only: the attention on the tissue cells, the 3DCL over them and their ring.
        const AttentionResult expected = model->forward(grid.features.unsqueeze(0),
                                                        tissueOnlyInputCells(grid.tissue).unsqueeze(0), valid.unsqueeze(0));
        QVERIFY(!torch::allclose(expected.logits, model->forward(grid.features.unsqueeze(0), valid.unsqueeze(0)).logits));
        QVERIFY(torch::allclose(file.tensor("logits"), expected.logits[0], 1e-5, 1e-6));
        QVERIFY(torch::allclose(file.tensor("attention_max"), expected.attentionMax[0], 1e-5, 1e-7));
        QVERIFY(torch::allclose(file.tensor("attention_min"), expected.attentionMin[0], 1e-5, 1e-7));
        QVERIFY(torch::allclose(file.tensor("probabilities").sum(), torch::ones({})));
        QVERIFY(torch::equal(file.tensor("valid"), valid));
        QVERIFY(torch::allclose(file.tensor("tissue"), grid.tissue));
        QCOMPARE(file.tensor("attention_max").sizes().vec(), (std::vector<int64_t>{4, 4, 5}));
        QCOMPARE(file.tensor("gradcam").sizes().vec(), (std::vector<int64_t>{4, 5}));
        QCOMPARE(file.tensor("gradcam")[0].abs().sum().item<float>(), 0.0f);  // no tissue, no map
        QCOMPARE(file.tensor("gradcam_class").item<int64_t>(), expected.logits.argmax(1).item<int64_t>());
        QVERIFY(torch::equal(file.tensor("origin"), torch::tensor({1000.0, 2000.0}, torch::kFloat64)));
        QVERIFY(torch::equal(file.tensor("cell_size"), torch::tensor({448.5, 447.5}, torch::kFloat64)));
        const QJsonObject metadata = file.json("metadata");
        QCOMPARE(metadata.value(QLatin1String("kind")).toString(), QStringLiteral("slidesight-classification"));
        QCOMPARE(metadata.value(QLatin1String("trained")).toBool(true), false);
        QVERIFY(metadata.value(QLatin1String("label")).toString().contains(QLatin1String("UNTRAINED")));
        QCOMPARE(metadata.value(QLatin1String("valid_cells")).toInt(), 15);
        // The defaults: Grad-CAM on G, centred, the paper's zero padding; not degenerate.
        QCOMPARE(metadata.value(QLatin1String("gradcam_target")).toString(), QStringLiteral("grid"));
        QCOMPARE(metadata.value(QLatin1String("gradcam_centred")).toBool(false), true);
        QCOMPARE(metadata.value(QLatin1String("gradcam_degenerate")).toBool(true), false);
        QCOMPARE(metadata.value(QLatin1String("conv_padding")).toString(), QStringLiteral("zeros"));
        QCOMPARE(file.tensor("gradcam_degenerate").item<bool>(), false);
        QVERIFY(!r.out.contains(QLatin1String("Degenerate")));
        QCOMPARE(file.json("grid_metadata").value(QLatin1String("extractor")).toString(), QStringLiteral("test"));
    }

    void gPrimeIsReportedDegenerate() {
        const QString out = path(QStringLiteral("gprime.pt"));
        const CliResult r = runCli(classify({QStringLiteral("--classifier"), QStringLiteral("random:5"),
                                             QStringLiteral("--out"), out, QStringLiteral("--gradcam-target"),
                                             QStringLiteral("gprime")}));
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out.count(QLatin1String("Degenerate:")), 1);
        const auto file = readResultFile(out);
        QVERIFY2(file.error.isEmpty(), qPrintable(file.error));
        QCOMPARE(file.tensor("gradcam_degenerate").item<bool>(), true);
        const QJsonObject metadata = file.json("metadata");
        QCOMPARE(metadata.value(QLatin1String("gradcam_target")).toString(), QStringLiteral("gprime"));
        QCOMPARE(metadata.value(QLatin1String("gradcam_degenerate")).toBool(false), true);
        QVERIFY(metadata.value(QLatin1String("gradcam_weight_ratio")).toDouble() < 1e-4);
    }

    void centrePaddingAndRawSum() {
        torch::manual_seed(9);
        AttentionClassifierConfig config = smallConfig();
        config.padding = ConvPadding::Centre;
        AttentionClassifier model(config);
        const QString weights = path(QStringLiteral("centre.pt"));
        QVERIFY(StateDict::of(*model).write(weights.toStdString()));
        const QString out = path(QStringLiteral("centre-result.pt"));
        const CliResult r = runCli(classify({QStringLiteral("--classifier"), weights, QStringLiteral("--out"), out,
                                             QStringLiteral("--json"), QStringLiteral("--conv-padding"),
                                             QStringLiteral("centre"), QStringLiteral("--gradcam-sum"), QStringLiteral("raw")}));
        QCOMPARE(r.exitCode, 0);
        const QJsonObject o = parseJson(r.out);
        QCOMPARE(o.value(QLatin1String("conv_padding")).toString(), QStringLiteral("centre"));
        QCOMPARE(o.value(QLatin1String("gradcam")).toObject().value(QLatin1String("centred")).toBool(true), false);
        const GridFile grid = makeGrid();
        torch::NoGradGuard noGrad;
        const torch::Tensor logits = model->forward(grid.features.unsqueeze(0)).logits[0];
        const QJsonArray printed = o.value(QLatin1String("logits")).toArray();
        for (int c = 0; c < 3; ++c) QVERIFY(qAbs(printed[c].toDouble() - logits[c].item<double>()) < 1e-5);
        // The same weights with zero padding give other logits.
        config.padding = ConvPadding::Zeros;
        AttentionClassifier zeros(config);
        QVERIFY(StateDict::read(weights.toStdString())->loadInto(*zeros));
        QVERIFY(!torch::allclose(zeros->forward(grid.features.unsqueeze(0)).logits[0], logits, 1e-4, 1e-5));
        QCOMPARE(runCli(classify({QStringLiteral("--classifier"), weights, QStringLiteral("--out"), out,
                                  QStringLiteral("--conv-padding"), QStringLiteral("mirror")}))
                     .exitCode,
                 2);
    }

    void weightsFileWithJsonAndGridTarget() {
        torch::manual_seed(9);
        AttentionClassifier model(smallConfig());
        const QString weights = path(QStringLiteral("ac.pt"));
        QVERIFY(StateDict::of(*model).write(weights.toStdString()));
        const QString out = path(QStringLiteral("trained.pt"));
        const CliResult r = runCli(classify({QStringLiteral("--classifier"), weights, QStringLiteral("--out"), out,
                                             QStringLiteral("--json"), QStringLiteral("--class"), QStringLiteral("2"),
                                             QStringLiteral("--gradcam-target"), QStringLiteral("grid")}));
        QCOMPARE(r.exitCode, 0);
        const QJsonObject o = parseJson(r.out);
        QCOMPARE(o.value(QLatin1String("trained")).toBool(), true);
        QCOMPARE(o.value(QLatin1String("classifier_sha256")).toString().toStdString(), *Sha256::hexOfFile(weights.toStdString()));
        QCOMPARE(o.value(QLatin1String("valid_cells")).toInt(), 20);
        QCOMPARE(o.value(QLatin1String("gradcam")).toObject().value(QLatin1String("class")).toInt(), 2);
        QCOMPARE(o.value(QLatin1String("gradcam")).toObject().value(QLatin1String("target")).toString(), QStringLiteral("grid"));
        QVERIFY(o.value(QLatin1String("gradcam")).toObject().value(QLatin1String("weights_max_abs")).toDouble() > 1e-6);
        const GridFile grid = makeGrid();
        torch::NoGradGuard noGrad;
        const torch::Tensor logits = model->forward(grid.features.unsqueeze(0)).logits[0];
        const QJsonArray printed = o.value(QLatin1String("logits")).toArray();
        QCOMPARE(printed.size(), 3);
        for (int c = 0; c < 3; ++c) QVERIFY(qAbs(printed[c].toDouble() - logits[c].item<double>()) < 1e-5);
        const auto file = readResultFile(out);
        QCOMPARE(file.tensor("gradcam_weights").size(0), int64_t(16));  // the grid's K channels
    }

    void pythonReadsTheResult() {
        const QString python = pythonWithTorch();
        if (python.isEmpty()) QSKIP("No Python with torch: torch.load is not tried.");
        const QString out = path(QStringLiteral("python.pt"));
        QCOMPARE(runCli(classify({QStringLiteral("--classifier"), QStringLiteral("random:1"), QStringLiteral("--out"), out})).exitCode, 0);
        const QString script = QStringLiteral(
            "import json, sys, torch\n"
            "d = torch.load(sys.argv[1])\n"
            "assert d['logits'].shape == (3,) and abs(float(d['probabilities'].sum()) - 1) < 1e-6\n"
            "assert d['attention_max'].shape == (4, 4, 5) and d['attention_min'].shape == (4, 4, 5)\n"
            "assert torch.allclose(d['attention_max'].sum((1, 2)), torch.ones(4))\n"
            "assert d['gradcam'].shape == (4, 5) and d['valid'].dtype == torch.bool and bool(d['valid'].all())\n"
            "m = json.loads(d['metadata'])\n"
            "assert m['trained'] is False and m['hidden'] == 4 and m['classes'] == 3, m\n"
            "assert json.loads(d['grid_metadata'])['extractor'] == 'test'\n");
        const QString failure = runPython(python, {QStringLiteral("-c"), script, out});
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
    }

    void failures_data() {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        const QString out = QStringLiteral("--out");
        const QString c = QStringLiteral("--classifier");
        const QString r1 = QStringLiteral("random:1");
        QTest::newRow("no classifier") << QStringList{out, QStringLiteral("x.pt")} << 2 << "--classifier and --out are required";
        QTest::newRow("no out") << QStringList{c, r1} << 2 << "--classifier and --out are required";
        QTest::newRow("attention") << QStringList{c, r1, out, QStringLiteral("x.pt"), QStringLiteral("--attention"), QStringLiteral("min+max")}
                                   << 2 << "Unknown attention sets \"min+max\"";
        QTest::newRow("even kernel") << QStringList{c, r1, out, QStringLiteral("x.pt"), QStringLiteral("--kernel"), QStringLiteral("2")}
                                     << 2 << "odd kernel";
        QTest::newRow("class range") << QStringList{c, r1, out, QStringLiteral("x.pt"), QStringLiteral("--class"), QStringLiteral("3")}
                                     << 2 << "--class needs a whole number from 0 to 2";
        QTest::newRow("target") << QStringList{c, r1, out, QStringLiteral("x.pt"), QStringLiteral("--gradcam-target"), QStringLiteral("g")}
                                << 2 << "Unknown Grad-CAM target";
        QTest::newRow("bad seed") << QStringList{c, QStringLiteral("random:x"), out, QStringLiteral("x.pt")} << 1 << "random:SEED";
        QTest::newRow("missing weights") << QStringList{c, QStringLiteral("/nonexistent/ac.pt"), out, QStringLiteral("x.pt")}
                                         << 1 << "Cannot open the weights file";
    }
    void failures() {
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        const CliResult r = runCli(classify(arguments));
        QVERIFY(!r.crashed);
        QCOMPARE(r.exitCode, exitCode);
        QVERIFY(r.out.isEmpty());
        QVERIFY2(isOneErrorLine(r.err), qPrintable(r.err));
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
        QVERIFY(!QFileInfo::exists(QStringLiteral("x.pt")));
    }

    void wrongShapesAreNamed() {
        AttentionClassifierConfig config = smallConfig();
        config.hidden = 8;
        const QString weights = path(QStringLiteral("h8.pt"));
        QVERIFY(StateDict::of(*AttentionClassifier(config)).write(weights.toStdString()));
        const QString out = path(QStringLiteral("never.pt"));
        const CliResult r = runCli(classify({QStringLiteral("--classifier"), weights, QStringLiteral("--out"), out}));
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(isOneErrorLine(r.err), qPrintable(r.err));
        QVERIFY2(r.err.contains(QLatin1String("conv.weight is [8, 16, 3, 3], expected [4, 16, 3, 3]")), qPrintable(r.err));
        QVERIFY2(r.err.contains(QLatin1String("--hidden")), qPrintable(r.err));
        QVERIFY(!QFileInfo::exists(out));
    }

    void unreadableGrids() {
        const QString notGrid = path(QStringLiteral("weights-not-grid.pt"));
        QVERIFY(StateDict::of(*AttentionClassifier(smallConfig())).write(notGrid.toStdString()));
        for (const QString& input : {notGrid, path(QStringLiteral("missing.pt"))}) {
            const CliResult r = runCli({QStringLiteral("classify"), input, QStringLiteral("--classifier"),
                                        QStringLiteral("random:1"), QStringLiteral("--out"), path(QStringLiteral("n.pt"))});
            QCOMPARE(r.exitCode, 1);
            QVERIFY2(isOneErrorLine(r.err), qPrintable(r.err));
            QVERIFY2(r.err.contains(QFileInfo(input).fileName()), qPrintable(r.err));
        }
        // --tissue-only on a grid without tissue leaves nothing.
        GridFile empty = makeGrid();
        empty.tissue.zero_();
        const QString emptyPath = path(QStringLiteral("empty.pt"));
        QVERIFY(empty.write(emptyPath.toStdString()));
        const CliResult r = runCli({QStringLiteral("classify"), emptyPath, QStringLiteral("--classifier"), QStringLiteral("random:1"),
                                    QStringLiteral("--hidden"), QStringLiteral("4"), QStringLiteral("--tissue-only"),
                                    QStringLiteral("--out"), path(QStringLiteral("n.pt"))});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QLatin1String("no cell with tissue")), qPrintable(r.err));
        QVERIFY(!QFileInfo::exists(path(QStringLiteral("n.pt"))));
    }
};

SLIDESIGHT_GUILESS_TEST_SUITE(TestClassifyCli)
#include "tst_classifycli.moc"
