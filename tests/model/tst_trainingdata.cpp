// What a training run learns from: manifests and their folds, the grid transforms of the x9
// augmentation, padded batches with their validity mask, how "auto" augmentation resolves, and
// exact augmentation re-extracting transformed patch pixels. (The runs themselves:
// tst_training.)

#include "common/suite.h"

// moc reads only the test class and needs none of these (following the Torch headers
// would cost it about 4 s a file).
#ifndef Q_MOC_RUN
#include "model/training/training.h"
#include "model/training/trainingdata_torch.h"
#include "model/training/trainingloop_torch.h"
#include "model/training/trainingmanifest.h"
#include "model/training/trainingset_torch.h"

#include "trainingfixture.h"
#include "trainingslides.h"

#include <QtCore/QFile>
#include <QtCore/QTemporaryDir>
#include <QtTest/QtTest>

#include <torch/torch.h>
#endif  // Q_MOC_RUN

using namespace slidesight::model;
using slidesight::test::kTinyFeatures;
using slidesight::test::tinyGrid;
using slidesight::test::writeTinyManifest;

class TestTrainingData : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void manifestParsingAndFolds();
    void manifestErrors();
    void gridTransforms();
    void batchesArePaddedWithMask();
    void autoAugmentationResolution();
    void exactAugmentationReextractsTransformedPixels();
};

void TestTrainingData::manifestParsingAndFolds() {
    QTemporaryDir dir;
    const QString manifest = writeTinyManifest(dir.path(), 12, true);
    QVERIFY(!manifest.isEmpty());
    const auto read = TrainingManifest::read(manifest.toStdString(), "classification");
    QVERIFY2(read.ok(), read.error().c_str());
    QCOMPARE(read->items.size(), size_t{12});  // the header line was skipped
    QVERIFY(read->items[3].isGrid);
    QCOMPARE(read->items[3].target, 1.0);
    QVERIFY(QFile::exists(QString::fromStdString(read->items[3].path)));
    const auto folds = read->assignFolds(4, 9, "classification");
    QVERIFY(folds.ok());
    // Stratified: each fold holds 3 slides, at least one of each class (6 + 6 dealt round-robin).
    for (int f = 0; f < 4; ++f) {
        int count = 0, positives = 0;
        for (size_t i = 0; i < folds->size(); ++i)
            if ((*folds)[i] == f) {
                ++count;
                positives += static_cast<int>(read->items[i].target);
            }
        QCOMPARE(count, 3);
        QVERIFY(positives >= 1 && positives <= 2);
    }
    QCOMPARE(*read->assignFolds(4, 9, "classification"), *folds);  // the seed decides
    QVERIFY(!read->assignFolds(13, 9, "classification").ok());     // a fold would be empty
}

void TestTrainingData::manifestErrors() {
    QTemporaryDir dir;
    writeTinyManifest(dir.path(), 2, true);
    const auto write = [&](const QByteArray& text) {
        QFile f(dir.filePath(QStringLiteral("m.csv")));
        f.open(QIODevice::WriteOnly);
        f.write(text);
        f.close();
        return TrainingManifest::read(f.fileName().toStdString(), "classification");
    };
    QVERIFY(write("grid0.pt,0,0\ngrid1.pt,1,1\n").ok());
    const auto badLabel = write("grid0.pt,2\n");
    QVERIFY(!badLabel.ok() && badLabel.error().find("Line 1") != std::string::npos);
    QVERIFY(!write("grid0.pt,0,0\ngrid1.pt,1\n").ok());        // fold on some lines only
    QVERIFY(!write("missing.pt,0\n").ok());                     // no such file
    QVERIFY(!write("path,label\n").ok());                       // no slide at all
    QVERIFY(!TrainingManifest::read(dir.filePath(QStringLiteral("none.csv")).toStdString(), "classification").ok());
}

