// Agreement between a map and rasterised annotations: AUC, Dice, IoU, pointing game, FROC and
// the FP/FN cells, against values worked out by hand on 3 x 3 and 4 x 4 grids (the numbers in
// the comments), with ties, a valid mask and empty truth.

#include "common/suite.h"

#include "model/evaluation/agreement.h"

#include <QtTest/QtTest>

#include <cmath>
#include <stdexcept>

using namespace slidesight::model;

namespace {

bool nearlyEqual(double a, double b) { return std::abs(a - b) <= 1e-12; }

// 0.1 0.2 0.3      truth fractions   0   0   0
// 0.4 0.9 0.5                        0   1   0.6
// 0.6 0.7 0.8                        0   0.4 1
// Truth cells (>= 0.5): (1,1) 0.9, (1,2) 0.5, (2,2) 0.8, one lesion.
Agreement threeByThree(AgreementOptions options = {}) {
    return Agreement(3, 3, {0.1f, 0.2f, 0.3f, 0.4f, 0.9f, 0.5f, 0.6f, 0.7f, 0.8f},
                     {0, 0, 0, 0, 1, 0.6f, 0, 0.4f, 1}, {}, options);
}

// 0.9 0.1 0.1 0.7    truth at (0,3) (lesion 1) and (3,2), (3,3) (lesion 2)
// 0.1 0.1 0.1 0.1
// 0.1 0.1 0.1 0.1
// 0.8 0.1 0.1 0.6
Agreement fourByFour() {
    std::vector<float> values(16, 0.1f);
    values[0] = 0.9f;
    values[3] = 0.7f;
    values[12] = 0.8f;
    values[15] = 0.6f;
    std::vector<float> truth(16, 0.0f);
    truth[3] = truth[14] = truth[15] = 1.0f;
    return Agreement(4, 4, values, truth);
}

}  // namespace

