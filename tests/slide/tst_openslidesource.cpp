// OpenSlideSource on synthetic slides written by the tests: metadata, µm/px and its source,
// associated images, pixels, background outside the slide, failures, concurrent reads. The real
// slides of the shared data are tested in tst_realslides.cpp.
#include "common/suite.h"

#include "viewer/slide/openslidesource.h"
#include "viewer/slide/syntheticslidewriter.h"

#include "slidetestutil.h"

#include <QtCore/QFile>
#include <QtCore/QFileInfo>
#include <QtCore/QTemporaryDir>
#include <QtTest/QtTest>

using namespace slidesight;
using namespace slidesight::testutil;

namespace {

/// JPEG (quality 90, 4:2:0 chroma) keeps a block's interior within this of the pattern.
constexpr int kJpegTolerance = 12;

}  // namespace

class TestOpenSlideSource : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void aperioMetadata();
    void genericTiffMetadata();
    void mppSources_data();
    void mppSources();
    void associatedImages();
    void pixelsMatchPattern_data();
    void pixelsMatchPattern();
    void outsideTheSlideIsBackground_data();
    void outsideTheSlideIsBackground();
    void invalidReadsFail();
    void identity();
    void concurrentReadsAreIdentical();
    void unreadableFilesFail_data();
    void unreadableFilesFail();

private:
    QString writeSlide(const QString& name, SyntheticSlideWriter::Options options);
    QTemporaryDir dir_;
    QString aperio_, generic_, powerOnly_, bare_;
};

QString TestOpenSlideSource::writeSlide(const QString& name, SyntheticSlideWriter::Options o) {
    const QString path = dir_.filePath(name);
    const auto written = SyntheticSlideWriter::write(path.toStdString(), o, SyntheticSlideWriter::patternSource);
    return written ? path : QString();
}

void TestOpenSlideSource::initTestCase() {
    QVERIFY(dir_.isValid());
    QVERIFY(!OpenSlideSource::libraryVersion().empty());
    SyntheticSlideWriter::Options o;
    // 3008 x 2208 = 188 x 138 blocks of 16: every level's downsample is exact, and the last
    // column and row of 256-pixel tiles are partial.
    o.width = 3008;
    o.height = 2208;
    o.downsamples = {1, 4, 16};
    o.mpp = 0.25;
    o.objectivePower = 40;
    aperio_ = writeSlide("aperio.svs", o);
    o.mpp = 0;
    o.objectivePower = 20;
    o.width = 1024;
    o.height = 768;
    o.downsamples = {1, 4};
    powerOnly_ = writeSlide("power-only.svs", o);
    o.objectivePower = 0;
    bare_ = writeSlide("bare.svs", o);
    o.flavour = SyntheticSlideWriter::Flavour::GenericTiff;
    o.width = 1500;
    o.height = 1000;
    o.downsamples = {1, 2};
    o.mpp = 0.5;  // ignored: a generic TIFF carries no µm/px
    generic_ = writeSlide("generic.tif", o);
    QVERIFY(!aperio_.isEmpty() && !powerOnly_.isEmpty() && !bare_.isEmpty() && !generic_.isEmpty());
}

void TestOpenSlideSource::aperioMetadata() {
    QString error;
    const auto slide = openOrFail(aperio_, &error);
    QVERIFY2(slide, qPrintable(error));
    const SlideInfo& info = slide->info();
    QCOMPARE(QString::fromStdString(info.vendor), QStringLiteral("aperio"));
    QCOMPARE(info.levels.size(), size_t(3));
    const qint64 sizes[3][2] = {{3008, 2208}, {752, 552}, {188, 138}};
    const double downsamples[3] = {1.0, 4.0, 16.0};
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(info.levels[i].width, sizes[i][0]);
        QCOMPARE(info.levels[i].height, sizes[i][1]);
        QCOMPARE(info.levels[i].downsample, downsamples[i]);
        QCOMPARE(info.levels[i].tileWidth, 256);
        QCOMPARE(info.levels[i].tileHeight, 256);
    }
    QCOMPARE(info.width(), qint64(3008));
    QCOMPARE(info.mpp.source, MppSource::Slide);
    QCOMPARE(info.mpp.x, 0.25);
    QCOMPARE(info.mpp.y, 0.25);
    QVERIFY(info.objectivePower.has_value());
    QCOMPARE(*info.objectivePower, 40.0);
    QCOMPARE(info.backgroundRgb, 0xFFFFFFu);
    QCOMPARE(QString::fromStdString(info.property("openslide.mpp-x").value_or("")).toDouble(), 0.25);
    QVERIFY(std::is_sorted(info.properties.begin(), info.properties.end()));
    QCOMPARE(slide->bestLevelForDownsample(5.0), 1);
}

