// The feature-extraction pipeline on the real slides with seeded random weights: grid shapes
// as GridGeometry gives them, tissue fractions, finite and deterministic features that do not
// depend on the batch size, tissue-only extraction, the grid cache, cancellation without
// leftovers, and one clear failure for each kind of bad input.

#include "common/suite.h"

// moc reads only the test class and needs none of these (following the Torch headers
// would cost it about 4 s a file).
#ifndef Q_MOC_RUN
#include "model/common/jsonwriter.h"
#include "model/extraction/extraction.h"
#include "model/extraction/featureextractor_torch.h"
#include "model/extraction/patchpipeline_torch.h"
#include "model/grid/gridfile_torch.h"
#include "model/grid/tissuedetector.h"
#include "model/grid/tissueonly_torch.h"
#include "model/training/trainingdata_torch.h"
#include "viewer/slide/openslidesource.h"

#include "../common/testdata.h"

#include <QtCore/QDir>
#include <QtCore/QTemporaryDir>
#include <QtTest/QtTest>

#include <torch/torch.h>

#include <algorithm>
#endif  // Q_MOC_RUN

using namespace slidesight;
using namespace slidesight::model;

namespace {

std::string slidePath(const char* name) { return test::dataPath(QStringLiteral("slides/") + name).toStdString(); }

ExtractionOptions cmuOptions(const QTemporaryDir& dir, const QString& out) {
    ExtractionOptions o;
    o.slidePath = slidePath("cmu-1-small-region.svs");
    o.weights = "random:1";
    o.outputPath = dir.filePath(out).toStdString();
    o.useCache = false;
    o.programVersion = "test";
    return o;
}

GridFile extractAndRead(const ExtractionOptions& o, ExtractionSummary* summary = nullptr) {
    const auto result = extractGrid(o);
    if (!result) qFatal("extraction failed: %s", result.error().c_str());
    if (summary) *summary = *result;
    auto grid = GridFile::read(result->gridPath);
    if (!grid) qFatal("cannot read the grid: %s", grid.error().c_str());
    return *grid;
}

double maxDifference(const torch::Tensor& a, const torch::Tensor& b) { return (a - b).abs().max().item<double>(); }

}  // namespace

class TestExtraction : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init() { SLIDESIGHT_REQUIRE_DATA(); }
    void cmuAtPaperResolution();
    void deterministicAndBatchIndependent();
    void tcgaNeedsAGivenMpp();
    void tissueOnlySkipsBackground();
    void cacheReusesTheGrid();
    void cancellationLeavesNothing();
    void patchTransformsFeedTransformedPixels();
    void badInputs_data();
    void badInputs();
};

void TestExtraction::cmuAtPaperResolution() {
    QTemporaryDir dir;
    ExtractionOptions o = cmuOptions(dir, "cmu.pt");  // 2.0 µm/px, p = 224, resnet34
    std::vector<int64_t> progress;
    const auto result = extractGrid(o, [&](int64_t done, int64_t total) {
        progress.push_back(done);
        QCOMPARE(total, int64_t{8});
    });
    QVERIFY2(result.ok(), result.error().c_str());

    // The grid GridGeometry gives for the detected tissue box, computed independently here.
    const auto slide = OpenSlideSource::open(o.slidePath);
    QVERIFY(slide.ok());
    const auto mask = TissueDetector().detect(**slide);
    QVERIFY(mask.ok() && mask->hasTissue());
    const auto geometry = GridGeometry::create((*slide)->mpp(), mask->levelZeroBox, GridParameters{});
    QVERIFY(geometry.ok());
    QCOMPARE(result->rows, geometry->rows());
    QCOMPARE(result->columns, geometry->columns());
    QCOMPARE(int64_t(geometry->cellCount()), int64_t{8});  // 554 x 740 target px of tissue box at most
    QCOMPARE(result->cellsExtracted, geometry->cellCount());
    QCOMPARE(progress.back(), geometry->cellCount());
    QVERIFY(!result->trained);
    QVERIFY(!result->fromCache);
    QCOMPARE(result->slideMpp, 0.499);
    QVERIFY(!result->slideMppAssumed);

    const auto grid = GridFile::read(o.outputPath);
    QVERIFY2(grid.ok(), grid.error().c_str());
    QCOMPARE(grid->features.sizes().vec(), (std::vector<int64_t>{512, geometry->rows(), geometry->columns()}));
    QCOMPARE(grid->tissue.sizes().vec(), (std::vector<int64_t>{geometry->rows(), geometry->columns()}));
    QVERIFY(torch::isfinite(grid->features).all().item<bool>());
    QVERIFY(grid->features.abs().sum().item<double>() > 0.0);
    QVERIFY(grid->tissue.min().item<float>() >= 0.0f && grid->tissue.max().item<float>() <= 1.0f);
    QVERIFY(grid->tissue.max().item<float>() > 0.0f);
    QCOMPARE(grid->origin[0], geometry->originX());
    QCOMPARE(grid->cellSize[1], geometry->cellLevelZeroHeight());
    QVERIFY(qAbs(grid->cellSize[0] - 224 * 2.0 / 0.499) < 1e-9);
    const QString metadata = QString::fromStdString(grid->metadata);
    for (const char* expected : {"\"untrained\":true", "\"weights\":\"random:1\"", "\"weights_sha256\":null",
                                 "\"target_mpp\":2,", "\"patch_size\":224", "\"assumed\":false", "\"openslide_quickhash1\":\"", "\"version\":\"test\""})
        QVERIFY2(metadata.contains(QLatin1String(expected)), expected);
    QVERIFY(!QFile::exists(dir.filePath("cmu.pt.partial")));
}

