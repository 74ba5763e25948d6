#include "app/cli/demoevaluation.h"

#include "model/agreement.h"
#include "model/analysis.h"
#include "model/bundle.h"
#include "model/lrantraining.h"
#include "model/metrics.h"
#include "model/training.h"
#include "viewer/annotations/annotationio.h"
#include "viewer/annotations/rasterise.h"
#include "viewer/layers/griddata.h"

#include <QtCore/QDir>
#include <QtCore/QElapsedTimer>
#include <QtCore/QFileInfo>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QSaveFile>

#include <cmath>
#include <limits>
#include <optional>

namespace slidesight::cli {

namespace {

constexpr double kSlideAucGoal = 0.9;
constexpr double kCellAucGoal = 0.8;
const QString kGroup = QStringLiteral("foreign tissue");

QJsonValue number(double value) { return std::isfinite(value) ? QJsonValue(std::round(value * 1e4) / 1e4) : QJsonValue(); }

QString figure(double value) { return std::isfinite(value) ? QString::number(value, 'f', 3) : QStringLiteral("n/a"); }

double finiteMean(const std::vector<double>& values) {
    std::vector<double> finite;
    for (double v : values)
        if (std::isfinite(v)) finite.push_back(v);
    return finite.empty() ? std::numeric_limits<double>::quiet_NaN() : model::mean(finite);
}

bool saveAtomically(const QString& path, const QByteArray& bytes) {
    QSaveFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size() && file.commit();
}

struct SlideAgreement {
    double attentionAuc = std::numeric_limits<double>::quiet_NaN();
    double gradcamAuc = std::numeric_limits<double>::quiet_NaN();
    double minAttentionAuc = std::numeric_limits<double>::quiet_NaN();
    int truthCells = 0, cells = 0;
    bool pointing = false;  ///< the highest max-attention cell lies (partly) in the region
};

Expected<SlideAgreement> agreement(const model::ModelBundle& bundle, const DemoEvaluationInput& in, const DemoHeldOut& slide,
                                   const std::atomic<bool>* cancel) {
    using Result = Expected<SlideAgreement>;
    model::AnalysisOptions options;
    options.slidePath = slide.slide.toStdString();
    options.cacheFolder = in.cacheFolder.toStdString();
    options.torchThreads = in.threads;
    options.programVersion = SLIDESIGHT_VERSION;
    auto result = model::runAnalysis(bundle, options, {}, cancel);
    if (!result) return Result::failure(result.error());
    QString error;
    const auto set = AnnotationIO::read(slide.annotations, &error);
    if (!set) return Result::failure(error.toStdString());
    const GridGeometry geometry{QPointF(result->originX, result->originY), QSizeF(result->cellWidth, result->cellHeight),
                                result->rows, result->columns};
    const std::vector<float> truth = AnnotationRasteriser::coverage(
        *set, kGroup, RasterGrid{geometry.origin, geometry.cellSize, geometry.rows, geometry.columns});
    // The same statistics as `compare` and the agreement dock: truth = at least half a cell,
    // multi-channel maps by their channel mean.
    auto measure = [&](const char* id) -> std::optional<model::AgreementReport> {
        const model::AnalysisMap* m = result->map(id);
        if (!m) return std::nullopt;
        const GridData data(geometry, m->channels, m->values, QString());
        return model::Agreement(result->rows, result->columns, data.plane(ChannelSelection::mean()), truth).report();
    };
    SlideAgreement a;
    a.cells = result->rows * result->columns;
    if (const auto r = measure("attention-max")) {
        a.attentionAuc = r->auc;
        a.truthCells = r->truthCells;
        a.pointing = r->pointingHit;
    }
    if (const auto r = measure("gradcam")) a.gradcamAuc = r->auc;
    if (const auto r = measure("attention-min")) a.minAttentionAuc = r->auc;
    return a;
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

QJsonArray strings(const std::vector<std::string>& values) {
    QJsonArray out;
    for (const auto& v : values) out.append(QString::fromStdString(v));
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
    std::vector<double> attentionAucs, gradcamAucs, minAttentionAucs;
    int pointingHits = 0, positives = 0;
    for (size_t i = 0; i < in.heldOut.size(); ++i) {
        const DemoHeldOut& h = in.heldOut[i];
        QJsonObject s{{QStringLiteral("slide"), dir.relativeFilePath(h.slide)},
                      {QStringLiteral("label"), h.positive ? 1 : 0},
                      {QStringLiteral("score"), i < evaluated->scores.size() ? number(evaluated->scores[i]) : QJsonValue()}};
        if (h.positive) {
            auto a = agreement(*bundle, in, h, cancel);
            if (!a) return Result::failure(a.error());
            ++positives;
            pointingHits += a->pointing ? 1 : 0;
            attentionAucs.push_back(a->attentionAuc);
            gradcamAucs.push_back(a->gradcamAuc);
            minAttentionAucs.push_back(a->minAttentionAuc);
            s[QStringLiteral("min_attention_cell_auc")] = number(a->minAttentionAuc);
            s[QStringLiteral("annotations")] = dir.relativeFilePath(h.annotations);
            s[QStringLiteral("attention_cell_auc")] = number(a->attentionAuc);
            s[QStringLiteral("gradcam_cell_auc")] = number(a->gradcamAuc);
            s[QStringLiteral("truth_cells")] = a->truthCells;
            s[QStringLiteral("cells")] = a->cells;
            s[QStringLiteral("pointing_game")] = a->pointing;
        }
        slides.append(s);
    }
    const double slideAuc = evaluated->metric;
    const double attentionAuc = finiteMean(attentionAucs), gradcamAuc = finiteMean(gradcamAucs);
    const double minAttentionAuc = finiteMean(minAttentionAucs);
    const model::LranTrainingSummary& lran = *in.lran;
    const model::TrainingSummary& training = *in.training;
    const DemoOptions& o = *in.options;

    // The bundle carries what was measured.
    bundle->name = "SlideSight demo (mosaics)";
    bundle->description = "Teaching model trained on mosaics of real tissue: negative tissue from CMU-1-Small-Region, a "
                          "region of TCGA-CR-7395 tissue in positive mosaics. Features from a seeded, untrained ResNet-34.";
    bundle->classes = {"negative", "positive"};
    bundle->trainedOn = QStringLiteral("%1 demo mosaics (%2 x %3 cells)").arg(o.trainSlides).arg(o.columns).arg(o.rows).toStdString();
    bundle->metrics["heldout_slide_auc"] = slideAuc;
    if (std::isfinite(attentionAuc)) bundle->metrics["heldout_attention_cell_auc"] = attentionAuc;
    if (std::isfinite(gradcamAuc)) bundle->metrics["heldout_gradcam_cell_auc"] = gradcamAuc;
    if (std::isfinite(minAttentionAuc)) bundle->metrics["heldout_min_attention_cell_auc"] = minAttentionAuc;
    if (std::isfinite(lran.heldOutAccuracy)) bundle->metrics["lran_heldout_accuracy"] = lran.heldOutAccuracy;
    auto manifest = model::writeBundleManifest(*bundle, bundle->folder);
    if (!manifest) return Result::failure(manifest.error());

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
                     {QStringLiteral("attention_cell_auc_mean"), number(attentionAuc)},
                     {QStringLiteral("gradcam_cell_auc_mean"), number(gradcamAuc)},
                     {QStringLiteral("min_attention_cell_auc_mean"), number(minAttentionAuc)},
                     {QStringLiteral("pointing_game"), QStringLiteral("%1/%2").arg(pointingHits).arg(positives)},
                     {QStringLiteral("slides"), slides}}},
        {QStringLiteral("lran"), QJsonObject{{QStringLiteral("classes"), strings(lran.classes)},
                                             {QStringLiteral("held_out_accuracy"), number(lran.heldOutAccuracy)},
                                             {QStringLiteral("confusion"), matrix(lran.confusion)},
                                             {QStringLiteral("images_per_second"), number(lran.imagesPerSecond)}}},
        {QStringLiteral("goals"),
         QJsonObject{{QStringLiteral("slide_auc"), QJsonObject{{QStringLiteral("goal"), kSlideAucGoal},
                                                               {QStringLiteral("met"), slideAuc >= kSlideAucGoal}}},
                     {QStringLiteral("attention_cell_auc"), QJsonObject{{QStringLiteral("goal"), kCellAucGoal},
                                                                        {QStringLiteral("met"), attentionAuc >= kCellAucGoal}}}}},
        {QStringLiteral("seconds"), seconds}};