void TestOpenSlideSource::genericTiffMetadata() {
    QString error;
    const auto slide = openOrFail(generic_, &error);
    QVERIFY2(slide, qPrintable(error));
    const SlideInfo& info = slide->info();
    QCOMPARE(QString::fromStdString(info.vendor), QStringLiteral("generic-tiff"));
    QCOMPARE(info.levels.size(), size_t(2));
    QCOMPARE(info.levels[1].width, qint64(750));
    QCOMPARE(info.levels[1].height, qint64(500));
    QCOMPARE(info.levels[1].downsample, 2.0);
    QVERIFY(!info.objectivePower.has_value());
    QVERIFY(info.associatedImages.empty());
}

void TestOpenSlideSource::mppSources_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("inFile");  // MppSource of SlideInfo::mpp
    QTest::addColumn<int>("inEffect");  // MppSource of SlideSource::mpp()
    QTest::addColumn<double>("mpp");

    QTest::newRow("aperio with MPP") << "aperio.svs" << int(MppSource::Slide) << int(MppSource::Slide) << 0.25;
    QTest::newRow("aperio with only AppMag 20") << "power-only.svs" << int(MppSource::Unknown)
                                                << int(MppSource::ObjectivePower) << 0.5;
    QTest::newRow("aperio with neither") << "bare.svs" << int(MppSource::Unknown) << int(MppSource::Unknown) << 0.0;
    QTest::newRow("generic tiff") << "generic.tif" << int(MppSource::Unknown) << int(MppSource::Unknown) << 0.0;
}

void TestOpenSlideSource::mppSources() {
    QFETCH(QString, file);
    QFETCH(int, inFile);
    QFETCH(int, inEffect);
    QFETCH(double, mpp);
    QString error;
    const auto slide = openOrFail(dir_.filePath(file), &error);
    QVERIFY2(slide, qPrintable(error));
    QCOMPARE(int(slide->info().mpp.source), inFile);
    QCOMPARE(int(slide->mpp().source), inEffect);
    QCOMPARE(slide->mpp().average(), mpp);
    QCOMPARE(slide->mpp().assumed(), inEffect == int(MppSource::ObjectivePower));
    // A value the user enters wins, is shown as assumed, and can be taken back.
    slide->setUserMpp(0.3);
    QCOMPARE(slide->mpp().source, MppSource::User);
    QCOMPARE(slide->mpp().x, 0.3);
    QVERIFY(slide->mpp().assumed());
    slide->setUserMpp(0);
    QCOMPARE(int(slide->mpp().source), inEffect);
}

void TestOpenSlideSource::associatedImages() {
    QString error;
    const auto slide = openOrFail(aperio_, &error);
    QVERIFY2(slide, qPrintable(error));
    const auto& names = slide->info().associatedImages;
    QCOMPARE(names, std::vector<std::string>{"thumbnail"});
    const auto thumb = slide->readAssociatedImage("thumbnail");
    QVERIFY2(thumb.ok(), thumb.error().c_str());
    QCOMPARE(thumb->width, 752);  // written from level 1, which fits in 768 pixels
    QCOMPARE(thumb->height, 552);
    // Thumbnail pixel (x, y) is level-0 (4x, 4y): check a block interior.
    const uint32_t expected = SyntheticSlideWriter::patternRgb(5 * 64 + 32, 3 * 64 + 32);
    QVERIFY(maxChannelDifference(thumb->pixel(5 * 16 + 8, 3 * 16 + 8), expected) <= kJpegTolerance);
    QCOMPARE(alphaOf(thumb->pixel(0, 0)), 255);
    const auto label = slide->readAssociatedImage("label");
    QVERIFY(!label.ok());
    QVERIFY(QString::fromStdString(label.error()).contains(QStringLiteral("label")));
}

