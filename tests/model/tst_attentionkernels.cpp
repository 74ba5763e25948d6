// The attention classifier's CPU kernels against LibTorch's own operations: the masked 3 x 3
// max/min pooling against masked_fill + max_pool2d (values, and gradients to the same cells,
// ties and masked cells included), and eq. 2 against a double-precision einsum (values and
// both gradients, channels-last and contiguous grids).

#include "common/suite.h"

// moc reads only the test class and needs none of these (following the Torch headers
// would cost it about 4 s a file).
#ifndef Q_MOC_RUN
#include "model/attention/attentionkernels_torch.h"

#include "modeltesthelpers.h"

#include <QtTest/QtTest>

#include <torch/torch.h>

#include <limits>
#endif  // Q_MOC_RUN

using namespace slidesight::model;
using slidesight::test::maxAbsDiff;

namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();

/// What the classifier computed before these kernels: masked_fill + max_pool2d.
torch::Tensor referencePool(const torch::Tensor& x, const torch::Tensor& valid, bool minimum) {
    const torch::Tensor invalid = valid.logical_not().unsqueeze(1);
    if (!minimum) return torch::max_pool2d(x.masked_fill(invalid, -kInfinity), 3, 1, 1);
    return -torch::max_pool2d((-x).masked_fill(invalid, -kInfinity), 3, 1, 1);
}

/// A validity mask with padding (the last rows and columns of grid 1) and scattered holes.
torch::Tensor sampleMask(int64_t batch, int64_t rows, int64_t columns) {
    torch::Tensor valid = torch::rand({batch, rows, columns}).gt(0.2);
    valid[0][0][0] = true;
    if (batch > 1) {
        valid[1].narrow(0, rows - 2, 2).fill_(false);
        valid[1].narrow(1, columns - 3, 3).fill_(false);
    }
    return valid;
}

}  // namespace

class TestAttentionKernels : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void poolMatchesMaxPool_data();
    void poolMatchesMaxPool();
    void poolWithoutValidNeighbour();
    void weightedSumsMatchEinsum_data();
    void weightedSumsMatchEinsum();
};

void TestAttentionKernels::poolMatchesMaxPool_data() {
    QTest::addColumn<bool>("minimum");
    QTest::addColumn<bool>("doublePrecision");
    QTest::addColumn<bool>("ties");
    QTest::addColumn<bool>("channelsLast");
    QTest::newRow("max float") << false << false << false << false;
    QTest::newRow("min float") << true << false << false << false;
    QTest::newRow("max float channels-last") << false << false << false << true;
    QTest::newRow("min double ties") << true << true << true << false;
    QTest::newRow("max double ties") << false << true << true << false;
    QTest::newRow("max float ties channels-last") << false << false << true << true;
}

void TestAttentionKernels::poolMatchesMaxPool() {
    QFETCH(bool, minimum);
    QFETCH(bool, doublePrecision);
    QFETCH(bool, ties);
    QFETCH(bool, channelsLast);
    torch::manual_seed(7);
    const auto type = doublePrecision ? torch::kDouble : torch::kFloat;
    // Small integers make many windows hold their maximum twice: the first cell must win.
    torch::Tensor x = ties ? torch::randint(0, 3, {3, 4, 6, 7}).to(type) : torch::randn({3, 4, 6, 7}, type);
    if (channelsLast) x = x.contiguous(torch::MemoryFormat::ChannelsLast);
    const torch::Tensor valid = sampleMask(3, 6, 7);
    const torch::Tensor upstream = torch::randn({3, 4, 6, 7}, type);

    const torch::Tensor a = x.clone().requires_grad_();
    const torch::Tensor pooled = maskedPool3x3(a, valid, minimum);
    (pooled * upstream).sum().backward();
    const torch::Tensor b = x.clone().requires_grad_();
    const torch::Tensor expected = referencePool(b, valid, minimum);
    (expected * upstream).sum().backward();

    QCOMPARE(pooled.sizes(), expected.sizes());
    QVERIFY(torch::equal(pooled, expected));
    QVERIFY2(maxAbsDiff(a.grad(), b.grad()) < 1e-6, qPrintable(QString::number(maxAbsDiff(a.grad(), b.grad()))));
    // Invalid cells take no gradient.
    QCOMPARE(a.grad().masked_select(valid.logical_not().unsqueeze(1).expand_as(x)).abs().sum().item<double>(), 0.0);
}

