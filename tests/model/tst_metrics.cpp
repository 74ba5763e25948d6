// Evaluation statistics: midranks, ROC AUC with ties, Spearman with ties, mean and sample
// standard deviation, and the Wilcoxon signed-rank test (exact and normal approximation with
// tie and continuity corrections), against values worked out by hand and against scipy
// (1.10.1; also live when /usr/bin/python3 has scipy).

#include "common/suite.h"

#include "model/evaluation/metrics.h"

#include <QtCore/QProcess>
#include <QtCore/QStringList>
#include <QtTest/QtTest>

#include <cmath>
#include <random>

using namespace slidesight::model;

namespace {

bool near(double a, double b, double tolerance = 1e-9) { return std::abs(a - b) <= tolerance; }

QString numbers(const std::vector<double>& v) {
    QStringList out;
    for (const double x : v) out << QString::number(x, 'g', 17);
    return QLatin1Char('[') + out.join(QLatin1Char(',')) + QLatin1Char(']');
}

}  // namespace

class TestMetrics : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void midranksShareTies();
    void aucByHand();
    void aucUndefinedForOneClass();
    void spearmanWithTies();
    void meanAndStd();
    void wilcoxonExactSmall();
    void wilcoxonTiesUseNormalApproximation();
    void wilcoxonLargeSample();
    void wilcoxonAllZero();
    void mismatchedSizesThrow();
    void againstScipy();
};

void TestMetrics::midranksShareTies() {
    const std::vector<double> ranks = midranks({10, 20, 20, 30, 5});
    QCOMPARE(ranks, (std::vector<double>{2, 3.5, 3.5, 5, 1}));
}

void TestMetrics::aucByHand() {
    // Perfect separation, reversed separation, and ties: positives {0.35, 0.8, 0.4, 0.9},
    // negatives {0.1, 0.4, 0.2}. Pairs won: 0.35 beats 2, 0.8 beats 3, 0.4 beats 2 and ties 1
    // (one half), 0.9 beats 3: (2 + 3 + 2.5 + 3) / 12 = 0.875 (scipy's Mann-Whitney U / n+n-).
    QCOMPARE(rocAuc({0.1, 0.2, 0.8, 0.9}, {0, 0, 1, 1}), 1.0);
    QCOMPARE(rocAuc({0.9, 0.8, 0.2, 0.1}, {0, 0, 1, 1}), 0.0);
    QVERIFY(near(rocAuc({0.1, 0.4, 0.35, 0.8, 0.4, 0.9, 0.2}, {0, 0, 1, 1, 1, 1, 0}), 0.875));
    // All scores equal: every pair a tie.
    QCOMPARE(rocAuc({0.5, 0.5, 0.5}, {1, 0, 1}), 0.5);
}

void TestMetrics::aucUndefinedForOneClass() {
    QVERIFY(std::isnan(rocAuc({0.1, 0.2}, {1, 1})));
    QVERIFY(std::isnan(rocAuc({}, {})));
}

void TestMetrics::spearmanWithTies() {
    // scipy.stats.spearmanr([1,2,2,3,5,4],[2,1,3,3,6,5]) = 0.8676470588235294.
    QVERIFY(near(spearman({1, 2, 2, 3, 5, 4}, {2, 1, 3, 3, 6, 5}), 0.8676470588235294));
    QVERIFY(near(spearman({1, 2, 3}, {10, 20, 30}), 1.0));
    QVERIFY(near(spearman({1, 2, 3}, {3, 2, 1}), -1.0));
    QVERIFY(std::isnan(spearman({1, 1, 1}, {1, 2, 3})));
}

void TestMetrics::meanAndStd() {
    QCOMPARE(mean({1, 2, 3, 4}), 2.5);
    // Deviations -1.5 -0.5 0.5 1.5: squares sum 5, / 3.
    QVERIFY(near(sampleStd({1, 2, 3, 4}), std::sqrt(5.0 / 3.0)));
    QVERIFY(std::isnan(sampleStd({1})));
    QVERIFY(std::isnan(mean({})));
}

void TestMetrics::wilcoxonExactSmall() {
    // By hand: d = a - b = {1, 2}: ranks 1, 2, W+ = 3, W- = 0; of the 4 sign patterns one has
    // W+ <= 0, so p = 2 * 1/4 = 0.5.
    const WilcoxonResult tiny = wilcoxonSignedRank({2, 4}, {1, 2});
    QVERIFY(tiny.exact);
    QCOMPARE(tiny.wPlus, 3.0);
    QCOMPARE(tiny.wMinus, 0.0);
    QCOMPARE(tiny.pValue, 0.5);
    // Eight per-fold AUCs (in hundredths, so the differences are exact and untied:
    // 5 3 2 -1 7 4 6 -8): W- = 1 + 8 = 9; scipy.stats.wilcoxon(mode="exact") gives 9 and p 0.25.
    const WilcoxonResult w = wilcoxonSignedRank({71, 65, 80, 59, 77, 68, 74, 62}, {66, 62, 78, 60, 70, 64, 68, 70});
    QVERIFY(w.exact);
    QCOMPARE(w.n, size_t{8});
    QCOMPARE(w.statistic, 9.0);
    QCOMPARE(w.wPlus, 27.0);
    QVERIFY(near(w.pValue, 0.25));
    // Tied magnitudes (|d| = 1, 1) are not exact any more.
    QVERIFY(!wilcoxonSignedRank({1, 2, 5}, {2, 1, 1}).exact);
}

