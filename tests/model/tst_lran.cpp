// LRAN and RAN (paper 002, spec "LRAN"): shapes for 256 x 256 patches, the global mask's
// per-channel softmax, the H = B * M + B identity, gates in (0, 1), RAN = LRAN without gates,
// state-dict keys and round trip, seeded initialisation and Grad-CAM on the base's layer4.

#include "model/lran.h"
#include "model/statedict.h"

#include "modeltesthelpers.h"

#include <QtCore/QTemporaryDir>
#include <QtTest/QtTest>

#include <torch/torch.h>

using namespace slidesight::model;
using slidesight::test::maxAbsDiff;
using slidesight::test::shapeText;

namespace {

Lran makeLran(LranVariant variant, uint64_t seed, int64_t classes = 4) {
    LranConfig config;
    config.variant = variant;
    config.classes = classes;
    Lran net(config);
    net->initialiseRandom(seed);
    net->eval();
    return net;
}

torch::Tensor patches(int64_t count, int64_t side = 256) {
    torch::manual_seed(77);
    return torch::randn({count, 3, side, side});
}

QStringList keysOf(const torch::nn::Module& module) {
    QStringList keys;
    const StateDict dict = StateDict::of(module);
    for (const auto& entry : dict.entries()) keys << QString::fromStdString(entry.first);
    return keys;
}

}  // namespace

class TestLran : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void shapes();
    void maskIsAPerChannelSoftmax();
    void residualIdentity();
    void gatesInOpenUnitInterval();
    void ranIsLranWithoutGates();
    void stateDictKeys();
    void stateDictRoundTripAndSeeds();
    void otherInputSizes();
    void gradCamOnBaseLastBlock();
    void variantNames();
};

void TestLran::shapes() {
    Lran net = makeLran(LranVariant::Lran, 1);
    torch::NoGradGuard noGrad;
    const LranResult r = net->forward(patches(2));
    QCOMPARE(shapeText(r.logits), QStringLiteral("2,4"));
    QCOMPARE(shapeText(r.base), QStringLiteral("2,512,8,8"));
    QCOMPARE(shapeText(r.mask), QStringLiteral("2,512,8,8"));
    QCOMPARE(shapeText(r.features), QStringLiteral("2,512,8,8"));
    QCOMPARE(int(r.gates.size()), 2);  // skips at 4 x 4 and 8 x 8, coarse first
    QCOMPARE(shapeText(r.gates[0]), QStringLiteral("2,1,4,4"));
    QCOMPARE(shapeText(r.gates[1]), QStringLiteral("2,1,8,8"));
    // B is the ResNet-18 trunk's layer4.
    QVERIFY(maxAbsDiff(r.base, net->base->featureMap(patches(2))) < 1e-6);
}

void TestLran::maskIsAPerChannelSoftmax() {
    Lran net = makeLran(LranVariant::Lran, 2);
    torch::NoGradGuard noGrad;
    const torch::Tensor x = patches(2);
    const LranResult r = net->forward(x);
    QVERIFY(maxAbsDiff(r.mask.sum({2, 3}), torch::ones({2, 512})) < 1e-5);
    QVERIFY(r.mask.min().item<float>() > 0.0f);
    const torch::Tensor logits = net->attention->forward(x).maskLogits;
    QVERIFY(maxAbsDiff(r.mask, torch::softmax(logits.view({2, 512, 64}), 2).view({2, 512, 8, 8})) < 1e-7);
}

void TestLran::residualIdentity() {
    Lran net = makeLran(LranVariant::Lran, 3);
    torch::NoGradGuard noGrad;
    const LranResult r = net->forward(patches(2));
    // Eq. 1 element by element, in double precision from the pass's own B and M.
    const torch::Tensor b = r.base.to(torch::kDouble), m = r.mask.to(torch::kDouble);
    QVERIFY(maxAbsDiff(r.features, b * m + b) < 1e-5);
    QVERIFY(maxAbsDiff(r.features - r.base, r.base * r.mask) < 1e-6);
    const torch::Tensor pooled = (b * m + b).mean({2, 3});
    const torch::Tensor expected = pooled.matmul(net->fc->weight.to(torch::kDouble).t()) + net->fc->bias.to(torch::kDouble);
    QVERIFY(maxAbsDiff(r.logits, expected) < 1e-4);
    QVERIFY(maxAbsDiff(net->head(r.base, r.mask), r.logits) < 1e-6);
}

