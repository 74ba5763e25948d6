#include "app/cli/commands/bundles/analyzecommand.h"

#include "app/cli/commandline.h"
#include "app/cli/console.h"
#include "app/cli/interruptguard.h"
#include "app/cli/jsonoutput.h"
#include "app/cli/localpath.h"
#include "app/cli/progressbar.h"

#include "model/analysis/analysis.h"

#include <QtCore/QFile>
#include <QtCore/QJsonArray>
#include <QtCore/QStringList>
#include <algorithm>

#include <cmath>

namespace slidesight::cli {

namespace {

/// The map's smallest and largest value over the cells that have one.
std::pair<double, double> range(const model::AnalysisMap& map) {
    double low = INFINITY, high = -INFINITY;
    for (const float v : map.values)
        if (!std::isnan(v)) low = std::min(low, double(v)), high = std::max(high, double(v));
    return {low, high};
}

}  // namespace

QString AnalyzeCommand::summary() const {
    return tr("Analyse a slide with a model bundle: tissue, features, attention classifier and Grad-CAM.");
}

int AnalyzeCommand::run(const QString& path, const QStringList& arguments) {
    CommandLine cl(path, tr("Runs a model bundle on a slide: detects the tissue, extracts the grid of patch "
                            "features (or reuses the cached grid of an earlier run with the same settings), runs the "
                            "attention-based classifier and Grad-CAM, and prints the prediction. With --out the "
                            "result is written in the format of 'classify' (logits, probabilities, attention maps, "
                            "Grad-CAM, tissue, valid cells, grid origin and cell size, JSON metadata). Bundles with "
                            "random weights are untrained and labelled so. Ctrl-C cancels and writes nothing."));
    cl.addPositional(QStringLiteral("SLIDE"), tr("The slide to analyse."), QStringLiteral("SLIDE"));
    cl.addOption(QCommandLineOption(QStringLiteral("model"), tr("The model bundle: its folder, its model.json or a .zip."),
                                    QStringLiteral("BUNDLE")));
    cl.addOption(QCommandLineOption(QStringLiteral("out"), tr("Write the result to this file."), QStringLiteral("RESULT.pt")));
    cl.addOption(QCommandLineOption(QStringLiteral("slide-mpp"),
                                    tr("The slide's µm/px, for slides that record none (or to override theirs)."),
                                    QStringLiteral("X")));
    cl.addOption(QCommandLineOption(QStringLiteral("grid-mpp"), tr("The grid's µm/px (default: the bundle's)."),
                                    QStringLiteral("X")));
    cl.addDeviceOption();
    cl.addOption(QCommandLineOption(QStringLiteral("tissue-only"),
                                    tr("Extract and attend to the cells with tissue only (also when the bundle says so).")));
    cl.addOption(QCommandLineOption(QStringLiteral("class"),
                                    tr("The class Grad-CAM explains: its index or its name in the bundle (default: the "
                                       "bundle's gradcam_class, else the predicted one)."),
                                    QStringLiteral("C")));
    cl.addThreadsOption(QStringLiteral("0"), tr("every core but one, which the tile readers keep"));
    cl.addOption(QCommandLineOption(QStringLiteral("cache-dir"), tr("The grid cache folder."), QStringLiteral("DIR")));
    cl.addJsonOption();
    if (const auto stop = cl.exitBeforeRun(arguments)) return *stop;
    if (!cl.isSet(QStringLiteral("model"))) {
        cl.usageError(tr("--model is required."));
        return ExitUsageError;
    }
    model::AnalysisOptions options;
    options.slidePath = localPath(cl.positional().constFirst());
    for (const auto& [name, target] : {std::pair<const char*, double*>{"slide-mpp", &options.slideMpp}, {"grid-mpp", &options.gridMpp}}) {
        if (!cl.isSet(QLatin1String(name))) continue;
        const auto value = cl.positiveValue(QLatin1String(name));
        if (!value) return ExitUsageError;
        *target = *value;
    }
    const auto threads = cl.threads();
    if (!threads) return ExitUsageError;
    options.torchThreads = *threads;
    const auto device = cl.device();
    if (!device) return ExitUsageError;
    options.device = *device;
    options.tissueOnly = cl.isSet(QStringLiteral("tissue-only"));
    options.cacheFolder = localPath(cl.value(QStringLiteral("cache-dir")));
    options.resultPath = localPath(cl.value(QStringLiteral("out")));
    options.programVersion = QCoreApplication::applicationVersion().toStdString();

    const auto bundle = model::readBundle(localPath(cl.value(QStringLiteral("model"))));
    if (!bundle) {
        Console::error(QString::fromStdString(bundle.error()));
        return ExitFailure;
    }
    if (!bundle->notice.empty())
        Console::notice(bundle->notice);
    if (cl.isSet(QStringLiteral("class"))) {
        const QString wanted = cl.value(QStringLiteral("class"));
        const auto& names = bundle->classes;
        const auto named = std::find(names.begin(), names.end(), wanted.toStdString());
        bool isIndex = false;
        const qint64 index = wanted.toLongLong(&isIndex);
        if (named != names.end() && bundle->task != "regression")
            options.gradcamClass = named - names.begin();
        else if (isIndex && index >= 0 && index < bundle->classCount())
            options.gradcamClass = index;
        else {
            QStringList list;
            for (const auto& name : names) list << QString::fromStdString(name);
            cl.usageError(tr("--class must name one of the bundle's classes (%1) or give an index from 0 to %2.")
                              .arg(list.join(QStringLiteral(", ")))
                              .arg(bundle->classCount() - 1));
            return ExitUsageError;
        }
    }
    const InterruptGuard interrupt;
    model::AnalysisFailure failure = model::AnalysisFailure::None;
    model::AnalysisResult result;
    {
        ProgressBar progress(tr("Detecting tissue"));
        const auto analysed = model::runAnalysis(
            *bundle, options,
            [&progress](model::AnalysisStage stage, int64_t done, int64_t total) {
                // Extraction is nearly all of the time: the bar follows its cells.
                if (stage == model::AnalysisStage::Extraction) {
                    progress.setLabel(tr("Extracting features"));
                    progress.update(total > 0 ? 0.95 * double(done) / double(total) : 0.95);
                } else if (stage == model::AnalysisStage::Classification) {
                    progress.setLabel(tr("Classifying"));
                    progress.update(0.95 + 0.05 * double(done) / double(std::max<int64_t>(total, 1)));
                }
            },
            interrupt.flag(), &failure);
        if (!analysed) {
            if (failure == model::AnalysisFailure::Cancelled || interrupt.interrupted()) {
                Console::error(tr("Interrupted: the analysis was cancelled and no result was written."));
                return ExitInterrupted;
            }
            QString message = QString::fromStdString(analysed.error());
            if (failure == model::AnalysisFailure::MppUnknown)
                message += QLatin1Char(' ') + tr("Pass it with --slide-mpp, for example --slide-mpp 0.25.");
            Console::error(message);
            return ExitFailure;
        }
        result = *analysed;
        progress.finish();
    }
    if (!result.cacheNotice.empty())
        Console::notice(result.cacheNotice);
    if (cl.json())
        JsonOutput::print(toJson(result));
    else
        Console::out(toText(result));
    return ExitSuccess;
}

QJsonObject AnalyzeCommand::toJson(const model::AnalysisResult& r) {
    const model::ModelBundle& b = r.bundle;
    QJsonArray classes, maps;
    for (const auto& c : b.classes) classes.append(QString::fromStdString(c));
    for (const auto& m : r.maps) {
        const auto [low, high] = range(m);
        maps.append(QJsonObject{{QStringLiteral("id"), QString::fromStdString(m.id)},
                                {QStringLiteral("units"), QString::fromStdString(m.units)},
                                {QStringLiteral("channels"), m.channels},
                                {QStringLiteral("min"), JsonOutput::numberOrNull(std::isfinite(low) ? std::optional<double>(low) : std::nullopt)},
                                {QStringLiteral("max"), JsonOutput::numberOrNull(std::isfinite(high) ? std::optional<double>(high) : std::nullopt)}});
    }
    const bool trained = r.classifierMeaningful();
    return QJsonObject{{QStringLiteral("bundle"), QString::fromStdString(b.name)},
                       {QStringLiteral("bundle_path"), fromLocal(b.path)},
                       {QStringLiteral("task"), QString::fromStdString(b.task)},
                       {QStringLiteral("classes"), classes},
                       {QStringLiteral("trained"), trained},
                       {QStringLiteral("label"), trained ? QStringLiteral("trained") : QStringLiteral("untrained")},
                       {QStringLiteral("extractor_trained"), r.extractorTrained},
                       {QStringLiteral("rows"), r.rows},
                       {QStringLiteral("columns"), r.columns},
                       {QStringLiteral("origin"), QJsonArray{r.originX, r.originY}},
                       {QStringLiteral("cell_size"), QJsonArray{r.cellWidth, r.cellHeight}},
                       {QStringLiteral("slide_mpp"), r.slideMpp},
                       {QStringLiteral("slide_mpp_assumed"), r.slideMppAssumed},
                       {QStringLiteral("logits"), JsonOutput::numbers(r.logits)},
                       {QStringLiteral("probabilities"), JsonOutput::numbers(r.probabilities)},
                       {QStringLiteral("predicted_class"), qint64(r.predictedClass)},
                       {QStringLiteral("predicted"), b.task == "regression" ? QJsonValue()
                                                     : QJsonValue(QString::fromStdString(b.classes.at(size_t(r.predictedClass))))},
                       {QStringLiteral("score"), r.score},
                       {QStringLiteral("gradcam_class"), qint64(r.gradcamClass)},
                       {QStringLiteral("gradcam_target"), QString::fromStdString(r.gradcamTarget)},
                       {QStringLiteral("gradcam_centred"), r.gradcamCentred},
                       {QStringLiteral("gradcam_degenerate"), r.gradcamDegenerate},
                       {QStringLiteral("conv_padding"), QString::fromStdString(r.convPadding)},
                       {QStringLiteral("maps"), maps},
                       {QStringLiteral("from_cache"), r.fromCache},
                       {QStringLiteral("grid"), fromLocal(r.gridPath)},
                       {QStringLiteral("result"), r.resultPath.empty() ? QJsonValue() : QJsonValue(fromLocal(r.resultPath))},
                       {QStringLiteral("extraction_seconds"), JsonOutput::rounded(r.extractionSeconds, 3)},
                       {QStringLiteral("seconds"), JsonOutput::rounded(r.seconds, 3)}};
}

QString AnalyzeCommand::toText(const model::AnalysisResult& r) {
    const model::ModelBundle& b = r.bundle;
    QString text;
    if (!r.classifierMeaningful())
        text += tr("UNTRAINED: the bundle \"%1\" has random weights; the prediction and the maps mean nothing.\n")
                    .arg(QString::fromStdString(b.name));
    else if (!r.extractorTrained)
        text += tr("The features come from a seeded, untrained extractor; the classifier was trained on them.\n");
    text += tr("Bundle:      %1 (%2)\n").arg(QString::fromStdString(b.name), fromLocal(b.path));
    text += tr("Grid:        %1 x %2 cells of %3 x %4 level-0 px, slide %5 µm/px%6\n")
                .arg(r.rows)
                .arg(r.columns)
                .arg(r.cellWidth, 0, 'f', 1)
                .arg(r.cellHeight, 0, 'f', 1)
                .arg(r.slideMpp, 0, 'g', 6)
                .arg(r.slideMppAssumed ? tr(" (assumed)") : QString());
    if (b.task == "regression")
        text += tr("Prediction:  %1\n").arg(r.score, 0, 'g', 4);
    else
        text += tr("Prediction:  %1, probability %2\n")
                    .arg(QString::fromStdString(b.classes.at(size_t(r.predictedClass))))
                    .arg(r.score, 0, 'f', 3);
    // The class by name where the bundle names it (a regression's one output has an index only).
    const bool named = b.task != "regression" && r.gradcamClass >= 0 && size_t(r.gradcamClass) < b.classes.size();
    text += tr("Grad-CAM:    class %1 on %2 (%3 sum)\n")
                .arg(named ? QString::fromStdString(b.classes[size_t(r.gradcamClass)]) : QString::number(r.gradcamClass))
                .arg(QString::fromStdString(r.gradcamTarget))
                .arg(r.gradcamCentred ? tr("centred") : tr("raw"));
    if (r.gradcamDegenerate)
        text += tr("Degenerate:  the Grad-CAM weights are at rounding level; the gradcam layer is noise and is not shown\n");
    text += r.fromCache ? tr("Features:    reused the cached grid (nothing was extracted)\n")
                        : tr("Features:    extracted in %1 s\n").arg(r.extractionSeconds, 0, 'f', 2);
    if (!r.resultPath.empty()) text += tr("Wrote:       %1\n").arg(fromLocal(r.resultPath));
    text += tr("Time:        %1 s\n").arg(r.seconds, 0, 'f', 2);
    return text;
}

}  // namespace slidesight::cli
