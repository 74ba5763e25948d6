// The agreement dock on a synthetic 3 x 3 heatmap and a rectangle annotation covering the four
// lower-right cells: the numbers worked out by hand, a threshold change updating Dice, the
// FP/FN layer and Next / Previous centring on the expected cells.
//
// Map (cells 100 x 100 level-0 px from the origin):   truth (the rectangle 100..300 x 100..300)
//   0.1 0.2 0.3                                           . . .
//   0.4 0.9 0.5                                           . T T
//   0.6 0.7 0.8                                           . T T
// AUC: 0.9, 0.8, 0.7 beat all 5 negatives, 0.5 beats 4: 19 / 20 = 0.950.
// At 0.55: TP 3 (0.9 0.7 0.8), FP 1 (0.6), FN 1 (0.5): Dice 6/8 = 0.750, IoU 3/5 = 0.600.
// At 0.35: TP 4, FP 2 (0.6 at (2,0), then 0.4 at (1,0)), FN 0: Dice 8/10 = 0.800.
// Pointing game: 0.9 at (1,1) is annotated: hit. FROC: the one local maximum (0.9) hits the
// one lesion: 1 at every rate.

#include "common/suite.h"

#include "app/agreement/agreementdock.h"
#include "app/agreement/agreementlayer.h"
#include "app/annotations/annotationdocument.h"
#include "viewer/layers/heatmaplayer.h"
#include "viewer/layers/layerstack.h"

#include <QtTest/QSignalSpy>
#include <QtTest/QtTest>
#include <QtWidgets/QLabel>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QSlider>

using namespace slidesight;

namespace {

Annotation rectangle(const QString& group, const QRectF& r) {
    Annotation a;
    a.group = group;
    a.geometry = AnnotationGeometry::Rectangle;
    a.parts.push_back({QPolygonF(r), {}});
    a.parts.back().outer = openRing(a.parts.back().outer);
    return a;
}

}  // namespace

class TestAgreementDock : public QObject {
    Q_OBJECT

    LayerStack* stack_ = nullptr;
    AnnotationDocument* document_ = nullptr;
    AgreementDock* dock_ = nullptr;

    QString text(const char* name) const {
        auto* label = dock_->findChild<QLabel*>(QLatin1String(name));
        return label ? label->text() : QStringLiteral("(no %1)").arg(QLatin1String(name));
    }

private Q_SLOTS:
    void init() {
        stack_ = new LayerStack;
        document_ = new AnnotationDocument;
        AnnotationSet set;
        set.setGroup({QStringLiteral("tumor"), Qt::red});
        set.setGroup({QStringLiteral("other"), Qt::green});
        set.add(rectangle(QStringLiteral("tumor"), QRectF(100, 100, 200, 200)));
        set.add(rectangle(QStringLiteral("other"), QRectF(0, 0, 100, 100)));
        document_->reset(QString(), set);
        const GridGeometry g{QPointF(0, 0), QSizeF(100, 100), 3, 3};
        auto data = std::make_shared<const GridData>(g, 1, std::vector<float>{0.1f, 0.2f, 0.3f, 0.4f, 0.9f, 0.5f, 0.6f, 0.7f, 0.8f},
                                                     QString());
        stack_->addLayer(new HeatmapLayer(QStringLiteral("attention-max"), QStringLiteral("Max attention"), data));
        dock_ = new AgreementDock(stack_, document_);
        QVERIFY(dock_->selectGroup(QStringLiteral("tumor")));
        QTRY_VERIFY(dock_->agreement() && !dock_->isComputing());
    }

    void cleanup() {
        delete dock_;
        delete stack_;
        delete document_;
    }

    void labelsShowTheNumbers() {
        QCOMPARE(text("aucLabel"), QStringLiteral("0.950"));
        QVERIFY2(text("pointingLabel").startsWith(QLatin1String("hit")), qPrintable(text("pointingLabel")));
        for (int i = 0; i < 6; ++i) QCOMPARE(text(qPrintable(QStringLiteral("froc%1").arg(i))), QStringLiteral("1.000"));
        QVERIFY(text("frocScoreLabel").startsWith(QLatin1String("1.000")));
        dock_->setThreshold(0.55);
        QCOMPARE(text("diceLabel"), QStringLiteral("0.750"));
        QCOMPARE(text("iouLabel"), QStringLiteral("0.600"));
        QCOMPARE(text("countsLabel"), QStringLiteral("TP 3, FP 1, FN 1, TN 4"));
    }

