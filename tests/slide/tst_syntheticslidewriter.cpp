// The synthetic slide writer: its pattern, its argument checks, and the TIFF structure it writes
// (inspected with libtiff; tst_openslidesource checks that OpenSlide reads the files).
#include "common/suite.h"
#include "slidetestutil.h"

#include "viewer/slide/syntheticslidewriter.h"

#include <QtCore/QDir>
#include <QtCore/QFileInfo>
#include <QtCore/QTemporaryDir>
#include <QtTest/QtTest>

#include <tiffio.h>

#include <memory>

using namespace slidesight;
using slidesight::testutil::maxChannelDifference;

namespace {

struct TiffCloser {
    void operator()(TIFF* t) const {
        if (t) TIFFClose(t);
    }
};
using TiffPtr = std::unique_ptr<TIFF, TiffCloser>;

/// What one TIFF directory holds.
struct Directory {
    uint32_t width = 0, height = 0, tileWidth = 0;
    bool tiled = false;
    uint16_t compression = 0, photometric = 0;
    uint32_t subfileType = 0;
    QString description;
    bool hasResolution = false;
    float xResolution = 0;
    uint16_t resolutionUnit = 0;
};

QList<Directory> readDirectories(const QString& path) {
    QList<Directory> out;
    TiffPtr tif(TIFFOpen(QFile::encodeName(path).constData(), "r"));
    if (!tif) return out;
    do {
        Directory d;
        TIFFGetField(tif.get(), TIFFTAG_IMAGEWIDTH, &d.width);
        TIFFGetField(tif.get(), TIFFTAG_IMAGELENGTH, &d.height);
        d.tiled = TIFFIsTiled(tif.get());
        if (d.tiled) TIFFGetField(tif.get(), TIFFTAG_TILEWIDTH, &d.tileWidth);
        TIFFGetField(tif.get(), TIFFTAG_COMPRESSION, &d.compression);
        TIFFGetField(tif.get(), TIFFTAG_PHOTOMETRIC, &d.photometric);
        TIFFGetField(tif.get(), TIFFTAG_SUBFILETYPE, &d.subfileType);
        char* text = nullptr;
        if (TIFFGetField(tif.get(), TIFFTAG_IMAGEDESCRIPTION, &text) && text)
            d.description = QString::fromUtf8(text);
        d.hasResolution = TIFFGetField(tif.get(), TIFFTAG_XRESOLUTION, &d.xResolution) != 0;
        TIFFGetField(tif.get(), TIFFTAG_RESOLUTIONUNIT, &d.resolutionUnit);
        out << d;
    } while (TIFFReadDirectory(tif.get()));
    return out;
}

}  // namespace

class TestSyntheticSlideWriter : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void patternIsBlockwiseAndDistinct();
    void patternSourceMatchesPatternRgb();
    void rejectsBadOptions_data();
    void rejectsBadOptions();
    void failsOnUnwritablePath();
    void aperioStructure();
    void genericTiffStructure();
    void pixelSourceCoversLevelZeroOnce();
    void progressReachesOne();

private:
    QTemporaryDir dir_;
};

void TestSyntheticSlideWriter::initTestCase() {
    QVERIFY(dir_.isValid());
}

void TestSyntheticSlideWriter::patternIsBlockwiseAndDistinct() {
    for (int by = 0; by < 48; ++by) {
        for (int bx = 0; bx < 64; ++bx) {
            const uint32_t c = SyntheticSlideWriter::patternRgb(bx * 64, by * 64);
            QCOMPARE(c >> 24, 0u);  // RGB only, no alpha
            for (int channel = 0; channel < 3; ++channel) {
                const int v = (c >> (8 * channel)) & 0xFF;
                QVERIFY(v >= 40 && v < 220);  // never near white or black
            }
            // Constant inside the 64 x 64 block.
            QCOMPARE(SyntheticSlideWriter::patternRgb(bx * 64 + 63, by * 64 + 63), c);
            QCOMPARE(SyntheticSlideWriter::patternRgb(bx * 64 + 31, by * 64 + 5), c);
            // Neighbouring blocks differ clearly in at least one channel, so a pixel read back
            // tells which block it came from.
            QVERIFY(maxChannelDifference(c, SyntheticSlideWriter::patternRgb((bx + 1) * 64, by * 64)) >= 29);
            QVERIFY(maxChannelDifference(c, SyntheticSlideWriter::patternRgb(bx * 64, (by + 1) * 64)) >= 29);
        }
    }
    // Hand-computed: block (1, 2) -> r = 40 + 37, g = 40 + 106, b = 40 + 5 * 29.
    QCOMPARE(SyntheticSlideWriter::patternRgb(64, 128), (77u << 16) | (146u << 8) | 185u);
}

