// The attention-based classifier (paper 000, section II.B) against the spec: parameter counts,
// state-dict layout and round trip, attention maps that sum to 1 over the valid cells, padding
// independence (for both 3DCL paddings), eqs. (1)-(2) by hand on a 2 x 3 grid, min-pooling
// with masked cells, and (when Python has torch) the same logits as an independent Python
// implementation. The 3DCL's paddings by themselves: tst_convpadding.

#include "common/suite.h"

// moc reads only the test class and needs none of these (following the Torch headers
// would cost it about 4 s a file).
#ifndef Q_MOC_RUN
#include "model/attention/attentionclassifier_torch.h"
#include "model/nets/statedict_torch.h"

#include "attentionfixture.h"
#include "modeltesthelpers.h"

#include <QtCore/QTemporaryDir>
#include <QtTest/QtTest>

#include <torch/torch.h>

#include <cmath>
#endif  // Q_MOC_RUN

using namespace slidesight::model;
using slidesight::test::maxAbsDiff;
using slidesight::test::shapeText;
using Pool = AttentionClassifierConfig::Pool;

namespace {

using slidesight::test::makeClassifier;

AttentionClassifierConfig tinyConfig(AttentionSets sets = AttentionSets::MaxMin) {
    AttentionClassifierConfig config;
    config.features = 8;
    config.hidden = 3;
    config.outputs = 2;
    config.sets = sets;
    return config;
}

// A 2 x 3 grid, K = 2: G_0 = [[1, 2, 0], [0, 1, 3]], G_1 = [[0, -1, 1], [2, 0, -3]].
torch::Tensor handGrid() {
    return torch::tensor({1., 2., 0., 0., 1., 3., 0., -1., 1., 2., 0., -3.}, torch::kDouble).view({1, 2, 2, 3});
}

// K = 2, H = 1, n = 1, C = 2: G' = G_0 - G_1 + 0.5 = [[1.5, 3.5, -0.5], [-1.5, 1.5, 6.5]];
// fc rows [1, 10, 100, 1000] + 0.25 and [-2, 0.5, 0, 3] - 1 over (v_max0, v_max1, v_min0, v_min1).
AttentionClassifier handClassifier() {
    AttentionClassifierConfig config;
    config.features = 2;
    config.hidden = 1;
    config.kernel = 1;
    config.outputs = 2;
    AttentionClassifier model(config);
    model->to(torch::kDouble);
    torch::NoGradGuard noGrad;
    model->conv->weight.copy_(torch::tensor({1., -1.}, torch::kDouble).view({1, 2, 1, 1}));
    model->conv->bias.fill_(0.5);
    model->fc->weight.copy_(torch::tensor({1., 10., 100., 1000., -2., 0.5, 0., 3.}, torch::kDouble).view({2, 4}));
    model->fc->bias.copy_(torch::tensor({0.25, -1.}, torch::kDouble));
    return model;
}

}  // namespace

class TestAttentionClassifier : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void parameterCount_data();
    void parameterCount();
    void stateDictLayoutAndRoundTrip();
    void wrongShapesAreNamed();
    void attentionSumsToOne_data();
    void attentionSumsToOne();
    void paddingIndependence();
    void handComputedEquations();
    void handComputedWithMaskedCell();
    void minPoolSemantics();
    void namesAndParsing();
    void pythonCrossCheck();
};

void TestAttentionClassifier::parameterCount_data() {
    QTest::addColumn<QString>("sets");
    QTest::addColumn<qint64>("parameters");
    // 3DCL: 512*64*9 + 64 = 294,976; fc: C * (sets*H*K) + C with H*K = 32,768.
    QTest::newRow("max+min") << "max+min" << qint64(294976 + 131074);  // the spec's 426,050
    QTest::newRow("max") << "max" << qint64(294976 + 65538);
    QTest::newRow("min") << "min" << qint64(294976 + 65538);
    QTest::newRow("avg") << "avg" << qint64(294976 + 65538);
    QTest::newRow("avg+max") << "avg+max" << qint64(294976 + 131074);
}

