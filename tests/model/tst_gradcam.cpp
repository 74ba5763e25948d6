// Grad-CAM (spec, "Grad-CAM"): on the attention classifier against finite differences of the
// logit with respect to G' and G in double precision and against PyTorch's autograd, the
// vanishing G' weights (the per-channel softmax is shift-invariant), masking, batching and
// class choice; on a patch CNN's last convolutional block (ResNet layer4) against the
// closed form.

#include "common/suite.h"

// moc reads only the test class and needs none of these (following the Torch headers
// would cost it about 4 s a file).
#ifndef Q_MOC_RUN
#include "model/attention/gradcam_torch.h"
#include "model/nets/statedict_torch.h"

#include "attentionfixture.h"
#include "modeltesthelpers.h"

#include <QtCore/QTemporaryDir>
#include <QtTest/QtTest>

#include <torch/torch.h>
#endif  // Q_MOC_RUN

using namespace slidesight::model;
using slidesight::test::maxAbsDiff;
using slidesight::test::shapeText;

namespace {

AttentionClassifier tinyDoubleClassifier(AttentionSets sets = AttentionSets::MaxMin) {
    AttentionClassifierConfig config;
    config.features = 3;
    config.hidden = 2;
    config.outputs = 2;
    config.sets = sets;
    torch::manual_seed(31);
    AttentionClassifier model(config);
    model->to(torch::kDouble);
    return model;
}

// d y_k / d x by central differences, x perturbed at the valid cells only.
torch::Tensor finiteDifferences(const std::function<torch::Tensor(const torch::Tensor&)>& logits, const torch::Tensor& x,
                                const torch::Tensor& valid, int64_t k) {
    torch::NoGradGuard noGrad;
    const double eps = 1e-6;
    torch::Tensor gradient = torch::zeros_like(x);
    for (int64_t c = 0; c < x.size(1); ++c)
        for (int64_t m = 0; m < x.size(2); ++m)
            for (int64_t n = 0; n < x.size(3); ++n) {
                if (!valid[0][m][n].item<bool>()) continue;
                torch::Tensor plus = x.clone(), minus = x.clone();
                plus[0][c][m][n] += eps;
                minus[0][c][m][n] -= eps;
                gradient[0][c][m][n] = (logits(plus)[0][k] - logits(minus)[0][k]) / (2 * eps);
            }
    return gradient;
}

// Grad-CAM from a gradient: alpha = mean over valid cells, map = ReLU(sum alpha A) on them;
// with `centred`, A minus each channel's mean over the valid cells, written out cell by cell.
torch::Tensor camFrom(const torch::Tensor& activation, const torch::Tensor& gradient, const torch::Tensor& valid,
                      bool centred = false) {
    const torch::Tensor v = valid.unsqueeze(1).to(torch::kDouble);
    const torch::Tensor alpha = (gradient * v).sum({2, 3}) / v.sum({2, 3});
    torch::Tensor a = activation.clone();
    if (centred)
        for (int64_t c = 0; c < a.size(1); ++c) {
            double sum = 0.0;
            int count = 0;
            for (int64_t m = 0; m < a.size(2); ++m)
                for (int64_t n = 0; n < a.size(3); ++n)
                    if (valid[0][m][n].item<bool>()) {
                        sum += activation[0][c][m][n].item<double>();
                        ++count;
                    }
            a[0][c] -= sum / count;
        }
    return torch::relu((alpha.unsqueeze(2).unsqueeze(3) * a).sum(1)) * v.squeeze(1);
}

}  // namespace

class TestGradCam : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void gPrimeAgainstFiniteDifferences_data();
    void gPrimeAgainstFiniteDifferences();
    void gridAgainstFiniteDifferences();
    void centredGridOnNonNegativeFeatures();
    void attendedCellsAgainstFiniteDifferences();
    void degenerateOnlyOnGPrime();
    void maskingBatchingAndClasses();
    void resnetLastBlock();
    void headErrors();
    void pythonCrossCheck();
};