class TestAgreement : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void aucCountsPairs() {
        // Positives 0.9, 0.8 beat all 6 negatives, 0.5 beats 4: 16 / 18.
        QVERIFY(nearlyEqual(threeByThree().report().auc, 16.0 / 18.0));
        QCOMPARE(threeByThree().report().truthCells, 3);
        QCOMPARE(threeByThree().report().validCells, 9);
    }

    void diceAndIouAtThreshold() {
        const Agreement a = threeByThree();
        // >= 0.55: 0.9, 0.8 (TP), 0.6, 0.7 (FP); 0.5 is a FN.
        const AgreementAtThreshold t = a.at(0.55);
        QCOMPARE(t.truePositives, int64_t(2));
        QCOMPARE(t.falsePositives, int64_t(2));
        QCOMPARE(t.falseNegatives, int64_t(1));
        QCOMPARE(t.trueNegatives, int64_t(4));
        QVERIFY(nearlyEqual(t.dice, 4.0 / 7.0));
        QVERIFY(nearlyEqual(t.iou, 2.0 / 5.0));
        QCOMPARE(t.falsePositiveCells.size(), size_t(2));
        QCOMPARE(t.falsePositiveCells[0].row, 2);  // 0.7 before 0.6
        QCOMPARE(t.falsePositiveCells[0].column, 1);
        QCOMPARE(t.falsePositiveCells[1].column, 0);
        QCOMPARE(t.falseNegativeCells.size(), size_t(1));
        QCOMPARE(t.falseNegativeCells[0].row, 1);
        QCOMPARE(t.falseNegativeCells[0].column, 2);
        // A value equal to the threshold is positive: at 0.5 all three truth cells are found.
        const AgreementAtThreshold low = a.at(0.5);
        QCOMPARE(low.truePositives, int64_t(3));
        QCOMPARE(low.falsePositives, int64_t(2));
        QVERIFY(nearlyEqual(low.dice, 6.0 / 8.0));
        QVERIFY(nearlyEqual(low.iou, 3.0 / 5.0));
        QVERIFY(low.falseNegativeCells.empty());
        // Above everything: nothing predicted, every truth cell missed.
        const AgreementAtThreshold high = a.at(2.0);
        QCOMPARE(high.falseNegatives, int64_t(3));
        QVERIFY(nearlyEqual(high.dice, 0.0));
        QCOMPARE(high.falseNegativeCells.size(), size_t(3));
        QCOMPARE(high.falseNegativeCells[0].column, 1);  // row-major: (1,1), (1,2), (2,2)
        QCOMPARE(high.falseNegativeCells[2].row, 2);
    }

    void truthFractionIsAnOption() {
        // At 0.3, (2,1) (fraction 0.4, value 0.7) becomes truth: positives 0.9, 0.8, 0.7, 0.5
        // against 0.1 0.2 0.3 0.4 0.6: 5 + 5 + 5 + 4 = 19 of 20.
        AgreementOptions options;
        options.truthFraction = 0.3;
        const Agreement a = threeByThree(options);
        QCOMPARE(a.report().truthCells, 4);
        QVERIFY(nearlyEqual(a.report().auc, 19.0 / 20.0));
        options.truthFraction = 0.0;
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, threeByThree(options));
    }

    void pointingGame() {
        const AgreementReport hit = threeByThree().report();
        QVERIFY(hit.pointingDefined);
        QVERIFY(hit.pointingHit);
        QCOMPARE(hit.pointingCell.row, 1);
        QCOMPARE(hit.pointingCell.column, 1);
        const AgreementReport miss = fourByFour().report();  // 0.9 at (0,0) has no annotation
        QVERIFY(miss.pointingDefined);
        QVERIFY(!miss.pointingHit);
        // Any annotated fraction > 0 counts: fraction 0.4 is not truth for Dice but is a hit.
        const Agreement partial(1, 2, {0.2f, 0.7f}, {1.0f, 0.4f});
        QVERIFY(partial.report().pointingHit);
    }

    void frocSingleLesion() {
        const AgreementReport r = threeByThree().report();
        // Only the centre 0.9 is a local maximum, inside the one lesion.
        QCOMPARE(r.lesions, 1);
        QCOMPARE(r.detections, 1);
        for (const double s : r.frocSensitivity) QVERIFY(nearlyEqual(s, 1.0));
        QVERIFY(nearlyEqual(r.frocScore, 1.0));
    }

    void frocFalsePositivesFirst() {
        const AgreementReport r = fourByFour().report();
        // Detections 0.9 FP, 0.8 FP, 0.7 lesion 1, 0.6 lesion 2 (the 0.1 plateau is at the floor).
        // Points (FP, hits): (0,0) (1,0) (2,0) (2,1) (2,2). At 1/4, 1/2, 1 FP: 0; at 2, 4, 8: 1.
        QCOMPARE(r.lesions, 2);
        QCOMPARE(r.detections, 4);
        const std::array<double, 6> expected{0, 0, 0, 1, 1, 1};
        for (size_t i = 0; i < expected.size(); ++i) QVERIFY2(nearlyEqual(r.frocSensitivity[i], expected[i]), qPrintable(QString::number(i)));
        QVERIFY(nearlyEqual(r.frocScore, 0.5));
    }

    void tiesEverywhere() {
        // 0.5 0.5 0.2   truth only (0,0)
        // 0.2 0.2 0.2
        // 0.2 0.2 0.2
        std::vector<float> values(9, 0.2f);
        values[0] = values[1] = 0.5f;
        std::vector<float> truth(9, 0.0f);
        truth[0] = 1.0f;
        const Agreement a(3, 3, values, truth);
        const AgreementReport& r = a.report();
        // The positive beats 7 negatives and ties one: 7.5 / 8.
        QVERIFY(nearlyEqual(r.auc, 7.5 / 8.0));
        // Tied maxima: the first in row-major order, (0,0), points.
        QVERIFY(r.pointingHit);
        QCOMPARE(r.pointingCell.column, 0);
        // The 0.5 plateau is one detection at (0,0).
        QCOMPARE(r.detections, 1);
        QVERIFY(nearlyEqual(r.frocScore, 1.0));
        const AgreementAtThreshold t = a.at(0.5);
        QVERIFY(nearlyEqual(t.dice, 2.0 / 3.0));
        QVERIFY(nearlyEqual(t.iou, 0.5));
        QCOMPARE(t.falsePositiveCells.size(), size_t(1));
        QCOMPARE(t.falsePositiveCells[0].column, 1);
    }

    void frocTiedScoresEnterTogether() {
        // A FP and a lesion share 0.9: points (0,0) (1,1) (1,2) (2,2); a second hit on a lesion
        // is no false positive.
        const std::vector<double> rates{0.25, 0.5, 1, 2};
        const auto s = Agreement::frocSensitivities({{0.9, 0}, {0.9, -1}, {0.5, 1}, {0.4, -1}}, 2, rates);
        QVERIFY(nearlyEqual(s[0], 0.0) && nearlyEqual(s[1], 0.0) && nearlyEqual(s[2], 1.0) && nearlyEqual(s[3], 1.0));
        const auto again = Agreement::frocSensitivities({{0.9, 0}, {0.8, 0}, {0.7, -1}}, 1, {0.25});
        QVERIFY(nearlyEqual(again[0], 1.0));
        QVERIFY(std::isnan(Agreement::frocSensitivities({{0.9, -1}}, 0, {1.0})[0]));
    }

    void validMaskAndNaN() {
        // The invalid (1,2) and the NaN (2,2) drop out: truth 0.9 only among 7 cells, and (2,2)
        // is a truth cell without value; its lesion, joined to (1,1), still counts.
        std::vector<float> values{0.1f, 0.2f, 0.3f, 0.4f, 0.9f, 0.5f, 0.6f, 0.7f, NAN};
        std::vector<uint8_t> valid(9, 1);
        valid[5] = 0;
        const Agreement a(3, 3, values, {0, 0, 0, 0, 1, 0.6f, 0, 0.4f, 1}, valid);
        QCOMPARE(a.report().validCells, 7);
        QCOMPARE(a.report().truthCells, 1);
        QCOMPARE(a.report().truthCellsWithoutValue, 2);
        QVERIFY(nearlyEqual(a.report().auc, 1.0));
        QCOMPARE(a.report().lesions, 1);
        QVERIFY(nearlyEqual(a.minimum(), double(0.1f)) && nearlyEqual(a.maximum(), double(0.9f)));
        QCOMPARE(a.at(0.0).falsePositives, int64_t(6));
    }

    void emptyTruthIsUndefined() {
        const Agreement a(2, 2, {0.1f, 0.2f, 0.3f, 0.4f}, {0, 0, 0, 0});
        const AgreementReport& r = a.report();
        QVERIFY(std::isnan(r.auc));
        QVERIFY(std::isnan(r.frocScore));
        QVERIFY(std::isnan(r.frocSensitivity[0]));
        QVERIFY(!r.pointingDefined);
        QCOMPARE(r.lesions, 0);
        QVERIFY(!r.problem.empty());
        QVERIFY(std::isnan(a.at(1.0).dice));  // nothing truth, nothing predicted
        QVERIFY(nearlyEqual(a.at(0.25).dice, 0.0));  // false positives only
        QVERIFY(nearlyEqual(a.at(0.25).iou, 0.0));
    }

    void mismatchedSizesThrow() {
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, Agreement(2, 2, {0, 0, 0}, {0, 0, 0, 0}));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, Agreement(2, 2, {0, 0, 0, 0}, {0, 0, 0, 0}, {1}));
    }
};

SLIDESIGHT_GUILESS_TEST_SUITE(TestAgreement)
#include "tst_agreement.moc"
