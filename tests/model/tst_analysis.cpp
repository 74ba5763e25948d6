// The whole-slide analysis facade on the real CMU slide with an untrained bundle: map sizes and
// units, attention maps that sum to 1 per channel over the valid cells, tissue fractions in
// [0, 1], the result file, the grid cache on a second run, Grad-CAM on G' vanishing, and
// cancellation from the progress callback leaving no result.

#include "common/suite.h"

// moc reads only the test class and needs none of these (following the Torch headers
// would cost it about 4 s a file).
#ifndef Q_MOC_RUN
#include "model/analysis/analysis.h"
#include "model/nets/torchsavereader_torch.h"

#include "../common/testdata.h"

#include <QtCore/QFile>
#include <QtCore/QTemporaryDir>
#include <QtTest/QtTest>

#include <torch/torch.h>

#include <cmath>
#include <fstream>
#include <iterator>
#endif  // Q_MOC_RUN

using namespace slidesight::model;

namespace {

ModelBundle untrainedBundle(const std::string& gradcamTarget = "grid") {
    ModelBundle b;
    b.name = "untrained test bundle";
    b.path = "(in memory)";
    b.extractor.architecture = "resnet18";
    b.extractor.weights = "random:1";
    b.classifier.weights = "random:2";
    b.classifier.hidden = 8;
    b.classifier.gradcamTarget = gradcamTarget;
    return b;
}

std::vector<std::string> keysOf(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    const std::vector<char> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const auto dict = TorchSaveReader::readDict(bytes);
    std::vector<std::string> keys;
    if (dict)
        for (const auto& entry : *dict) keys.push_back(entry.first);
    return keys;
}

}  // namespace

class TestAnalysis : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    std::string slide_;

    AnalysisOptions options(const QString& cache, const QString& result = {}) const {
        AnalysisOptions o;
        o.slidePath = slide_;
        o.cacheFolder = dir_.filePath(cache).toStdString();
        o.resultPath = result.isEmpty() ? std::string() : dir_.filePath(result).toStdString();
        o.device = "cpu";
        o.programVersion = "test";
        return o;
    }