void TestTrainingData::gridTransforms() {
    const GridSample s{torch::arange(2 * 2 * 3, torch::kFloat32).view({2, 2, 3}), torch::ones({2, 3})};
    // Clockwise quarter turn: the top-left cell goes to the top-right corner.
    const GridSample r = transformGrid(s, GridTransform::Rotate90);
    QCOMPARE(r.features.sizes(), (torch::IntArrayRef{2, 3, 2}));
    QCOMPARE(r.features[0][0][1].item<float>(), s.features[0][0][0].item<float>());
    QCOMPARE(transformGrid(s, GridTransform::FlipHorizontal).features[1][0][0].item<float>(),
             s.features[1][0][2].item<float>());
    QVERIFY(torch::equal(transformGrid(transformGrid(s, GridTransform::Rotate90), GridTransform::Rotate270).features,
                         s.features));
    // Translation by p/3: one more column; new column j = 1/3 old j-1 + 2/3 old j; the edges
    // take their one inside neighbour; the tissue outside counts as none.
    const GridSample t = transformGrid(s, GridTransform::ShiftX1);
    QCOMPARE(t.features.sizes(), (torch::IntArrayRef{2, 2, 4}));
    QVERIFY(std::abs(t.features[0][0][1].item<float>() - (0.0f / 3 + 2.0f * 1.0f / 3)) < 1e-6);
    QCOMPARE(t.features[0][0][0].item<float>(), 0.0f);
    QCOMPARE(t.features[0][0][3].item<float>(), 2.0f);
    QVERIFY(std::abs(t.tissue[0][0].item<float>() - 2.0f / 3) < 1e-6);
    QVERIFY(std::abs(t.tissue[0][3].item<float>() - 1.0f / 3) < 1e-6);
    QCOMPARE(transformGrid(s, GridTransform::ShiftY2).features.size(1), int64_t{3});
    QCOMPARE(augmentationTransforms().size(), size_t{9});
}

void TestTrainingData::batchesArePaddedWithMask() {
    const GridSample a = tinyGrid(0, 0.0), b = tinyGrid(4, 1.0);  // 3x4 and 4x5
    const GridBatch batch = makeBatch({&a, &b}, {0, 1}, true, false);
    QCOMPARE(batch.grids.sizes(), (torch::IntArrayRef{2, kTinyFeatures, 4, 5}));
    QVERIFY(batch.grids.is_contiguous(torch::MemoryFormat::ChannelsLast));
    QCOMPARE(batch.valid[0].sum().item<int64_t>(), int64_t{12});
    QCOMPARE(batch.valid[1].sum().item<int64_t>(), int64_t{20});
    QVERIFY(!batch.valid[0][3][0].item<bool>());
    QVERIFY(torch::equal(batch.grids[0].narrow(1, 0, 3).narrow(2, 0, 4), a.features));
    QCOMPARE(batch.targets.scalar_type(), torch::kInt64);
    // The classifier sees the padded grid as it sees the grid alone.
    torch::manual_seed(1);
    AttentionClassifier model(*classifierConfig("max+min", 4, 3, "relu", "zeros", kTinyFeatures, true));
    torch::NoGradGuard noGrad;
    const torch::Tensor alone = model->forward(a.features.unsqueeze(0)).logits;
    QVERIFY((model->forward(batch.grids, batch.valid).logits[0] - alone[0]).abs().max().item<double>() < 1e-5);
}

