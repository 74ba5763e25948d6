// Layer export: the grid PNG is the layer's image; the slide-aligned TIFFs put each cell's
// colour or raw value where the cell lies, record the downsample and resolution, and a failed
// write leaves nothing behind.
#include "app/layers/layerexport.h"
#include "common/gridfixtures.h"
#include "common/suite.h"
#include "viewer/layers/heatmaplayer.h"

#include <QtCore/QDir>
#include <QtCore/QTemporaryDir>
#include <QtGui/QImageReader>
#include <QtTest/QTest>

#include <tiffio.h>

#include <cmath>
#include <limits>
#include <memory>
#include <vector>

using namespace slidesight;

namespace {
using slidesight::test::kNaN;
const QSizeF kSlide(1000, 700);
constexpr int kD = 8;

GridDataPtr exportedGrid() {
    return test::makeGridData(QPointF(100, 50), QSizeF(64, 48), 3, 4, 1,
                              {0.0f, 1.0f, 2.0f, 3.0f, 4.0f, kNaN, 6.0f, 7.0f, 8.0f, 9.0f, 10.0f, 11.5f},
                              QStringLiteral("a.u."));
}

Mpp mpp() { return {0.5, 0.5, MppSource::Slide}; }

/// The exported pixel whose centre lies at the centre of cell (row, column).
QPoint pixelIn(const GridGeometry& g, int row, int column) {
    const QPointF c = g.cellRect(row, column).center();
    return {static_cast<int>(c.x() / kD), static_cast<int>(c.y() / kD)};
}

struct Tiff {
    TIFF* tif = nullptr;
    explicit Tiff(const QString& path) : tif(TIFFOpen(path.toLocal8Bit().constData(), "r")) {}
    ~Tiff() {
        if (tif) TIFFClose(tif);
    }
    /// Row y of count samples (strips are compressed: the rows are read in order up to y).
    template <typename T>
    std::vector<T> row(uint32_t y, size_t count) {
        std::vector<T> line(count);
        for (uint32_t i = 0; i <= y; ++i)
            if (TIFFReadScanline(tif, line.data(), i, 0) < 0) return {};
        return line;
    }
};
}  // namespace

class TestLayerExport : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<HeatmapLayer> layer_;
    QTemporaryDir dir_;

