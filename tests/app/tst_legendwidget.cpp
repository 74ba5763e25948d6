// The legend: it renders the layer's colormap, and its labels are the layer's legend values.
#include "app/layers/legendwidget.h"
#include "common/gridfixtures.h"
#include "common/testdata.h"
#include "common/suite.h"
#include "viewer/layers/heatmaplayer.h"

#include <QtTest/QTest>

#include <memory>

using namespace slidesight;

namespace {
GridDataPtr legendGrid() {
    return test::makeGridData(QPointF(0, 0), QSizeF(10, 10), 2, 3, 1, {0.5f, 1.0f, 2.0f, 3.0f, 4.0f, 6.5f},
                              QStringLiteral("mm"));
}
}  // namespace

class TestLegendWidget : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void labelsMatchTheLayerLegend() {
        HeatmapLayer layer(QStringLiteral("test"), QStringLiteral("Test map"), legendGrid());
        LegendWidget legend;
        legend.setLayer(&layer);
        QVERIFY(legend.legend().has_value());
        const Legend l = layer.legend();
        QCOMPARE(legend.lowText(), LegendWidget::formatValue(l.low, l.units));
        QCOMPARE(legend.highText(), LegendWidget::formatValue(l.high, l.units));
        QVERIFY(legend.lowText().contains(QStringLiteral("mm")));
        QCOMPARE(legend.lowText(), QStringLiteral("0.5 mm"));  // min-max: the smallest value
        QCOMPARE(legend.highText(), QStringLiteral("6.5 mm"));

        DisplaySettings d = layer.display();
        d.normalisation = Normalisation::Raw;
        d.rawLow = -1.0;
        d.rawHigh = 12.0;
        layer.setDisplay(d);  // the legend follows the layer
        QCOMPARE(legend.lowText(), QStringLiteral("-1 mm"));
        QCOMPARE(legend.highText(), QStringLiteral("12 mm"));
    }

    void rendersTheRampThresholdAndUntrainedNote() {
        HeatmapLayer layer(QStringLiteral("test"), QStringLiteral("Test map"), legendGrid());
        DisplaySettings d;
        d.colormap = Colormap::Magma;
        d.normalisation = Normalisation::Raw;
        d.rawLow = 0.0;
        d.rawHigh = 10.0;
        layer.setDisplay(d);
        LegendWidget legend;
        legend.setLayer(&layer);
        legend.resize(260, legend.sizeHint().height());
        const int plainHeight = legend.sizeHint().height();
        const QImage image = legend.grab().toImage().convertToFormat(QImage::Format_RGB32);
        QVERIFY(!image.isNull());
        // The ramp row lies below the title; find a row whose left end is magma's low colour
        // and whose right end is magma's high colour.
        const QRgb low = colormapTable(Colormap::Magma)[3];
        const QRgb high = colormapTable(Colormap::Magma)[252];
        bool found = false;
        for (int y = 0; y < image.height() && !found; ++y)
            found = test::colourNear(image.pixel(6, y), low, 12) &&
                    test::colourNear(image.pixel(image.width() - 7, y), high, 12);
        QVERIFY2(found, "the colour ramp of the layer's colormap is drawn");

        d.threshold = 5.0;
        layer.setDisplay(d);
        layer.setUntrained(true);
        QVERIFY(legend.legend()->threshold.has_value());
        QVERIFY(legend.legend()->untrained);
        QVERIFY(legend.sizeHint().height() > plainHeight);  // threshold and untrained lines

        legend.setLayer(nullptr);
        QVERIFY(!legend.legend().has_value());
        QVERIFY(legend.lowText().isEmpty());
        QVERIFY(!legend.grab().isNull());
    }

    void forgetsADeletedLayer() {
        auto layer = std::make_unique<HeatmapLayer>(QStringLiteral("t"), QStringLiteral("T"), legendGrid());
        LegendWidget legend;
        legend.setLayer(layer.get());
        layer.reset();
        QCOMPARE(legend.layer(), nullptr);
        QVERIFY(!legend.grab().isNull());
    }
};

SLIDESIGHT_TEST_SUITE(TestLegendWidget)
#include "tst_legendwidget.moc"