void TestAttentionKernels::poolWithoutValidNeighbour() {
    // A 1 x 5 grid whose cells 3 and 4 are invalid: cell 4's window holds no valid cell.
    const torch::Tensor x = torch::tensor({1., 5., 2., 9., 9.}, torch::kDouble).view({1, 1, 1, 5});
    const torch::Tensor valid = torch::tensor({true, true, true, false, false}).view({1, 1, 5});
    const torch::Tensor maxima = maskedPool3x3(x, valid, false).flatten();
    const torch::Tensor minima = maskedPool3x3(x, valid, true).flatten();
    QCOMPARE(maxima[0].item<double>(), 5.0);
    QCOMPARE(maxima[3].item<double>(), 2.0);
    QCOMPARE(maxima[4].item<double>(), -kInfinity);
    QCOMPARE(minima[1].item<double>(), 1.0);
    QCOMPARE(minima[3].item<double>(), 2.0);
    QCOMPARE(minima[4].item<double>(), kInfinity);
}

void TestAttentionKernels::weightedSumsMatchEinsum_data() {
    QTest::addColumn<bool>("channelsLast");
    QTest::addColumn<int>("batch");
    QTest::newRow("channels-last batch 3") << true << 3;
    QTest::newRow("contiguous batch 3") << false << 3;
    QTest::newRow("channels-last batch 1") << true << 1;
}

void TestAttentionKernels::weightedSumsMatchEinsum() {
    QFETCH(bool, channelsLast);
    QFETCH(int, batch);
    qInfo("oneDNN's sgemm %s", hasOneDnnGemm() ? "runs eq. 2" : "is not in this process: torch::matmul runs eq. 2");
    torch::manual_seed(11);
    const int64_t hidden = 6, features = 40, rows = 9, columns = 13;
    const torch::Tensor attention =
        torch::softmax(torch::randn({batch, hidden, rows * columns}), 2).view({batch, hidden, rows, columns});
    torch::Tensor grid = torch::rand({batch, features, rows, columns});
    if (channelsLast) grid = grid.contiguous(torch::MemoryFormat::ChannelsLast);
    const torch::Tensor upstream = torch::randn({batch, hidden, features});

    const torch::Tensor a = attention.clone().requires_grad_();
    const torch::Tensor g = grid.clone().requires_grad_();
    const torch::Tensor sums = weightedSums(a, g);
    (sums * upstream).sum().backward();

    const torch::Tensor ad = attention.to(torch::kDouble).requires_grad_();
    const torch::Tensor gd = grid.to(torch::kDouble).requires_grad_();
    const torch::Tensor expected = torch::einsum("bhmn,bkmn->bhk", {ad, gd});
    (expected * upstream.to(torch::kDouble)).sum().backward();

    QCOMPARE(sums.sizes(), expected.sizes());
    QCOMPARE(sums.scalar_type(), torch::kFloat);
    QVERIFY(maxAbsDiff(sums, expected) < 1e-5);
    QVERIFY(maxAbsDiff(a.grad(), ad.grad()) < 1e-4);
    QVERIFY(maxAbsDiff(g.grad(), gd.grad()) < 1e-5);
    QCOMPARE(g.grad().sizes(), grid.sizes());
}

SLIDESIGHT_GUILESS_TEST_SUITE(TestAttentionKernels)
#include "tst_attentionkernels.moc"