void TestGradCam::gPrimeAgainstFiniteDifferences_data() {
    QTest::addColumn<QString>("sets");
    for (const char* s : {"max+min", "avg+max"}) QTest::newRow(s) << QString::fromLatin1(s);
}

void TestGradCam::gPrimeAgainstFiniteDifferences() {
    QFETCH(QString, sets);
    AttentionClassifier model = tinyDoubleClassifier(*AttentionClassifierConfig::parseSets(sets.toStdString()));
    torch::manual_seed(5);
    const torch::Tensor grid = torch::rand({1, 3, 3, 4}, torch::kDouble);
    torch::Tensor valid = torch::ones({1, 3, 4}, torch::kBool);
    valid[0][2][3] = false;
    for (int64_t k = 0; k < 2; ++k) {
        const auto cam = GradCam::compute(model, grid, valid, k, GradCamTarget::GPrime, false);
        QVERIFY2(cam, cam.error().c_str());
        QCOMPARE(shapeText(cam->map), QStringLiteral("1,3,4"));
        QCOMPARE(shapeText(cam->weights), QStringLiteral("1,2"));
        const torch::Tensor gPrime = model->gPrime(grid, valid).detach();
        const auto logits = [&](const torch::Tensor& gp) { return model->forwardFromGPrime(gp, grid, valid).logits; };
        const torch::Tensor expected = finiteDifferences(logits, gPrime, valid, k);
        QVERIFY2(maxAbsDiff(cam->gradient, expected) < 1e-8, qPrintable(QString::number(maxAbsDiff(cam->gradient, expected))));
        QVERIFY(expected.abs().max().item<double>() > 1e-3);  // a real gradient, not zeros
        // The weights are its means over the valid cells and vanish: adding a constant to a
        // channel of G' shifts its pooled values alike, which the softmax ignores.
        QVERIFY(cam->weights.abs().max().item<double>() < 1e-12);
        QVERIFY(cam->isDegenerate(0));  // and are reported so
        QVERIFY(cam->weightRatio[0].item<double>() < GradCam::kDegenerateRatio);
        QVERIFY(maxAbsDiff(cam->map, camFrom(gPrime, expected, valid)) < 1e-8);
        QCOMPARE(cam->classes[0].item<int64_t>(), k);
    }
}

void TestGradCam::gridAgainstFiniteDifferences() {
    AttentionClassifier model = tinyDoubleClassifier();
    torch::manual_seed(6);
    const torch::Tensor grid = torch::rand({1, 3, 3, 4}, torch::kDouble) - 0.3;
    torch::Tensor valid = torch::ones({1, 3, 4}, torch::kBool);
    valid[0][0][1] = false;
    const torch::Tensor masked = grid.masked_fill(valid.logical_not().unsqueeze(1), 0.0);
    const auto logits = [&](const torch::Tensor& g) { return model->forward(g, valid).logits; };
    const torch::Tensor expected = finiteDifferences(logits, masked, valid, 1);
    for (const bool centred : {false, true}) {
        const auto cam = GradCam::compute(model, grid, valid, 1, GradCamTarget::Grid, centred);
        QVERIFY2(cam, cam.error().c_str());
        QCOMPARE(cam->centred, centred);
        QVERIFY(maxAbsDiff(cam->gradient, expected) < 1e-8);
        QVERIFY(cam->weights.abs().max().item<double>() > 1e-4);  // the grid's weights do not vanish
        QVERIFY(!cam->isDegenerate(0));
        const torch::Tensor byHand = camFrom(masked, expected, valid, centred);
        QVERIFY(byHand.abs().max().item<double>() > 1e-6);
        QVERIFY2(maxAbsDiff(cam->map, byHand) < 1e-8, qPrintable(QString::number(maxAbsDiff(cam->map, byHand))));
        QCOMPARE(cam->map[0][0][1].item<double>(), 0.0);
    }
    // Centred is the default of the grid target, and the grid target the default.
    const auto byDefault = GradCam::compute(model, grid, valid, 1);
    QVERIFY(byDefault && byDefault->centred);
    QVERIFY(maxAbsDiff(byDefault->map, camFrom(masked, expected, valid, true)) < 1e-8);
}

