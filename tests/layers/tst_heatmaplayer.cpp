// HeatmapLayer: one premultiplied pixel per cell with the colormap's colours, transparency
// for NaN and below the threshold, values and legend, signals, painting at exact cell borders,
// the layer's opacity applied once, colouring cached by data and settings, never by view, and
// a notice (a degenerate map) painted, put in the legend and the value instead of the values.
#include "common/gridfixtures.h"
#include "common/suite.h"

#include "viewer/layers/heatmaplayer.h"
#include "viewer/view/slideview.h"

#include <QtGui/QPainter>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>
#include <QtWidgets/QApplication>

#include <cmath>
#include <limits>

using namespace slidesight;

namespace {

using slidesight::test::kNaN;

GridDataPtr smallGrid(int channels = 1) {
    GridGeometry g;
    g.origin = QPointF(10, 20);
    g.cellSize = QSizeF(8, 4);
    g.rows = 2;
    g.columns = 3;
    std::vector<float> v = {0.0f, 0.5f, 1.0f, kNaN, 0.25f, 0.75f};
    for (int c = 1; c < channels; ++c)
        for (int i = 0; i < 6; ++i) v.push_back(std::isnan(v[static_cast<size_t>(i)]) ? kNaN : v[static_cast<size_t>(i)] * (c + 1));
    return std::make_shared<GridData>(g, channels, std::move(v), QStringLiteral("p"));
}

/// A large checkerboard grid of 0 / 1 values: cells of 100 x 60 level-0 pixels at (30, 50).
GridDataPtr checkerGrid(int rows, int columns) {
    GridGeometry g;
    g.origin = QPointF(30, 50);
    g.cellSize = QSizeF(100, 60);
    g.rows = rows;
    g.columns = columns;
    std::vector<float> v(static_cast<size_t>(rows * columns));
    for (int r = 0; r < rows; ++r)
        for (int c = 0; c < columns; ++c) v[static_cast<size_t>(r * columns + c)] = static_cast<float>((r + c) % 2);
    return std::make_shared<GridData>(g, 1, std::move(v), QString());
}

QRgb at(const std::array<QRgb, 256>& table, double unit) { return table[static_cast<size_t>(std::min(255, int(unit * 256)))]; }

}  // namespace