void TestOpenSlideSource::pixelsMatchPattern_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("level");
    QTest::addColumn<int>("downsample");
    QTest::addColumn<int>("blockX");
    QTest::addColumn<int>("blockY");

    for (int level : {0, 1, 2}) {
        const int ds = level == 0 ? 1 : level == 1 ? 4 : 16;
        for (const auto& [bx, by] : {std::pair<int, int>{0, 0}, {1, 0}, {7, 11}, {20, 5}, {46, 33}, {31, 30}})
            QTest::addRow("aperio L%d block %d,%d", level, bx, by) << "aperio.svs" << level << ds << bx << by;
    }
    for (int level : {0, 1})
        for (const auto& [bx, by] : {std::pair<int, int>{0, 0}, {9, 4}, {22, 14}})
            QTest::addRow("generic L%d block %d,%d", level, bx, by) << "generic.tif" << level << level + 1 << bx << by;
}

void TestOpenSlideSource::pixelsMatchPattern() {
    QFETCH(QString, file);
    QFETCH(int, level);
    QFETCH(int, downsample);
    QFETCH(int, blockX);
    QFETCH(int, blockY);
    QString error;
    const auto slide = openOrFail(dir_.filePath(file), &error);
    QVERIFY2(slide, qPrintable(error));
    // The block's interior, 16 level-0 pixels away from its borders (JPEG blurs across them).
    const int n = 32 / downsample;
    const auto region = slide->readRegion(level, blockX * 64 + 16, blockY * 64 + 16, n, n);
    QVERIFY2(region.ok(), region.error().c_str());
    QCOMPARE(region->width, n);
    const uint32_t expected = SyntheticSlideWriter::patternRgb(blockX * 64, blockY * 64);
    int worst = 0;
    for (uint32_t p : region->pixels) {
        QCOMPARE(alphaOf(p), 255);
        worst = std::max(worst, maxChannelDifference(p, expected));
    }
    QVERIFY2(worst <= kJpegTolerance, qPrintable(QStringLiteral("off by %1").arg(worst)));
}

void TestOpenSlideSource::outsideTheSlideIsBackground_data() {
    QTest::addColumn<int>("level");
    QTest::addColumn<qint64>("x0");
    QTest::addColumn<qint64>("y0");
    QTest::addColumn<int>("insideColumns");  // level pixels inside the slide, from the left
    QTest::addColumn<int>("insideRows");

    QTest::newRow("right edge L0") << 0 << qint64(2968) << qint64(100) << 40 << 16;
    QTest::newRow("bottom edge L0") << 0 << qint64(100) << qint64(2200) << 64 << 8;
    QTest::newRow("far outside L0") << 0 << qint64(100000) << qint64(100000) << 0 << 0;
    QTest::newRow("right edge L1") << 1 << qint64(2880) << qint64(0) << 32 << 16;
    QTest::newRow("corner L2") << 2 << qint64(2880) << qint64(2080) << 8 << 8;
}

void TestOpenSlideSource::outsideTheSlideIsBackground() {
    QFETCH(int, level);
    QFETCH(qint64, x0);
    QFETCH(qint64, y0);
    QFETCH(int, insideColumns);
    QFETCH(int, insideRows);
    QString error;
    const auto slide = openOrFail(aperio_, &error);
    QVERIFY2(slide, qPrintable(error));
    const auto region = slide->readRegion(level, x0, y0, 64, 16);
    QVERIFY2(region.ok(), region.error().c_str());
    const int ds = level == 0 ? 1 : level == 1 ? 4 : 16;
    int checked = 0;
    for (int y = 0; y < 16; ++y)
        for (int x = 0; x < 64; ++x) {
            const uint32_t p = region->pixel(x, y);
            if (x < insideColumns && y < insideRows) {
                // Inside: the pattern, checked in block interiors away from the slide's edge
                // (JPEG blurs across block borders and into the partial tile's white padding).
                const qint64 px = x0 + qint64(x) * ds, py = y0 + qint64(y) * ds;
                const auto interior = [ds](qint64 v) { return v % 64 >= 16 && v % 64 + ds <= 48; };
                if (x < insideColumns - 4 && y < insideRows - 4 && interior(px) && interior(py)) {
                    ++checked;
                    QVERIFY2(maxChannelDifference(p, SyntheticSlideWriter::patternRgb(px, py)) <= kJpegTolerance,
                             qPrintable(QStringLiteral("at %1,%2").arg(x).arg(y)));
                }
            } else {
                QCOMPARE(QString::number(p, 16), QStringLiteral("ffffffff"));  // background, exactly
            }
        }
    QCOMPARE(checked > 0, insideColumns > 0);
}