void TestTrainingData::autoAugmentationResolution() {
    const auto resolved = [](const std::vector<bool>& grids, const std::string& augment, const std::string& extra) {
        TrainingOptions o;
        o.augment = augment;
        o.extraScale = extra;
        TrainingSet set;
        for (size_t i = 0; i < grids.size(); ++i) {
            ManifestItem item;
            item.path = "item" + std::to_string(i) + (grids[i] ? ".pt" : ".svs");
            item.isGrid = grids[i];
            set.manifest.items.push_back(item);
        }
        resolveAugmentation(o, set);
        return set;
    };
    TrainingOptions defaults;
    QCOMPARE(defaults.augment, std::string("auto"));
    QCOMPARE(defaults.extraScale, std::string("auto"));
    // Slides only: the paper's protocol, re-extracted.
    const TrainingSet slides = resolved({false, false}, "auto", "auto");
    QCOMPARE(slides.augment, std::string("exact"));
    QVERIFY(slides.extraScale);
    QVERIFY(slides.augmentation.find("exact (auto: every manifest line names a slide)") == 0);
    QVERIFY(slides.augmentation.find("4 um/px") != std::string::npos);
    // Grid files (some or all): fast, no extra scale.
    for (const auto& grids : {std::vector<bool>{true, true}, std::vector<bool>{false, true}}) {
        const TrainingSet set = resolved(grids, "auto", "auto");
        QCOMPARE(set.augment, std::string("fast"));
        QVERIFY(!set.extraScale);
        QVERIFY(set.augmentation.find("fast (auto: the manifest has grid files") == 0);
    }
    // Named choices stay as given.
    const TrainingSet named = resolved({false}, "none", "off");
    QCOMPARE(named.augment, std::string("none"));
    QVERIFY(!named.extraScale);
    QVERIFY(named.augmentation.find("auto") == std::string::npos);
    QVERIFY(resolved({false}, "fast", "on").extraScale);

    TrainingOptions o;
    o.manifestPath = "m.csv";
    o.bundleFolder = "b";
    QVERIFY(checkTrainingOptions(o).ok());
    o.augment = "sideways";
    QVERIFY(!checkTrainingOptions(o));
    QVERIFY(checkTrainingOptions(o).error().find("auto, none, fast or exact") != std::string::npos);
    o.augment = "exact";
    o.extraScale = "maybe";
    QVERIFY(checkTrainingOptions(o).error().find("auto, on or off") != std::string::npos);
}

void TestTrainingData::exactAugmentationReextractsTransformedPixels() {
    // One small slide twice (a label each): exact mode by default, x9 plus the 4 µm/px scale.
    QTemporaryDir dir;
    const QString manifest = slidesight::test::writeSlideManifest(dir.path(), {0, 1});
    if (manifest.isEmpty()) QSKIP("SLIDESIGHT_TEST_DATA is not set: skipping the real-slide test.");
    TrainingOptions o;
    o.manifestPath = manifest.toStdString();
    o.extraction.weights = "random:1";
    o.extraction.architecture = "resnet18";
    o.extraction.grid.targetMpp = 8.0;  // few cells: a fast test
    o.extraction.grid.patchSize = 64;
    o.extraction.device = "cpu";
    o.extraction.cacheFolder = dir.filePath(QStringLiteral("cache")).toStdString();
    const auto set = prepareTrainingSet(o, nullptr, {});
    QVERIFY2(set.ok(), set.error().c_str());
    QCOMPARE(set->augment, std::string("exact"));
    QVERIFY(set->extraScale);
    QCOMPARE(set->variants.size(), size_t{2});
    const std::vector<TrainingVariant>& variants = set->variants[0];
    QCOMPARE(variants.size(), size_t{11});  // identity, 5 pixel flips and rotations, 4 shifts, 4 µm/px
    int transformed = 0;
    for (const TrainingVariant& v : variants) {
        const PatchTransform pixels = patchTransformOf(v.transform);
        if (pixels == PatchTransform::None) continue;
        ++transformed;
        // Extracted from transformed pixels (recorded in the grid), then moved to the
        // transformed cells by sample().
        QVERIFY(!v.file.empty());
        const auto grid = GridFile::read(v.file);
        QVERIFY2(grid.ok(), grid.error().c_str());
        QVERIFY(grid->metadata.find("\"patch_transform\":\"" + patchTransformName(pixels) + "\"") != std::string::npos);
        const GridSample read{grid->features.to(torch::kFloat32), grid->tissue.to(torch::kFloat32)};
        const GridSample sample = set->sample(0, v);
        QVERIFY(torch::equal(sample.features, transformGrid(read, v.transform).features));
        QVERIFY(torch::equal(sample.tissue, transformGrid(read, v.transform).tissue));
        // Not the untransformed grid's cells rearranged: the pixels differ, so do the features.
        QVERIFY(!torch::allclose(sample.features, transformGrid(set->grids[0], v.transform).features));
    }
    QCOMPARE(transformed, 5);
}

SLIDESIGHT_GUILESS_TEST_SUITE(TestTrainingData)
#include "tst_trainingdata.moc"