void TestExtraction::deterministicAndBatchIndependent() {
    QTemporaryDir dir;
    ExtractionOptions o = cmuOptions(dir, "b1.pt");
    o.grid.patchSize = 112;  // more, smaller cells: several batches of 8
    o.batchSize = 1;
    const GridFile one = extractAndRead(o);
    o.batchSize = 8;
    o.outputPath = dir.filePath("b8.pt").toStdString();
    ExtractionSummary summary;
    const GridFile eight = extractAndRead(o, &summary);
    QVERIFY(summary.cellsExtracted > 16);
    o.outputPath = dir.filePath("b8again.pt").toStdString();
    const GridFile again = extractAndRead(o);
    QVERIFY(torch::isfinite(one.features).all().item<bool>());
    // Float rounding only: batched convolutions may sum in another order (relative 2e-5 of the
    // features' scale; a seeded, untrained network's features reach the hundreds).
    const double scale = std::max(1.0, one.features.abs().max().item<double>());
    QVERIFY2(maxDifference(one.features, eight.features) < 2e-5 * scale,
             qPrintable(QStringLiteral("%1 at scale %2").arg(maxDifference(one.features, eight.features)).arg(scale)));
    QCOMPARE(maxDifference(eight.features, again.features), 0.0);
    QVERIFY(torch::equal(one.tissue, eight.tissue));
    // Another seed gives other features.
    o.weights = "random:2";
    o.outputPath = dir.filePath("seed2.pt").toStdString();
    QVERIFY(maxDifference(extractAndRead(o).features, eight.features) > 1e-3);
}

void TestExtraction::tcgaNeedsAGivenMpp() {
    QTemporaryDir dir;
    ExtractionOptions o = cmuOptions(dir, "tcga.pt");
    o.slidePath = slidePath("tcga-cr-7395-01a-01-ts1.svs");
    o.grid.targetMpp = 4.0;
    o.grid.patchSize = 112;
    ExtractionFailure kind = ExtractionFailure::None;
    const auto refused = extractGrid(o, {}, nullptr, &kind);
    QVERIFY(!refused.ok());
    QCOMPARE(kind, ExtractionFailure::MppUnknown);
    QVERIFY2(QString::fromStdString(refused.error()).contains(QLatin1String("records no microns per pixel")),
             refused.error().c_str());
    QVERIFY(!QFile::exists(dir.filePath("tcga.pt")));

    o.slideMpp = 0.5;
    ExtractionSummary summary;
    const GridFile grid = extractAndRead(o, &summary);
    QVERIFY(summary.slideMppAssumed);
    QCOMPARE(summary.slideMpp, 0.5);
    QVERIFY(summary.rows > 1 && summary.columns > 1);
    QVERIFY(torch::isfinite(grid.features).all().item<bool>());
    QVERIFY(grid.tissue.max().item<float>() > 0.0f);
    QVERIFY(QString::fromStdString(grid.metadata).contains(QLatin1String("\"assumed\":true,\"source\":\"user\"")));
    QVERIFY(qAbs(grid.cellSize[0] - 112 * 4.0 / 0.5) < 1e-9);
}