void TestAttentionClassifier::parameterCount() {
    QFETCH(QString, sets);
    QFETCH(qint64, parameters);
    AttentionClassifierConfig config;  // K = 512, H = 64, n = 3, C = 2
    config.sets = *AttentionClassifierConfig::parseSets(sets.toStdString());
    AttentionClassifier model(config);
    QCOMPARE(slidesight::test::parameterCount(*model), parameters);
    if (sets == QLatin1String("max+min")) QCOMPARE(parameters, qint64(426050));
}

void TestAttentionClassifier::stateDictLayoutAndRoundTrip() {
    AttentionClassifier source = makeClassifier({}, 11);
    const StateDict dict = StateDict::of(*source);
    const QStringList keys{"conv.weight", "conv.bias", "fc.weight", "fc.bias"};
    const QStringList shapes{"64,512,3,3", "64", "2,65536", "2"};
    QCOMPARE(int(dict.size()), keys.size());
    for (int i = 0; i < keys.size(); ++i) {
        QCOMPARE(QString::fromStdString(dict.entries()[size_t(i)].first), keys[i]);
        QCOMPARE(shapeText(dict.entries()[size_t(i)].second), shapes[i]);
    }

    QTemporaryDir dir;
    const std::string path = dir.filePath("ac.pt").toStdString();
    const auto written = dict.write(path);
    QVERIFY2(written, written.error().c_str());
    const auto read = StateDict::read(path);
    QVERIFY2(read, read.error().c_str());
    AttentionClassifier target = makeClassifier({}, 12);
    const auto loaded = read->loadInto(*target);
    QVERIFY2(loaded, loaded.error().c_str());
    torch::NoGradGuard noGrad;
    const torch::Tensor grid = torch::rand({2, 512, 4, 5});
    QVERIFY(torch::equal(source->forward(grid).logits, target->forward(grid).logits));
}

void TestAttentionClassifier::wrongShapesAreNamed() {
    AttentionClassifierConfig small;
    small.hidden = 32;
    const StateDict dict = StateDict::of(*makeClassifier(small, 1));
    AttentionClassifier model = makeClassifier({}, 1);
    const auto loaded = dict.loadInto(*model);
    QVERIFY(!loaded);
    const QString message = QString::fromStdString(loaded.error());
    QVERIFY2(message.contains(QLatin1String("conv.weight is [32, 512, 3, 3], expected [64, 512, 3, 3]")),
             qPrintable(message));
    QVERIFY2(message.contains(QLatin1String("fc.weight is [2, 32768], expected [2, 65536]")), qPrintable(message));
}

void TestAttentionClassifier::attentionSumsToOne_data() {
    QTest::addColumn<QString>("sets");
    for (const char* s : {"max+min", "max", "min", "avg", "avg+max"}) QTest::newRow(s) << QString::fromLatin1(s);
}

void TestAttentionClassifier::attentionSumsToOne() {
    QFETCH(QString, sets);
    AttentionClassifier model = makeClassifier(tinyConfig(*AttentionClassifierConfig::parseSets(sets.toStdString())), 5);
    torch::NoGradGuard noGrad;
    const torch::Tensor grid = torch::rand({2, 8, 4, 6});
    torch::Tensor mask = torch::rand({2, 4, 6}) > 0.3;
    mask.index_put_({torch::indexing::Slice(), 0, 0}, true);
    const AttentionResult r = model->forward(grid, mask);
    QCOMPARE(shapeText(r.logits), QStringLiteral("2,2"));
    int checked = 0;
    for (const torch::Tensor& a : {r.attentionMax, r.attentionMin, r.attentionAvg}) {
        if (!a.defined()) continue;
        ++checked;
        QCOMPARE(shapeText(a), QStringLiteral("2,3,4,6"));
        QVERIFY(maxAbsDiff(a.sum({2, 3}), torch::ones({2, 3})) < 1e-6);
        QCOMPARE(a.masked_select(mask.logical_not().unsqueeze(1).expand_as(a)).abs().max().item<float>(), 0.0f);
        QVERIFY(a.masked_select(mask.unsqueeze(1).expand_as(a)).min().item<float>() > 0.0f);
    }
    QCOMPARE(checked, sets.contains(QLatin1Char('+')) ? 2 : 1);
    QCOMPARE(r.attentionMax.defined(), sets.contains(QLatin1String("max")));
    QCOMPARE(r.attentionMin.defined(), sets.contains(QLatin1String("min")));
    QCOMPARE(r.attentionAvg.defined(), sets.contains(QLatin1String("avg")));
}