void TestGradCam::centredGridOnNonNegativeFeatures() {
    // Features like ResNet's: non-negative, a large common level per channel, and a region of
    // cells (rows 1-2, columns 2-4) with one channel raised. A classifier whose logit 1 grows
    // with that channel: the raw sum is dominated by the common level (every cell about alike,
    // the region barely stands out), the centred sum is positive on the region and 0 elsewhere.
    AttentionClassifierConfig config;
    config.features = 3;
    config.hidden = 2;
    config.outputs = 2;
    AttentionClassifier model(config);
    model->to(torch::kDouble);
    {
        torch::NoGradGuard noGrad;
        for (auto& p : model->parameters()) p.zero_();
        model->conv->weight[0][0][1][1] = 1.0;   // G'_0 = G_0: attention max finds the region
        model->conv->weight[1][1][1][1] = 1.0;
        // logit 1 = sum of the pooled channel-0 features of both attention sets
        for (int64_t s = 0; s < 2; ++s)
            for (int64_t h = 0; h < 2; ++h) model->fc->weight[1][s * 2 * 3 + h * 3 + 0] = 1.0;
    }
    torch::Tensor grid = torch::full({1, 3, 5, 6}, 10.0, torch::kDouble);
    using torch::indexing::Slice;
    grid.index_put_({0, 0, Slice(1, 3), Slice(2, 5)}, 12.0);
    const auto raw = GradCam::compute(model, grid, {}, 1, GradCamTarget::Grid, false);
    const auto centred = GradCam::compute(model, grid, {}, 1, GradCamTarget::Grid, true);
    QVERIFY(raw && centred);
    torch::Tensor region = torch::zeros({5, 6}, torch::kBool);
    region.index_put_({Slice(1, 3), Slice(2, 5)}, true);
    const torch::Tensor r = raw->map[0], c = centred->map[0];
    // Raw: the background is lit almost as much as the region (10 against 12).
    QVERIFY(r.masked_select(region.logical_not()).min().item<double>() > 0.8 * r.max().item<double>());
    // Centred: only the region.
    QCOMPARE(c.masked_select(region.logical_not()).abs().max().item<double>(), 0.0);
    QVERIFY(c.masked_select(region).min().item<double>() > 0.0);
}

void TestGradCam::attendedCellsAgainstFiniteDifferences() {
    // Tissue-only: the attention over `attend` only, the 3DCL over every valid cell. Alpha is
    // the mean gradient over the attended cells, and the map covers them alone.
    for (const ConvPadding padding : {ConvPadding::Zeros, ConvPadding::Centre}) {
        AttentionClassifierConfig config;
        config.features = 3;
        config.hidden = 2;
        config.padding = padding;
        torch::manual_seed(8);
        AttentionClassifier model(config);
        model->to(torch::kDouble);
        torch::manual_seed(9);
        const torch::Tensor grid = torch::rand({1, 3, 4, 4}, torch::kDouble);
        const torch::Tensor valid = torch::ones({1, 4, 4}, torch::kBool);
        torch::Tensor attend = torch::zeros({1, 4, 4}, torch::kBool);
        attend.index_put_({0, torch::indexing::Slice(1, 3), torch::indexing::Slice(1, 4)}, true);
        const auto cam = GradCam::compute(model, grid, valid, 0, GradCamTarget::Grid, true, attend);
        QVERIFY2(cam, cam.error().c_str());
        const auto logits = [&](const torch::Tensor& g) { return model->forward(g, valid, attend).logits; };
        const torch::Tensor all = finiteDifferences(logits, grid, valid, 0);
        // Background cells reach the logit through the 3DCL: their gradient is not zero.
        QVERIFY(all.masked_select(attend.logical_not().unsqueeze(1).expand_as(all)).abs().max().item<double>() > 1e-6);
        const torch::Tensor onAttended = all * attend.unsqueeze(1).to(torch::kDouble);
        QVERIFY(maxAbsDiff(cam->gradient, onAttended) < 1e-8);
        QVERIFY(maxAbsDiff(cam->map, camFrom(grid, all, attend, true)) < 1e-8);
        // The forward pass differs from attending to every cell, and from a grid whose
        // background was zeroed (the background is a real neighbour for the 3DCL).
        torch::NoGradGuard noGrad;
        const torch::Tensor attended = model->forward(grid, valid, attend).logits;
        QVERIFY(maxAbsDiff(attended, model->forward(grid, valid).logits) > 1e-6);
        QVERIFY(maxAbsDiff(attended, model->forward(grid, attend).logits) > 1e-6);
    }
}