void TestExtraction::tissueOnlySkipsBackground() {
    QTemporaryDir dir;
    ExtractionOptions o = cmuOptions(dir, "all.pt");
    o.slidePath = slidePath("tcga-cr-7395-01a-01-ts1.svs");
    o.slideMpp = 0.5;
    o.grid.targetMpp = 4.0;
    o.grid.patchSize = 32;
    const GridFile all = extractAndRead(o);
    o.tissueOnly = true;
    o.outputPath = dir.filePath("tissue.pt").toStdString();
    ExtractionSummary summary;
    const GridFile some = extractAndRead(o, &summary);
    // Kept: the tissue cells and the ring of cells around them that the 3DCL reads.
    const torch::Tensor kept = tissueOnlyInputCells(all.tissue);
    const torch::Tensor background = kept.logical_not();
    const int64_t backgroundCells = background.sum().item<int64_t>();
    QVERIFY2(backgroundCells > 0, "the tcga tissue box should hold background cells beyond the ring at 32 px");
    QVERIFY(kept.sum().item<int64_t>() > (all.tissue > 0).sum().item<int64_t>());  // the ring is there
    QCOMPARE(summary.cellsSkipped, backgroundCells);
    QCOMPARE(summary.cellsExtracted + summary.cellsSkipped, all.tissue.numel());
    // Skipped cells are 0; the others are the same as in the full extraction.
    const torch::Tensor keep = kept.unsqueeze(0).to(torch::kFloat32);
    QCOMPARE((some.features * (1 - keep)).abs().max().item<double>(), 0.0);
    QVERIFY(maxDifference(some.features * keep, all.features * keep) < 1e-4);
    QVERIFY(QString::fromStdString(some.metadata).contains(QLatin1String("\"tissue_only\":true")));
    QVERIFY(QString::fromStdString(some.metadata).contains(QLatin1String("\"tissue_only_ring\":1")));
}

void TestExtraction::cacheReusesTheGrid() {
    QTemporaryDir dir;
    ExtractionOptions o = cmuOptions(dir, "first.pt");
    o.useCache = true;
    o.cacheFolder = dir.filePath("cache").toStdString();
    o.grid.targetMpp = 4.0;
    const auto first = extractGrid(o);
    QVERIFY2(first.ok(), first.error().c_str());
    QVERIFY(!first->fromCache);
    QVERIFY(first->cellsExtracted > 0);
    QVERIFY(QFile::exists(QString::fromStdString(first->cachePath)));

    o.outputPath = dir.filePath("second.pt").toStdString();
    const auto second = extractGrid(o);
    QVERIFY2(second.ok(), second.error().c_str());
    QVERIFY(second->fromCache);
    QCOMPARE(second->cellsExtracted, int64_t{0});
    QCOMPARE(second->cachePath, first->cachePath);
    QCOMPARE(second->rows, first->rows);
    QVERIFY(!second->trained);
    QCOMPARE(second->extractor, first->extractor);
    QVERIFY(second->cacheNotice.empty());
    QFile a(dir.filePath("first.pt")), b(dir.filePath("second.pt"));
    QVERIFY(a.open(QIODevice::ReadOnly) && b.open(QIODevice::ReadOnly));
    const QByteArray good = a.readAll();
    QCOMPARE(good, b.readAll());

    // A cached grid that no longer matches its recorded SHA-256 (one feature byte changed) is
    // never used: extracted again, with a notice, and the cache holds the good grid again.
    const QString cachePath = QString::fromStdString(first->cachePath);
    QFile cached(cachePath);
    QVERIFY(cached.open(QIODevice::ReadWrite));
    QByteArray damaged = cached.readAll();
    damaged[damaged.size() / 2] = static_cast<char>(damaged[damaged.size() / 2] ^ 0x40);
    QVERIFY(cached.seek(0) && cached.write(damaged) == damaged.size());
    cached.close();
    const auto rebuilt = extractGrid(o);
    QVERIFY2(rebuilt.ok(), rebuilt.error().c_str());
    QVERIFY(!rebuilt->fromCache);
    QVERIFY(rebuilt->cellsExtracted > 0);
    QCOMPARE(QString::fromStdString(rebuilt->cacheNotice),
             QStringLiteral("The cached grid \"%1\" was not used (it does not match its recorded SHA-256); the "
                            "features were extracted again.").arg(cachePath));
    QVERIFY(cached.open(QIODevice::ReadOnly));
    QCOMPARE(cached.readAll(), good);
    cached.close();
    // A grid without its digest (a stop between the two writes) is not trusted either.
    QVERIFY(QFile::remove(cachePath + QStringLiteral(".sha256")));
    const auto undigested = extractGrid(o);
    QVERIFY2(undigested.ok(), undigested.error().c_str());
    QVERIFY(!undigested->fromCache);
    QVERIFY2(QString::fromStdString(undigested->cacheNotice).contains(QLatin1String("it has no recorded SHA-256")),
             undigested->cacheNotice.c_str());
    const auto healed = extractGrid(o);
    QVERIFY(healed.ok() && healed->fromCache && healed->cacheNotice.empty());

    // Any change of what the grid depends on is another grid.
    o.grid.patchSize = 112;
    const auto other = extractGrid(o);
    QVERIFY(other.ok() && !other->fromCache);
    QVERIFY(other->cachePath != first->cachePath);
    QCOMPARE(QDir(dir.filePath("cache")).entryList({QStringLiteral("*.grid.pt")}, QDir::Files).size(), 2);
    QCOMPARE(QDir(dir.filePath("cache")).entryList({QStringLiteral("*.grid.pt.sha256")}, QDir::Files).size(), 2);
}

