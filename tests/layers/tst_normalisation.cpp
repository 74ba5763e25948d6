// Normalisations against values worked out by hand: raw (clamped), min-max, percentile
// (numpy's linear interpolation), rank (ties averaged); NaN passes through and is left out of
// the statistics; constant input does not divide by zero.
#include "common/gridfixtures.h"
#include "common/suite.h"

#include "viewer/layers/normalisation.h"

#include <QtTest/QTest>

#include <cmath>
#include <limits>

using namespace slidesight;

namespace {

using slidesight::test::kNaN;
using Floats = std::vector<float>;

DisplaySettings settings(Normalisation n) {
    DisplaySettings s;
    s.normalisation = n;
    return s;
}

}  // namespace

Q_DECLARE_METATYPE(DisplaySettings)

class TestNormalisation : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void table_data() {
        QTest::addColumn<DisplaySettings>("display");
        QTest::addColumn<Floats>("input");
        QTest::addColumn<Floats>("expected");
        QTest::addColumn<double>("low");
        QTest::addColumn<double>("high");

        const Floats values = {3, 1, kNaN, 2, 5};
        QTest::newRow("min-max") << settings(Normalisation::MinMax) << values << Floats{0.5f, 0, kNaN, 0.25f, 1} << 1.0
                                 << 5.0;
        DisplaySettings raw = settings(Normalisation::Raw);
        raw.rawLow = 2;
        raw.rawHigh = 4;
        QTest::newRow("raw, clamped") << raw << values << Floats{0.5f, 0, kNaN, 0, 1} << 2.0 << 4.0;
        DisplaySettings unitRaw = settings(Normalisation::Raw);
        QTest::newRow("raw 0..1") << unitRaw << Floats{0.25f, -1, 1.5f} << Floats{0.25f, 0, 1} << 0.0 << 1.0;

        // Sorted finite values 1 2 3 5: the 25th percentile sits at position 0.75 (1.75), the
        // 75th at 2.25 (3 + 0.25 * 2 = 3.5).
        DisplaySettings quartiles = settings(Normalisation::Percentile);
        quartiles.lowPercentile = 25;
        quartiles.highPercentile = 75;
        QTest::newRow("percentile 25..75")
            << quartiles << values << Floats{1.25f / 1.75f, 0, kNaN, 0.25f / 1.75f, 1} << 1.75 << 3.5;
        // Default 1..99: positions 0.03 (1.03) and 2.97 (3 + 0.97 * 2 = 4.94).
        QTest::newRow("percentile 1..99")
            << settings(Normalisation::Percentile) << values
            << Floats{1.97f / 3.91f, 0, kNaN, 0.97f / 3.91f, 1} << 1.03 << 4.94;

        // Ranks of 1 1 3 3 5 are 0 1 2 3 4; ties share 0.5 and 2.5; scaled by 1 / 4.
        QTest::newRow("rank with ties") << settings(Normalisation::Rank) << Floats{3, 1, kNaN, 3, 5, 1}
                                        << Floats{0.625f, 0.125f, kNaN, 0.625f, 1, 0.125f} << 1.0 << 5.0;
        QTest::newRow("rank distinct") << settings(Normalisation::Rank) << Floats{10, -2, 7}
                                       << Floats{1, 0, 0.5f} << -2.0 << 10.0;

        // Constant input: the middle of the ramp, never a division by zero.
        const Floats constant = {2, 2, kNaN, 2};
        const Floats middle = {0.5f, 0.5f, kNaN, 0.5f};
        QTest::newRow("constant min-max") << settings(Normalisation::MinMax) << constant << middle << 2.0 << 2.0;
        QTest::newRow("constant percentile") << settings(Normalisation::Percentile) << constant << middle << 2.0 << 2.0;
        QTest::newRow("constant rank") << settings(Normalisation::Rank) << constant << middle << 2.0 << 2.0;
        DisplaySettings pinched = settings(Normalisation::Raw);
        pinched.rawLow = pinched.rawHigh = 2;
        QTest::newRow("raw, empty range") << pinched << Floats{1, 2, 3} << Floats{0, 0.5f, 1} << 2.0 << 2.0;
        QTest::newRow("single value rank") << settings(Normalisation::Rank) << Floats{kNaN, 4} << Floats{kNaN, 0.5f}
                                           << 4.0 << 4.0;

        const Floats nans = {kNaN, kNaN};
        for (Normalisation n : allNormalisations())
            QTest::newRow(qPrintable(QStringLiteral("all NaN, ") + normalisationKey(n)))
                << settings(n) << nans << nans << 0.0 << 1.0;
    }
    void table() {
        QFETCH(DisplaySettings, display);
        QFETCH(Floats, input);
        QFETCH(Floats, expected);
        QFETCH(double, low);
        QFETCH(double, high);
        const NormalisedValues out = normalise(input, display);
        QCOMPARE(out.unit.size(), expected.size());
        for (size_t i = 0; i < expected.size(); ++i) {
            if (std::isnan(expected[i])) {
                QVERIFY2(std::isnan(out.unit[i]), qPrintable(QString::number(i)));
                continue;
            }
            QVERIFY2(std::abs(out.unit[i] - expected[i]) < 1e-5,
                     qPrintable(QStringLiteral("%1: %2 vs %3").arg(i).arg(out.unit[i]).arg(expected[i])));
        }
        QVERIFY2(std::abs(out.low - low) < 1e-5, qPrintable(QString::number(out.low)));
        QVERIFY2(std::abs(out.high - high) < 1e-5, qPrintable(QString::number(out.high)));
    }

    void emptyInput() {
        for (Normalisation n : allNormalisations()) QVERIFY(normalise({}, settings(n)).unit.empty());
    }

    void percentileMatchesNumpyOnARange() {
        // numpy.percentile(arange(101), [1, 99]) == [1, 99]: values 0..100 map linearly.
        Floats v;
        for (int i = 0; i <= 100; ++i) v.push_back(static_cast<float>(i));
        const NormalisedValues out = normalise(v, settings(Normalisation::Percentile));
        QCOMPARE(out.low, 1.0);
        QCOMPARE(out.high, 99.0);
        QCOMPARE(out.unit[0], 0.0f);
        QCOMPARE(out.unit[50], 0.5f);
        QCOMPARE(out.unit[100], 1.0f);
    }

    void keysAndNames() {
        QCOMPARE(allNormalisations().size(), size_t(4));
        for (Normalisation n : allNormalisations()) {
            QCOMPARE(normalisationFromKey(normalisationKey(n)), std::optional<Normalisation>(n));
            QVERIFY(!normalisationDisplayName(n).isEmpty());
        }
        QCOMPARE(normalisationKey(Normalisation::MinMax), QStringLiteral("min-max"));
        QVERIFY(!normalisationFromKey(QStringLiteral("zscore")));
    }

    void settingsCompare() {
        DisplaySettings a;
        DisplaySettings b;
        QVERIFY(a == b);
        b.threshold = 0.2;
        QVERIFY(a != b);
        b = a;
        b.colormap = Colormap::Jet;
        QVERIFY(a != b);
    }
};

SLIDESIGHT_GUILESS_TEST_SUITE(TestNormalisation)
#include "tst_normalisation.moc"
