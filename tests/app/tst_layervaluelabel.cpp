// The value under the cursor: every visible layer's value at the cursor, top first.
#include "app/layers/layervaluelabel.h"
#include "common/gridfixtures.h"
#include "common/suite.h"
#include "viewer/layers/heatmaplayer.h"
#include "viewer/layers/layerstack.h"
#include "viewer/view/slideview.h"

#include <QtTest/QTest>

#include <memory>

using namespace slidesight;

namespace {
HeatmapLayer* layer(const QString& id, const QString& name, float base) {
    return new HeatmapLayer(id, name, test::makeGridData({}, QSizeF(100, 100), 1, 2, 1, {base, base + 1.0f}));
}
}  // namespace

class TestLayerValueLabel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void showsTheVisibleLayersValues() {
        LayerStack stack;
        stack.addLayer(layer(QStringLiteral("tissue"), QStringLiteral("Tissue"), 0.25f));
        stack.addLayer(layer(QStringLiteral("gradcam"), QStringLiteral("Grad-CAM"), 7.0f));
        SlideView view;
        LayerValueLabel label(&stack, &view);

        Q_EMIT view.cursorMoved(QPointF(150, 50));  // the second cell
        QCOMPARE(label.text(), stack.valuesAt(QPointF(150, 50)).join(QStringLiteral("  ·  ")));
        QVERIFY(label.text().contains(QStringLiteral("Tissue")));
        QVERIFY(label.text().contains(QStringLiteral("Grad-CAM")));
        QVERIFY(label.text().contains(QStringLiteral("1.25")));
        QVERIFY(label.text().contains(QStringLiteral("8")));
        QVERIFY(label.text().indexOf(QStringLiteral("Grad-CAM")) < label.text().indexOf(QStringLiteral("Tissue")));

        stack.layer(QStringLiteral("gradcam"))->setVisible(false);
        Q_EMIT view.cursorMoved(QPointF(50, 50));
        QVERIFY(label.text().contains(QStringLiteral("Tissue")));
        QVERIFY(!label.text().contains(QStringLiteral("Grad-CAM")));

        Q_EMIT view.cursorMoved(QPointF(500, 500));  // outside every layer
        QVERIFY(label.text().isEmpty());
        Q_EMIT view.cursorMoved(QPointF(50, 50));
        QVERIFY(!label.text().isEmpty());
        Q_EMIT view.cursorLeft();
        QVERIFY(label.text().isEmpty());
    }
};

SLIDESIGHT_TEST_SUITE(TestLayerValueLabel)
#include "tst_layervaluelabel.moc"