void TestExtraction::cancellationLeavesNothing() {
    QTemporaryDir dir;
    ExtractionOptions o = cmuOptions(dir, "cancelled.pt");
    o.useCache = true;
    o.cacheFolder = dir.filePath("cache").toStdString();
    o.grid.patchSize = 112;
    o.batchSize = 2;
    std::atomic<bool> cancel{false};
    int64_t seen = 0, total = 0;
    ExtractionFailure kind = ExtractionFailure::None;
    const auto result = extractGrid(
        o,
        [&](int64_t done, int64_t all) {
            seen = done;
            total = all;
            cancel = true;  // as a Ctrl-C after the first batch
        },
        &cancel, &kind);
    QVERIFY(!result.ok());
    QCOMPARE(kind, ExtractionFailure::Cancelled);
    QCOMPARE(result.error(), std::string(kExtractionCancelled));
    QCOMPARE(seen, int64_t{2});
    QVERIFY(total > seen);
    QVERIFY(QDir(dir.path()).entryList({QStringLiteral("cancelled*")}, QDir::Files).isEmpty());
    QVERIFY(QDir(dir.filePath("cache")).entryList(QDir::Files).isEmpty());
}

void TestExtraction::patchTransformsFeedTransformedPixels() {
    // Where each transform takes cell (r, c) of an M x N grid: flips, clockwise quarter turns.
    const auto moved = [](PatchTransform t, int64_t r, int64_t c, int64_t m, int64_t n) -> std::pair<int64_t, int64_t> {
        switch (t) {
        case PatchTransform::FlipHorizontal: return {r, n - 1 - c};
        case PatchTransform::FlipVertical: return {m - 1 - r, c};
        case PatchTransform::Rotate90: return {c, m - 1 - r};
        case PatchTransform::Rotate180: return {m - 1 - r, n - 1 - c};
        case PatchTransform::Rotate270: return {n - 1 - c, r};
        default: return {r, c};
        }
    };
    const torch::Tensor plane = torch::arange(6, torch::kFloat32).view({2, 3});
    for (const PatchTransform t : patchTransforms()) {
        const torch::Tensor x = transformPlanes(plane, t);
        for (int64_t r = 0; r < 2; ++r)
            for (int64_t c = 0; c < 3; ++c) {
                const auto [r2, c2] = moved(t, r, c, 2, 3);
                QCOMPARE(x[r2][c2].item<float>(), plane[r][c].item<float>());
            }
        QCOMPARE(parsePatchTransform(patchTransformName(t)), std::optional<PatchTransform>(t));
    }

    QTemporaryDir dir;
    ExtractionOptions o = cmuOptions(dir, "plain.pt");
    o.architecture = "resnet18";
    o.grid.targetMpp = 4.0;
    o.grid.patchSize = 64;
    o.device = "cpu";
    const GridFile plain = extractAndRead(o);
    QVERIFY(plain.metadata.find("patch_transform") == std::string::npos);  // earlier cache keys stay valid
    const int64_t m = plain.rows(), n = plain.columns(), k = plain.featureCount();

    // The reference: the grid's patches read as the pipeline reads them, transformed here and run
    // through the same extractor one cell at a time.
    const auto slide = OpenSlideSource::open(o.slidePath);
    QVERIFY(slide.ok());
    const auto mask = TissueDetector(o.tissue).detect(**slide);
    QVERIFY(mask.ok());
    const auto geometry = GridGeometry::create((*slide)->mpp(), mask->levelZeroBox, o.grid);
    QVERIFY(geometry.ok() && geometry->rows() == m && geometry->columns() == n);
    const PatchReader reader(*slide, *geometry, o.normalisation);
    torch::Tensor patches = torch::empty({m * n, 3, 64, 64});
    for (int64_t r = 0; r < m; ++r)
        for (int64_t c = 0; c < n; ++c)
            QVERIFY(reader.readNormalised(int(r), int(c), patches[r * n + c].data_ptr<float>()).ok());
    auto extractor = FeatureExtractor::open(o.weights, o.architecture);
    QVERIFY(extractor.ok());
    (*extractor)->prepare(torch::kCPU, torch::kFloat32, false);
    torch::NoGradGuard noGrad;
    const torch::Tensor untransformed = (*extractor)->extract(patches);
    QVERIFY(maxDifference(untransformed.t().reshape({k, m, n}), plain.features) < 1e-4);

    for (const PatchTransform t : patchTransforms()) {
        o.patchTransform = t;
        o.outputPath = dir.filePath(QString::fromStdString(patchTransformName(t)) + ".pt").toStdString();
        const GridFile grid = extractAndRead(o);
        QVERIFY(grid.metadata.find("\"patch_transform\":\"" + patchTransformName(t) + "\"") != std::string::npos);
        QVERIFY(jsonStringField(grid.metadata, "cache_key") != jsonStringField(plain.metadata, "cache_key"));
        QCOMPARE(grid.features.sizes(), plain.features.sizes());  // each feature stays at its cell
        // Then transformGrid (the exact augmentation's variant) moves every cell where the
        // transform takes it: there, the features of the transformed patch.
        GridTransform cells = GridTransform::Identity;
        for (const GridTransform g : augmentationTransforms())
            if (patchTransformOf(g) == t) cells = g;
        const GridSample placed = transformGrid({grid.features, grid.tissue}, cells);
        const torch::Tensor expected = (*extractor)->extract(transformPlanes(patches, t));  // [M' N', K]
        for (int64_t r = 0; r < m; ++r)
            for (int64_t c = 0; c < n; ++c) {
                const auto [r2, c2] = moved(t, r, c, m, n);
                QVERIFY2(maxDifference(placed.features.select(1, r2).select(1, c2), expected[r * n + c]) < 1e-4,
                         qPrintable(QStringLiteral("%1 cell %2,%3").arg(QString::fromStdString(patchTransformName(t))).arg(r).arg(c)));
                QCOMPARE(placed.tissue[r2][c2].item<float>(), plain.tissue[r][c].item<float>());
            }
        QVERIFY(maxDifference(grid.features, plain.features) > 1e-3);  // other pixels, other features
    }
}