void TestSyntheticSlideWriter::patternSourceMatchesPatternRgb() {
    const int w = 70, h = 3;
    std::vector<uint8_t> rgb(w * h * 3, 0);
    SyntheticSlideWriter::patternSource(100, 62, w, h, rgb.data());
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            const uint32_t c = SyntheticSlideWriter::patternRgb(100 + x, 62 + y);
            const uint8_t* p = &rgb[(y * w + x) * 3];
            QCOMPARE((uint32_t(p[0]) << 16) | (uint32_t(p[1]) << 8) | p[2], c);
        }
}

void TestSyntheticSlideWriter::rejectsBadOptions_data() {
    QTest::addColumn<qint64>("width");
    QTest::addColumn<int>("tileSize");
    QTest::addColumn<QList<int>>("downsamples");

    QTest::newRow("zero width") << qint64(0) << 256 << QList<int>{1, 4};
    QTest::newRow("tile not a multiple of 16") << qint64(512) << 100 << QList<int>{1, 4};
    QTest::newRow("no levels") << qint64(512) << 256 << QList<int>{};
    QTest::newRow("first level not 1") << qint64(512) << 256 << QList<int>{2, 4};
    QTest::newRow("not increasing") << qint64(512) << 256 << QList<int>{1, 4, 4};
    QTest::newRow("not a multiple") << qint64(512) << 256 << QList<int>{1, 4, 6};
    QTest::newRow("does not divide the tile") << qint64(512) << 256 << QList<int>{1, 3};
}

void TestSyntheticSlideWriter::rejectsBadOptions() {
    QFETCH(qint64, width);
    QFETCH(int, tileSize);
    QFETCH(QList<int>, downsamples);
    SyntheticSlideWriter::Options o;
    o.width = width;
    o.height = 256;
    o.tileSize = tileSize;
    o.downsamples.assign(downsamples.begin(), downsamples.end());
    const QString path = dir_.filePath(QStringLiteral("bad.svs"));
    const auto result = SyntheticSlideWriter::write(path.toStdString(), o, SyntheticSlideWriter::patternSource);
    QVERIFY(!result.ok());
    QVERIFY(!result.error().empty());
    QVERIFY(!QFileInfo::exists(path));
}

void TestSyntheticSlideWriter::failsOnUnwritablePath() {
    SyntheticSlideWriter::Options o;
    o.width = 256;
    o.height = 256;
    o.downsamples = {1};
    const QString path = dir_.filePath(QStringLiteral("no-such-folder/x.svs"));
    const auto result = SyntheticSlideWriter::write(path.toStdString(), o, SyntheticSlideWriter::patternSource);
    QVERIFY(!result.ok());
    QVERIFY2(QString::fromStdString(result.error()).contains(QStringLiteral("x.svs")),
             result.error().c_str());
}