void TestLran::gatesInOpenUnitInterval() {
    Lran net = makeLran(LranVariant::Lran, 4);
    torch::NoGradGuard noGrad;
    const LranResult r = net->forward(patches(3));
    for (const auto& gate : r.gates) {
        QVERIFY(gate.min().item<float>() > 0.0f);
        QVERIFY(gate.max().item<float>() < 1.0f);
        QVERIFY(gate.std().item<float>() > 0.0f);  // not a constant
    }
}

void TestLran::ranIsLranWithoutGates() {
    Lran lran = makeLran(LranVariant::Lran, 5);
    Lran ran = makeLran(LranVariant::Ran, 6);
    // The keys differ by the gates alone.
    QStringList gateKeys, otherKeys;
    for (const QString& key : keysOf(*lran)) (key.startsWith(QLatin1String("attention.gates.")) ? gateKeys : otherKeys) << key;
    QCOMPARE(keysOf(*ran), otherKeys);
    QCOMPARE(gateKeys.size(), 2 * 5);  // wx.weight, wg.weight, wg.bias, psi.weight, psi.bias per gate
    QVERIFY(slidesight::test::parameterCount(*lran) > slidesight::test::parameterCount(*ran));

    // With RAN's weights and gates held open (alpha = sigmoid(100) = 1 in float), LRAN is RAN.
    std::vector<StateDict::Entry> shared = StateDict::of(*ran).entries();
    const StateDict lranDict = StateDict::of(*lran);
    for (const auto& entry : lranDict.entries())
        if (QString::fromStdString(entry.first).startsWith(QLatin1String("attention.gates."))) shared.push_back(entry);
    QVERIFY(StateDict(shared).loadInto(*lran));
    torch::NoGradGuard noGrad;
    for (const auto& gate : *lran->attention->gates) {
        gate->as<AttentionGateImpl>()->psi->weight.zero_();
        gate->as<AttentionGateImpl>()->psi->bias.fill_(100.0);
    }
    const torch::Tensor x = patches(2);
    const LranResult a = lran->forward(x), b = ran->forward(x);
    QVERIFY(b.gates.empty());
    QCOMPARE(a.gates[1].min().item<float>(), 1.0f);
    QVERIFY(maxAbsDiff(a.logits, b.logits) < 1e-6);
    QVERIFY(maxAbsDiff(a.mask, b.mask) < 1e-7);
    // With the trained-looking gates of another seed, they differ.
    Lran other = makeLran(LranVariant::Lran, 5);
    QVERIFY(maxAbsDiff(other->forward(x).mask, b.mask) > 1e-6);
}

void TestLran::stateDictKeys() {
    Lran net = makeLran(LranVariant::Lran, 7);
    const StateDict dict = StateDict::of(*net);
    const QList<QPair<QString, QString>> samples{
        {"base.conv1.weight", "64,3,7,7"},
        {"base.layer4.1.bn2.weight", "512"},
        {"attention.encoder.0.conv.weight", "16,3,3,3"},
        {"attention.encoder.6.bn.running_var", "256"},
        {"attention.gates.0.wx.weight", "128,256,1,1"},
        {"attention.gates.0.wg.weight", "128,256,1,1"},
        {"attention.gates.1.psi.weight", "1,128,1,1"},
        {"attention.gates.1.psi.bias", "1"},
        {"attention.decoder.0.conv.weight", "256,512,3,3"},
        {"attention.decoder.1.bn.weight", "256"},
        {"attention.mask.weight", "512,256,1,1"},
        {"attention.mask.bias", "512"},
        {"fc.weight", "4,512"},
        {"fc.bias", "4"},
    };
    for (const auto& [key, shape] : samples) {
        const torch::Tensor t = dict.find(key.toStdString());
        QVERIFY2(t.defined(), qPrintable(key));
        QCOMPARE(shapeText(t), shape);
    }
    QVERIFY(!dict.find("base.fc.weight").defined());
    QVERIFY(!dict.find("attention.gates.0.wx.bias").defined());
    QCOMPARE(dict.entries().front().first, std::string("base.conv1.weight"));
    QCOMPARE(dict.entries().back().first, std::string("fc.bias"));
}