void TestMetrics::wilcoxonTiesUseNormalApproximation() {
    // d = {-0.5, 1, 0, 1, 1, -1, 2, -1, 0.5, 2, 1, -1}: the zero is dropped, eleven non-zero
    // differences with ties; scipy.stats.wilcoxon(correction=True) gives 19.5 and p 0.23386634155095598.
    const WilcoxonResult w = wilcoxonSignedRank({1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12},
                                                {1.5, 1, 3, 3, 4, 7, 5, 9, 8.5, 8, 10, 13});
    QVERIFY(!w.exact);
    QVERIFY(w.ties);
    QCOMPARE(w.n, size_t{11});
    QCOMPARE(w.statistic, 19.5);
    QVERIFY(near(w.pValue, 0.23386634155095598, 1e-12));
}

void TestMetrics::wilcoxonLargeSample() {
    // n = 30 > 25: normal approximation; scipy (mode="approx", correction=True): 210, 0.6509063250270037.
    std::vector<double> x, y;
    for (int v = 0; v < 30; ++v) {
        x.push_back(v);
        y.push_back(v + (v % 3 == 0 ? 1.5 : -1.0) + 0.01 * v);
    }
    const WilcoxonResult w = wilcoxonSignedRank(x, y);
    QVERIFY(!w.exact);
    QCOMPARE(w.statistic, 210.0);
    QVERIFY(near(w.pValue, 0.6509063250270037, 1e-12));
}

void TestMetrics::wilcoxonAllZero() {
    const WilcoxonResult w = wilcoxonSignedRank({1, 2}, {1, 2});
    QCOMPARE(w.n, size_t{0});
    QCOMPARE(w.pValue, 1.0);
}

void TestMetrics::mismatchedSizesThrow() {
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, rocAuc({1, 2}, {1}));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, spearman({1, 2}, {1}));
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, wilcoxonSignedRank({1, 2}, {1}));
}

void TestMetrics::againstScipy() {
    QProcess probe;
    probe.start(QStringLiteral("/usr/bin/python3"), {QStringLiteral("-c"), QStringLiteral("import scipy")});
    if (!probe.waitForFinished(60000) || probe.exitCode() != 0) QSKIP("/usr/bin/python3 has no scipy");
    // Random data with many ties (values rounded to one decimal).
    std::mt19937 random(7);
    std::uniform_int_distribution<int> digit(0, 9);
    std::vector<double> s, a, b, d;
    std::vector<int> labels;
    for (int i = 0; i < 40; ++i) {
        s.push_back(digit(random) / 10.0);
        labels.push_back(digit(random) % 2);
        a.push_back(digit(random) / 10.0);
        b.push_back(digit(random) / 10.0);
    }
    std::vector<double> labelValues(labels.begin(), labels.end());
    const QString script = QStringLiteral(
        "from scipy import stats\n"
        "s=%1; l=%2; a=%3; b=%4\n"
        "pos=[x for x,k in zip(s,l) if k]; neg=[x for x,k in zip(s,l) if not k]\n"
        "print(repr(stats.mannwhitneyu(pos,neg).statistic/(len(pos)*len(neg))))\n"
        "print(repr(stats.spearmanr(a,b).correlation))\n"
        "print(repr(stats.wilcoxon(a,b,correction=True,mode='approx').pvalue))\n")
                               .arg(numbers(s), numbers(labelValues), numbers(a), numbers(b));
    QProcess python;
    python.start(QStringLiteral("/usr/bin/python3"), {QStringLiteral("-c"), script});
    QVERIFY(python.waitForFinished(60000));
    const QStringList lines = QString::fromUtf8(python.readAllStandardOutput()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QVERIFY2(lines.size() == 3, qPrintable(QString::fromUtf8(python.readAllStandardError())));
    QVERIFY(near(rocAuc(s, labels), lines[0].toDouble(), 1e-12));
    QVERIFY(near(spearman(a, b), lines[1].toDouble(), 1e-12));
    QVERIFY(near(wilcoxonSignedRank(a, b).pValue, lines[2].toDouble(), 1e-9));
}

SLIDESIGHT_GUILESS_TEST_SUITE(TestMetrics)
#include "tst_metrics.moc"
