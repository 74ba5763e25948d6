// ResNet-18/34 trunks: torchvision's state-dict layout, seeded initialisation, state-dict
// files written and read in C++, and (when Python has torch + torchvision) the same features
// as torchvision from a state dict and from TorchScript.

#include "common/suite.h"

// moc reads only the test class and needs none of these (following the Torch headers
// would cost it about 4 s a file).
#ifndef Q_MOC_RUN
#include "model/extraction/featureextractor_torch.h"
#include "model/nets/resnet_torch.h"
#include "model/nets/statedict_torch.h"

#include "modeltesthelpers.h"
#include "pythontorch.h"

#include <QtCore/QFile>
#include <QtCore/QTemporaryDir>
#include <QtTest/QtTest>

#include <torch/torch.h>

#include <sstream>
#endif  // Q_MOC_RUN

#ifdef slots
#error "QT_NO_KEYWORDS must be defined: Qt's slots macro breaks LibTorch headers"
#endif

using namespace slidesight::model;
using slidesight::test::shapeText;

class TestResNet : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void stateDictLayout_data();
    void stateDictLayout();
    void featureShape();
    void seededInitialisation();
    void stateDictRoundTrip();
    void wrongWeightsFile();
    void notAWeightsFile();
    void randomExtractor();
    void torchvisionCrossCheck();
};

void TestResNet::stateDictLayout_data() {
    QTest::addColumn<QString>("architecture");
    QTest::addColumn<int>("numClasses");
    QTest::addColumn<int>("entries");
    QTest::addColumn<qint64>("parameters");
    // Entry counts include batch-norm running_mean/var and num_batches_tracked; parameter
    // counts are torchvision's (11,689,512 and 21,797,672 with the 1000-class fc).
    QTest::newRow("resnet34 torchvision") << "resnet34" << 1000 << 218 << qint64(21797672);
    QTest::newRow("resnet34 trunk") << "resnet34" << 0 << 216 << qint64(21797672 - 513000);
    QTest::newRow("resnet18 torchvision") << "resnet18" << 1000 << 122 << qint64(11689512);
    QTest::newRow("resnet18 trunk") << "resnet18" << 0 << 120 << qint64(11689512 - 513000);
}

void TestResNet::stateDictLayout() {
    QFETCH(QString, architecture);
    QFETCH(int, numClasses);
    QFETCH(int, entries);
    QFETCH(qint64, parameters);
    const ResNetConfig config = architecture == QLatin1String("resnet34") ? ResNetConfig::resnet34(numClasses)
                                                                         : ResNetConfig::resnet18(numClasses);
    QCOMPARE(QString::fromStdString(config.name()), architecture);
    ResNet net(config);
    const StateDict dict = StateDict::of(*net);
    QCOMPARE(int(dict.size()), entries);
    qint64 count = 0;
    for (const auto& p : net->parameters()) count += p.numel();
    QCOMPARE(count, parameters);

    // torchvision's order starts conv1, bn1.{weight,bias,running_mean,running_var,num_batches_tracked}.
    const QStringList firstKeys{"conv1.weight", "bn1.weight", "bn1.bias", "bn1.running_mean",
                                "bn1.running_var", "bn1.num_batches_tracked", "layer1.0.conv1.weight"};
    for (int i = 0; i < firstKeys.size(); ++i)
        QCOMPARE(QString::fromStdString(dict.entries()[size_t(i)].first), firstKeys[i]);

    const QList<QPair<QString, QString>> samples{
        {"conv1.weight", "64,3,7,7"},
        {"layer1.0.conv1.weight", "64,64,3,3"},
        {"layer1.1.bn2.running_var", "64"},
        {"layer2.0.conv1.weight", "128,64,3,3"},
        {"layer2.0.downsample.0.weight", "128,64,1,1"},
        {"layer2.0.downsample.1.running_mean", "128"},
        {"layer3.0.downsample.0.weight", "256,128,1,1"},
        {"layer4.0.downsample.1.weight", "512"},
        {"layer4.1.conv2.weight", "512,512,3,3"},
        {"layer4.1.bn2.num_batches_tracked", ""},
    };
    for (const auto& [key, shape] : samples) {
        const torch::Tensor t = dict.find(key.toStdString());
        QVERIFY2(t.defined(), qPrintable(key));
        QCOMPARE(shapeText(t), shape);
    }
    QVERIFY(!dict.find("layer1.0.downsample.0.weight").defined());  // identity shortcut
    const bool deep = architecture == QLatin1String("resnet34");
    QCOMPARE(dict.find("layer3.5.conv1.weight").defined(), deep);
    QCOMPARE(dict.find("fc.weight").defined(), numClasses > 0);
    if (numClasses > 0) QCOMPARE(shapeText(dict.find("fc.weight")), QStringLiteral("1000,512"));
}

