// Training LRAN on labelled patches: listing class folders and CSVs (with one-sentence errors),
// the stratified split, class-balanced batches, the flip/rotation augmentation, learning a
// tiny red/blue set, the bundle reloading to the same predictions, and resuming an
// interrupted run to the same result as an uninterrupted one.

#include "common/suite.h"

// moc reads only the test class and needs none of these (following the Torch headers
// would cost it about 4 s a file).
#ifndef Q_MOC_RUN
#include "model/bundle/bundle.h"
#include "model/extraction/patchreader.h"
#include "model/lran/lran_torch.h"
#include "model/lran/lrantraining.h"
#include "model/lran/lrantrainingdata.h"
#include "model/nets/statedict_torch.h"

#include "lranpatchfixture.h"

#include <QtCore/QFile>
#include <QtCore/QFileInfo>
#include <QtCore/QTemporaryDir>
#include <QtTest/QtTest>

#include <torch/torch.h>

#include <atomic>
#include <fstream>
#include <set>
#endif  // Q_MOC_RUN

using namespace slidesight::model;
using slidesight::test::writeNoisyClass;
using slidesight::test::writeRedBlueSet;

namespace {

/// The options of the tiny runs: 2 x 8 images at 64 x 64 (the spec's 256 costs 16 times as
/// much), 2 of each held out, 3 epochs of 3 batches of 4.
LranTrainingOptions tinyLranOptions(const QString& data, const QString& bundle) {
    LranTrainingOptions o;
    o.data = data.toStdString();
    o.bundleFolder = bundle.toStdString();
    o.epochs = 3;
    o.batchSize = 4;
    o.learningRate = 1e-3;
    o.schedule = {{2, 5e-4}};
    o.holdout = 0.2;
    o.seed = 5;
    o.inputSize = 64;
    return o;
}

bool sameFile(const std::string& a, const std::string& b) {
    const auto x = StateDict::read(a), y = StateDict::read(b);
    if (!x || !y || x->size() != y->size()) return false;
    for (size_t i = 0; i < x->size(); ++i)
        if (!torch::allclose(x->entries()[i].second.to(torch::kDouble), y->entries()[i].second.to(torch::kDouble), 1e-4, 1e-5))
            return false;
    return true;
}

}  // namespace

