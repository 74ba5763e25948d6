#include "app/cli/demo/demoevaluation.h"

#include "app/cli/jsonoutput.h"
#include "app/cli/demo/demoagreement.h"

#include "model/bundle/bundle.h"
#include "model/evaluation/metrics.h"
#include "model/lran/lrantraining.h"
#include "model/training/training.h"
#include "viewer/common/qstringfailure.h"

#include <QtCore/QDir>
#include <QtCore/QElapsedTimer>
#include <QtCore/QFileInfo>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QSaveFile>

#include <algorithm>
#include <cmath>
#include <map>
#include <limits>

namespace slidesight::cli {

namespace {

constexpr double kSlideAucGoal = 0.95;
constexpr double kFirstMapCellAucGoal = 0.85;  ///< every positive mosaic, the map the viewer shows first
constexpr double kCellAucGoal = 0.8;           ///< every positive mosaic, max attention and Grad-CAM
constexpr double kPointingGoal = 0.75;

QJsonValue number(double value) { return std::isfinite(value) ? QJsonValue(std::round(value * 1e4) / 1e4) : QJsonValue(); }

QString figure(double value) { return std::isfinite(value) ? QString::number(value, 'f', 3) : QStringLiteral("n/a"); }

double finiteMean(const std::vector<double>& values) {
    std::vector<double> finite;
    for (double v : values)
        if (std::isfinite(v)) finite.push_back(v);
    return finite.empty() ? std::numeric_limits<double>::quiet_NaN() : model::mean(finite);
}

double finiteMin(const std::vector<double>& values) {
    double lowest = std::numeric_limits<double>::quiet_NaN();
    for (double v : values)
        if (std::isfinite(v) && !(lowest <= v)) lowest = v;
    return lowest;
}

bool saveAtomically(const QString& path, const QByteArray& bytes) {
    QSaveFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size() && file.commit();
}

QJsonArray matrix(const std::vector<std::vector<int64_t>>& rows) {
    QJsonArray out;
    for (const auto& row : rows) {
        QJsonArray r;
        for (int64_t v : row) r.append(qint64(v));
        out.append(r);
    }
    return out;
}

}  // namespace

Expected<DemoReport> evaluateDemo(const DemoEvaluationInput& in, const std::atomic<bool>* cancel) {
    using Result = Expected<DemoReport>;
    const QDir dir(in.folder);
    QElapsedTimer clock;
    clock.start();
    model::EvaluationOptions evaluation;
    evaluation.bundlePath = in.bundle.toStdString();
    evaluation.manifestPath = in.testManifest.toStdString();
    evaluation.extraction.cacheFolder = in.cacheFolder.toStdString();
    evaluation.extraction.programVersion = SLIDESIGHT_VERSION;
    evaluation.torchThreads = in.threads;
    auto evaluated = model::evaluateBundle(evaluation, cancel);
    if (!evaluated) return Result::failure(evaluated.error());
    auto bundle = model::readBundle(in.bundle.toStdString());
    if (!bundle) return Result::failure(bundle.error());

    QJsonArray slides;
    std::map<std::string, std::vector<double>> aucs;  ///< per map key, one per positive mosaic
    std::vector<QString> positiveSlides;              ///< in the same order, with their truth cells
    std::vector<int> positiveTruthCells;
    std::vector<double> positiveScores, negativeScores;
    std::map<std::string, int> pointingHits, pointingDefined;
    int positives = 0;
    for (size_t i = 0; i < in.heldOut.size(); ++i) {
        const DemoHeldOut& h = in.heldOut[i];
        QJsonObject s{{QStringLiteral("slide"), dir.relativeFilePath(h.slide)},
                      {QStringLiteral("label"), h.positive ? 1 : 0},
                      {QStringLiteral("score"), i < evaluated->scores.size() ? number(evaluated->scores[i]) : QJsonValue()}};
        if (h.positive) {
            auto a = measureHeldOut(*bundle, in, h, cancel);
            if (!a) return Result::failure(a.error());
            ++positives;
            positiveSlides.push_back(dir.relativeFilePath(h.slide));
            positiveTruthCells.push_back(a->truthCells);
            positiveScores.push_back(i < evaluated->scores.size() ? evaluated->scores[i] : std::nan(""));
            s[QStringLiteral("annotations")] = dir.relativeFilePath(h.annotations);
            s[QStringLiteral("truth_cells")] = a->truthCells;
            s[QStringLiteral("cells")] = a->cells;
            for (const MeasuredMap& m : kDemoMaps) {
                const auto found = a->maps.find(m.key);
                if (found == a->maps.end()) continue;
                aucs[m.key].push_back(found->second.auc);
                pointingDefined[m.key] += found->second.pointingDefined ? 1 : 0;
                pointingHits[m.key] += found->second.pointing ? 1 : 0;
                s[QStringLiteral("%1_cell_auc").arg(QLatin1String(m.key))] = number(found->second.auc);
                s[QStringLiteral("%1_pointing").arg(QLatin1String(m.key))] = found->second.pointing;
            }
        }
        else if (i < evaluated->scores.size())
            negativeScores.push_back(evaluated->scores[i]);
        slides.append(s);
    }
    const double slideAuc = evaluated->metric;
    auto meanOf = [&](const char* key) { return finiteMean(aucs[key]); };
    auto minOf = [&](const char* key) { return finiteMin(aucs[key]); };
    // The map the viewer shows first: the classifier's map with the best mean cell AUC.
    const MeasuredMap* first = &kDemoMaps[0];
    for (const MeasuredMap& m : kDemoMaps)
        if (m.classifier)
            if (meanOf(m.key) > meanOf(first->key)) first = &m;
    const double attentionAuc = meanOf("attention_max"), gradcamAuc = meanOf("gradcam");
    const double minAttentionAuc = meanOf("attention_min");
    const model::LranTrainingSummary& lran = *in.lran;
    const model::TrainingSummary& training = *in.training;
    const DemoOptions& o = *in.options;

    // The bundle carries what was measured.
    bundle->name = "SlideSight demo (mosaics)";
    bundle->description = "Teaching model trained on mosaics of real tissue: negative tissue from CMU-1-Small-Region, a "
                          "region of TCGA-CR-7395 tissue in positive mosaics. Features from a seeded, untrained ResNet-34.";
    bundle->classes = {"negative", "positive"};
    // Its Grad-CAM layer shows the evidence for a region on every slide, as measured above.
    bundle->classifier.gradcamClass = "positive";
    bundle->trainedOn = QStringLiteral("%1 demo mosaics (%2 x %3 cells)").arg(o.trainSlides).arg(o.columns).arg(o.rows).toStdString();
    bundle->metrics["heldout_slide_auc"] = slideAuc;
    if (std::isfinite(attentionAuc)) bundle->metrics["heldout_attention_cell_auc"] = attentionAuc;
    if (std::isfinite(gradcamAuc)) bundle->metrics["heldout_gradcam_cell_auc"] = gradcamAuc;
    if (std::isfinite(minAttentionAuc)) bundle->metrics["heldout_min_attention_cell_auc"] = minAttentionAuc;
    if (std::isfinite(lran.heldOutAccuracy)) bundle->metrics["lran_heldout_accuracy"] = lran.heldOutAccuracy;
    auto manifest = model::writeBundleManifest(*bundle, bundle->folder);
    if (!manifest) return Result::failure(manifest.error());

    // Per map: the mean and the lowest cell AUC over the positive mosaics, the pointing game.
    QJsonObject mapsJson;
    for (const MeasuredMap& m : kDemoMaps) {
        if (aucs[m.key].empty()) continue;
        mapsJson[QLatin1String(m.key)] =
            QJsonObject{{QStringLiteral("layer"), m.layer()},
                        {QStringLiteral("cell_auc_mean"), number(meanOf(m.key))},
                        {QStringLiteral("cell_auc_min"), number(minOf(m.key))},
                        {QStringLiteral("pointing_game"), QStringLiteral("%1/%2").arg(pointingHits[m.key]).arg(positives)},
                        {QStringLiteral("pointing_fraction"),
                         number(positives > 0 ? double(pointingHits[m.key]) / positives : std::nan(""))}};
    }
    auto goal = [](double goalValue, double measured) {
        return QJsonObject{{QStringLiteral("goal"), goalValue}, {QStringLiteral("measured"), number(measured)},
                           {QStringLiteral("met"), std::isfinite(measured) && measured >= goalValue}};
    };
    const double firstPointing = positives > 0 ? double(pointingHits[first->key]) / positives : std::nan("");
    const QJsonObject goals{
        {QStringLiteral("slide_auc"), goal(kSlideAucGoal, slideAuc)},
        {QStringLiteral("first_map_cell_auc_min"), goal(kFirstMapCellAucGoal, minOf(first->key))},
        {QStringLiteral("attention_max_cell_auc_min"), goal(kCellAucGoal, minOf("attention_max"))},
        {QStringLiteral("gradcam_cell_auc_min"), goal(kCellAucGoal, minOf("gradcam"))},
        {QStringLiteral("first_map_pointing"), goal(kPointingGoal, firstPointing)}};

    QJsonObject seconds;
    for (const auto& [stage, s] : in.timings) seconds[stage] = number(s);
    seconds[QStringLiteral("evaluation")] = number(clock.elapsed() / 1000.0);
    seconds[QStringLiteral("total")] = number(in.elapsed->elapsed() / 1000.0);
    QJsonObject report{
        {QStringLiteral("format"), 1},
        {QStringLiteral("task"), QStringLiteral("mosaic slides: is there a region of foreign tissue, and where")},
        {QStringLiteral("extractor"), QStringLiteral("resnet34 %1 (%2)").arg(o.extractorWeights,
                                          model::bundleExtractorTrained(*bundle) ? QStringLiteral("weights file")
                                                                                 : QStringLiteral("seeded, untrained"))},
        {QStringLiteral("mosaics"), QJsonObject{{QStringLiteral("train"), o.trainSlides}, {QStringLiteral("test"), o.testSlides},
                                                {QStringLiteral("columns"), o.columns}, {QStringLiteral("rows"), o.rows},
                                                {QStringLiteral("mpp"), o.mosaicMpp}}},
        {QStringLiteral("classifier_cross_validation"),
         QJsonObject{{QStringLiteral("auc_mean"), number(training.metricMean)}, {QStringLiteral("auc_std"), number(training.metricStd)},
                     {QStringLiteral("runs"), int(training.runs.size())}}},
        {QStringLiteral("held_out"),
         QJsonObject{{QStringLiteral("slide_auc"), number(slideAuc)},
                     {QStringLiteral("first_map"), first->layer()},
                     {QStringLiteral("maps"), mapsJson},
                     {QStringLiteral("slides"), slides}}},
        {QStringLiteral("lran"), QJsonObject{{QStringLiteral("classes"), JsonOutput::strings(lran.classes)},
                                             {QStringLiteral("held_out_accuracy"), number(lran.heldOutAccuracy)},
                                             {QStringLiteral("confusion"), matrix(lran.confusion)},
                                             {QStringLiteral("images_per_second"), number(lran.imagesPerSecond)}}},
        {QStringLiteral("goals"), goals},
        {QStringLiteral("seconds"), seconds}};

    QString md = DemoBuilder::tr("# SlideSight demo: report\n\n"
                                 "Mosaics of real tissue (negative: CMU-1-Small-Region; region: TCGA-CR-7395). "
                                 "Extractor: %1. Held-out mosaics are new arrangements of the same two source slides.\n\n")
                     .arg(report.value(QStringLiteral("extractor")).toString());
    md += DemoBuilder::tr("| measure | value | goal |\n|---|---|---|\n");
    md += DemoBuilder::tr("| slide AUC, %1 held-out mosaics | %2 | ≥ %3 |\n").arg(o.testSlides).arg(figure(slideAuc)).arg(kSlideAucGoal);
    md += DemoBuilder::tr("\nPer map, against the region on the %1 positive held-out mosaics (cell AUC: a cell is truth when at "
                          "least half of it lies in the region; pointing game: the map's highest cell touches the region). "
                          "The viewer shows **%2** first.\n\n")
              .arg(positives)
              .arg(DemoBuilder::tr(first->title));
    md += DemoBuilder::tr("| map | cell AUC, mean | cell AUC, lowest | goal (lowest) | pointing game |\n|---|---|---|---|---|\n");
    for (const MeasuredMap& m : kDemoMaps) {
        if (aucs[m.key].empty()) continue;
        const QString goalText = &m == first ? QStringLiteral("≥ %1").arg(kFirstMapCellAucGoal)
                                 : QLatin1String(m.key) == QLatin1String("attention_max") || QLatin1String(m.key) == QLatin1String("gradcam")
                                     ? QStringLiteral("≥ %1").arg(kCellAucGoal)
                                     : QString();
        md += QStringLiteral("| %1 | %2 | %3 | %4 | %5/%6 |\n")
                  .arg(DemoBuilder::tr(m.title), figure(meanOf(m.key)), figure(minOf(m.key)), goalText)
                  .arg(pointingHits[m.key])
                  .arg(positives);
    }
    md += QStringLiteral("\n");
    md += DemoBuilder::tr("| measure | value | goal |\n|---|---|---|\n");
    md += DemoBuilder::tr("| classifier cross-validation AUC | %1 (%2) | |\n").arg(figure(training.metricMean), figure(training.metricStd));
    md += DemoBuilder::tr("| LRAN held-out patch accuracy | %1 | |\n").arg(figure(lran.heldOutAccuracy));
    md += DemoBuilder::tr("| build time | %1 s | ≤ 600 s |\n").arg(in.elapsed->elapsed() / 1000.0, 0, 'f', 0);
    // Each goal missed, with the mosaic that decided it.
    QStringList missed;
    for (auto it = goals.begin(); it != goals.end(); ++it)
        if (!it.value().toObject().value(QStringLiteral("met")).toBool()) missed << it.key();
    if (!missed.isEmpty()) {
        md += DemoBuilder::tr("\nGoals missed: %1.").arg(missed.join(QStringLiteral(", ")));
        const std::vector<double>& firstAucs = aucs[first->key];
        const auto lowest = std::min_element(firstAucs.begin(), firstAucs.end());
        if (lowest != firstAucs.end() && *lowest < kFirstMapCellAucGoal) {
            const size_t i = static_cast<size_t>(lowest - firstAucs.begin());
            md += DemoBuilder::tr(" The lowest cell AUC of the first map is on %1, whose region covers %2 cells.")
                      .arg(positiveSlides[i])
                      .arg(positiveTruthCells[i]);
        }
        // The slide AUC counts the (positive, negative) pairs in order: name the positive mosaics
        // that score at or below a negative one.
        if (!(slideAuc >= kSlideAucGoal))
            for (size_t i = 0; i < positiveScores.size(); ++i) {
                const auto above = std::count_if(negativeScores.begin(), negativeScores.end(),
                                                 [&](double n) { return n >= positiveScores[i]; });
                if (above > 0)
                    md += DemoBuilder::tr(" %1, whose region covers %2 cells, scores %3, at or below %4 of the %5 negative mosaics.")
                              .arg(positiveSlides[i])
                              .arg(positiveTruthCells[i])
                              .arg(figure(positiveScores[i]))
                              .arg(qint64(above))
                              .arg(negativeScores.size());
            }
        md += QStringLiteral("\n");
    }

    QJsonArray indexSlides;
    for (const DemoHeldOut& h : in.heldOut)
        indexSlides.append(QJsonObject{{QStringLiteral("slide"), dir.relativeFilePath(h.slide)},
                                       {QStringLiteral("annotations"), h.annotations.isEmpty() ? QJsonValue() : QJsonValue(dir.relativeFilePath(h.annotations))},
                                       {QStringLiteral("label"), h.positive ? QStringLiteral("positive") : QStringLiteral("negative")}});
    const QJsonObject index{{QStringLiteral("format"), 1},
                            {QStringLiteral("bundle"), dir.relativeFilePath(in.bundle)},
                            {QStringLiteral("first_layer"), first->layer()},
                            {QStringLiteral("group"), kDemoRegionGroup},
                            {QStringLiteral("report"), QStringLiteral("report.json")},
                            {QStringLiteral("slides"), indexSlides}};
    DemoReport out;
    out.json = report;
    out.markdown = md;
    out.indexPath = dir.filePath(QStringLiteral("demo.json"));
    if (!saveAtomically(dir.filePath(QStringLiteral("report.json")), QJsonDocument(report).toJson()) ||
        !saveAtomically(dir.filePath(QStringLiteral("report.md")), md.toUtf8()) ||
        !saveAtomically(out.indexPath, QJsonDocument(index).toJson()))
        return failure(DemoBuilder::tr("Cannot write the report in \"%1\".").arg(in.folder));
    return out;
}

}  // namespace slidesight::cli