    QString md = DemoBuilder::tr("# SlideSight demo: report\n\n"
                                 "Mosaics of real tissue (negative: CMU-1-Small-Region; region: TCGA-CR-7395). "
                                 "Extractor: %1. Held-out mosaics are new arrangements of the same two source slides.\n\n")
                     .arg(report.value(QStringLiteral("extractor")).toString());
    md += DemoBuilder::tr("| measure | value | goal |\n|---|---|---|\n");
    md += DemoBuilder::tr("| slide AUC, %1 held-out mosaics | %2 | ≥ %3 |\n").arg(o.testSlides).arg(figure(slideAuc)).arg(kSlideAucGoal);
    md += DemoBuilder::tr("| max-attention vs region, cell AUC (mean of %1) | %2 | ≥ %3 |\n").arg(positives).arg(figure(attentionAuc)).arg(kCellAucGoal);
    md += DemoBuilder::tr("| min-attention vs region, cell AUC | %1 | |\n").arg(figure(minAttentionAuc));
    md += DemoBuilder::tr("| Grad-CAM vs region, cell AUC | %1 | |\n").arg(figure(gradcamAuc));
    md += DemoBuilder::tr("| pointing game (max attention in the region) | %1/%2 | |\n").arg(pointingHits).arg(positives);
    md += DemoBuilder::tr("| classifier cross-validation AUC | %1 (%2) | |\n").arg(figure(training.metricMean), figure(training.metricStd));
    md += DemoBuilder::tr("| LRAN held-out patch accuracy | %1 | |\n").arg(figure(lran.heldOutAccuracy));
    md += DemoBuilder::tr("| build time | %1 s | ≤ 600 s |\n").arg(in.elapsed->elapsed() / 1000.0, 0, 'f', 0);

