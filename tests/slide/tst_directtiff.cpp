// The direct JPEG tile reader (DirectTiffReader through OpenSlideSource) against OpenSlide
// itself, pixel for pixel: every 256 px view tile and every file tile of every level of the
// shared slides and of synthetic Aperio and generic tiled TIFFs whose sizes are not whole
// tiles (right and bottom edges), plus unaligned regions and regions over the edge; the TCGA
// slide's tiles are Aperio JPEG 2000 (YCbCr). A truncated file fails with one sentence; reads
// from several threads agree.
#include "common/suite.h"

#include "viewer/slide/directtiffreader.h"
#include "viewer/slide/openslidesource.h"
#include "viewer/slide/syntheticslidewriter.h"

#include "slidetestutil.h"

#include <QtCore/QFile>
#include <QtCore/QTemporaryDir>
#include <QtTest/QtTest>

using namespace slidesight;
using namespace slidesight::testutil;

namespace {

/// Reads one region with each reader; returns the number of differing pixels (or -1 when
/// either read failed) and counts the reads the direct reader served.
int differingPixels(OpenSlideSource& slide, const Region& r, int* direct) {
    slide.setTileReader(TileReader::OpenSlide);
    const auto reference = slide.readRegion(r.level, r.x0, r.y0, r.width, r.height);
    slide.setTileReader(TileReader::Direct);
    const auto ours = slide.readRegion(r.level, r.x0, r.y0, r.width, r.height);
    if (!reference || !ours) return -1;
    if (slide.readsDirectly(r.level, r.x0, r.y0)) ++*direct;
    int differing = 0;
    for (size_t i = 0; i < ours->pixels.size(); ++i) differing += ours->pixels[i] != reference->pixels[i];
    return differing;
}

/// Every tile of `tileWidth` x `tileHeight` of every level, in level-0 coordinates.
std::vector<Region> everyTile(const SlideInfo& info, int tileWidth, int tileHeight, int level) {
    std::vector<Region> regions;
    const SlideLevel& l = info.levels[static_cast<size_t>(level)];
    for (int64_t y = 0; y < l.height; y += tileHeight)
        for (int64_t x = 0; x < l.width; x += tileWidth)
            regions.push_back({level, static_cast<int64_t>(std::llround(static_cast<double>(x) * l.downsample)),
                               static_cast<int64_t>(std::llround(static_cast<double>(y) * l.downsample)), tileWidth,
                               tileHeight});
    return regions;
}

}  // namespace

class TestDirectTiff : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;

    /// Compares every view tile and every file tile of every level the direct reader covers,
    /// and a few unaligned regions; returns the reads the direct reader served.
    int compareEverything(OpenSlideSource& slide) {
        const SlideInfo& info = slide.info();
        int direct = 0;
        for (int level = 0; level < static_cast<int>(info.levels.size()); ++level) {
            const SlideLevel& l = info.levels[static_cast<size_t>(level)];
            std::vector<Region> regions = everyTile(info, 256, 256, level);
            if (l.tileWidth > 0 && l.tileHeight > 0 && (l.tileWidth != 256 || l.tileHeight != 256)) {
                const auto fileTiles = everyTile(info, l.tileWidth, l.tileHeight, level);
                regions.insert(regions.end(), fileTiles.begin(), fileTiles.end());
            }
            const auto at = [&](int64_t levelPixels) {
                return static_cast<int64_t>(std::llround(static_cast<double>(levelPixels) * l.downsample));
            };
            regions.push_back({level, at(37), at(11), 301, 199});
            regions.push_back({level, at(l.width - 100), at(l.height - 50), 300, 200});  // over the edges
            regions.push_back({level, at(-20), at(-30), 64, 64});                        // before the origin
            for (const Region& r : regions) {
                const int differing = differingPixels(slide, r, &direct);
                if (differing != 0)
                    qWarning("level %d, region (%lld, %lld) %dx%d: %d pixels differ", r.level, static_cast<long long>(r.x0),
                             static_cast<long long>(r.y0), r.width, r.height, differing);
                if (differing != 0) return -1;
            }
        }
        return direct;
    }

    QString writeSlide(const QString& name, SyntheticSlideWriter::Flavour flavour, int64_t width, int64_t height, int tile) {
        SyntheticSlideWriter::Options o;
        o.width = width;
        o.height = height;
        o.tileSize = tile;
        o.flavour = flavour;
        const QString path = dir_.filePath(name);
        const auto written = SyntheticSlideWriter::write(path.toStdString(), o, SyntheticSlideWriter::patternSource);
        return written ? path : QString();
    }

