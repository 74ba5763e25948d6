// A heatmap lines up with the slide: a synthetic slide whose pixels are a checkerboard of
// 150 x 110 level-0 blocks starting at (37, 53) (neither a multiple of the 256 px tiles) under a
// HeatmapLayer with the same grid and a checkerboard of values. At several zooms every colour
// change of the heatmap lies on a block border (to half a device pixel, and within one level-0
// pixel where device pixels are no larger than two level-0 pixels), and next to the slide's own
// change (within one device pixel).
#include "common/suite.h"

#include "viewer/layers/heatmaplayer.h"
#include "viewer/layers/slidelayer.h"
#include "viewer/slide/openslidesource.h"
#include "viewer/slide/syntheticslidewriter.h"
#include "viewer/tiles/tilecache.h"
#include "viewer/tiles/tilescheduler.h"
#include "viewer/view/slideview.h"

#include <QtCore/QTemporaryDir>
#include <QtTest/QTest>

#include <cmath>
#include <memory>

using namespace slidesight;

namespace {

constexpr double kOriginX = 37;
constexpr double kOriginY = 53;
constexpr double kCellW = 150;
constexpr double kCellH = 110;
constexpr int kRows = 19;
constexpr int kColumns = 19;
constexpr int kWidth = 3000;
constexpr int kHeight = 2200;

bool whiteBlock(int64_t x, int64_t y) {
    const auto column = static_cast<int64_t>(std::floor((x - kOriginX) / kCellW));
    const auto row = static_cast<int64_t>(std::floor((y - kOriginY) / kCellH));
    return (row + column) % 2 != 0;
}

void checkerSource(int64_t x0, int64_t y0, int width, int height, uint8_t* rgb) {
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x) {
            const int64_t lx = x0 + x;
            const int64_t ly = y0 + y;
            const bool inside = lx >= kOriginX && ly >= kOriginY && lx < kOriginX + kColumns * kCellW &&
                                ly < kOriginY + kRows * kCellH;
            const uint8_t v = inside ? (whiteBlock(lx, ly) ? 255 : 0) : 128;
            uint8_t* p = rgb + (static_cast<size_t>(y) * width + x) * 3;
            p[0] = p[1] = p[2] = v;
        }
}

}  // namespace

class TestLayerAlignment : public QObject {
    Q_OBJECT
private:
    QTemporaryDir dir_;
    std::shared_ptr<OpenSlideSource> source_;
    std::shared_ptr<const TiledSlide> tiled_;

    /// Level-0 positions of the black/white changes along one device row (horizontal) or
    /// column, inside the grid's interior.
    static std::vector<double> changes(const QImage& shot, const SlideView& view, int fixed, bool horizontal) {
        const QTransform toScene = view.viewportTransform().inverted();
        const int n = horizontal ? shot.width() : shot.height();
        std::vector<double> out;
        bool previous = false;
        bool havePrevious = false;
        for (int i = 0; i < n; ++i) {
            const QPoint p = horizontal ? QPoint(i, fixed) : QPoint(fixed, i);
            const QPointF centre = toScene.map(QPointF(p) + QPointF(0.5, 0.5));
            const bool interior = centre.x() > kOriginX + 2 && centre.y() > kOriginY + 2 &&
                                  centre.x() < kOriginX + kColumns * kCellW - 2 &&
                                  centre.y() < kOriginY + kRows * kCellH - 2;
            if (!interior) {
                havePrevious = false;
                continue;
            }
            const bool white = qGray(shot.pixel(p)) > 127;
            if (havePrevious && white != previous) {
                const QPointF edge = toScene.map(horizontal ? QPointF(i, fixed + 0.5) : QPointF(fixed + 0.5, i));
                out.push_back(horizontal ? edge.x() : edge.y());
            }
            previous = white;
            havePrevious = true;
        }
        return out;
    }

    static double distanceToBorder(double position, double origin, double cell) {
        const double k = std::round((position - origin) / cell);
        return std::abs(position - (origin + k * cell));
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        SyntheticSlideWriter::Options o;
        o.width = kWidth;
        o.height = kHeight;
        o.jpegQuality = 95;
        const QString path = dir_.filePath(QStringLiteral("checker.svs"));
        const auto written = SyntheticSlideWriter::write(path.toStdString(), o, &checkerSource);
        QVERIFY2(written.ok(), written.error().c_str());
        auto opened = OpenSlideSource::open(path.toStdString());
        QVERIFY2(opened.ok(), opened.error().c_str());
        source_ = opened.value();
        tiled_ = std::make_shared<TiledSlide>(source_);
    }