void TestGradCam::degenerateOnlyOnGPrime() {
    // In float32, as the application runs: G' is at rounding level, G far from it.
    AttentionClassifierConfig config;
    config.features = 16;
    config.hidden = 4;
    torch::manual_seed(10);
    AttentionClassifier model(config);
    const torch::Tensor grid = torch::rand({1, 16, 6, 7});
    const auto onGPrime = GradCam::compute(model, grid, {}, 1, GradCamTarget::GPrime);
    const auto onGrid = GradCam::compute(model, grid, {}, 1, GradCamTarget::Grid);
    QVERIFY(onGPrime && onGrid);
    QVERIFY(onGPrime->isDegenerate(0));
    QVERIFY(!onGrid->isDegenerate(0));
    QVERIFY(onGrid->weightRatio[0].item<double>() > 100 * GradCam::kDegenerateRatio);
}

void TestGradCam::maskingBatchingAndClasses() {
    AttentionClassifier model = tinyDoubleClassifier();
    torch::manual_seed(7);
    const torch::Tensor a = torch::rand({1, 3, 2, 3}, torch::kDouble);
    torch::Tensor batch = torch::full({2, 3, 4, 5}, 1e9, torch::kDouble);
    batch[1] = torch::rand({3, 4, 5}, torch::kDouble);
    using torch::indexing::Slice;
    batch.index_put_({0, Slice(), Slice(1, 3), Slice(2, 5)}, a[0]);
    torch::Tensor mask = torch::zeros({2, 4, 5}, torch::kBool);
    mask[1].fill_(true);
    mask.index_put_({0, Slice(1, 3), Slice(2, 5)}, true);
    for (const auto target : {GradCamTarget::GPrime, GradCamTarget::Grid}) {
        const auto alone = GradCam::compute(model, a, {}, GradCam::kPredictedClass, target);
        const auto batched = GradCam::compute(model, batch, mask, GradCam::kPredictedClass, target);
        QVERIFY(alone && batched);
        // The predicted class, per grid.
        QCOMPARE(alone->classes[0].item<int64_t>(), alone->logits.argmax(1)[0].item<int64_t>());
        QVERIFY(torch::equal(batched->classes, batched->logits.argmax(1)));
        QCOMPARE(batched->classes[0].item<int64_t>(), alone->classes[0].item<int64_t>());
        QVERIFY(maxAbsDiff(batched->map[0].index({Slice(1, 3), Slice(2, 5)}), alone->map[0]) < 1e-9);
        QCOMPARE(batched->map[0].masked_select(mask[0].logical_not()).abs().sum().item<double>(), 0.0);
        QVERIFY(maxAbsDiff(batched->weights[0], alone->weights[0]) < 1e-9);
    }
    const auto outOfRange = GradCam::compute(model, a, {}, 2);
    QVERIFY(!outOfRange);
    QCOMPARE(QString::fromStdString(outOfRange.error()),
             QStringLiteral("Grad-CAM class 2 is out of range (the model has 2 outputs)."));
    QVERIFY(!GradCam::compute(model, torch::rand({1, 5, 2, 2}, torch::kDouble), {}, 0));  // K mismatch
    QVERIFY(GradCam::parseTarget("grid") && !GradCam::parseTarget("g"));
    // Gradients stay on for Grad-CAM even in a no-grad scope, and parameters get none.
    torch::NoGradGuard noGrad;
    QVERIFY(GradCam::compute(model, a, {}, 0, GradCamTarget::Grid));
    for (const auto& p : model->parameters()) QVERIFY(!p.grad().defined());
}