void TestSyntheticSlideWriter::aperioStructure() {
    SyntheticSlideWriter::Options o;
    o.width = 3000;
    o.height = 2200;
    o.downsamples = {1, 4, 16};
    o.mpp = 0.25;
    o.objectivePower = 40;
    const QString path = dir_.filePath(QStringLiteral("aperio.svs"));
    const auto result = SyntheticSlideWriter::write(path.toStdString(), o, SyntheticSlideWriter::patternSource);
    QVERIFY2(result.ok(), result.error().c_str());
    QVERIFY(!QFileInfo::exists(path + QStringLiteral(".partial")));

    const QList<Directory> dirs = readDirectories(path);
    QCOMPARE(dirs.size(), 4);  // level 0, thumbnail, level 1, level 2
    const Directory& l0 = dirs[0];
    QCOMPARE(l0.width, 3000u);
    QCOMPARE(l0.height, 2200u);
    QVERIFY(l0.tiled);
    QCOMPARE(l0.tileWidth, 256u);
    QCOMPARE(l0.compression, uint16_t(COMPRESSION_JPEG));
    QCOMPARE(l0.photometric, uint16_t(PHOTOMETRIC_YCBCR));
    QCOMPARE(l0.subfileType, 0u);
    QVERIFY(l0.description.startsWith(QStringLiteral("Aperio")));
    QVERIFY2(l0.description.contains(QStringLiteral("|MPP = 0.25")), qPrintable(l0.description));
    QVERIFY2(l0.description.contains(QStringLiteral("|AppMag = 40")), qPrintable(l0.description));
    QVERIFY(l0.hasResolution);
    QCOMPARE(l0.resolutionUnit, uint16_t(RESUNIT_CENTIMETER));
    QCOMPARE(l0.xResolution, 40000.0f);  // 1 cm / 0.25 µm

    // Aperio keeps the thumbnail, stripped rather than tiled, in the second directory.
    const Directory& thumb = dirs[1];
    QVERIFY(!thumb.tiled);
    QVERIFY(std::max(thumb.width, thumb.height) <= 768u);
    QVERIFY(thumb.width > 100u);

    QCOMPARE(dirs[2].width, 750u);
    QCOMPARE(dirs[2].height, 550u);
    QVERIFY(dirs[2].tiled);
    QCOMPARE(dirs[2].subfileType, uint32_t(FILETYPE_REDUCEDIMAGE));
    QCOMPARE(dirs[2].xResolution, 10000.0f);  // four times coarser
    QCOMPARE(dirs[3].width, 188u);  // ceil(750 / 4)
    QCOMPARE(dirs[3].height, 138u);  // ceil(550 / 4)
    QVERIFY(dirs[3].tiled);
}

void TestSyntheticSlideWriter::genericTiffStructure() {
    SyntheticSlideWriter::Options o;
    o.width = 1500;
    o.height = 1000;
    o.downsamples = {1, 2};
    o.flavour = SyntheticSlideWriter::Flavour::GenericTiff;
    const QString path = dir_.filePath(QStringLiteral("generic.tif"));
    const auto result = SyntheticSlideWriter::write(path.toStdString(), o, SyntheticSlideWriter::patternSource);
    QVERIFY2(result.ok(), result.error().c_str());
    const QList<Directory> dirs = readDirectories(path);
    QCOMPARE(dirs.size(), 2);  // no thumbnail: that is an Aperio convention
    for (const Directory& d : dirs) {
        QVERIFY(d.tiled);
        QVERIFY(d.description.isEmpty());
        QVERIFY(!d.hasResolution);  // no physical size at all
    }
    QCOMPARE(dirs[1].width, 750u);
    QCOMPARE(dirs[1].height, 500u);
}

void TestSyntheticSlideWriter::pixelSourceCoversLevelZeroOnce() {
    SyntheticSlideWriter::Options o;
    o.width = 700;
    o.height = 300;
    o.tileSize = 128;
    o.downsamples = {1, 2};
    QVector<int> hits(700 * 300, 0);
    const auto counting = [&hits](int64_t x0, int64_t y0, int w, int h, uint8_t* rgb) {
        for (int y = 0; y < h; ++y)
            for (int x = 0; x < w; ++x) ++hits[int((y0 + y) * 700 + x0 + x)];
        SyntheticSlideWriter::patternSource(x0, y0, w, h, rgb);
    };
    const auto result = SyntheticSlideWriter::write(dir_.filePath("count.svs").toStdString(), o, counting);
    QVERIFY2(result.ok(), result.error().c_str());
    QCOMPARE(int(std::count(hits.begin(), hits.end(), 1)), int(hits.size()));
}

void TestSyntheticSlideWriter::progressReachesOne() {
    SyntheticSlideWriter::Options o;
    o.width = 600;
    o.height = 1000;
    o.downsamples = {1, 4};
    QList<double> reported;
    o.progress = [&reported](double f) { reported << f; };
    const auto result = SyntheticSlideWriter::write(dir_.filePath("progress.svs").toStdString(), o,
                                                    SyntheticSlideWriter::patternSource);
    QVERIFY2(result.ok(), result.error().c_str());
    QCOMPARE(reported.size(), 4);  // one per row of 256-pixel tiles
    QVERIFY(std::is_sorted(reported.begin(), reported.end()));
    QVERIFY(reported.front() > 0.0);
    QCOMPARE(reported.back(), 1.0);
}

SLIDESIGHT_GUILESS_TEST_SUITE(TestSyntheticSlideWriter)
#include "tst_syntheticslidewriter.moc"
