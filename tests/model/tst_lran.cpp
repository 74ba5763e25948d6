// LRAN and RAN (paper 002, spec "LRAN"): shapes for 256 x 256 patches, the global mask's
// per-channel softmax, the H = B * M + B identity, gates in (0, 1), RAN = LRAN without gates,
// state-dict keys and round trip, seeded initialisation, the class activation map on H (the
// default, where the attention mask shows) and Grad-CAM on the base's layer4 with the mask
// detached (the option), and the parameter counts of the torchvision and paper widths.

#include "common/suite.h"

// moc reads only the test class and needs none of these (following the Torch headers
// would cost it about 4 s a file).
#ifndef Q_MOC_RUN
#include "model/lran/lran_torch.h"
#include "model/nets/statedict_torch.h"

#include "modeltesthelpers.h"

#include <QtCore/QTemporaryDir>
#include <QtTest/QtTest>

#include <torch/torch.h>

#include <cmath>
#include <utility>
#endif  // Q_MOC_RUN

using namespace slidesight::model;
using slidesight::test::maxAbsDiff;
using slidesight::test::shapeText;

namespace {

Lran makeLran(LranVariant variant, uint64_t seed, int64_t classes = 4, LranWidths widths = LranWidths::Torchvision) {
    LranConfig config;
    config.setWidths(widths);
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

/// Each (key, shape) of `samples` is in `dict` with that shape.
void checkShapes(const StateDict& dict, const QList<QPair<QString, QString>>& samples) {
    for (const auto& [key, shape] : samples) {
        const torch::Tensor t = dict.find(key.toStdString());
        QVERIFY2(t.defined(), qPrintable(key));
        QCOMPARE(shapeText(t), shape);
    }
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
    void camOnFeaturesIsClassWeightsOnH();
    void attentionMaskShowsInTheDefaultCamOnly();
    void paperWidths();
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
    checkShapes(dict, samples);
    if (QTest::currentTestFailed()) return;
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
    const auto cam = net->gradCam(r, GradCam::kPredictedClass, LranCamTarget::Base);
    QVERIFY2(cam, cam.error().c_str());
    QCOMPARE(shapeText(cam->map), QStringLiteral("2,8,8"));
    QVERIFY(torch::equal(cam->classes, r.logits.argmax(1)));
    // The option is the earlier behaviour: Grad-CAM on B with the head fc(mean(B * M + B)) and
    // M a constant.
    const torch::Tensor mask = r.mask.detach();
    const auto before = GradCam::compute(
        r.base, [&](const torch::Tensor& b) { return net->head(b, mask); }, GradCam::kPredictedClass);
    QVERIFY2(before, before.error().c_str());
    QVERIFY(torch::equal(cam->map, before->map) && torch::equal(cam->weights, before->weights));
    // y_k = w_k . mean(B * M + B) + b_k: d y_k / d B_ci = w_kc (M_ci + 1) / 64, and M sums to 1
    // per channel, so alpha_c = w_kc (1 + 64) / 64^2.
    torch::NoGradGuard noGrad;
    for (int64_t i = 0; i < 2; ++i) {
        const torch::Tensor w = net->fc->weight[cam->classes[i].item<int64_t>()];
        QVERIFY(maxAbsDiff(cam->weights[i], w * 65.0 / 4096.0) < 1e-7);
        const torch::Tensor expected = torch::relu((cam->weights[i].view({512, 1, 1}) * r.base[i]).sum(0));
        QVERIFY(maxAbsDiff(cam->map[i], expected) < 1e-6);
    }
    QVERIFY(net->gradCam(r, 3, LranCamTarget::Base)->classes.eq(3).all().item<bool>());
    QVERIFY(!net->gradCam(r, 4, LranCamTarget::Base));
    // forwardWithCam() gives the same maps in the result.
    const auto withCam = net->forwardWithCam(patches(2), GradCam::kPredictedClass, LranCamTarget::Base);
    QVERIFY2(withCam, withCam.error().c_str());
    QVERIFY(withCam->camTarget == LranCamTarget::Base);
    QVERIFY(maxAbsDiff(withCam->cam, cam->map) < 1e-6);
    QVERIFY(torch::equal(withCam->camClasses, cam->classes));
    QVERIFY(!net->forwardWithCam(patches(1), 9, LranCamTarget::Base));
}

void TestLran::camOnFeaturesIsClassWeightsOnH() {
    // y_k = w_k . mean_i(H_i) + b_k, so d y_k / d H_ci = w_kc / (h*w): the default map is
    // ReLU(w_k . H_i) / (h*w), the final layer's class weights on H at each position.
    for (const LranWidths widths : {LranWidths::Torchvision, LranWidths::Paper}) {
        Lran net = makeLran(LranVariant::Lran, 12, 4, widths);
        const int64_t channels = net->base->featureCount();
        LranResult r;
        {
            torch::NoGradGuard noGrad;
            r = net->forward(patches(3));
        }
        const auto cam = net->gradCam(r, GradCam::kPredictedClass);
        QVERIFY2(cam, cam.error().c_str());
        QCOMPARE(shapeText(cam->map), QStringLiteral("3,8,8"));
        QVERIFY(torch::equal(cam->classes, r.logits.argmax(1)));
        QVERIFY(maxAbsDiff(cam->logits, r.logits) < 1e-6);
        torch::NoGradGuard noGrad;
        for (int64_t i = 0; i < 3; ++i) {
            const torch::Tensor w = net->fc->weight[cam->classes[i].item<int64_t>()].to(torch::kDouble);
            QVERIFY(maxAbsDiff(cam->weights[i], w / 64.0) < 1e-9);
            const torch::Tensor h = r.features[i].to(torch::kDouble);
            const torch::Tensor classMap = (w.view({channels, 1, 1}) * h).sum(0);  // w_k . H_i
            QVERIFY(classMap.max().item<double>() > 0.0);
            QVERIFY(maxAbsDiff(cam->map[i], torch::relu(classMap) / 64.0) < 1e-7);
        }
        // forwardWithCam() takes H by default, for any class.
        const auto withCam = net->forwardWithCam(patches(3), 2);
        QVERIFY2(withCam, withCam.error().c_str());
        QVERIFY(withCam->camTarget == LranCamTarget::Features);
        QVERIFY(withCam->camClasses.eq(2).all().item<bool>());
        QVERIFY(maxAbsDiff(withCam->cam, net->gradCam(r, 2)->map) < 1e-6);
    }
}

void TestLran::attentionMaskShowsInTheDefaultCamOnly() {
    Lran net = makeLran(LranVariant::Lran, 13);
    const torch::Tensor x = patches(2);
    const auto camsOf = [&](int64_t k) {
        const auto onH = net->forwardWithCam(x, k);
        const auto onB = net->forwardWithCam(x, k, LranCamTarget::Base);
        if (!onH || !onB) qFatal("forwardWithCam() failed");
        return std::make_pair(*onH, *onB);
    };
    // A class whose maps are not all 0 after the ReLU (the weights are random).
    int64_t k = 0;
    while (k < 3 && !(camsOf(k).first.cam.max().item<float>() > 0.0f && camsOf(k).second.cam.max().item<float>() > 0.0f)) ++k;
    const auto [h1, b1] = camsOf(k);
    {
        // Another attention mask: new mask-layer weights (a bias would shift every position of
        // a channel alike, which eq. 2's softmax ignores); B is untouched.
        torch::NoGradGuard noGrad;
        torch::manual_seed(5);
        net->attention->mask->weight.normal_(0.0, 0.5);
    }
    const auto [h2, b2] = camsOf(k);
    QVERIFY(torch::equal(h1.base, h2.base));
    QVERIFY(maxAbsDiff(h1.mask, h2.mask) > 1e-3);
    const double scaleH = h1.cam.abs().max().item<double>(), scaleB = b1.cam.abs().max().item<double>();
    QVERIFY(scaleH > 0.0 && scaleB > 0.0);
    // The default CAM follows the mask; the CAM on B (mask detached) does not move beyond rounding.
    QVERIFY2(maxAbsDiff(h1.cam, h2.cam) > 1e-2 * scaleH, qPrintable(QString::number(maxAbsDiff(h1.cam, h2.cam) / scaleH)));
    QVERIFY2(maxAbsDiff(b1.cam, b2.cam) < 1e-5 * scaleB, qPrintable(QString::number(maxAbsDiff(b1.cam, b2.cam) / scaleB)));
}

void TestLran::paperWidths() {
    const LranConfig paper = LranConfig::paperSized();
    QCOMPARE(paper.baseWidth, int64_t(32));
    QCOMPARE(QString::fromStdString(paper.widthsName()), QStringLiteral("paper"));
    QCOMPARE(QString::fromStdString(LranConfig().widthsName()), QStringLiteral("torchvision"));
    LranConfig custom;
    custom.baseWidth = 16;
    QCOMPARE(QString::fromStdString(custom.widthsName()), QStringLiteral("custom"));
    Lran net = makeLran(LranVariant::Lran, 14, 4, LranWidths::Paper);
    QCOMPARE(net->config().branch.maskChannels, int64_t(256));
    {
        torch::NoGradGuard noGrad;
        const LranResult r = net->forward(patches(2));
        QCOMPARE(shapeText(r.logits), QStringLiteral("2,4"));
        QCOMPARE(shapeText(r.base), QStringLiteral("2,256,8,8"));
        QCOMPARE(shapeText(r.mask), QStringLiteral("2,256,8,8"));
        QCOMPARE(shapeText(r.gates[0]), QStringLiteral("2,1,4,4"));
        QVERIFY(maxAbsDiff(r.mask.sum({2, 3}), torch::ones({2, 256})) < 1e-5);
    }
    checkShapes(StateDict::of(*net), {
        {"base.conv1.weight", "32,3,7,7"},
        {"base.layer2.0.downsample.0.weight", "64,32,1,1"},
        {"base.layer4.1.bn2.weight", "256"},
        {"attention.encoder.0.conv.weight", "12,3,3,3"},
        {"attention.gates.0.wx.weight", "96,192,1,1"},
        {"attention.decoder.0.conv.weight", "192,384,3,3"},
        {"attention.mask.weight", "256,192,1,1"},
        {"fc.weight", "4,256"},
    });
    if (QTest::currentTestFailed()) return;
    // Torchvision-width weights do not fit the paper's widths; the widths are read off the weights.
    const StateDict torchvision = StateDict::of(*makeLran(LranVariant::Lran, 1));
    QVERIFY(!torchvision.loadInto(*net));
    QVERIFY(LranConfig::widthsOf(torchvision) == LranWidths::Torchvision);
    QVERIFY(LranConfig::widthsOf(StateDict::of(*makeLran(LranVariant::Ran, 1, 3, LranWidths::Paper))) == LranWidths::Paper);
    QVERIFY(LranConfig::widthsOf(StateDict()) == LranWidths::Torchvision);
}

void TestLran::variantNames() {
    QVERIFY(LranConfig::parseVariant("lran") && *LranConfig::parseVariant("ran") == LranVariant::Ran);
    QCOMPARE(QString::fromStdString(LranConfig::parseVariant("unet").error()),
             QStringLiteral("Unknown network \"unet\": use lran or ran."));
    QVERIFY(*LranConfig::parseCamTarget("h") == LranCamTarget::Features);
    QVERIFY(*LranConfig::parseCamTarget("b") == LranCamTarget::Base);
    QCOMPARE(QString::fromStdString(LranConfig::parseCamTarget("layer4").error()),
             QStringLiteral("Unknown CAM target \"layer4\": use h or b."));
    QVERIFY(*LranConfig::parseWidths("torchvision") == LranWidths::Torchvision);
    QVERIFY(*LranConfig::parseWidths("paper") == LranWidths::Paper);
    QCOMPARE(QString::fromStdString(LranConfig::parseWidths("half").error()),
             QStringLiteral("Unknown widths \"half\": use torchvision or paper."));
    QCOMPARE(int(LranConfig::bachClassNames().size()), 4);

    // The sizes documented in model/lran.h (4 classes).
    using slidesight::test::parameterCount;
    QCOMPARE(parameterCount(*makeLran(LranVariant::Lran, 1)), int64_t(15375830));
    QCOMPARE(parameterCount(*makeLran(LranVariant::Ran, 1)), int64_t(15244244));
    QCOMPARE(parameterCount(*makeLran(LranVariant::Lran, 1)->base), int64_t(11176512));
    const int64_t paper = parameterCount(*makeLran(LranVariant::Lran, 1, 4, LranWidths::Paper));
    QCOMPARE(paper, int64_t(5137010));
    QCOMPARE(parameterCount(*makeLran(LranVariant::Ran, 1, 4, LranWidths::Paper)), int64_t(5062896));
    // Within 15 % of the paper's Table 1 (5,777,444 for R-LRAN).
    QVERIFY(std::abs(double(paper) / 5777444.0 - 1.0) < 0.15);
}

SLIDESIGHT_GUILESS_TEST_SUITE(TestLran)
#include "tst_lran.moc"