    void heatmapBordersFallOnSlideBorders_data() {
        QTest::addColumn<double>("downsample");
        QTest::addColumn<QPointF>("centre");
        QTest::newRow("1") << 1.0 << QPointF(1201.3, 977.6);
        QTest::newRow("2") << 2.0 << QPointF(1403.0, 1050.2);
        QTest::newRow("4") << 4.0 << QPointF(1500.0, 1100.0);
        QTest::newRow("0.5") << 0.5 << QPointF(808.8, 640.1);
        QTest::newRow("1.37") << 1.37 << QPointF(1333.0, 901.0);
    }
    void heatmapBordersFallOnSlideBorders() {
        QFETCH(double, downsample);
        QFETCH(QPointF, centre);
        TileCache cache;
        TileScheduler scheduler(&cache, 2);
        SlideLayer slide(tiled_, &cache, &scheduler);
        GridGeometry g;
        g.origin = QPointF(kOriginX, kOriginY);
        g.cellSize = QSizeF(kCellW, kCellH);
        g.rows = kRows;
        g.columns = kColumns;
        std::vector<float> values(static_cast<size_t>(kRows * kColumns));
        for (int r = 0; r < kRows; ++r)
            for (int c = 0; c < kColumns; ++c) values[static_cast<size_t>(r * kColumns + c)] = float((r + c) % 2);
        DisplaySettings gray;
        gray.colormap = Colormap::Gray;
        gray.normalisation = Normalisation::Raw;
        // Opposite colours to the slide, so that the heatmap's changes are its own.
        for (float& v : values) v = 1.0f - v;
        HeatmapLayer heatmap(QStringLiteral("checker"), QStringLiteral("Checker"),
                             std::make_shared<GridData>(g, 1, values, QString()), gray);

        SlideView view;
        view.setAttribute(Qt::WA_DontShowOnScreen);
        view.setAnimated(false);
        view.setScaleBarVisible(false);
        view.resize(640, 480);
        view.show();
        view.setSlideGeometry(QSizeF(kWidth, kHeight), source_->mpp(), source_->info().objectivePower);
        view.addLayer(&slide);
        view.addLayer(&heatmap);
        view.setDownsample(downsample);
        view.centerOnLevelZero(centre);
        view.flushViewChange();
        QTRY_VERIFY_WITH_TIMEOUT(slide.isSharp(view.visibleLevelZeroRect(), view.downsample()) && scheduler.isIdle(),
                                 20000);
        QCOMPARE(view.downsample(), downsample);

        heatmap.setVisible(false);
        const QImage slideShot = view.grab().toImage();
        heatmap.setVisible(true);
        const QImage heatShot = view.grab().toImage();

        // Exactly where the grid puts them: half a device pixel, the rounding of any raster.
        const double heatTolerance = 0.5 * downsample + 1e-6;
        // The slide is resampled (and JPEG-compressed): one device pixel more.
        const double slideTolerance = 1.5 * downsample + 1.0;
        int checked = 0;
        for (bool horizontal : {true, false}) {
            const int lines = horizontal ? heatShot.height() : heatShot.width();
            for (int fixed = 5; fixed < lines; fixed += 23) {
                const std::vector<double> heat = changes(heatShot, view, fixed, horizontal);
                const std::vector<double> pattern = changes(slideShot, view, fixed, horizontal);
                const double origin = horizontal ? kOriginX : kOriginY;
                const double cell = horizontal ? kCellW : kCellH;
                QCOMPARE(heat.size(), pattern.size());
                for (size_t i = 0; i < heat.size(); ++i) {
                    const double off = distanceToBorder(heat[i], origin, cell);
                    QVERIFY2(off <= heatTolerance,
                             qPrintable(QStringLiteral("heatmap change at %1 is %2 from a border").arg(heat[i]).arg(off)));
                    if (downsample <= 2.0) QVERIFY(off <= 1.0 + 1e-6);
                    QVERIFY2(distanceToBorder(pattern[i], origin, cell) <= slideTolerance,
                             qPrintable(QStringLiteral("slide change at %1").arg(pattern[i])));
                    QVERIFY2(std::abs(heat[i] - pattern[i]) <= downsample + 1.0 + 1e-6,
                             qPrintable(QStringLiteral("heatmap %1 vs slide %2").arg(heat[i]).arg(pattern[i])));
                    ++checked;
                }
            }
        }
        QVERIFY2(checked > 20, qPrintable(QString::number(checked)));
    }
};

SLIDESIGHT_TEST_SUITE(TestLayerAlignment)
#include "tst_layeralignment.moc"