void TestGradCam::resnetLastBlock() {
    ResNet net(ResNetConfig::resnet18(3));
    net->initialiseRandom(4);
    net->eval();
    torch::manual_seed(8);
    const torch::Tensor images = torch::randn({2, 3, 96, 64});
    const auto cam = GradCam::compute(net, images, GradCam::kPredictedClass);
    QVERIFY2(cam, cam.error().c_str());
    QCOMPARE(shapeText(cam->map), QStringLiteral("2,3,2"));  // layer4: H/32 x W/32
    torch::NoGradGuard noGrad;
    const torch::Tensor features = net->featureMap(images);
    QVERIFY(maxAbsDiff(cam->logits, net->logits(images)) < 1e-5);
    QVERIFY(torch::equal(cam->classes, cam->logits.argmax(1)));
    // y_k = w_k . mean(A) + b_k: d y_k / d A_c = w_kc / (h w) at every position, so alpha_c is
    // that and the map is ReLU(sum_c w_kc A_c) / (h w).
    for (int64_t i = 0; i < 2; ++i) {
        const torch::Tensor w = net->fc->weight[cam->classes[i].item<int64_t>()];
        QVERIFY(maxAbsDiff(cam->weights[i], w / 6.0) < 1e-7);
        const torch::Tensor expected = torch::relu((w.view({512, 1, 1}) * features[i]).sum(0)) / 6.0;
        QVERIFY(maxAbsDiff(cam->map[i], expected) < 1e-5);
    }
    const auto classTwo = GradCam::compute(net, images, 2);
    QVERIFY(classTwo && classTwo->classes.eq(2).all().item<bool>());
    ResNet trunk(ResNetConfig::resnet18());
    QVERIFY(!GradCam::compute(trunk, images, 0));
}

void TestGradCam::headErrors() {
    const torch::Tensor activation = torch::rand({2, 4, 3, 3});
    const auto wrong = GradCam::compute(activation, [](const torch::Tensor& a) { return a.sum({2, 3}).sum(1); }, 0);
    QVERIFY(!wrong);
    QVERIFY(QString::fromStdString(wrong.error()).startsWith(QLatin1String("Grad-CAM failed: ")));
    QVERIFY(!QString::fromStdString(wrong.error()).contains(QLatin1Char('\n')));
    QVERIFY(!GradCam::compute(activation, [](const torch::Tensor& a) { return a.mean({2, 3}); }, -2));
}

void TestGradCam::pythonCrossCheck() {
    const QString python = slidesight::test::pythonWithTorch();
    if (python.isEmpty()) QSKIP("No Python with torch: the cross-check against PyTorch is skipped.");
    QTemporaryDir dir;
    slidesight::test::AttentionFixture fixture = slidesight::test::loadAttentionFixture(python, dir);
    QVERIFY2(fixture.error.isEmpty(), qPrintable(fixture.error));
    AttentionClassifier& model = fixture.model;
    const StateDict* io = &fixture.io;
    const auto onGPrime = GradCam::compute(model, io->find("grid"), io->find("mask"), 2, GradCamTarget::GPrime, false);
    const auto onGrid = GradCam::compute(model, io->find("grid"), io->find("mask"), 2, GradCamTarget::Grid, false);
    QVERIFY(onGPrime && onGrid);
    QVERIFY(maxAbsDiff(onGPrime->gradient, io->find("gradient_gprime")) < 1e-6);
    QVERIFY(io->find("alpha_gprime").abs().max().item<double>() < 1e-15);  // PyTorch finds them zero too
    QVERIFY(onGPrime->weights.abs().max().item<double>() < 1e-7);
    QVERIFY(maxAbsDiff(onGrid->weights, io->find("alpha_grid")) < 1e-6);
    QVERIFY(maxAbsDiff(onGrid->map, io->find("gradcam_grid")) < 1e-5);
    QVERIFY(io->find("gradcam_grid").sum().item<double>() > 0.1);
}

SLIDESIGHT_GUILESS_TEST_SUITE(TestGradCam)
#include "tst_gradcam.moc"