void TestResNet::featureShape() {
    ResNet net(ResNetConfig::resnet18());
    net->initialiseRandom(1);
    net->eval();
    torch::NoGradGuard noGrad;
    const torch::Tensor x = torch::randn({3, 3, 64, 96});
    QCOMPARE(shapeText(net->featureMap(x)), QStringLiteral("3,512,2,3"));
    const torch::Tensor features = net->forward(x);
    QCOMPARE(shapeText(features), QStringLiteral("3,512"));
    QVERIFY(torch::allclose(features, net->featureMap(x).mean({2, 3})));
    // After the last ReLU every feature is non-negative (the spec's note on the AC's ReLU).
    QVERIFY(features.min().item<float>() >= 0.0f);
    QVERIFY_EXCEPTION_THROWN(net->logits(x), c10::Error);  // a trunk has no fc
}

void TestResNet::seededInitialisation() {
    ResNet a(ResNetConfig::resnet18()), b(ResNetConfig::resnet18()), c(ResNetConfig::resnet18());
    a->initialiseRandom(7);
    b->initialiseRandom(7);
    c->initialiseRandom(8);
    const auto da = StateDict::of(*a), db = StateDict::of(*b), dc = StateDict::of(*c);
    bool allEqual = true, anyDifferent = false;
    for (size_t i = 0; i < da.size(); ++i) {
        allEqual = allEqual && torch::equal(da.entries()[i].second, db.entries()[i].second);
        anyDifferent = anyDifferent || !torch::equal(da.entries()[i].second, dc.entries()[i].second);
    }
    QVERIFY(allEqual);
    QVERIFY(anyDifferent);
    // Kaiming-normal, fan-out, ReLU gain: std = sqrt(2 / (out_channels * k * k)).
    const torch::Tensor w = a->layer4[0]->as<BasicBlock>()->conv1->weight;
    const double expectedStd = std::sqrt(2.0 / (512 * 9));
    QVERIFY(std::abs(w.std().item<double>() - expectedStd) < 0.02 * expectedStd);
    QCOMPARE(a->bn1->weight.sum().item<double>(), 64.0);
}

void TestResNet::stateDictRoundTrip() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    ResNet source(ResNetConfig::resnet34());
    source->initialiseRandom(3);
    {
        // Non-trivial buffers, so the round trip covers them too.
        torch::NoGradGuard noGrad;
        source->bn1->running_mean.uniform_(-1, 1);
        source->bn1->running_var.uniform_(0.5, 2);
        source->bn1->num_batches_tracked.fill_(5);
    }
    const std::string path = dir.filePath("resnet34.pth").toStdString();
    const auto written = StateDict::of(*source).write(path);
    QVERIFY2(written, written.error().c_str());
    QVERIFY(!QFile::exists(dir.filePath("resnet34.pth.partial")));

    const auto read = StateDict::read(path);
    QVERIFY2(read, read.error().c_str());
    const StateDict original = StateDict::of(*source);
    QCOMPARE(read->size(), original.size());
    for (const auto& [key, tensor] : original.entries()) {
        const torch::Tensor back = read->find(key);
        QVERIFY2(back.defined(), key.c_str());
        QCOMPARE(back.scalar_type(), tensor.scalar_type());
        QVERIFY2(torch::equal(back, tensor), key.c_str());  // bit-identical
    }

    ResNet target(ResNetConfig::resnet34());
    target->initialiseRandom(99);
    const auto loaded = read->loadInto(*target);
    QVERIFY2(loaded, loaded.error().c_str());
    source->eval();
    target->eval();
    torch::NoGradGuard noGrad;
    const torch::Tensor x = torch::randn({2, 3, 64, 64});
    QVERIFY(torch::equal(source->forward(x), target->forward(x)));
    QCOMPARE(target->bn1->num_batches_tracked.item<int64_t>(), int64_t(5));
}

void TestResNet::wrongWeightsFile() {
    QTemporaryDir dir;
    ResNet small(ResNetConfig::resnet18());
    const std::string path = dir.filePath("resnet18.pth").toStdString();
    QVERIFY(StateDict::of(*small).write(path));
    const auto dict = StateDict::read(path);
    QVERIFY(dict);
    ResNet big(ResNetConfig::resnet34());
    const auto loaded = dict->loadInto(*big);
    QVERIFY(!loaded);
    const QString message = QString::fromStdString(loaded.error());
    QVERIFY2(message.contains(QLatin1String("do not fit")), qPrintable(message));
    QVERIFY2(message.contains(QLatin1String("missing layer1.2.conv1.weight")), qPrintable(message));

    // Through the extractor factory: one sentence, no exception.
    const auto extractor = FeatureExtractor::open(path, "resnet34");
    QVERIFY(!extractor);
    QVERIFY(QString::fromStdString(extractor.error()).contains(QLatin1String("mismatches")));

    // A dict whose shapes differ names the tensor and both shapes.
    StateDict wrongShape = StateDict::of(*small);
    std::vector<StateDict::Entry> entries = wrongShape.entries();
    entries[0].second = torch::zeros({64, 3, 5, 5});
    const auto shapeError = StateDict(entries).loadInto(*small);
    QVERIFY(!shapeError);
    QVERIFY2(QString::fromStdString(shapeError.error()).contains(QLatin1String("conv1.weight is [64, 3, 5, 5], expected [64, 3, 7, 7]")),
             shapeError.error().c_str());
}