private Q_SLOTS:
    void sharedSlides_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("direct");
        QTest::newRow("CMU, JPEG") << QStringLiteral("cmu-1-small-region.svs") << true;
        QTest::newRow("TCGA, JPEG 2000") << QStringLiteral("tcga-cr-7395-01a-01-ts1.svs") << true;
    }
    void sharedSlides() {
        REQUIRE_TEST_DATA();
        QFETCH(QString, name);
        QFETCH(bool, direct);
        QString error;
        const auto slide = openOrFail(realSlide(name), &error);
        QVERIFY2(slide, qPrintable(error));
        for (int level = 0; level < static_cast<int>(slide->info().levels.size()); ++level)
            QCOMPARE(slide->readsDirectly(level), direct);
        const int served = compareEverything(*slide);
        QVERIFY2(served >= 0, "the direct reader's pixels differ from OpenSlide's");
        QCOMPARE(served > 0, direct);
        qInfo("%s: %d reads served by the direct reader, all equal to OpenSlide's", qPrintable(name), served);
    }

    void syntheticSlides_data() {
        QTest::addColumn<int>("flavour");
        QTest::addColumn<int>("tile");
        QTest::newRow("Aperio, 256 px tiles") << int(SyntheticSlideWriter::Flavour::Aperio) << 256;
        QTest::newRow("Aperio, 240 px tiles") << int(SyntheticSlideWriter::Flavour::Aperio) << 240;
        QTest::newRow("generic tiled TIFF") << int(SyntheticSlideWriter::Flavour::GenericTiff) << 256;
    }
    void syntheticSlides() {
        QFETCH(int, flavour);
        QFETCH(int, tile);
        const QString path = writeSlide(QStringLiteral("synthetic-%1-%2.tiff").arg(flavour).arg(tile),
                                        SyntheticSlideWriter::Flavour(flavour), 3001, 2003, tile);
        QVERIFY(!path.isEmpty());
        QString error;
        const auto slide = openOrFail(path, &error);
        QVERIFY2(slide, qPrintable(error));
        for (int level = 0; level < static_cast<int>(slide->info().levels.size()); ++level)
            QVERIFY2(slide->readsDirectly(level), qPrintable(QStringLiteral("level %1").arg(level)));
        const int served = compareEverything(*slide);
        QVERIFY2(served > 0, "the direct reader's pixels differ from OpenSlide's, or it read nothing");
    }

    void environmentChoosesOpenSlide() {
        const QString path = writeSlide(QStringLiteral("environment.tiff"), SyntheticSlideWriter::Flavour::Aperio, 1024, 1024, 256);
        QVERIFY(!path.isEmpty());
        qputenv("SLIDESIGHT_TILE_READER", "openslide");
        QString error;
        const auto slide = openOrFail(path, &error);
        qunsetenv("SLIDESIGHT_TILE_READER");
        QVERIFY2(slide, qPrintable(error));
        QCOMPARE(slide->tileReader(), TileReader::OpenSlide);
        const auto other = openOrFail(path, &error);
        QCOMPARE(other->tileReader(), TileReader::Direct);
    }

    void truncatedTilesFailWithOneSentence() {
        const QString path = writeSlide(QStringLiteral("whole.tiff"), SyntheticSlideWriter::Flavour::Aperio, 2048, 2048, 256);
        QVERIFY(!path.isEmpty());
        // The reader keeps the layout it read at open: cut the file afterwards, as a file
        // being overwritten or on a failing disk would be.
        const auto reader = DirectTiffReader::open(path.toStdString(), {{2048, 2048}});
        QVERIFY(reader && reader->covers(0));
        QFile file(path);
        QVERIFY(file.resize(file.size() / 3));
        std::vector<uint32_t> pixels(256 * 256);
        int failures = 0;
        for (int64_t row = 0; row < 8; ++row)
            for (int64_t column = 0; column < 8; ++column) {
                const Check read = reader->readTile(0, column, row, pixels.data());
                if (!read) {
                    ++failures;
                    QVERIFY2(read.error().find('\n') == std::string::npos && read.error().find("whole.tiff") != std::string::npos,
                             read.error().c_str());
                }
            }
        QVERIFY(failures > 0);
    }

    void concurrentReadsAgree() {
        const QString path = writeSlide(QStringLiteral("threads.tiff"), SyntheticSlideWriter::Flavour::Aperio, 4096, 3072, 240);
        QVERIFY(!path.isEmpty());
        QString error;
        const auto slide = openOrFail(path, &error);
        QVERIFY2(slide && slide->readsDirectly(0), qPrintable(error));
        std::vector<Region> regions = everyTile(slide->info(), 256, 256, 0);
        const auto result = readConcurrently(*slide, regions, 4, 2);
        QCOMPARE(result.failures, 0);
        QCOMPARE(result.mismatches, 0);
        QVERIFY(result.reads > 0);
    }
};

SLIDESIGHT_GUILESS_TEST_SUITE(TestDirectTiff)
#include "tst_directtiff.moc"
