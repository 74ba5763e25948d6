// Training the attention classifier: learning on tiny synthetic grids (the loss falls, a
// separable set reaches AUC 1, regression reaches Spearman > 0.9), the trained bundle reloading
// with identical outputs, resuming an interrupted run to the same result as an uninterrupted
// one, the learning-rate schedules and the per-run scores on a test manifest. What a run learns
// from (manifests, folds, grid transforms, batches, augmentation) is tst_trainingdata's.

#include "common/suite.h"

// moc reads only the test class and needs none of these (following the Torch headers
// would cost it about 4 s a file).
#ifndef Q_MOC_RUN
#include "model/bundle/bundle.h"
#include "model/nets/statedict_torch.h"
#include "model/training/training.h"
#include "model/training/trainingcheckpoint_torch.h"
#include "model/training/trainingloop_torch.h"
#include "model/training/trainingmanifest.h"
#include "model/training/trainingset_torch.h"

#include "model/evaluation/metrics.h"

#include "trainingfixture.h"
#include "trainingslides.h"

#include <QtCore/QFile>
#include <QtCore/QTemporaryDir>
#include <QtTest/QtTest>

#include <torch/torch.h>

#include <atomic>
#include <numeric>
#endif  // Q_MOC_RUN

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
    AttentionClassifier model(*classifierConfig("max+min", 4, 3, "relu", "zeros", kTinyFeatures, classification));
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
    o.augment = "none";  // grid files: "auto" would pick fast; these tests need no augmentation
    o.extraction.weights = extractor;
    o.extractorGiven = true;
    return o;
}

AttentionClassifier loadClassifier(const std::string& weights) {
    AttentionClassifier model(*classifierConfig("max+min", 4, 3, "relu", "zeros", kTinyFeatures, true));
    const auto dict = StateDict::read(weights);
    if (!dict || !dict->loadInto(*model)) return AttentionClassifier(nullptr);
    model->eval();
    return model;
}

}  // namespace

class TestTraining : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void lossFallsAndSeparableSetReachesAucOne();
    void regressionReachesSpearman();
    void trainedBundleReloadsWithIdenticalOutputs();
    void resumeEndsLikeAnUninterruptedRun();
    void learningRateSchedules();
    void testManifestScoresEveryRun();
};

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

void TestTraining::learningRateSchedules() {
    // The protocols' defaults: classification 1e-3, x0.1 from epoch 20 (0-based) on; regression
    // Adam 1e-4 in every epoch, whatever decayEpoch says.
    TrainingOptions classification;
    TrainingOptions regression;
    regression.task = "regression";
    for (int epoch = 0; epoch < 35; ++epoch) {
        QCOMPARE(epochLearningRate(classification, epoch), epoch < 20 ? 1e-3 : 1e-3 * 0.1);
        QCOMPARE(epochLearningRate(regression, epoch), 1e-4);
    }
    torch::manual_seed(1);
    AttentionClassifier model(*classifierConfig("max+min", 4, 3, "relu", "zeros", kTinyFeatures, true));
    const auto adam = makeOptimizer(*model, false, epochLearningRate(regression, 0), 0.9);
    QVERIFY(dynamic_cast<torch::optim::Adam*>(adam.get()));
    QCOMPARE(learningRate(*adam), 1e-4);
    const auto sgd = makeOptimizer(*model, true, epochLearningRate(classification, 0), 0.9);
    QVERIFY(dynamic_cast<torch::optim::SGD*>(sgd.get()));
    QCOMPARE(static_cast<torch::optim::SGDOptions&>(sgd->param_groups().front().options()).momentum(), 0.9);

    // The optimiser's rate in each epoch of real runs.
    QTemporaryDir dir;
    const std::string extractor = slidesight::test::writeExtractorWeights(dir.path());
    const QString manifest = writeTinyManifest(dir.path(), 8, true);
    TrainingOptions o = tinyOptions(manifest, dir.filePath(QStringLiteral("c")), extractor);  // lr 0.05, decay after 2
    std::vector<std::vector<double>> rates(2);
    auto record = [&](const TrainingEpoch& e) { rates[size_t(e.run)].push_back(e.learningRate); };
    QVERIFY(trainClassifier(o, record).ok());
    for (const auto& run : rates) QCOMPARE(run, (std::vector<double>{0.05, 0.05, 0.05 * 0.1, 0.05 * 0.1}));

    QTemporaryDir regressionDir;
    const QString scores = writeTinyManifest(regressionDir.path(), 8, false);
    o = tinyOptions(scores, regressionDir.path(), extractor);
    o.task = "regression";
    o.learningRate = 0.0;  // the protocol's
    o.epochs = 3;
    o.decayEpoch = 1;      // ignored: no step for regression
    rates.assign(2, {});
    QVERIFY(trainClassifier(o, record).ok());
    for (const auto& run : rates) QCOMPARE(run, (std::vector<double>{1e-4, 1e-4, 1e-4}));
}

void TestTraining::testManifestScoresEveryRun() {
    QTemporaryDir dir, testDir;
    const std::string extractor = slidesight::test::writeExtractorWeights(dir.path());
    const QString manifest = writeTinyManifest(dir.path(), 8, true);
    const QString test = writeTinyManifest(testDir.path(), 6, true);
    TrainingOptions o = tinyOptions(manifest, dir.path(), extractor);
    o.inits = 2;
    o.testManifestPath = test.toStdString();
    const auto summary = trainClassifier(o);
    QVERIFY2(summary.ok(), summary.error().c_str());
    QCOMPARE(summary->runs.size(), size_t{4});
    QCOMPARE(summary->testPaths.size(), size_t{6});
    std::vector<double> metrics;
    for (const TrainingRunResult& run : summary->runs) {
        QCOMPARE(run.testScores.size(), size_t{6});
        // Each run's own classifier, as saved, gives its test scores.
        AttentionClassifier model = loadClassifier(run.weightsPath);
        QVERIFY(model);
        torch::NoGradGuard noGrad;
        const GridSample g = tinyGrid(5, 1.0);  // test line 5
        const double expected = torch::softmax(model->forward(g.features.unsqueeze(0)).logits, 1)[0][1].item<double>();
        QVERIFY(std::abs(run.testScores[5] - expected) < 1e-6);
        QCOMPARE(run.testMetric, protocolMetric(true, run.testScores, summary->testTargets));
        metrics.push_back(run.testMetric);
    }
    QCOMPARE(summary->testMean, mean(metrics));
    QCOMPARE(summary->testStd, sampleStd(metrics));
    QFile scores(QString::fromStdString(summary->scoresPath));
    QVERIFY(scores.open(QIODevice::ReadOnly));
    const QByteArray json = scores.readAll();
    QCOMPARE(json.count("\"test_metric\":"), 4);
    QVERIFY(json.contains("\"test_mean\":"));
    QVERIFY(json.contains("\"test_std\":"));
    // A missing test manifest fails before any training.
    o.testManifestPath = dir.filePath(QStringLiteral("none.csv")).toStdString();
    o.bundleFolder = dir.filePath(QStringLiteral("other")).toStdString();
    const auto missing = trainClassifier(o);
    QVERIFY(!missing.ok());
    QVERIFY(missing.error().find("test manifest") != std::string::npos);
    QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("other.run/checkpoint.pt"))));
}

SLIDESIGHT_GUILESS_TEST_SUITE(TestTraining)
#include "tst_training.moc"