private Q_SLOTS:
    void initTestCase() {
        SLIDESIGHT_REQUIRE_DATA();
        QVERIFY(dir_.isValid());
        slide_ = slidesight::test::dataPath(QStringLiteral("slides/cmu-1-small-region.svs")).toStdString();
    }

    void mapsAndCache() {
        std::vector<AnalysisStage> stages;
        const auto progress = [&stages](AnalysisStage stage, int64_t, int64_t) {
            if (stages.empty() || stages.back() != stage) stages.push_back(stage);
        };
        const auto first = runAnalysis(untrainedBundle(), options(QStringLiteral("cache"), QStringLiteral("result.pt")), progress);
        QVERIFY2(first, first.error().c_str());
        const AnalysisResult& r = *first;
        QVERIFY(!r.fromCache);
        QVERIFY(!r.extractorTrained && !r.classifierTrained);
        QVERIFY(r.rows > 0 && r.columns > 0);
        const size_t cells = static_cast<size_t>(r.rows) * static_cast<size_t>(r.columns);
        // 2.0 µm/px grid cells of 224 px on a 0.499 µm/px slide: about 898 level-0 pixels.
        QVERIFY2(std::abs(r.cellWidth - 224.0 * 2.0 / r.slideMpp) < 1.0, qPrintable(QString::number(r.cellWidth)));
        QVERIFY(r.originX >= 0.0 && r.originY >= 0.0);
        const std::vector<AnalysisStage> expected{AnalysisStage::Tissue, AnalysisStage::Extraction,
                                                  AnalysisStage::Classification, AnalysisStage::Done};
        QVERIFY(stages == expected);

        QCOMPARE(r.maps.size(), size_t(4));  // tissue, attention-max, attention-min, gradcam
        QCOMPARE(r.maps.front().id, std::string("tissue"));
        for (const AnalysisMap& m : r.maps) QCOMPARE(m.values.size(), cells * static_cast<size_t>(m.channels));
        const AnalysisMap* tissue = r.map("tissue");
        QVERIFY(tissue && tissue->channels == 1 && tissue->units == "fraction");
        for (const float v : tissue->values) QVERIFY(v >= 0.0f && v <= 1.0f);
        QVERIFY(r.map("attention-avg") == nullptr);
        for (const char* id : {"attention-max", "attention-min"}) {
            const AnalysisMap* m = r.map(id);
            QVERIFY2(m, id);
            QCOMPARE(m->channels, 8);
            QCOMPARE(m->units, std::string("weight"));
            for (int h = 0; h < m->channels; ++h) {
                double sum = 0.0;
                for (size_t i = 0; i < cells; ++i) {
                    const float v = m->values[static_cast<size_t>(h) * cells + i];
                    QVERIFY(std::isfinite(v) && v >= 0.0f);  // every cell is valid without tissue-only
                    sum += v;
                }
                QVERIFY2(std::abs(sum - 1.0) < 1e-4, qPrintable(QString::number(sum)));
            }
        }
        const AnalysisMap* gradcam = r.map("gradcam");
        QVERIFY(gradcam && gradcam->channels == 1);
        QCOMPARE(r.gradcamTarget, std::string("grid"));
        QCOMPARE(r.probabilities.size(), size_t(2));
        QVERIFY(std::abs(r.probabilities[0] + r.probabilities[1] - 1.0) < 1e-6);
        QCOMPARE(r.score, std::max(r.probabilities[0], r.probabilities[1]));

        // The result file, in the classification's format.
        QCOMPARE(r.resultPath, options(QString(), QStringLiteral("result.pt")).resultPath);
        const auto keys = keysOf(r.resultPath);
        for (const char* key : {"logits", "probabilities", "attention_max", "attention_min", "gradcam", "valid", "tissue", "metadata"})
            QVERIFY2(std::find(keys.begin(), keys.end(), key) != keys.end(), key);

        // The second run reuses the grid: nothing is extracted, the maps are the same.
        const auto second = runAnalysis(untrainedBundle(), options(QStringLiteral("cache")));
        QVERIFY2(second, second.error().c_str());
        QVERIFY(second->fromCache);
        QCOMPARE(second->extractionSeconds, 0.0);
        QVERIFY(second->resultPath.empty());
        QVERIFY(second->map("attention-max")->values == r.map("attention-max")->values);
        QCOMPARE(second->gridPath, r.gridPath);
    }

    void tissueOnlyAndGPrime() {
        auto o = options(QStringLiteral("cache"));
        o.tissueOnly = true;
        const auto r = runAnalysis(untrainedBundle("gprime"), o);
        QVERIFY2(r, r.error().c_str());
        const AnalysisMap* tissue = r->map("tissue");
        const AnalysisMap* attention = r->map("attention-max");
        const size_t cells = tissue->values.size();
        double sum = 0.0;
        for (size_t i = 0; i < cells; ++i) {
            // Background cells carry no value; the others share the weight of channel 0.
            QCOMPARE(std::isnan(attention->values[i]), tissue->values[i] <= 0.0f);
            if (!std::isnan(attention->values[i])) sum += attention->values[i];
        }
        QVERIFY2(std::abs(sum - 1.0) < 1e-4, qPrintable(QString::number(sum)));
        // Grad-CAM on G' vanishes by the softmax's shift invariance.
        QCOMPARE(r->gradcamTarget, std::string("gprime"));
        for (const float v : r->map("gradcam")->values) QVERIFY(std::isnan(v) || std::abs(v) < 1e-5f);
        // ... and is reported as degenerate, for the viewer to show a notice instead.
        QVERIFY(r->gradcamDegenerate);
        QVERIFY(r->map("gradcam")->degenerate);
        QVERIFY(!r->map("attention-max")->degenerate);
    }

    void gradcamOfAChosenClass() {
        // By default Grad-CAM explains the predicted class; a chosen class is explained
        // whatever the prediction (the demo's evaluation asks for the region's class).
        const auto predicted = runAnalysis(untrainedBundle(), options(QStringLiteral("cache")));
        QVERIFY2(predicted, predicted.error().c_str());
        QCOMPARE(predicted->gradcamClass, predicted->predictedClass);
        std::vector<float> maps[2];
        for (int64_t c = 0; c < 2; ++c) {
            auto o = options(QStringLiteral("cache"));
            o.gradcamClass = c;
            const auto r = runAnalysis(untrainedBundle(), o);
            QVERIFY2(r, r.error().c_str());
            QCOMPARE(r->gradcamClass, c);
            QCOMPARE(r->predictedClass, predicted->predictedClass);
            maps[c] = r->map("gradcam")->values;
        }
        QVERIFY(maps[predicted->predictedClass] == predicted->map("gradcam")->values);
        QVERIFY(maps[0] != maps[1]);
        // A bundle that names the other class gets it without being asked.
        ModelBundle named = untrainedBundle();
        const int64_t other = 1 - predicted->predictedClass;
        named.classifier.gradcamClass = named.classes.at(size_t(other));
        const auto byBundle = runAnalysis(named, options(QStringLiteral("cache")));
        QVERIFY2(byBundle, byBundle.error().c_str());
        QCOMPARE(byBundle->gradcamClass, other);
        QVERIFY(byBundle->map("gradcam")->values == maps[other]);
        auto o = options(QStringLiteral("cache"));
        o.gradcamClass = 2;
        const auto refused = runAnalysis(untrainedBundle(), o);
        QVERIFY(!refused);
        QVERIFY2(refused.error().find("Grad-CAM class 2 is out of range") != std::string::npos, refused.error().c_str());
    }

    void cancelFromProgress() {
        std::atomic<bool> cancel{false};
        const auto o = options(QStringLiteral("fresh-cache"), QStringLiteral("cancelled.pt"));
        const auto r = runAnalysis(untrainedBundle(), o,
                                   [&cancel](AnalysisStage stage, int64_t, int64_t) {
                                       if (stage == AnalysisStage::Extraction) cancel = true;
                                   },
                                   &cancel);
        QVERIFY(!r);
        QCOMPARE(r.error(), std::string(kAnalysisCancelled));
        QVERIFY(!QFile::exists(QString::fromStdString(o.resultPath)));
    }

    void badInput() {
        auto o = options(QStringLiteral("cache"));
        o.slidePath = "/nonexistent/slide.svs";
        const auto missing = runAnalysis(untrainedBundle(), o);
        QVERIFY(!missing);
        QVERIFY2(QString::fromStdString(missing.error()).contains(QLatin1String("/nonexistent/slide.svs")), missing.error().c_str());
        ModelBundle bad = untrainedBundle();
        bad.classifier.kernel = 2;
        const auto even = runAnalysis(bad, options(QStringLiteral("cache")));
        QVERIFY(!even);
        QVERIFY2(QString::fromStdString(even.error()).contains(QLatin1String("classifier.kernel")), even.error().c_str());
    }
};

SLIDESIGHT_GUILESS_TEST_SUITE(TestAnalysis)
#include "tst_analysis.moc"