void TestOpenSlideSource::invalidReadsFail() {
    QString error;
    const auto slide = openOrFail(aperio_, &error);
    QVERIFY2(slide, qPrintable(error));
    QVERIFY(!slide->readRegion(-1, 0, 0, 10, 10).ok());
    QVERIFY(!slide->readRegion(3, 0, 0, 10, 10).ok());
    QVERIFY(!slide->readRegion(0, 0, 0, 0, 10).ok());
    QVERIFY(!slide->readRegion(0, 0, 0, 10, -1).ok());
    const auto huge = slide->readRegion(0, 0, 0, 100000, 100000);
    QVERIFY(!huge.ok());
    QVERIFY(!huge.error().empty());
    // The handle still works afterwards.
    QVERIFY(slide->readRegion(0, 0, 0, 10, 10).ok());
}

void TestOpenSlideSource::identity() {
    QString error;
    const auto a = openOrFail(aperio_, &error);
    const auto again = openOrFail(aperio_, &error);
    const auto other = openOrFail(generic_, &error);
    QVERIFY(a && again && other);
    const SlideIdentity& id = a->info().identity;
    QCOMPARE(QString::fromStdString(id.path), QFileInfo(aperio_).canonicalFilePath());
    QCOMPARE(id.fileSize, QFileInfo(aperio_).size());
    // Unix time, the same instant Qt reports.
    QCOMPARE(id.modifiedNs / 1000000, QFileInfo(aperio_).lastModified().toMSecsSinceEpoch());
    QVERIFY(!id.quickHash.empty());
    QCOMPARE(again->info().identity.key(), id.key());
    QVERIFY(other->info().identity.key() != id.key());
}

void TestOpenSlideSource::concurrentReadsAreIdentical() {
    QString error;
    const auto slide = openOrFail(aperio_, &error);
    QVERIFY2(slide, qPrintable(error));
    std::vector<Region> regions;
    for (int i = 0; i < 24; ++i) regions.push_back({i % 3, i * 117 % 2900, i * 251 % 2100, 96, 96});
    const ConcurrentReadResult r = readConcurrently(*slide, regions, 4, 5);
    QCOMPARE(r.reads, 4 * 5 * 24);
    QCOMPARE(r.failures, 0);
    QCOMPARE(r.mismatches, 0);
}

void TestOpenSlideSource::unreadableFilesFail_data() {
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("content");  // written first unless null
    QTest::addColumn<QString>("mentions");

    QTest::newRow("missing") << "missing.svs" << QByteArray() << "does not exist";
    QTest::newRow("folder") << "" << QByteArray() << "folder";
    QTest::newRow("empty") << "empty.svs" << QByteArray("") << "empty.svs";
    QTest::newRow("text") << "notes.svs" << QByteArray("not a slide\n") << "notes.svs";
    QTest::newRow("truncated tiff") << "cut.tif" << QByteArray("II*\0\x08\0\0\0", 8) << "cut.tif";
}

void TestOpenSlideSource::unreadableFilesFail() {
    QFETCH(QString, name);
    QFETCH(QByteArray, content);
    QFETCH(QString, mentions);
    const QString path = name.isEmpty() ? dir_.path() : dir_.filePath(name);
    if (!content.isNull()) {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(content);
    }
    const auto opened = OpenSlideSource::open(path.toStdString());
    QVERIFY(!opened.ok());
    const QString message = QString::fromStdString(opened.error());
    QVERIFY2(message.contains(mentions), qPrintable(message));
    QVERIFY2(!message.contains(QLatin1Char('\n')) && message.endsWith(QLatin1Char('.')), qPrintable(message));
}

SLIDESIGHT_GUILESS_TEST_SUITE(TestOpenSlideSource)
#include "tst_openslidesource.moc"