class TestHeatmapLayer : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void imageHasOnePixelPerCell() {
        HeatmapLayer layer(QStringLiteral("h"), QStringLiteral("Heat"), smallGrid());
        const QImage image = layer.image();
        QCOMPARE(image.size(), QSize(3, 2));
        QCOMPARE(image.format(), QImage::Format_ARGB32_Premultiplied);
        const auto& viridis = colormapTable(Colormap::Viridis);
        QCOMPARE(image.pixel(0, 0), viridis[0]);
        QCOMPARE(image.pixel(1, 0), viridis[128]);
        QCOMPARE(image.pixel(2, 0), viridis[255]);
        QCOMPARE(image.pixel(1, 1), at(viridis, 0.25));
        QCOMPARE(image.pixel(2, 1), at(viridis, 0.75));
        QCOMPARE(qAlpha(image.pixel(0, 1)), 0);  // NaN
        QCOMPARE(layer.levelZeroBounds(), QRectF(10, 20, 24, 8));
    }

    void thresholdHidesLowCells() {
        DisplaySettings d;
        d.colormap = Colormap::Gray;
        d.threshold = 0.5;
        HeatmapLayer layer(QStringLiteral("h"), QStringLiteral("Heat"), smallGrid(), d);
        const QImage image = layer.image();
        QCOMPARE(qAlpha(image.pixel(0, 0)), 0);    // 0 < 0.5
        QCOMPARE(qAlpha(image.pixel(1, 1)), 0);    // 0.25 < 0.5
        QCOMPARE(qAlpha(image.pixel(0, 1)), 0);    // NaN
        QCOMPARE(image.pixel(1, 0), qRgb(128, 128, 128));  // 0.5 is not below
        QCOMPARE(image.pixel(2, 0), qRgb(255, 255, 255));
        QCOMPARE(image.pixel(2, 1), qRgb(192, 192, 192));
        // The threshold hides cells without changing the normalisation.
        QCOMPARE(layer.legend().low, 0.0);
        QCOMPARE(layer.legend().high, 1.0);
    }

    void channelsAndQualifiedId() {
        HeatmapLayer layer(QStringLiteral("attention-max"), QStringLiteral("Attention"), smallGrid(3));
        QCOMPARE(layer.qualifiedId(), QStringLiteral("attention-max:0"));
        layer.setChannel(ChannelSelection::channel(2));
        QCOMPARE(layer.qualifiedId(), QStringLiteral("attention-max:2"));
        QCOMPARE(layer.rawValueAt(QPointF(19, 21)), std::optional<double>(1.5));  // 0.5 * 3
        layer.setChannel(ChannelSelection::maximum());
        QCOMPARE(layer.qualifiedId(), QStringLiteral("attention-max:max"));
        QCOMPARE(layer.rawValueAt(QPointF(27, 21)), std::optional<double>(3.0));
        layer.setChannel(ChannelSelection::mean());
        QCOMPARE(layer.rawValueAt(QPointF(27, 21)), std::optional<double>(2.0));
        QCOMPARE(layer.legend().title, QStringLiteral("Attention (mean over channels)"));
        layer.setChannel(ChannelSelection::channel(7));
        QCOMPARE(layer.legend().title, QStringLiteral("Attention (channel 7)"));
        HeatmapLayer single(QStringLiteral("tissue"), QStringLiteral("Tissue"), smallGrid());
        QCOMPARE(single.qualifiedId(), QStringLiteral("tissue"));
        QCOMPARE(single.legend().title, QStringLiteral("Tissue"));
    }

    void valueText() {
        HeatmapLayer layer(QStringLiteral("h"), QStringLiteral("Heat"), smallGrid());
        QCOMPARE(layer.valueAt(QPointF(19, 21)), std::optional<QString>(QStringLiteral("0.5 p")));
        QCOMPARE(layer.valueAt(QPointF(19, 25)), std::optional<QString>(QStringLiteral("0.25 p")));
        QVERIFY(!layer.valueAt(QPointF(11, 25)));  // NaN
        QVERIFY(!layer.valueAt(QPointF(5, 5)));    // outside
        layer.setUntrained(true);
        QCOMPARE(layer.valueAt(QPointF(19, 21)), std::optional<QString>(QStringLiteral("0.5 p (untrained)")));
        QVERIFY(layer.legend().untrained);

        GridGeometry g;
        g.cellSize = QSizeF(1, 1);
        g.rows = 1;
        g.columns = 3;
        HeatmapLayer digits(QStringLiteral("d"), QStringLiteral("D"),
                            std::make_shared<GridData>(g, 1, std::vector<float>{0.123456f, 12345.6f, 2.0e-5f}, QString()));
        QCOMPARE(digits.valueAt(QPointF(0.5, 0.5)), std::optional<QString>(QStringLiteral("0.123")));
        QCOMPARE(digits.valueAt(QPointF(1.5, 0.5)), std::optional<QString>(QStringLiteral("12346")));
        QCOMPARE(digits.valueAt(QPointF(2.5, 0.5)), std::optional<QString>(QStringLiteral("2e-05")));
    }

    void legendFollowsNormalisation() {
        DisplaySettings d;
        d.normalisation = Normalisation::Raw;
        d.rawLow = -1;
        d.rawHigh = 3;
        d.colormap = Colormap::Magma;
        HeatmapLayer layer(QStringLiteral("h"), QStringLiteral("Heat"), smallGrid(), d);
        Legend legend = layer.legend();
        QCOMPARE(legend.low, -1.0);
        QCOMPARE(legend.high, 3.0);
        QCOMPARE(legend.colormap, Colormap::Magma);
        QCOMPARE(legend.units, QStringLiteral("p"));
        d.normalisation = Normalisation::Percentile;
        d.lowPercentile = 0;
        d.highPercentile = 50;  // of 0 0.25 0.5 0.75 1
        layer.setDisplay(d);
        legend = layer.legend();
        QCOMPARE(legend.low, 0.0);
        QCOMPARE(legend.high, 0.5);
        QCOMPARE(legend.normalisation, Normalisation::Percentile);
    }

    void signals() {
        HeatmapLayer layer(QStringLiteral("h"), QStringLiteral("Heat"), smallGrid(2));
        QSignalSpy content(&layer, &Layer::contentChanged);
        QSignalSpy display(&layer, &HeatmapLayer::displayChanged);
        DisplaySettings d;
        d.colormap = Colormap::Jet;
        layer.setDisplay(d);
        layer.setDisplay(d);  // no change, no signal
        layer.setChannel(ChannelSelection::channel(1));
        layer.setData(checkerGrid(2, 2));
        QCOMPARE(content.count(), 3);
        QCOMPARE(display.count(), 3);
        QCOMPARE(content.at(0).at(0).toRectF(), QRectF(10, 20, 24, 8));
        QCOMPARE(content.at(2).at(0).toRectF(), QRectF(10, 20, 24, 8).united(QRectF(30, 50, 200, 120)));
    }

    void paintsCellsAtExactDeviceBorders() {
        // Scale 0.37 device px per level-0 px and an odd offset: every device pixel must show
        // the cell under its centre.
        HeatmapLayer layer(QStringLiteral("h"), QStringLiteral("Heat"), checkerGrid(6, 7));
        QImage target(400, 300, QImage::Format_ARGB32_Premultiplied);
        target.fill(Qt::black);
        QPainter p(&target);
        const QTransform t(0.37, 0, 0, 0.37, 13.25, -4.5);
        p.setWorldTransform(t);
        layer.paint(p, QRectF(0, 0, 1000, 1000), 1 / 0.37);
        p.end();
        const auto& viridis = colormapTable(Colormap::Viridis);
        const GridGeometry& g = layer.data()->geometry();
        const QTransform inverse = t.inverted();
        for (int y = 0; y < target.height(); ++y)
            for (int x = 0; x < target.width(); ++x) {
                const QPointF centre = inverse.map(QPointF(x + 0.5, y + 0.5));
                const auto cell = g.cellAt(centre);
                const QRgb expected =
                    cell ? ((cell->first + cell->second) % 2 ? viridis[255] : viridis[0]) : qRgb(0, 0, 0);
                if (target.pixel(x, y) != expected)
                    QFAIL(qPrintable(QStringLiteral("device (%1, %2)").arg(x).arg(y)));
            }
    }

    void noticeReplacesTheValues() {
        HeatmapLayer layer(QStringLiteral("gradcam"), QStringLiteral("Grad-CAM"), checkerGrid(6, 7));
        QSignalSpy display(&layer, &HeatmapLayer::displayChanged);
        const QString notice = QStringLiteral("This map is degenerate.");
        layer.setNotice(notice);
        QCOMPARE(display.count(), 1);
        QCOMPARE(layer.notice(), notice);
        QCOMPARE(layer.legend().notice, notice);
        QCOMPARE(layer.valueAt(QPointF(35, 55)), std::optional<QString>(notice));
        QVERIFY(!layer.valueAt(QPointF(5, 5)));  // outside the grid
        QImage target(400, 300, QImage::Format_ARGB32_Premultiplied);
        target.fill(Qt::black);
        QPainter p(&target);
        p.setWorldTransform(QTransform(0.5, 0, 0, 0.5, 0, 0));
        layer.paint(p, QRectF(0, 0, 1000, 1000), 2.0);
        p.end();
        // No cell colour anywhere; the notice box (white) near the grid's top-left corner.
        const auto& viridis = colormapTable(Colormap::Viridis);
        int white = 0;
        for (int y = 0; y < target.height(); ++y)
            for (int x = 0; x < target.width(); ++x) {
                QVERIFY(target.pixel(x, y) != viridis[0] && target.pixel(x, y) != viridis[255]);
                if (qRed(target.pixel(x, y)) > 200 && qGreen(target.pixel(x, y)) > 200) ++white;
            }
        QVERIFY(white > 200);
        // Inside the box, which starts 8 px from the grid's corner (15, 25), before its text.
        QVERIFY(qRed(target.pixel(15 + 10, 25 + 10)) > 200 && qBlue(target.pixel(15 + 10, 25 + 10)) > 200);
        // Cleared: the values come back.
        layer.setNotice(QString());
        QVERIFY(layer.valueAt(QPointF(35, 55)) != std::optional<QString>(notice));
        QCOMPARE(layer.rawValueAt(QPointF(35, 55)), std::optional<double>(0.0));
    }

    void paintsUnderARotation() {
        // Exports may rotate: the cells still land where the transform puts them.
        HeatmapLayer layer(QStringLiteral("h"), QStringLiteral("Heat"), checkerGrid(2, 2));
        QImage target(200, 300, QImage::Format_ARGB32_Premultiplied);
        target.fill(Qt::black);
        QPainter p(&target);
        QTransform t;
        t.translate(200, 0);
        t.rotate(90);  // level-0 (x, y) -> device (200 - y, x)
        p.setWorldTransform(t);
        layer.paint(p, QRectF(0, 0, 400, 400), 1.0);
        p.end();
        const auto& viridis = colormapTable(Colormap::Viridis);
        for (const auto& [cell, colour] : {std::pair{QPointF(80, 80), viridis[0]}, std::pair{QPointF(180, 80), viridis[255]},
                                           std::pair{QPointF(80, 140), viridis[255]}, std::pair{QPointF(180, 140), viridis[0]}}) {
            const QPoint d = t.map(cell).toPoint();
            QCOMPARE(target.pixel(d), colour);
        }
        QCOMPARE(target.pixel(QPoint(195, 10)), qRgb(0, 0, 0));  // level-0 y = 5: above the grid
    }

    void panningDoesNotRecolour() {
        SlideView view;
        view.setAttribute(Qt::WA_DontShowOnScreen);
        view.setAnimated(false);
        view.resize(400, 300);
        view.show();
        view.setSlideGeometry(QSizeF(2000, 1500), Mpp{}, std::nullopt);
        auto data = checkerGrid(20, 18);
        HeatmapLayer a(QStringLiteral("a"), QStringLiteral("A"), data);
        DisplaySettings magma;
        magma.colormap = Colormap::Magma;
        HeatmapLayer b(QStringLiteral("b"), QStringLiteral("B"), data, magma);
        view.addLayer(&a);
        view.addLayer(&b);
        view.setDownsample(2.0);
        view.grab();
        const quint64 before = HeatmapLayer::colourisationCount();
        for (int i = 0; i < 40; ++i) {
            view.centerOnLevelZero(QPointF(200 + 37 * i, 150 + 23 * i));
            if (i % 10 == 0) view.setDownsample(0.5 + i / 10.0);
            view.viewport()->repaint();
        }
        view.grab();
        QCOMPARE(HeatmapLayer::colourisationCount(), before);

        // A new colormap colours once, however often it is painted afterwards.
        DisplaySettings jet;
        jet.colormap = Colormap::Jet;
        a.setDisplay(jet);
        for (int i = 0; i < 10; ++i) {
            view.centerOnLevelZero(QPointF(300 + 50 * i, 400));
            view.viewport()->repaint();
        }
        QCOMPARE(HeatmapLayer::colourisationCount(), before + 1);
        // Switching back finds the earlier colouring in the shared cache.
        a.setDisplay(DisplaySettings{});
        view.viewport()->repaint();
        QCOMPARE(HeatmapLayer::colourisationCount(), before + 1);
    }

    void opacityIsAppliedOnce() {
        SlideView view;
        view.setAttribute(Qt::WA_DontShowOnScreen);
        view.setAnimated(false);
        view.setScaleBarVisible(false);
        view.resize(300, 200);
        view.show();
        view.setSlideGeometry(QSizeF(300, 200), Mpp{}, std::nullopt);
        GridGeometry g;
        g.cellSize = QSizeF(300, 200);
        g.rows = g.columns = 1;
        DisplaySettings white;
        white.colormap = Colormap::Gray;
        white.normalisation = Normalisation::Raw;
        HeatmapLayer layer(QStringLiteral("w"), QStringLiteral("White"),
                           std::make_shared<GridData>(g, 1, std::vector<float>{1.0f}, QString()), white);
        view.addLayer(&layer);
        view.setDownsample(1.0);
        view.centerOnLevelZero(QPointF(150, 100));
        const QPoint centre = view.mapFromScene(QPointF(150, 100));
        QCOMPARE(QColor(view.grab().toImage().pixel(centre)), QColor(255, 255, 255));
        layer.setOpacity(0.5);
        const QColor half(view.grab().toImage().pixel(centre));
        // Half of white over the background (48, 48, 52); a second application would give ~99.
        QVERIFY2(std::abs(half.red() - 152) <= 2 && std::abs(half.blue() - 154) <= 2, qPrintable(half.name()));
    }
};

SLIDESIGHT_TEST_SUITE(TestHeatmapLayer)
#include "tst_heatmaplayer.moc"