void TestAttentionClassifier::paddingIndependence() {
    for (const auto sets : {AttentionSets::MaxMin, AttentionSets::AvgMax, AttentionSets::Max})
    for (const auto convPadding : {ConvPadding::Zeros, ConvPadding::Centre}) {
        AttentionClassifierConfig config = tinyConfig(sets);
        config.padding = convPadding;
        AttentionClassifier model = makeClassifier(config, 21);
        torch::NoGradGuard noGrad;
        const torch::Tensor a = torch::rand({1, 8, 3, 4});
        const AttentionResult alone = model->forward(a);
        // The same grid at two places of a 6 x 7 canvas whose padding holds garbage, batched
        // with another grid that fills the canvas.
        const std::vector<std::pair<int64_t, int64_t>> placements{{0, 0}, {2, 3}};
        for (const auto& [row, column] : placements) {
            torch::Tensor batch = torch::full({2, 8, 6, 7}, std::nanf(""));
            batch[1] = torch::rand({8, 6, 7});
            torch::Tensor mask = torch::zeros({2, 6, 7}, torch::kBool);
            mask[1].fill_(true);
            using torch::indexing::Slice;
            batch.index_put_({0, Slice(), Slice(row, row + 3), Slice(column, column + 4)}, a[0]);
            mask.index_put_({0, Slice(row, row + 3), Slice(column, column + 4)}, true);
            batch.index_put_({0, Slice(), 5, 6}, 1e30);
            const AttentionResult batched = model->forward(batch, mask);
            QVERIFY(maxAbsDiff(batched.logits[0], alone.logits[0]) < 1e-5);
            QVERIFY(!torch::isnan(batched.logits).any().item<bool>());
            const std::vector<std::pair<torch::Tensor, torch::Tensor>> maps{
                {alone.attentionMax, batched.attentionMax},
                {alone.attentionMin, batched.attentionMin},
                {alone.attentionAvg, batched.attentionAvg}};
            for (const auto& [one, many] : maps) {
                if (!one.defined()) continue;
                const auto crop = many[0].index({Slice(), Slice(row, row + 3), Slice(column, column + 4)});
                QVERIFY(maxAbsDiff(crop, one[0]) < 1e-5);
                QVERIFY(std::abs(crop.sum().item<double>() - many[0].sum().item<double>()) < 1e-6);
            }
        }
    }
}