class TestLranTraining : public QObject {
    Q_OBJECT

private:
    QTemporaryDir dir_;
    QString data_;
    LranTrainingSummary first_;  ///< the uninterrupted tiny run

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        data_ = dir_.filePath(QStringLiteral("data"));
        QVERIFY(writeRedBlueSet(data_, 8));
    }

    void balancedBatches_data() {
        QTest::addColumn<std::vector<int>>("labels");
        QTest::addColumn<int>("batchSize");
        QTest::newRow("imbalanced 3 classes") << std::vector<int>{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 2, 2, 2, 2, 2} << 7;
        QTest::newRow("2 classes, one image") << std::vector<int>{1, 0, 0, 0, 0, 0} << 4;
    }
    void balancedBatches() {
        QFETCH(std::vector<int>, labels);
        QFETCH(int, batchSize);
        const int classes = 1 + *std::max_element(labels.begin(), labels.end());
        const auto batches = slidesight::model::balancedBatches(labels, classes, batchSize, 6, 9, 1);
        QCOMPARE(batches.size(), size_t(6));
        for (const auto& batch : batches) {
            QCOMPARE(int(batch.size()), batchSize);
            std::vector<int> counts(static_cast<size_t>(classes), 0);
            for (size_t position : batch) {
                QVERIFY(position < labels.size());
                ++counts[static_cast<size_t>(labels[position])];
            }
            const auto [low, high] = std::minmax_element(counts.begin(), counts.end());
            QVERIFY2(*high - *low <= 1, "class counts within a batch differ by more than one");
        }
        QCOMPARE(slidesight::model::balancedBatches(labels, classes, batchSize, 6, 9, 1), batches);
        QVERIFY(slidesight::model::balancedBatches(labels, classes, batchSize, 6, 9, 2) != batches);
    }

    void stratifiedSplit() {
        std::vector<int> labels(10, 0);
        labels.insert(labels.end(), 5, 1);
        labels.push_back(2);  // a single image stays in training
        const LranSplit split = splitLranImages(labels, 3, 0.2, 4);
        std::vector<int> held(3, 0), train(3, 0);
        for (size_t i : split.heldOut) ++held[static_cast<size_t>(labels[i])];
        for (size_t i : split.train) ++train[static_cast<size_t>(labels[i])];
        QCOMPARE(held, (std::vector<int>{2, 1, 0}));
        QCOMPARE(train, (std::vector<int>{8, 4, 1}));
        std::vector<size_t> all = split.train;
        all.insert(all.end(), split.heldOut.begin(), split.heldOut.end());
        std::sort(all.begin(), all.end());
        QCOMPARE(std::adjacent_find(all.begin(), all.end()), all.end());
        QCOMPARE(all.size(), labels.size());
        QVERIFY(splitLranImages(labels, 3, 0.2, 5).heldOut != split.heldOut);
        QVERIFY(splitLranImages(labels, 3, 0.0, 4).heldOut.empty());
    }

    void transforms() {
        std::vector<uint8_t> image(2 * 2 * 3);
        for (size_t i = 0; i < image.size(); ++i) image[i] = static_cast<uint8_t>(i * 10);
        std::set<std::vector<uint8_t>> seen;
        for (int code = 0; code < 8; ++code) {
            std::vector<uint8_t> copy = image;
            transformSquareRgb(copy, 2, code);
            seen.insert(copy);
            if (code == 0) QCOMPARE(copy, image);
        }
        QCOMPARE(seen.size(), size_t(8));  // the eight symmetries of the square differ on an asymmetric image
    }

    void listingErrors() {
        const QString root = dir_.filePath(QStringLiteral("bad"));
        auto error = [](const QString& data) {
            const auto listed = listLranImages(data.toStdString(), 0);
            return listed ? QString() : QString::fromStdString(listed.error());
        };
        QVERIFY(error(root).contains(QLatin1String("does not exist")));
        QVERIFY(writeNoisyClass(root, QStringLiteral("only"), 2, qRgb(1, 2, 3), 1, 8));
        QVERIFY(error(root).contains(QLatin1String("only the class \"only\"")));
        QVERIFY(QDir(root).mkpath(QStringLiteral("empty")));
        QVERIFY2(error(root).contains(QLatin1String("empty\" holds no images")), qPrintable(error(root)));
        QVERIFY(QDir(root).rmdir(QStringLiteral("empty")));
        QVERIFY(QDir(root).mkpath(QStringLiteral("zbroken")));
        QFile broken(root + QStringLiteral("/zbroken/x.png"));
        QVERIFY(broken.open(QIODevice::WriteOnly) && broken.write("not a png") > 0);
        broken.close();
        const auto listed = listLranImages(root.toStdString(), 0);
        QVERIFY(listed);
        QCOMPARE(listed->classes, (std::vector<std::string>{"only", "zbroken"}));
        const auto loaded = loadLranImages(*listed, 32, nullptr);
        QVERIFY(!loaded);
        QVERIFY2(QString::fromStdString(loaded.error()).contains(QLatin1String("zbroken/x.png")), loaded.error().c_str());
    }

    void csvListing() {
        const QString csv = dir_.filePath(QStringLiteral("set.csv"));
        std::ofstream out(csv.toStdString());
        out << "path,label\ndata/red/00.png,warm\ndata/blue/00.png,cold\n" << data_.toStdString() << "/red/01.png,warm\n";
        out.close();
        const auto listed = listLranImages(csv.toStdString(), 1);
        QVERIFY2(listed, listed ? "" : listed.error().c_str());
        QCOMPARE(listed->classes, (std::vector<std::string>{"cold", "warm"}));
        QCOMPARE(listed->paths.size(), size_t(2));  // one per class
        QCOMPARE(listed->labels, (std::vector<int>{0, 1}));
        std::ofstream bad(csv.toStdString());
        bad << "data/red/00.png,warm\ndata/red/99.png,cold\n";
        bad.close();
        const auto missing = listLranImages(csv.toStdString(), 0);
        QVERIFY(!missing && QString::fromStdString(missing.error()).startsWith(QLatin1String("Line 2 of")));
    }

    void learnsAndReloads() {
        const QString bundle = dir_.filePath(QStringLiteral("bundle"));
        const auto trained = trainLran(tinyLranOptions(data_, bundle));
        QVERIFY2(trained, trained ? "" : trained.error().c_str());
        first_ = *trained;
        const LranTrainingSummary& s = *trained;
        QCOMPARE(s.classes, (std::vector<std::string>{"blue", "red"}));
        QCOMPARE(s.heldOutCounts, (std::vector<int>{2, 2}));
        QCOMPARE(s.batchesPerEpoch, 3);
        QCOMPARE(s.history.size(), size_t(3));
        QVERIFY(s.history.back().loss < s.history.front().loss);
        QCOMPARE(s.history[1].learningRate, 1e-3);
        QCOMPARE(s.history[2].learningRate, 5e-4);
        QCOMPARE(s.heldOutAccuracy, 1.0);
        QCOMPARE(s.confusion, (std::vector<std::vector<int64_t>>{{2, 0}, {0, 2}}));
        QVERIFY(s.imagesPerSecond > 0.0);
        qInfo("LRAN training: %.2f images/s at 64 x 64 with %d Torch threads", s.imagesPerSecond, s.torchThreads);

        const auto read = readBundle(bundle.toStdString());
        QVERIFY2(read, read ? "" : read.error().c_str());
        QVERIFY(read->lran.has_value());
        QCOMPARE(read->lran->classes, s.classes);
        QCOMPARE(read->lran->patchSize, 64);
        QCOMPARE(read->metrics.at("lran_accuracy"), 1.0);
        QVERIFY(!read->trained);  // its extractor and classifier are random
        const auto checked = checkBundleWeights(*read);
        QVERIFY2(checked, checked ? "" : checked.error().c_str());
        QVERIFY(QFile::exists(bundle + QStringLiteral("/lran-training.json")));

        // The saved weights predict the held-out images as the run measured.
        LranConfig config;
        config.classes = 2;
        Lran net(config);
        QVERIFY(StateDict::read(read->lran->weights)->loadInto(*net));
        net->eval();
        const auto set = listLranImages(data_.toStdString(), 0);
        const auto images = loadLranImages(*set, 64, nullptr);
        const LranSplit split = splitLranImages(set->labels, 2, 0.2, 5);
        torch::Tensor input = torch::empty({int64_t(split.heldOut.size()), 3, 64, 64});
        for (size_t i = 0; i < split.heldOut.size(); ++i)
            PatchReader::normalise((*images)[split.heldOut[i]].data(), 64, 64, Normalisation{},
                                   input[int64_t(i)].data_ptr<float>());
        torch::NoGradGuard noGrad;
        const torch::Tensor predicted = net->forward(input).logits.argmax(1);
        for (size_t i = 0; i < split.heldOut.size(); ++i)
            QCOMPARE(predicted[int64_t(i)].item<int64_t>(), int64_t(set->labels[split.heldOut[i]]));
        const torch::Tensor again = net->forward(input).logits;
        QVERIFY(torch::equal(again, net->forward(input).logits));
    }

    void resumesToTheSameResult() {
        if (first_.history.empty()) QSKIP("learnsAndReloads did not finish.");
        const QString bundle = dir_.filePath(QStringLiteral("resumed"));
        LranTrainingOptions o = tinyLranOptions(data_, bundle);
        std::atomic<bool> cancel{false};
        const auto stopped = trainLran(o, [&](const LranTrainingProgress& p) { if (p.epochFinished) cancel = true; }, &cancel);
        QVERIFY(!stopped);
        QCOMPARE(stopped.error(), std::string(kLranTrainingCancelled));
        QVERIFY(!QFile::exists(bundle + QStringLiteral("/model.json")));

        const auto refused = trainLran(o);
        QVERIFY(!refused && QString::fromStdString(refused.error()).contains(QLatin1String("--resume")));

        // Resumed into a bundle that keeps another bundle's extractor and classifier.
        UntrainedBundleOptions base;
        base.folder = dir_.filePath(QStringLiteral("base")).toStdString();
        base.writeWeights = true;
        QVERIFY(createUntrainedBundle(base));
        o.baseBundle = base.folder;
        o.resume = true;
        const auto resumed = trainLran(o);
        QVERIFY2(resumed, resumed ? "" : resumed.error().c_str());
        QVERIFY(resumed->resumed);
        QCOMPARE(resumed->resumedEpoch, 1);
        QCOMPARE(resumed->history.size(), first_.history.size());
        for (size_t e = 0; e < first_.history.size(); ++e)
            QVERIFY(std::abs(resumed->history[e].loss - first_.history[e].loss) < 1e-4);
        QVERIFY(sameFile(resumed->weightsPath, first_.weightsPath));

        const auto read = readBundle(bundle.toStdString());
        QVERIFY2(read, read ? "" : read.error().c_str());
        QVERIFY(read->lran.has_value());
        QCOMPARE(QFileInfo(QString::fromStdString(read->extractor.weights)).dir().absolutePath(), QDir(bundle).absolutePath());
        QVERIFY(QFile::exists(bundle + QStringLiteral("/classifier.pt")));
        QVERIFY(checkBundleWeights(*read));
    }
};

SLIDESIGHT_GUILESS_TEST_SUITE(TestLranTraining)
#include "tst_lrantraining.moc"
