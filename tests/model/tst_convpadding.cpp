// The 3DCL's padding at the grid's edge (spec, "3DCL borders"): zero and centre padding by hand
// at a corner, an edge and beside a masked cell, a 1 x 1 kernel alike for both, and the max
// attention on border against interior cells of homogeneous synthetic grids for both.

#include "common/suite.h"

// moc reads only the test class and needs none of these (following the Torch headers
// would cost it about 4 s a file).
#ifndef Q_MOC_RUN
#include "attentionfixture.h"

#include "model/attention/attentionclassifier_torch.h"

#include <QtTest/QtTest>

#include <torch/torch.h>

#include <cmath>
#endif  // Q_MOC_RUN

using namespace slidesight::model;

using slidesight::test::makeClassifier;

class TestConvPadding : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void convPaddingByHand();
    void borderAttentionRatio();
};

void TestConvPadding::convPaddingByHand() {
    // K = H = 1, n = 3, taps w = [[1, 2, 3], [4, 5, 6], [7, 8, 9]] (row 0: the row above), no
    // bias, G = [[1, 2, 3], [4, 5, 6], [7, 8, 10]].
    AttentionClassifierConfig config;
    config.features = 1;
    config.hidden = 1;
    config.outputs = 2;
    const torch::Tensor taps = torch::arange(1, 10, torch::kDouble).view({1, 1, 3, 3});
    const torch::Tensor grid = torch::tensor({1., 2., 3., 4., 5., 6., 7., 8., 10.}, torch::kDouble).view({1, 1, 3, 3});
    auto classifier = [&](ConvPadding padding) {
        config.padding = padding;
        AttentionClassifier model(config);
        model->to(torch::kDouble);
        torch::NoGradGuard noGrad;
        model->conv->weight.copy_(taps);
        model->conv->bias.zero_();
        return model;
    };
    AttentionClassifier zeros = classifier(ConvPadding::Zeros), centre = classifier(ConvPadding::Centre);
    torch::NoGradGuard noGrad;
    const torch::Tensor z = zeros->gPrime(grid, {}), c = centre->gPrime(grid, {});
    // Corner (0, 0): present taps 5, 6, 8, 9 on G 1, 2, 4, 5: 5 + 12 + 32 + 45 = 94. Centre
    // padding adds the missing taps 1 + 2 + 3 + 4 + 7 = 17 times G(0, 0) = 1: 111.
    QCOMPARE(z[0][0][0][0].item<double>(), 94.0);
    QCOMPARE(c[0][0][0][0].item<double>(), 111.0);
    // Edge (0, 1): taps 4..9 on G 1, 2, 3, 4, 5, 6: 4 + 10 + 18 + 28 + 40 + 54 = 154; centre
    // adds (1 + 2 + 3) * G(0, 1) = 12: 166.
    QCOMPARE(z[0][0][0][1].item<double>(), 154.0);
    QCOMPARE(c[0][0][0][1].item<double>(), 166.0);
    // Interior (1, 1): every neighbour present, both alike: sum w G = 294.
    QCOMPARE(z[0][0][1][1].item<double>(), 294.0);
    QCOMPARE(c[0][0][1][1].item<double>(), 294.0);
    // Cell (0, 1) missing (a masked cell): at (1, 1) zeros loses tap 2 times G = 2 (290),
    // centre puts tap 2 times G(1, 1) = 5 in its place (300).
    torch::Tensor mask = torch::ones({1, 3, 3}, torch::kBool);
    mask[0][0][1] = false;
    QCOMPARE(zeros->gPrime(grid, mask)[0][0][1][1].item<double>(), 290.0);
    QCOMPARE(centre->gPrime(grid, mask)[0][0][1][1].item<double>(), 300.0);
    // Homogeneous tissue: with centre padding the border is the interior (sum w = 45 times 3).
    const torch::Tensor flat = torch::full({1, 1, 3, 4}, 3.0, torch::kDouble);
    QVERIFY(torch::allclose(centre->gPrime(flat, {}), torch::full({1, 1, 3, 4}, 135.0, torch::kDouble)));
    QVERIFY(zeros->gPrime(flat, {})[0][0][0][0].item<double>() < 135.0);
    // A 1 x 1 kernel has no neighbours: both paddings are the same convolution.
    config.kernel = 1;
    config.features = 4;
    config.hidden = 2;
    torch::manual_seed(3);
    AttentionClassifier one(config);  // centre padding
    const torch::Tensor g = torch::rand({1, 4, 3, 3});
    QVERIFY(torch::equal(one->gPrime(g, {}), one->conv->forward(g)));
}

void TestConvPadding::borderAttentionRatio() {
    // Synthetic grids of homogeneous tissue: one mean feature vector plus small noise in every
    // cell, so nothing but the grid edge tells the cells apart. The channel-mean max attention
    // on the border cells over that on the interior cells should be 1; zero padding makes the
    // border's G' differ from the interior's and moves the attention to (or away from) it.
    AttentionClassifierConfig config;
    config.features = 64;
    config.hidden = 16;
    double ratio[2] = {0.0, 0.0};
    for (const ConvPadding padding : {ConvPadding::Zeros, ConvPadding::Centre}) {
        config.padding = padding;
        double logSum = 0.0;
        const int trials = 8;
        for (int t = 0; t < trials; ++t) {
            AttentionClassifier model = makeClassifier(config, 100 + static_cast<uint64_t>(t));
            torch::manual_seed(200 + static_cast<uint64_t>(t));
            const torch::Tensor mean = torch::rand({1, 64, 1, 1});
            const torch::Tensor grid = (mean + 0.02 * torch::randn({1, 64, 12, 10})).clamp_min(0.0);
            torch::NoGradGuard noGrad;
            const torch::Tensor a = model->forward(grid).attentionMax[0].mean(0);  // [12, 10]
            torch::Tensor border = torch::ones({12, 10}, torch::kBool);
            border.index_put_({torch::indexing::Slice(1, 11), torch::indexing::Slice(1, 9)}, false);
            const double onBorder = a.masked_select(border).mean().item<double>();
            const double inside = a.masked_select(border.logical_not()).mean().item<double>();
            // How far from 1, whichever way: a random classifier may favour or avoid the border.
            logSum += std::abs(std::log(onBorder / inside));
        }
        ratio[padding == ConvPadding::Centre ? 1 : 0] = std::exp(logSum / trials);
    }
    qInfo("channel-mean max attention, border / interior cells, typical factor away from 1 (exp of the mean "
          "|log ratio| over 8 classifiers): zeros %.3f, centre %.3f",
          ratio[0], ratio[1]);
    QVERIFY2(std::abs(std::log(ratio[1])) < 0.1, qPrintable(QString::number(ratio[1])));
    QVERIFY(std::abs(std::log(ratio[0])) > 3 * std::abs(std::log(ratio[1])));
}

SLIDESIGHT_GUILESS_TEST_SUITE(TestConvPadding)
#include "tst_convpadding.moc"