void TestLran::stateDictRoundTripAndSeeds() {
    Lran source = makeLran(LranVariant::Lran, 8, 3);
    {
        torch::NoGradGuard noGrad;
        source->attention->encoder[0]->as<ConvBnReluImpl>()->bn->running_mean.uniform_(-1, 1);
    }
    QTemporaryDir dir;
    const std::string path = dir.filePath("lran.pt").toStdString();
    QVERIFY(StateDict::of(*source).write(path));
    const auto read = StateDict::read(path);
    QVERIFY2(read, read.error().c_str());
    Lran target = makeLran(LranVariant::Lran, 9, 3);
    const auto loaded = read->loadInto(*target);
    QVERIFY2(loaded, loaded.error().c_str());
    torch::NoGradGuard noGrad;
    const torch::Tensor x = patches(1);
    QVERIFY(torch::equal(source->forward(x).logits, target->forward(x).logits));
    // The classes must fit, and RAN weights do not fit LRAN.
    Lran fourClasses = makeLran(LranVariant::Lran, 1, 4);
    const auto mismatch = read->loadInto(*fourClasses);
    QVERIFY(!mismatch);
    QVERIFY2(QString::fromStdString(mismatch.error()).contains(QLatin1String("fc.weight is [3, 512], expected [4, 512]")),
             mismatch.error().c_str());
    QVERIFY(!StateDict::of(*makeLran(LranVariant::Ran, 1, 3)).loadInto(*target));
    // Seeds: the same seed gives the same weights, another seed others.
    QVERIFY(torch::equal(makeLran(LranVariant::Lran, 8, 3)->attention->mask->weight,
                         makeLran(LranVariant::Lran, 8, 3)->attention->mask->weight));
    QVERIFY(!torch::equal(makeLran(LranVariant::Lran, 9, 3)->attention->mask->weight,
                          makeLran(LranVariant::Lran, 8, 3)->attention->mask->weight));
}

void TestLran::otherInputSizes() {
    Lran net = makeLran(LranVariant::Lran, 10);
    torch::NoGradGuard noGrad;
    const LranResult r = net->forward(torch::randn({1, 3, 224, 160}));
    QCOMPARE(shapeText(r.base), QStringLiteral("1,512,7,5"));
    QCOMPARE(shapeText(r.mask), QStringLiteral("1,512,7,5"));
    QCOMPARE(shapeText(r.gates[0]), QStringLiteral("1,1,4,3"));
    QVERIFY_EXCEPTION_THROWN(net->forward(torch::randn({1, 1, 64, 64})), c10::Error);
}

void TestLran::gradCamOnBaseLastBlock() {
    Lran net = makeLran(LranVariant::Lran, 11);
    LranResult r;
    {
        torch::NoGradGuard noGrad;
        r = net->forward(patches(2));
    }
    const auto cam = net->gradCam(r, GradCam::kPredictedClass);
    QVERIFY2(cam, cam.error().c_str());
    QCOMPARE(shapeText(cam->map), QStringLiteral("2,8,8"));
    QVERIFY(torch::equal(cam->classes, r.logits.argmax(1)));
    // y_k = w_k . mean(B * M + B) + b_k: d y_k / d B_ci = w_kc (M_ci + 1) / 64, and M sums to 1
    // per channel, so alpha_c = w_kc (1 + 64) / 64^2.
    torch::NoGradGuard noGrad;
    for (int64_t i = 0; i < 2; ++i) {
        const torch::Tensor w = net->fc->weight[cam->classes[i].item<int64_t>()];
        QVERIFY(maxAbsDiff(cam->weights[i], w * 65.0 / 4096.0) < 1e-7);
        const torch::Tensor expected = torch::relu((cam->weights[i].view({512, 1, 1}) * r.base[i]).sum(0));
        QVERIFY(maxAbsDiff(cam->map[i], expected) < 1e-6);
    }
    QVERIFY(net->gradCam(r, 3)->classes.eq(3).all().item<bool>());
    QVERIFY(!net->gradCam(r, 4));
    // forwardWithCam() gives the same maps in the result.
    const auto withCam = net->forwardWithCam(patches(2), GradCam::kPredictedClass);
    QVERIFY2(withCam, withCam.error().c_str());
    QVERIFY(maxAbsDiff(withCam->cam, cam->map) < 1e-6);
    QVERIFY(torch::equal(withCam->camClasses, cam->classes));
    QVERIFY(!net->forwardWithCam(patches(1), 9));
}

void TestLran::variantNames() {
    QVERIFY(LranConfig::parseVariant("lran") && *LranConfig::parseVariant("ran") == LranVariant::Ran);
    QCOMPARE(QString::fromStdString(LranConfig::parseVariant("unet").error()),
             QStringLiteral("Unknown network \"unet\": use lran or ran."));
    QCOMPARE(int(LranConfig::bachClassNames().size()), 4);
    qInfo("LRAN parameters: %lld; RAN: %lld", static_cast<long long>(slidesight::test::parameterCount(*makeLran(LranVariant::Lran, 1))),
          static_cast<long long>(slidesight::test::parameterCount(*makeLran(LranVariant::Ran, 1))));
}

QTEST_GUILESS_MAIN(TestLran)
#include "tst_lran.moc"