    void thresholdChangesDice() {
        dock_->setThreshold(0.55);
        QCOMPARE(text("diceLabel"), QStringLiteral("0.750"));
        dock_->setThreshold(0.35);
        QCOMPARE(text("diceLabel"), QStringLiteral("0.800"));
        // The slider moves the threshold too: the top step is the map's maximum, 0.9 alone.
        auto* slider = dock_->findChild<QSlider*>(QStringLiteral("thresholdSlider"));
        QVERIFY(slider);
        slider->setValue(slider->maximum());
        QCOMPARE(text("countsLabel"), QStringLiteral("TP 1, FP 0, FN 3, TN 5"));
        QCOMPARE(text("diceLabel"), QStringLiteral("0.400"));  // 2 / (2 + 3)
    }

    void layerMarksFalseCells() {
        dock_->setThreshold(0.55);
        auto* layer = qobject_cast<AgreementLayer*>(stack_->layer(QStringLiteral("agreement")));
        QVERIFY(layer && layer->data());
        QCOMPARE(layer->data()->at(0, 2, 0), 1.0f);  // FP 0.6
        QCOMPARE(layer->data()->at(0, 1, 2), 2.0f);  // FN 0.5
        QVERIFY(std::isnan(layer->data()->at(0, 1, 1)));
        QCOMPARE(layer->valueAt(QPointF(50, 250)).value_or(QString()), QStringLiteral("false positive"));
    }

    void nextCentresOnTheCells() {
        dock_->setThreshold(0.35);
        QSignalSpy spy(dock_, &AgreementDock::centreRequested);
        auto* next = dock_->findChild<QPushButton*>(QStringLiteral("nextButton"));
        QVERIFY(next);
        next->click();  // the most confident false positive first: 0.6 at (2,0)
        QCOMPARE(spy.size(), 1);
        QCOMPARE(spy.at(0).at(0).toPointF(), QPointF(50, 250));
        next->click();  // then 0.4 at (1,0)
        QCOMPARE(spy.at(1).at(0).toPointF(), QPointF(50, 150));
        dock_->previous();
        QCOMPARE(spy.at(2).at(0).toPointF(), QPointF(50, 250));
        dock_->setThreshold(0.55);
        dock_->setNavigation(AgreementDock::Navigate::FalseNegatives);
        dock_->next();  // the one false negative: 0.5 at (1,2)
        QCOMPARE(spy.at(3).at(0).toPointF(), QPointF(250, 150));
    }

    void groupAndAnnotationChangesRecompute() {
        // Every annotation: cell (0,0) (0.1) is truth too; positives 0.9 0.8 0.7 beat all 4
        // negatives, 0.5 beats 3, 0.1 none: 15 / 20 = 0.750.
        QVERIFY(dock_->selectGroup(QString()));
        QTRY_VERIFY(!dock_->isComputing());
        QCOMPARE(text("aucLabel"), QStringLiteral("0.750"));
        // Deleting the "other" rectangle brings back the first numbers.
        document_->deleteAnnotations({document_->annotations().annotations().back().id});
        QTRY_VERIFY(!dock_->isComputing());
        QCOMPARE(text("aucLabel"), QStringLiteral("0.950"));
    }

    void emptyGroupSaysWhy() {
        std::vector<quint64> ids;
        for (const Annotation& a : document_->annotations().annotations()) ids.push_back(a.id);
        document_->deleteAnnotations(ids);
        QTRY_VERIFY(!dock_->isComputing());
        QCOMPARE(text("aucLabel"), QStringLiteral("undefined"));
        QVERIFY(!text("problemLabel").isEmpty());
    }
};

SLIDESIGHT_TEST_SUITE(TestAgreementDock)
#include "tst_agreementdock.moc"
