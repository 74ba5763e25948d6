#include "app/cli/commands/lran/lrancommand.h"

#include "app/cli/commandgroup.h"
#include "app/cli/commandline.h"
#include "app/cli/commands/lran/lrantraincommand.h"
#include "app/cli/console.h"
#include "app/cli/interruptguard.h"
#include "app/cli/jsonoutput.h"
#include "app/cli/progressbar.h"

#include "model/lran/lranrun.h"

#include <QtCore/QFile>
#include <QtCore/QJsonArray>

namespace slidesight::cli {

namespace {

/// "x,y,w,h" in level-0 pixels, w and h positive.
bool parseRegion(const QString& text, double region[4]) {
    const QStringList parts = text.split(QLatin1Char(','));
    if (parts.size() != 4) return false;
    for (int i = 0; i < 4; ++i) {
        bool ok = false;
        region[i] = parts[i].trimmed().toDouble(&ok);
        if (!ok) return false;
    }
    return region[2] > 0.0 && region[3] > 0.0;
}

QJsonObject summaryJson(const model::LranRunSummary& s) {
    QJsonArray classes;
    for (size_t c = 0; c < s.classNames.size(); ++c)
        classes.append(QJsonObject{{QStringLiteral("name"), JsonOutput::string(s.classNames[c])},
                                   {QStringLiteral("mean_probability"), s.meanProbabilities[c]},
                                   {QStringLiteral("patches_predicted"), qint64(s.predictedCounts[c])}});
    return {{QStringLiteral("output"), JsonOutput::string(s.outputPath)},
            {QStringLiteral("network"), JsonOutput::string(s.network)},
            {QStringLiteral("weights"), JsonOutput::string(s.weights)},
            {QStringLiteral("weights_sha256"), JsonOutput::string(s.weightsSha256)},
            {QStringLiteral("trained"), s.trained},
            {QStringLiteral("slide_mpp"), s.slideMpp},
            {QStringLiteral("slide_mpp_assumed"), s.slideMppAssumed},
            {QStringLiteral("patch_mpp"), s.patchMpp},
            {QStringLiteral("region"), QJsonArray{s.region[0], s.region[1], s.region[2], s.region[3]}},
            {QStringLiteral("region_from_tissue"), s.regionFromTissue},
            {QStringLiteral("rows"), s.rows},
            {QStringLiteral("columns"), s.columns},
            {QStringLiteral("origin"), QJsonArray{s.origin[0], s.origin[1]}},
            {QStringLiteral("cell_size"), QJsonArray{s.cellSize[0], s.cellSize[1]}},
            {QStringLiteral("patches_run"), qint64(s.patchesRun)},
            {QStringLiteral("patches_skipped"), qint64(s.patchesSkipped)},
            {QStringLiteral("classes"), classes},
            {QStringLiteral("device"), JsonOutput::string(s.device)},
            {QStringLiteral("batch_size"), s.batchSize},
            {QStringLiteral("torch_threads"), s.torchThreads},
            {QStringLiteral("patches_per_second"), JsonOutput::rounded(s.patchesPerSecond, 2)},
            {QStringLiteral("seconds"), JsonOutput::rounded(s.seconds, 3)}};
}

}  // namespace

std::unique_ptr<Command> makeLranCommand() {
    auto group = std::make_unique<CommandGroup>(
        QStringLiteral("lran"), QCoreApplication::translate("LranRunCommand", "Local residual attention network (lran run, lran train)."),
        QCoreApplication::translate("LranRunCommand", "The local residual attention network of Subramanyam et al. "
                                                      "(LRAN) and its ablation without gates (RAN): run on slides, trained on patches."));
    group->add(std::make_unique<LranRunCommand>());
    group->add(std::make_unique<LranTrainCommand>());
    return group;
}

QString LranRunCommand::summary() const {
    return tr("Run LRAN or RAN over a slide region; write probabilities, mask, gate and CAM maps.");
}

int LranRunCommand::run(const QString& path, const QStringList& arguments) {
    CommandLine cl(path, tr("Tiles a slide region (by default the bounding box of the detected tissue) into "
                            "256 x 256 patches at the patch µm/px, runs LRAN (or RAN) on the patches that hold "
                            "tissue and writes a file that Python's torch.load reads: probabilities [rows, columns, "
                            "classes], the global mask's channel mean and maximum, the attention gates and the "
                            "class activation map (by default on H = B * M + B, so the attention mask shows in it), "
                            "stitched into slide-aligned maps, with "
                            "origin and cell_size in level-0 pixels and a JSON metadata string. Ctrl-C stops it "
                            "and writes nothing. Random weights (random:SEED) are untrained and labelled so."));
    cl.addPositional(QStringLiteral("SLIDE"), tr("The slide."), QStringLiteral("SLIDE"));
    cl.addOption(QCommandLineOption(QStringLiteral("weights"), tr("An LRAN/RAN state dict, or random:SEED."),
                                    QStringLiteral("FILE")));
    cl.addOption(QCommandLineOption(QStringLiteral("out"), tr("The file to write."), QStringLiteral("FILE")));
    cl.addOption(QCommandLineOption(QStringLiteral("network"), tr("lran or ran."), QStringLiteral("NAME"),
                                    QStringLiteral("lran")));
    cl.addOption(QCommandLineOption(QStringLiteral("classes"),
                                    tr("Classes (default: the weights file's; 4 for random weights)."), QStringLiteral("N")));
    cl.addOption(QCommandLineOption(QStringLiteral("mpp"), tr("µm/px of the patches."), QStringLiteral("X"),
                                    QStringLiteral("2.0")));
    cl.addOption(QCommandLineOption(QStringLiteral("slide-mpp"),
                                    tr("The scan's µm/px, for a slide that records none (recorded as assumed)."),
                                    QStringLiteral("X")));
    cl.addOption(QCommandLineOption(QStringLiteral("region"), tr("The level-0 region to run, x,y,w,h."),
                                    QStringLiteral("X,Y,W,H")));
    cl.addOption(QCommandLineOption(QStringLiteral("class"), tr("The class the CAM explains (default: each patch's predicted one)."),
                                    QStringLiteral("C")));
    cl.addOption(QCommandLineOption(QStringLiteral("cam-target"),
                                    tr("The class activation map's layer: h (H = B * M + B, the attention mask "
                                       "included) or b (the base network's B, the mask left out)."),
                                    QStringLiteral("LAYER"), QStringLiteral("h")));
    cl.addOption(QCommandLineOption(QStringLiteral("all-patches"), tr("Also run patches without tissue.")));
    cl.addDeviceOption();
    cl.addOption(QCommandLineOption(QStringLiteral("batch"), tr("Patches per batch; 0 picks the device's default."),
                                    QStringLiteral("N"), QStringLiteral("0")));
    cl.addThreadsOption();
    cl.addJsonOption();
    if (const auto stop = cl.exitBeforeRun(arguments)) return *stop;
    if (!cl.isSet(QStringLiteral("weights")) || !cl.isSet(QStringLiteral("out"))) {
        cl.usageError(tr("--weights and --out are required."));
        return ExitUsageError;
    }
    model::LranRunOptions options;
    const QString network = cl.value(QStringLiteral("network"));
    if (network != QLatin1String("lran") && network != QLatin1String("ran")) {
        cl.usageError(tr("--network must be lran or ran, not '%1'.").arg(network));
        return ExitUsageError;
    }
    const auto mpp = cl.positiveValue(QStringLiteral("mpp"));
    const auto batch = mpp ? cl.intValue(QStringLiteral("batch"), 0, 4096) : std::nullopt;
    const auto threads = batch ? cl.threads() : std::nullopt;
    if (!threads) return ExitUsageError;
    if (cl.isSet(QStringLiteral("classes"))) {
        const auto classes = cl.intValue(QStringLiteral("classes"), 1, 100000);
        if (!classes) return ExitUsageError;
        options.session.classes = *classes;
    }
    if (cl.isSet(QStringLiteral("class"))) {
        const int64_t classes = options.session.classes;
        const auto camClass = cl.intValue(QStringLiteral("class"), 0, classes > 0 ? classes - 1 : 99999);
        if (!camClass) return ExitUsageError;
        options.session.camClass = *camClass;
    }
    options.session.camTarget = cl.value(QStringLiteral("cam-target")).toStdString();
    if (options.session.camTarget != "h" && options.session.camTarget != "b") {
        cl.usageError(tr("--cam-target must be h or b, not '%1'.").arg(cl.value(QStringLiteral("cam-target"))));
        return ExitUsageError;
    }
    if (cl.isSet(QStringLiteral("slide-mpp"))) {
        const auto slideMpp = cl.positiveValue(QStringLiteral("slide-mpp"));
        if (!slideMpp) return ExitUsageError;
        options.session.slideMpp = *slideMpp;
    }
    if (cl.isSet(QStringLiteral("region"))) {
        if (!parseRegion(cl.value(QStringLiteral("region")), options.session.region)) {
            cl.usageError(tr("--region needs x,y,w,h in level-0 pixels with a positive width and height, not '%1'.")
                              .arg(cl.value(QStringLiteral("region"))));
            return ExitUsageError;
        }
        options.session.hasRegion = true;
    }
    options.session.slidePath = QFile::encodeName(cl.positional().constFirst()).toStdString();
    options.session.weights = QFile::encodeName(cl.value(QStringLiteral("weights"))).toStdString();
    options.outputPath = QFile::encodeName(cl.value(QStringLiteral("out"))).toStdString();
    options.session.network = network.toStdString();
    options.session.mpp = *mpp;
    options.allPatches = cl.isSet(QStringLiteral("all-patches"));
    const auto device = cl.device();
    if (!device) return ExitUsageError;
    options.session.device = *device;
    options.batchSize = static_cast<int>(*batch);
    options.session.torchThreads = static_cast<int>(*threads);
    options.programVersion = QCoreApplication::applicationVersion().toStdString();

    InterruptGuard interrupt;
    ProgressBar bar(tr("LRAN"));
    const auto result = model::runLranOnSlide(
        options, [&bar](int64_t done, int64_t total) { bar.update(double(done) / double(total)); }, interrupt.flag());
    if (!result) {
        if (interrupt.interrupted()) {
            Console::error(tr("Interrupted: the LRAN run was cancelled and nothing was written."));
            return ExitInterrupted;
        }
        Console::error(QString::fromStdString(result.error()));
        return ExitFailure;
    }
    bar.finish();
    const model::LranRunSummary& s = *result;
    if (cl.json()) {
        JsonOutput::print(summaryJson(s));
        return ExitSuccess;
    }
    Console::outLine(tr("Slide:    %1 (%2 µm/px%3)")
                         .arg(cl.positional().constFirst())
                         .arg(s.slideMpp, 0, 'g', 4)
                         .arg(s.slideMppAssumed ? tr(", assumed") : QString()));
    Console::outLine(tr("Region:   %1, %2, %3 x %4 level-0 px (%5): %6 x %7 patches at %8 µm/px, %9 run, %10 without tissue skipped")
                         .arg(s.region[0], 0, 'f', 0)
                         .arg(s.region[1], 0, 'f', 0)
                         .arg(s.region[2], 0, 'f', 0)
                         .arg(s.region[3], 0, 'f', 0)
                         .arg(s.regionFromTissue ? tr("tissue bounding box") : tr("given"))
                         .arg(s.rows)
                         .arg(s.columns)
                         .arg(s.patchMpp, 0, 'g', 4)
                         .arg(qint64(s.patchesRun))
                         .arg(qint64(s.patchesSkipped)));
    Console::outLine(s.trained ? tr("Network:  %1").arg(QString::fromStdString(s.weights))
                               : tr("Network:  %1: UNTRAINED, random weights; its output means nothing")
                                     .arg(QString::fromStdString(s.weights)));
    for (size_t c = 0; c < s.classNames.size(); ++c)
        Console::outLine(tr("  %1: mean probability %2, predicted in %3 patches")
                             .arg(QString::fromStdString(s.classNames[c]))
                             .arg(s.meanProbabilities[c], 0, 'f', 3)
                             .arg(qint64(s.predictedCounts[c])));
    Console::outLine(tr("Speed:    %1 patches/s on %2 (batch %3, %4 Torch threads)")
                         .arg(s.patchesPerSecond, 0, 'f', 2)
                         .arg(QString::fromStdString(s.device))
                         .arg(s.batchSize)
                         .arg(s.torchThreads));
    Console::outLine(tr("Wrote:    %1").arg(cl.value(QStringLiteral("out"))));
    return ExitSuccess;
}

}  // namespace slidesight::cli