void TestExtraction::badInputs_data() {
    QTest::addColumn<QString>("slide");
    QTest::addColumn<QString>("weights");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("message");
    const auto slideKind = int(ExtractionFailure::Slide), weightsKind = int(ExtractionFailure::Weights);
    QTest::newRow("corrupt svs") << "negative/broken.svs" << "random:1" << slideKind << "broken.svs";
    QTest::newRow("plain tiff") << "negative/kidney-48-5.tif" << "random:1" << slideKind << "kidney-48-5.tif";
    QTest::newRow("missing slide") << "nothing.svs" << "random:1" << slideKind << "nothing.svs";
    QTest::newRow("missing weights") << "cmu-1-small-region.svs" << "/nonexistent/w.pth" << weightsKind << "w.pth";
    QTest::newRow("weights not a network") << "cmu-1-small-region.svs" << "SLIDE" << weightsKind << "not a PyTorch";
    QTest::newRow("bad seed") << "cmu-1-small-region.svs" << "random:abc" << weightsKind << "random:SEED";
}

void TestExtraction::badInputs() {
    QFETCH(QString, slide);
    QFETCH(QString, weights);
    QFETCH(int, kind);
    QFETCH(QString, message);
    QTemporaryDir dir;
    ExtractionOptions o = cmuOptions(dir, "out.pt");
    o.slidePath = slidePath(slide.toUtf8().constData());
    // A real file that is not weights: the slide itself.
    o.weights = weights == QLatin1String("SLIDE") ? o.slidePath : weights.toStdString();
    ExtractionFailure failure = ExtractionFailure::None;
    const auto result = extractGrid(o, {}, nullptr, &failure);
    QVERIFY(!result.ok());
    QCOMPARE(int(failure), kind);
    QVERIFY2(QString::fromStdString(result.error()).contains(message), result.error().c_str());
    QVERIFY2(!QString::fromStdString(result.error()).contains(QLatin1Char('\n')), "one line");
    QVERIFY(!QFile::exists(dir.filePath("out.pt")));
}

SLIDESIGHT_GUILESS_TEST_SUITE(TestExtraction)
#include "tst_extraction.moc"