void TestResNet::notAWeightsFile() {
    QTemporaryDir dir;
    QFile file(dir.filePath("junk.pth"));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("this is not a weights file");
    file.close();
    const auto dict = StateDict::read(file.fileName().toStdString());
    QVERIFY(!dict);
    QVERIFY2(QString::fromStdString(dict.error()).contains(QLatin1String("not a PyTorch state dict")), dict.error().c_str());
    const auto missing = StateDict::read(dir.filePath("absent.pth").toStdString());
    QVERIFY(!missing);
    QVERIFY(QString::fromStdString(missing.error()).contains(QLatin1String("Cannot open")));
    const auto extractor = FeatureExtractor::open(file.fileName().toStdString());
    QVERIFY(!extractor);
    QVERIFY2(QString::fromStdString(extractor.error()).contains(QLatin1String("TorchScript")), extractor.error().c_str());
    QVERIFY(!FeatureExtractor::open("random:x"));
    QVERIFY(!FeatureExtractor::open("random:1", "vgg16"));
}

void TestResNet::randomExtractor() {
    auto a = FeatureExtractor::open("random:42", "resnet18");
    auto b = FeatureExtractor::open("random:42", "resnet18");
    QVERIFY2(a, a.error().c_str());
    QVERIFY(b);
    QVERIFY(!(*a)->trained());
    QVERIFY(QString::fromStdString((*a)->description()).contains(QLatin1String("untrained")));
    QCOMPARE((*a)->featureCount(), int64_t(512));
    const torch::Tensor x = torch::randn({2, 3, 64, 64});
    const torch::Tensor fa = (*a)->extract(x);
    QCOMPARE(shapeText(fa), QStringLiteral("2,512"));
    QVERIFY(!fa.requires_grad());
    QVERIFY(torch::equal(fa, (*b)->extract(x)));  // same seed, same features, eval mode
}

void TestResNet::torchvisionCrossCheck() {
    const QString python = slidesight::test::pythonWithTorch();
    if (python.isEmpty())
        QSKIP("No Python with torch and torchvision (install python3-torch python3-torchvision): "
              "skipping the cross-check against torchvision.");
    QTemporaryDir dir;
    const QString script = QStringLiteral(SLIDESIGHT_MODEL_TEST_DIR "/write_torchvision_fixture.py");
    const QString failure = slidesight::test::runPython(python, {script, dir.path(), QStringLiteral("resnet34")});
    QVERIFY2(failure.isEmpty(), qPrintable(failure));

    // 1. Our module's keys and shapes are torchvision's, in torchvision's order.
    QFile keys(dir.filePath("keys.txt"));
    QVERIFY(keys.open(QIODevice::ReadOnly | QIODevice::Text));
    const QStringList lines = QString::fromUtf8(keys.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 218);
    const StateDict ours = StateDict::of(*ResNet(ResNetConfig::resnet34(1000)));
    QCOMPARE(int(ours.size()), lines.size());
    for (int i = 0; i < lines.size(); ++i) {
        const auto& [key, tensor] = ours.entries()[size_t(i)];
        QCOMPARE(QString::fromStdString(key) + QLatin1Char(' ') + shapeText(tensor), lines[i]);
    }

    // 2. The Python-written state dict loads natively and gives torchvision's features.
    const auto io = StateDict::read(dir.filePath("io.pt").toStdString());
    QVERIFY2(io, io.error().c_str());
    const torch::Tensor input = io->find("input");
    const torch::Tensor expected = io->find("features");
    QVERIFY(input.defined() && expected.defined());

    const auto fromStateDict = FeatureExtractor::open(dir.filePath("weights.pth").toStdString(), "resnet34");
    QVERIFY2(fromStateDict, fromStateDict.error().c_str());
    QVERIFY((*fromStateDict)->trained());
    const torch::Tensor features = (*fromStateDict)->extract(input);
    const double stateDictError = (features - expected).abs().max().item<double>();
    QVERIFY2(stateDictError < 1e-4, qPrintable(QString::number(stateDictError)));

    // 3. The same weights traced to TorchScript give the same features.
    const auto fromScript = FeatureExtractor::open(dir.filePath("trunk.ts").toStdString());
    QVERIFY2(fromScript, fromScript.error().c_str());
    QCOMPARE((*fromScript)->featureCount(), int64_t(512));
    const torch::Tensor scripted = (*fromScript)->extract(input);
    const double scriptError = (scripted - features).abs().max().item<double>();
    QVERIFY2(scriptError < 1e-4, qPrintable(QString::number(scriptError)));
}

SLIDESIGHT_GUILESS_TEST_SUITE(TestResNet)
#include "tst_resnet.moc"
