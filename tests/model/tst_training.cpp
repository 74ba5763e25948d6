// Training the attention classifier: manifests and folds, the grid augmentation and padded
// batches, learning on tiny synthetic grids (the loss falls, a separable set reaches AUC 1,
// regression reaches Spearman > 0.9), the trained bundle reloading with identical outputs,
// and resuming an interrupted run to the same result as an uninterrupted one.

#include "model/bundle.h"
#include "model/statedict.h"
#include "model/training.h"
#include "model/trainingcheckpoint.h"
#include "model/trainingloop.h"
#include "model/trainingmanifest.h"

#include "trainingfixture.h"

#include <QtCore/QFile>
#include <QtCore/QTemporaryDir>
#include <QtTest/QtTest>

#include <torch/torch.h>

#include <atomic>
#include <numeric>

using namespace slidesight::model;
using slidesight::test::kTinyFeatures;
using slidesight::test::tinyGrid;
using slidesight::test::writeTinyManifest;

namespace {

/// Trains a fresh classifier on tiny grids in memory; returns the loss per epoch and the
/// training-set metric at the end.
struct Fit {
    std::vector<double> losses;
    double metric = 0.0;
};

Fit fit(bool classification, int count, int epochs, double learningRate) {
    std::vector<GridSample> grids;
    std::vector<double> targets;
    for (int i = 0; i < count; ++i) {
        const double target = classification ? (i % 2) : double(i) / double(count - 1);
        grids.push_back(tinyGrid(i, classification ? target : 0.2 + target));
        targets.push_back(target);
    }
    torch::manual_seed(3);
    AttentionClassifier model(*classifierConfig("max+min", 4, 3, "relu", kTinyFeatures, classification));
    auto optimizer = makeOptimizer(*model, classification, learningRate, 0.9);
    LoopSettings settings;
    settings.classification = classification;
    settings.batchSize = 4;
    std::vector<size_t> order(grids.size());
    std::iota(order.begin(), order.end(), size_t{0});
    Fit out;
    for (int e = 0; e < epochs; ++e)
        out.losses.push_back(*trainEpoch(model, *optimizer, order, [&](size_t i) { return grids[i]; }, targets,
                                         settings, nullptr));
    std::vector<const GridSample*> pointers;
    for (const GridSample& g : grids) pointers.push_back(&g);
    out.metric = protocolMetric(classification, predictScores(model, pointers, settings), targets);
    return out;
}

TrainingOptions tinyOptions(const QString& manifest, const QString& folder, const std::string& extractor) {
    TrainingOptions o;
    o.manifestPath = manifest.toStdString();
    o.bundleFolder = QDir(folder).filePath(QStringLiteral("bundle")).toStdString();
    o.epochs = 4;
    o.batchSize = 4;
    o.folds = 2;
    o.inits = 1;
    o.hidden = 4;
    o.learningRate = 0.05;
    o.decayEpoch = 2;
    o.extraction.weights = extractor;
    o.extractorGiven = true;
    return o;
}

AttentionClassifier loadClassifier(const std::string& weights) {
    AttentionClassifier model(*classifierConfig("max+min", 4, 3, "relu", kTinyFeatures, true));
    const auto dict = StateDict::read(weights);
    if (!dict || !dict->loadInto(*model)) return AttentionClassifier(nullptr);
    model->eval();
    return model;
}

}  // namespace

class TestTraining : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void manifestParsingAndFolds();
    void manifestErrors();
    void gridTransforms();
    void batchesArePaddedWithMask();
    void lossFallsAndSeparableSetReachesAucOne();
    void regressionReachesSpearman();
    void trainedBundleReloadsWithIdenticalOutputs();
    void resumeEndsLikeAnUninterruptedRun();
};