private Q_SLOTS:
    void init() {
        layer_ = std::make_unique<HeatmapLayer>(QStringLiteral("tissue"), QStringLiteral("Tissue"), exportedGrid());
        DisplaySettings d;
        d.colormap = Colormap::Plasma;
        d.threshold = 1.5;  // cells 0 and 1 are not drawn
        layer_->setDisplay(d);
    }

    void pngIsTheImageAtGridResolution() {
        const QString path = dir_.filePath(QStringLiteral("grid.png"));
        QVERIFY(writeLayerPng(snapshotLayer(*layer_, kSlide, mpp()), path).ok());
        const QImage written = QImage(path).convertToFormat(QImage::Format_ARGB32);
        const QImage shown = layer_->image().convertToFormat(QImage::Format_ARGB32);
        QCOMPARE(written.size(), QSize(4, 3));
        for (int r = 0; r < 3; ++r)
            for (int c = 0; c < 4; ++c) QCOMPARE(written.pixel(c, r), shown.pixel(c, r));
        QCOMPARE(qAlpha(written.pixel(0, 0)), 0);  // below the threshold
        QCOMPARE(qAlpha(written.pixel(1, 1)), 0);  // no value
        QCOMPARE(qAlpha(written.pixel(3, 2)), 255);
    }

    void colourTiffIsAlignedWithTheSlide() {
        const QString path = dir_.filePath(QStringLiteral("colour.tif"));
        QVERIFY(writeLayerTiff(snapshotLayer(*layer_, kSlide, mpp()), false, kD, path).ok());
        Tiff t(path);
        QVERIFY(t.tif);
        uint32_t width = 0, height = 0;
        uint16_t samples = 0, bits = 0, format = 0;
        QVERIFY(TIFFGetField(t.tif, TIFFTAG_IMAGEWIDTH, &width));
        QVERIFY(TIFFGetField(t.tif, TIFFTAG_IMAGELENGTH, &height));
        QCOMPARE(width, uint32_t(125));   // ceil(1000 / 8)
        QCOMPARE(height, uint32_t(88));   // ceil(700 / 8)
        TIFFGetFieldDefaulted(t.tif, TIFFTAG_SAMPLESPERPIXEL, &samples);
        TIFFGetFieldDefaulted(t.tif, TIFFTAG_BITSPERSAMPLE, &bits);
        TIFFGetFieldDefaulted(t.tif, TIFFTAG_SAMPLEFORMAT, &format);
        QCOMPARE(samples, uint16_t(4));
        QCOMPARE(bits, uint16_t(8));
        QCOMPARE(format, uint16_t(SAMPLEFORMAT_UINT));
        float xres = 0, yres = 0;
        uint16_t unit = 0;
        QVERIFY(TIFFGetField(t.tif, TIFFTAG_XRESOLUTION, &xres));
        QVERIFY(TIFFGetField(t.tif, TIFFTAG_YRESOLUTION, &yres));
        QVERIFY(TIFFGetField(t.tif, TIFFTAG_RESOLUTIONUNIT, &unit));
        QCOMPARE(unit, uint16_t(RESUNIT_CENTIMETER));
        QVERIFY(std::abs(xres - 1e4 / (0.5 * kD)) < 1e-2);  // 2500 px/cm at 4 µm/px
        QVERIFY(std::abs(yres - 1e4 / (0.5 * kD)) < 1e-2);
        char* description = nullptr;
        QVERIFY(TIFFGetField(t.tif, TIFFTAG_IMAGEDESCRIPTION, &description));
        const QString text = QString::fromUtf8(description);
        QVERIFY(text.contains(QStringLiteral("downsample=8")));
        QVERIFY(text.contains(QStringLiteral("level0-width=1000")));
        QVERIFY(text.contains(QStringLiteral("level0-height=700")));
        QVERIFY(text.contains(QStringLiteral("mpp-x=0.5")));

        const QImage shown = layer_->image().convertToFormat(QImage::Format_ARGB32);
        const GridGeometry& g = layer_->data()->geometry();
        for (int r = 0; r < 3; ++r) {
            for (int c = 0; c < 4; ++c) {
                const QPoint p = pixelIn(g, r, c);
                const auto line = t.row<uint8_t>(static_cast<uint32_t>(p.y()), size_t(width) * 4);
                QVERIFY(!line.empty());
                const uint8_t* px = &line[static_cast<size_t>(p.x()) * 4];
                const QRgb expected = shown.pixel(c, r);
                QCOMPARE(int(px[3]), qAlpha(expected));
                if (qAlpha(expected) == 255) {
                    QCOMPARE(int(px[0]), qRed(expected));
                    QCOMPARE(int(px[1]), qGreen(expected));
                    QCOMPARE(int(px[2]), qBlue(expected));
                }
            }
        }
        QCOMPARE(int(t.row<uint8_t>(0, size_t(width) * 4)[3]), 0);  // outside the grid
    }

    void rawTiffHoldsTheValues() {
        const QString path = dir_.filePath(QStringLiteral("raw.tif"));
        QVERIFY(writeLayerTiff(snapshotLayer(*layer_, kSlide, mpp()), true, kD, path).ok());
        Tiff t(path);
        QVERIFY(t.tif);
        uint32_t width = 0;
        uint16_t samples = 0, bits = 0, format = 0;
        QVERIFY(TIFFGetField(t.tif, TIFFTAG_IMAGEWIDTH, &width));
        TIFFGetFieldDefaulted(t.tif, TIFFTAG_SAMPLESPERPIXEL, &samples);
        TIFFGetFieldDefaulted(t.tif, TIFFTAG_BITSPERSAMPLE, &bits);
        QVERIFY(TIFFGetField(t.tif, TIFFTAG_SAMPLEFORMAT, &format));
        QCOMPARE(samples, uint16_t(1));
        QCOMPARE(bits, uint16_t(32));
        QCOMPARE(format, uint16_t(SAMPLEFORMAT_IEEEFP));
        const GridGeometry& g = layer_->data()->geometry();
        for (int r = 0; r < 3; ++r) {
            for (int c = 0; c < 4; ++c) {
                const QPoint p = pixelIn(g, r, c);
                const auto line = t.row<float>(static_cast<uint32_t>(p.y()), width);
                QVERIFY(!line.empty());
                const float expected = layer_->data()->at(0, r, c);
                const float got = line[static_cast<size_t>(p.x())];
                if (std::isnan(expected)) QVERIFY(std::isnan(got));
                else QCOMPARE(got, expected);  // raw: the threshold does not apply
            }
        }
        // Outside the grid: left of it, below it, and the last pixel.
        QVERIFY(std::isnan(t.row<float>(20, width)[5]));
        QVERIFY(std::isnan(t.row<float>(87, width)[124]));
        // The last pixel inside the grid's last column, and the first one past it.
        const int lastInside = static_cast<int>(std::ceil(g.bounds().right() / kD - 0.5)) - 1;
        QVERIFY(!std::isnan(t.row<float>(uint32_t(pixelIn(g, 2, 3).y()), width)[size_t(lastInside)]));
        QVERIFY(std::isnan(t.row<float>(uint32_t(pixelIn(g, 2, 3).y()), width)[size_t(lastInside + 1)]));
    }

    void downsampleKeepsTheImageManageable() {
        GridGeometry g;
        g.cellSize = QSizeF(256, 256);
        const int d = chooseTiffDownsample(QSizeF(100000, 80000), g);
        QVERIFY(std::ceil(100000.0 / d) <= 8192);
        QVERIFY(256.0 / d >= 8.0);
        QCOMPARE(chooseTiffDownsample(QSizeF(2000, 1000), GridGeometry{QPointF(), QSizeF(4, 4), 1, 1}), 1);
        g.cellSize = QSizeF(16, 16);  // fine grids on huge slides: the size wins
        QVERIFY(std::ceil(200000.0 / chooseTiffDownsample(QSizeF(200000, 1000), g)) <= 8192);
    }

    void failedWriteLeavesNoFile() {
        const LayerSnapshot snapshot = snapshotLayer(*layer_, kSlide, mpp());
        const QString missing = dir_.filePath(QStringLiteral("no/such/folder/x.tif"));
        const auto written = writeLayerTiff(snapshot, true, kD, missing);
        QVERIFY(!written);
        QVERIFY(QString::fromStdString(written.error()).contains(missing));
        QVERIFY(!QFileInfo::exists(missing));

        // The target is a folder: the write fails at the end, and no temporary file stays.
        QTemporaryDir dir;
        const QString target = QDir(dir.path()).filePath(QStringLiteral("taken.tif"));
        QVERIFY(QDir().mkpath(target));
        QVERIFY(!writeLayerTiff(snapshot, false, kD, target).error().empty());
        QVERIFY(!writeLayerPng(snapshot, target).error().empty());
        QCOMPARE(QDir(dir.path()).entryList(QDir::NoDotAndDotDot | QDir::AllEntries | QDir::Hidden),
                 QStringList{QStringLiteral("taken.tif")});
        QVERIFY(QFileInfo(target).isDir());

        QVERIFY(!writeLayerTiff(snapshot, true, 0, dir_.filePath(QStringLiteral("zero.tif"))).error().empty());
        QVERIFY(!QFileInfo::exists(dir_.filePath(QStringLiteral("zero.tif"))));
    }

    void exportDispatchesByFormat() {
        const LayerSnapshot snapshot = snapshotLayer(*layer_, kSlide, mpp());
        const QString png = dir_.filePath(QStringLiteral("d.png"));
        const QString tif = dir_.filePath(QStringLiteral("d.tif"));
        QVERIFY(exportLayer(snapshot, LayerExportFormat::GridPng, png).ok());
        QCOMPARE(QImageReader(png).size(), QSize(4, 3));
        QVERIFY(exportLayer(snapshot, LayerExportFormat::SlideTiffValues, tif).ok());
        Tiff t(tif);
        uint32_t width = 0;
        QVERIFY(TIFFGetField(t.tif, TIFFTAG_IMAGEWIDTH, &width));
        const int d = chooseTiffDownsample(kSlide, layer_->data()->geometry());
        QCOMPARE(width, static_cast<uint32_t>(std::ceil(1000.0 / d)));
    }
};

SLIDESIGHT_TEST_SUITE(TestLayerExport)
#include "tst_layerexport.moc"