    QJsonArray indexSlides;
    for (const DemoHeldOut& h : in.heldOut)
        indexSlides.append(QJsonObject{{QStringLiteral("slide"), dir.relativeFilePath(h.slide)},
                                       {QStringLiteral("annotations"), h.annotations.isEmpty() ? QJsonValue() : QJsonValue(dir.relativeFilePath(h.annotations))},
                                       {QStringLiteral("label"), h.positive ? QStringLiteral("positive") : QStringLiteral("negative")}});
    const QJsonObject index{{QStringLiteral("format"), 1},
                            {QStringLiteral("bundle"), dir.relativeFilePath(in.bundle)},
                            {QStringLiteral("group"), kGroup},
                            {QStringLiteral("report"), QStringLiteral("report.json")},
                            {QStringLiteral("slides"), indexSlides}};
    DemoReport out;
    out.json = report;
    out.markdown = md;
    out.indexPath = dir.filePath(QStringLiteral("demo.json"));
    if (!saveAtomically(dir.filePath(QStringLiteral("report.json")), QJsonDocument(report).toJson()) ||
        !saveAtomically(dir.filePath(QStringLiteral("report.md")), md.toUtf8()) ||
        !saveAtomically(out.indexPath, QJsonDocument(index).toJson()))
        return Result::failure(DemoBuilder::tr("Cannot write the report in \"%1\".").arg(in.folder).toStdString());
    return out;
}

}  // namespace slidesight::cli