void TestTraining::manifestParsingAndFolds() {
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

void TestTraining::manifestErrors() {
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

void TestTraining::gridTransforms() {
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

void TestTraining::batchesArePaddedWithMask() {
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
    AttentionClassifier model(*classifierConfig("max+min", 4, 3, "relu", kTinyFeatures, true));
    torch::NoGradGuard noGrad;
    const torch::Tensor alone = model->forward(a.features.unsqueeze(0)).logits;
    QVERIFY((model->forward(batch.grids, batch.valid).logits[0] - alone[0]).abs().max().item<double>() < 1e-5);
}

void TestTraining::lossFallsAndSeparableSetReachesAucOne() {
    const Fit f = fit(true, 16, 40, 0.02);
    QVERIFY2(f.losses.back() < 0.5 * f.losses.front(),
             qPrintable(QStringLiteral("loss %1 -> %2").arg(f.losses.front()).arg(f.losses.back())));
    QCOMPARE(f.metric, 1.0);
}

void TestTraining::regressionReachesSpearman() {
    const Fit f = fit(false, 20, 60, 0.01);
    QVERIFY(f.losses.back() < f.losses.front());
    QVERIFY2(f.metric > 0.9, qPrintable(QString::number(f.metric)));
}

void TestTraining::trainedBundleReloadsWithIdenticalOutputs() {
    QTemporaryDir dir;
    const std::string extractor = slidesight::test::writeExtractorWeights(dir.path());
    QVERIFY(!extractor.empty());
    const QString manifest = writeTinyManifest(dir.path(), 8, true);
    const auto summary = trainClassifier(tinyOptions(manifest, dir.path(), extractor));
    QVERIFY2(summary.ok(), summary.error().c_str());
    QCOMPARE(summary->runs.size(), size_t{2});
    QCOMPARE(summary->metricName, std::string("auc"));
    QVERIFY(QFile::exists(QString::fromStdString(summary->scoresPath)));
    const auto bundle = readBundle(summary->bundlePath);
    QVERIFY2(bundle.ok(), bundle.error().c_str());
    QVERIFY(bundle->trained);
    QCOMPARE(bundle->task, std::string("classification"));
    QCOMPARE(bundle->classifier.hidden, int64_t{4});
    QCOMPARE(bundle->metrics.at("auc"), summary->metricMean);
    AttentionClassifier fromBundle = loadClassifier(bundle->classifier.weights);
    AttentionClassifier fromRun = loadClassifier(summary->runs[size_t(summary->bestRun)].weightsPath);
    QVERIFY(fromBundle && fromRun);
    const GridSample g = tinyGrid(3, 1.0);
    torch::NoGradGuard noGrad;
    QVERIFY(torch::equal(fromBundle->forward(g.features.unsqueeze(0)).logits, fromRun->forward(g.features.unsqueeze(0)).logits));
    // evaluateBundle runs that classifier on the manifest.
    EvaluationOptions e;
    e.bundlePath = summary->bundlePath;
    e.manifestPath = manifest.toStdString();
    const auto evaluation = evaluateBundle(e);
    QVERIFY2(evaluation.ok(), evaluation.error().c_str());
    QCOMPARE(evaluation->scores.size(), size_t{8});
    const double expected = torch::softmax(fromBundle->forward(tinyGrid(3, 1.0).features.unsqueeze(0)).logits, 1)[0][1].item<double>();
    QVERIFY(std::abs(evaluation->scores[3] - expected) < 1e-6);
    QVERIFY(evaluation->metric >= 0.0 && evaluation->metric <= 1.0);
}

void TestTraining::resumeEndsLikeAnUninterruptedRun() {
    QTemporaryDir dir;
    const std::string extractor = slidesight::test::writeExtractorWeights(dir.path());
    const QString manifest = writeTinyManifest(dir.path(), 8, true);
    TrainingOptions reference = tinyOptions(manifest, dir.filePath(QStringLiteral("a")), extractor);
    const auto uninterrupted = trainClassifier(reference);
    QVERIFY2(uninterrupted.ok(), uninterrupted.error().c_str());

    TrainingOptions o = tinyOptions(manifest, dir.filePath(QStringLiteral("b")), extractor);
    std::atomic<bool> cancel{false};
    // Stop during the second run's third epoch: its second epoch is the last checkpoint.
    const auto stopped = trainClassifier(o, [&](const TrainingEpoch& e) { cancel = e.run == 1 && e.epoch == 2; }, &cancel);
    QVERIFY(!stopped.ok());
    QCOMPARE(stopped.error(), std::string(kTrainingCancelled));
    const std::string checkpoint = o.bundleFolder + ".run/checkpoint.pt";
    const auto state = readCheckpointState(checkpoint);
    QVERIFY2(state.ok(), state.error().c_str());
    QCOMPARE(state->run, 1);
    QCOMPARE(state->epochsDone, 2);
    QCOMPARE(state->finished.size(), size_t{1});
    // Without --resume the checkpoint is not overwritten.
    QVERIFY(!trainClassifier(o).ok());
    o.resume = true;
    const auto resumed = trainClassifier(o);
    QVERIFY2(resumed.ok(), resumed.error().c_str());
    QVERIFY(resumed->resumed);
    QCOMPARE(resumed->resumedRun, 1);
    QCOMPARE(resumed->resumedEpoch, 2);
    QCOMPARE(resumed->runs.size(), uninterrupted->runs.size());
    for (size_t r = 0; r < resumed->runs.size(); ++r) {
        QCOMPARE(resumed->runs[r].metric, uninterrupted->runs[r].metric);
        const auto a = StateDict::read(uninterrupted->runs[r].weightsPath), b = StateDict::read(resumed->runs[r].weightsPath);
        QVERIFY(a.ok() && b.ok());
        for (size_t i = 0; i < a->size(); ++i)
            QVERIFY((a->entries()[i].second - b->entries()[i].second).abs().max().item<double>() < 1e-6);
    }
    // A checkpoint of other options is refused.
    o.epochs = 5;
    QVERIFY(!trainClassifier(o).ok());
}

QTEST_GUILESS_MAIN(TestTraining)
#include "tst_training.moc"