void TestAttentionClassifier::handComputedEquations() {
    AttentionClassifier model = handClassifier();
    torch::NoGradGuard noGrad;
    const AttentionResult r = model->forward(handGrid());
    // G' = [[1.5, 3.5, -0.5], [-1.5, 1.5, 6.5]]. 3x3 windows on two rows cover both rows and
    // columns j-1..j+1: Mp = [[3.5, 6.5, 6.5]] x 2 rows, mp = [[-1.5, -1.5, -0.5]] x 2 rows.
    // Eq. 1: A_max = e^Mp / (2e^3.5 + 4e^6.5): a = 0.0121444488, b = 0.2439277756;
    //        A_min = e^mp / (4e^-1.5 + 2e^-0.5): c = 0.1059707788, d = 0.2880584424.
    const double a = 0.012144448839631602, b = 0.2439277755801842;
    const double c = 0.10597077880854272, d = 0.28805844238291456;
    QVERIFY(maxAbsDiff(r.attentionMax, torch::tensor({a, b, b, a, b, b}, torch::kDouble).view({1, 1, 2, 3})) < 1e-12);
    QVERIFY(maxAbsDiff(r.attentionMin, torch::tensor({c, c, d, c, c, d}, torch::kDouble).view({1, 1, 2, 3})) < 1e-12);
    // Eq. 2: v_max = (a*1 + 2b + 0 + 0 + b + 3b, 0 - b + b + 2a + 0 - 3b) = (1.4757111023, -0.7074944291),
    //        v_min = (c + 2c + 0 + 0 + c + 3d, 0 - c + d + 2c + 0 - 3d) = (1.2880584424, -0.4701461060);
    // ReLU zeroes the negative ones. Logits: 1.4757111023 + 100 * 1.2880584424 + 0.25 and
    // -2 * 1.4757111023 - 1.
    const torch::Tensor expected = torch::tensor({130.5315553406122, -3.9514222046414735}, torch::kDouble).view({1, 2});
    QVERIFY2(maxAbsDiff(r.logits, expected) < 1e-9, qPrintable(QString::number(r.logits[0][0].item<double>(), 'g', 17)));
    QVERIFY(maxAbsDiff(r.gPrime, torch::tensor({1.5, 3.5, -0.5, -1.5, 1.5, 6.5}, torch::kDouble).view({1, 1, 2, 3})) < 1e-12);
}

void TestAttentionClassifier::handComputedWithMaskedCell() {
    AttentionClassifier model = handClassifier();
    torch::NoGradGuard noGrad;
    torch::Tensor mask = torch::ones({1, 2, 3}, torch::kBool);
    mask[0][1][2] = false;  // the cell holding G' = 6.5, the maximum
    const AttentionResult r = model->forward(handGrid(), mask);
    // Without that cell every valid window's maximum is 3.5: A_max = 1/5 on the valid cells.
    // mp = [[-1.5, -1.5, -0.5], [-1.5, -1.5, *]]: c = e^-1.5 / (4e^-1.5 + e^-0.5), d = e^-0.5 / (...).
    const double c = 0.14884758120207758, d = 0.40460967519168967;
    QVERIFY(maxAbsDiff(r.attentionMax, torch::tensor({.2, .2, .2, .2, .2, 0.}, torch::kDouble).view({1, 1, 2, 3})) < 1e-12);
    QVERIFY(maxAbsDiff(r.attentionMin, torch::tensor({c, c, d, c, c, 0.}, torch::kDouble).view({1, 1, 2, 3})) < 1e-12);
    // v_max = (0.8, 0.4), v_min = (4c, c + d) = (0.5953903248, 0.5534572564): all positive.
    const torch::Tensor expected = torch::tensor({618.0462888745983, -0.7396282308186986}, torch::kDouble).view({1, 2});
    QVERIFY(maxAbsDiff(r.logits, expected) < 1e-9);
}

void TestAttentionClassifier::minPoolSemantics() {
    // One channel, 3 x 3; the centre is invalid and holds the lowest and the highest values.
    const torch::Tensor gp = torch::tensor({5., 4., 9., 7., -100., 8., 6., 3., 2.}).view({1, 1, 3, 3});
    torch::Tensor valid = torch::ones({1, 3, 3}, torch::kBool);
    valid[0][1][1] = false;
    const torch::Tensor minPool = AttentionClassifierImpl::pool(gp, valid, Pool::Min);
    const torch::Tensor maxPool = AttentionClassifierImpl::pool(gp, valid, Pool::Max);
    // Window minima over valid neighbours only (-100 takes no part):
    const torch::Tensor expectedMin = torch::tensor({4., 4., 4., 3., 2., 2., 3., 2., 2.}).view({1, 1, 3, 3});
    const torch::Tensor expectedMax = torch::tensor({7., 9., 9., 7., 9., 9., 7., 8., 8.}).view({1, 1, 3, 3});
    QVERIFY(torch::equal(minPool.masked_select(valid.unsqueeze(1)), expectedMin.masked_select(valid.unsqueeze(1))));
    QVERIFY(torch::equal(maxPool.masked_select(valid.unsqueeze(1)), expectedMax.masked_select(valid.unsqueeze(1))));
    // min-pool(x) = -max-pool(-x), on random data with random masks.
    const torch::Tensor x = torch::randn({2, 4, 5, 6});
    const torch::Tensor m = torch::rand({2, 5, 6}) > 0.4;
    QVERIFY(torch::equal(AttentionClassifierImpl::pool(x, m, Pool::Min), -AttentionClassifierImpl::pool(-x, m, Pool::Max)));
    // All valid: max_pool2d itself.
    QVERIFY(torch::equal(AttentionClassifierImpl::pool(x, torch::ones({2, 5, 6}, torch::kBool), Pool::Max),
                         torch::max_pool2d(x, 3, 1, 1)));
    // The average over valid neighbours: the corner (0,0) sees 5, 4, 7 (the centre is out).
    QVERIFY(std::abs(AttentionClassifierImpl::pool(gp, valid, Pool::Avg)[0][0][0][0].item<double>() - 16.0 / 3.0) < 1e-5);
}

void TestAttentionClassifier::namesAndParsing() {
    for (const char* s : {"max+min", "max", "min", "avg", "avg+max"}) {
        const auto sets = AttentionClassifierConfig::parseSets(s);
        QVERIFY(sets);
        QCOMPARE(QString::fromStdString(AttentionClassifierConfig::name(*sets)), QString::fromLatin1(s));
    }
    QVERIFY(!AttentionClassifierConfig::parseSets("min+max"));
    for (const char* p : {"zeros", "centre"})
        QCOMPARE(QString::fromStdString(AttentionClassifierConfig::name(*AttentionClassifierConfig::parsePadding(p))),
                 QString::fromLatin1(p));
    QVERIFY(QString::fromStdString(AttentionClassifierConfig::parsePadding("reflect").error()).contains("zeros or centre"));
    QVERIFY(!AttentionClassifierConfig::parseNonlinearity("gelu"));
    QVERIFY(QString::fromStdString(AttentionClassifierConfig::parseNonlinearity("sigmoid").error()).contains("relu, tanh or none"));
    AttentionClassifierConfig config;
    config.sets = AttentionSets::AvgMax;
    QVERIFY((config.pools() == std::vector<Pool>{Pool::Avg, Pool::Max}));
    AttentionClassifier model(config);
    QVERIFY_EXCEPTION_THROWN(model->forward(torch::rand({1, 512, 2, 2}), torch::zeros({1, 2, 2}, torch::kBool)), c10::Error);
    QVERIFY_EXCEPTION_THROWN(model->forward(torch::rand({1, 256, 2, 2})), c10::Error);
}

void TestAttentionClassifier::pythonCrossCheck() {
    const QString python = slidesight::test::pythonWithTorch();
    if (python.isEmpty()) QSKIP("No Python with torch: the cross-check against PyTorch is skipped.");
    QTemporaryDir dir;
    slidesight::test::AttentionFixture fixture = slidesight::test::loadAttentionFixture(python, dir);
    QVERIFY2(fixture.error.isEmpty(), qPrintable(fixture.error));
    AttentionClassifier& model = fixture.model;
    const StateDict* io = &fixture.io;
    torch::NoGradGuard noGrad;
    QCOMPARE(io->find("mask").scalar_type(), torch::kBool);
    const AttentionResult r = model->forward(io->find("grid"), io->find("mask"));
    QVERIFY2(maxAbsDiff(r.logits, io->find("logits")) < 1e-5, qPrintable(QString::number(maxAbsDiff(r.logits, io->find("logits")))));
    QVERIFY(maxAbsDiff(r.attentionMax, io->find("attention_max")) < 1e-5);
    QVERIFY(maxAbsDiff(r.attentionMin, io->find("attention_min")) < 1e-5);
}

SLIDESIGHT_GUILESS_TEST_SUITE(TestAttentionClassifier)
#include "tst_attentionclassifier.moc"
