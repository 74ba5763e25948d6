#include "app/cli/commands/training/traincommand.h"

#include "app/cli/commandline.h"
#include "app/cli/console.h"
#include "app/cli/interruptguard.h"
#include "app/cli/jsonoutput.h"
#include "app/cli/localpath.h"
#include "app/cli/progressbar.h"

#include "model/training/training.h"

#include <QtCore/QFile>

#include <cmath>
#include <limits>

namespace slidesight::cli {

namespace {

QString metricText(double value) { return std::isfinite(value) ? QString::number(value, 'f', 3) : QStringLiteral("n/a"); }

QJsonValue metricJson(double value) { return std::isfinite(value) ? QJsonValue(value) : QJsonValue(); }

}  // namespace

QString TrainCommand::summary() const {
    return tr("Train the attention classifier with cross-validation; write a trained bundle and a run folder.");
}

int TrainCommand::run(const QString& path, const QStringList& arguments) {
    CommandLine cl(path, tr("Trains the attention-based classifier on the grids of a manifest (CSV lines "
                            "'path,label[,fold]' or 'path,score[,fold]'; path: a grid file from 'extract' or a slide, "
                            "extracted through the grid cache) with the paper's protocols: classification with "
                            "cross-entropy and SGD (learning rate 1e-3, momentum 0.9, x0.1 after epoch 20), "
                            "regression with MSE and Adam (1e-4); 35 epochs; batches of 64 grids padded to the "
                            "largest with a validity mask; k-fold cross-validation x random initialisations, folds "
                            "from the manifest or stratified by the seed. The bundle gets the classifier of the run "
                            "with the best held-out metric and the mean cross-validated metric; the run folder "
                            "(BUNDLE.run) gets a checkpoint after every epoch, each run's weights and scores.json. "
                            "Ctrl-C stops and keeps the checkpoint; --resume continues from it. By default the "
                            "paper's x9 augmentation and extra 4 µm/px scale are used: exact (re-extracted) with "
                            "both when every manifest line names a slide, fast (grid transforms) without the extra "
                            "scale when the manifest has grid files; the output says which. --test-manifest scores "
                            "every run's classifier on a held-out test set. With --json the epoch lines go to "
                            "stderr."));
    const auto option = [&cl](const QString& name, const QString& help, const QString& value = QString(),
                              const QString& fallback = QString()) {
        cl.addOption(value.isEmpty() ? QCommandLineOption(name, help) : QCommandLineOption(name, help, value, fallback));
    };
    option(QStringLiteral("manifest"), tr("The manifest CSV."), QStringLiteral("CSV"));
    option(QStringLiteral("out"), tr("The bundle folder to write."), QStringLiteral("BUNDLE"));
    option(QStringLiteral("run-dir"), tr("The run folder (default: BUNDLE.run)."), QStringLiteral("DIR"));
    option(QStringLiteral("task"), tr("classification or regression."), QStringLiteral("TASK"), QStringLiteral("classification"));
    option(QStringLiteral("epochs"), tr("Epochs per run."), QStringLiteral("N"), QStringLiteral("35"));
    option(QStringLiteral("batch"), tr("Grids per optimiser step."), QStringLiteral("N"), QStringLiteral("64"));
    option(QStringLiteral("chunk"), tr("Grids run at once inside a batch (memory); 0 picks it."), QStringLiteral("N"),
           QStringLiteral("0"));
    option(QStringLiteral("folds"), tr("Cross-validation folds."), QStringLiteral("N"), QStringLiteral("4"));
    option(QStringLiteral("inits"), tr("Random initialisations per fold."), QStringLiteral("N"), QStringLiteral("2"));
    option(QStringLiteral("augment"),
           tr("auto, none, fast (the x9 flips, rotations and translations applied to the extracted grid) or exact "
              "(the transformed slide re-extracted: flipped and rotated patch pixels, shifted grid origins; needs "
              "slides). auto: exact when every manifest line names a slide, else fast."),
           QStringLiteral("MODE"), QStringLiteral("auto"));
    option(QStringLiteral("extra-scale"),
           tr("Also train on every training slide at 4 µm/px (needs slides). Default: on when every manifest line "
              "names a slide, else off."));
    option(QStringLiteral("no-extra-scale"), tr("Never add the 4 µm/px scale."));
    option(QStringLiteral("test-manifest"),
           tr("A held-out test manifest (grids or slides, extracted like --manifest): after training, every run's "
              "classifier is scored on it; each run's metric and their mean (std) are reported and written to "
              "scores.json, which 'evaluate --compare' then pairs."),
           QStringLiteral("CSV"));
    option(QStringLiteral("seed"), tr("Seed of the folds, the shuffling and the initialisations."), QStringLiteral("N"),
           QStringLiteral("1"));
    option(QStringLiteral("resume"), tr("Continue from the run folder's checkpoint."));
    option(QStringLiteral("optimizer"),
           tr("sgd or adam (default: SGD with momentum 0.9 for classification, Adam for regression, as in the paper)."),
           QStringLiteral("NAME"));
    option(QStringLiteral("input-scale"),
           tr("Multiply the features by this before the classifier, or auto: 1 / their mean over the training "
              "grids (for features far from a trained ResNet's scale); recorded in the bundle."),
           QStringLiteral("X"), QStringLiteral("1"));
    option(QStringLiteral("lr"), tr("Learning rate (default: 1e-3 for SGD, 1e-4 for Adam)."),
           QStringLiteral("RATE"));
    option(QStringLiteral("attention"), tr("Attention sets: max+min, max, min, avg or avg+max."), QStringLiteral("SETS"),
           QStringLiteral("max+min"));
    option(QStringLiteral("hidden"), tr("H, the 3D convolution's output channels."), QStringLiteral("H"), QStringLiteral("64"));
    option(QStringLiteral("kernel"), tr("n, the 3D convolution's odd spatial size."), QStringLiteral("N"), QStringLiteral("3"));
    option(QStringLiteral("nonlinearity"), tr("relu, tanh or none."), QStringLiteral("NAME"), QStringLiteral("relu"));
    option(QStringLiteral("conv-padding"),
           tr("The 3D convolution's padding: zeros (the paper's) or centre (a missing neighbour takes the centre "
              "cell's features); recorded in the bundle."),
           QStringLiteral("PADDING"), QStringLiteral("zeros"));
    option(QStringLiteral("tissue-only"), tr("Leave cells without tissue out of the attention."));
    option(QStringLiteral("weights"),
           tr("Extractor for slides in the manifest: a torchvision .pth, a TorchScript file or random:SEED (default: "
              "random:1 for slides; grid files keep the extractor they record)."),
           QStringLiteral("FILE"));
    option(QStringLiteral("arch"), tr("Extractor architecture: resnet34 or resnet18."), QStringLiteral("NAME"),
           QStringLiteral("resnet34"));
    option(QStringLiteral("mpp"), tr("Grid resolution in µm/px for slides."), QStringLiteral("UM"), QStringLiteral("2.0"));
    option(QStringLiteral("slide-mpp"), tr("µm/px of slides that record none."), QStringLiteral("UM"));
    cl.addDeviceOption();
    option(QStringLiteral("cache-dir"), tr("The grid cache folder."), QStringLiteral("DIR"));
    cl.addThreadsOption();
    option(QStringLiteral("name"), tr("The bundle's name."), QStringLiteral("TEXT"));
    cl.addJsonOption();
    if (const auto stop = cl.exitBeforeRun(arguments)) return *stop;
    if (!cl.isSet(QStringLiteral("manifest")) || !cl.isSet(QStringLiteral("out"))) {
        cl.usageError(tr("--manifest and --out are required."));
        return ExitUsageError;
    }
    if (cl.isSet(QStringLiteral("extra-scale")) && cl.isSet(QStringLiteral("no-extra-scale"))) {
        cl.usageError(tr("Give --extra-scale or --no-extra-scale, not both."));
        return ExitUsageError;
    }
    model::TrainingOptions o;
    const auto epochs = cl.intValue(QStringLiteral("epochs"), 1, 100000);
    const auto batch = epochs ? cl.intValue(QStringLiteral("batch"), 1, 100000) : std::nullopt;
    const auto chunk = batch ? cl.intValue(QStringLiteral("chunk"), 0, 100000) : std::nullopt;
    const auto folds = chunk ? cl.intValue(QStringLiteral("folds"), 2, 1000) : std::nullopt;
    const auto inits = folds ? cl.intValue(QStringLiteral("inits"), 1, 1000) : std::nullopt;
    const auto seed = inits ? cl.intValue(QStringLiteral("seed"), 0, std::numeric_limits<qint64>::max()) : std::nullopt;
    const auto hidden = seed ? cl.intValue(QStringLiteral("hidden"), 1, 65536) : std::nullopt;
    const auto kernel = hidden ? cl.intValue(QStringLiteral("kernel"), 1, 99) : std::nullopt;
    const auto threads = kernel ? cl.threads() : std::nullopt;
    const auto mpp = threads ? cl.positiveValue(QStringLiteral("mpp")) : std::nullopt;
    if (!mpp) return ExitUsageError;
    if (cl.isSet(QStringLiteral("lr"))) {
        const auto lr = cl.positiveValue(QStringLiteral("lr"));
        if (!lr) return ExitUsageError;
        o.learningRate = *lr;
    }
    if (cl.isSet(QStringLiteral("slide-mpp"))) {
        const auto slideMpp = cl.positiveValue(QStringLiteral("slide-mpp"));
        if (!slideMpp) return ExitUsageError;
        o.extraction.slideMpp = *slideMpp;
        o.extraction.slideMppOnlyWhenMissing = true;
    }
    o.manifestPath = localPath(cl.value(QStringLiteral("manifest")));
    o.bundleFolder = localPath(cl.value(QStringLiteral("out")));
    o.runFolder = localPath(cl.value(QStringLiteral("run-dir")));
    o.task = cl.value(QStringLiteral("task")).toStdString();
    o.epochs = static_cast<int>(*epochs);
    o.batchSize = static_cast<int>(*batch);
    o.chunkSize = static_cast<int>(*chunk);
    o.folds = static_cast<int>(*folds);
    o.inits = static_cast<int>(*inits);
    o.seed = static_cast<uint64_t>(*seed);
    o.augment = cl.value(QStringLiteral("augment")).toStdString();
    o.extraScale = cl.isSet(QStringLiteral("extra-scale")) ? "on" : cl.isSet(QStringLiteral("no-extra-scale")) ? "off" : "auto";
    o.testManifestPath = localPath(cl.value(QStringLiteral("test-manifest")));
    o.resume = cl.isSet(QStringLiteral("resume"));
    o.attention = cl.value(QStringLiteral("attention")).toStdString();
    o.hidden = *hidden;
    o.kernel = *kernel;
    o.nonlinearity = cl.value(QStringLiteral("nonlinearity")).toStdString();
    o.convPadding = cl.value(QStringLiteral("conv-padding")).toStdString();
    o.optimizer = cl.value(QStringLiteral("optimizer")).toStdString();
    if (const QString scale = cl.value(QStringLiteral("input-scale")); scale == QLatin1String("auto")) {
        o.inputScale = 0.0;
    } else {
        bool ok = false;
        o.inputScale = scale.toDouble(&ok);
        if (!ok || !(o.inputScale > 0.0)) {
            cl.usageError(tr("--input-scale must be a number above 0 or auto, not '%1'.").arg(scale));
            return ExitUsageError;
        }
    }
    o.tissueOnly = cl.isSet(QStringLiteral("tissue-only"));
    o.extractorGiven = cl.isSet(QStringLiteral("weights"));
    if (o.extractorGiven) o.extraction.weights = localPath(cl.value(QStringLiteral("weights")));
    o.extraction.architecture = cl.value(QStringLiteral("arch")).toStdString();
    o.extraction.grid.targetMpp = *mpp;
    const auto device = cl.device();
    if (!device) return ExitUsageError;
    o.extraction.device = *device;
    o.extraction.cacheFolder = localPath(cl.value(QStringLiteral("cache-dir")));
    o.extraction.programVersion = QCoreApplication::applicationVersion().toStdString();
    o.torchThreads = static_cast<int>(*threads);
    o.name = cl.value(QStringLiteral("name")).toStdString();
    o.programVersion = QCoreApplication::applicationVersion().toStdString();
    if (const Check valid = model::checkTrainingOptions(o); !valid) {
        cl.usageError(QString::fromStdString(valid.error()));
        return ExitUsageError;
    }

    const bool json = cl.json();
    const InterruptGuard interrupt;
    const auto epochLine = [json](const model::TrainingEpoch& e) {
        const QString line = tr("run %1/%2 (fold %3, init %4) epoch %5/%6: %7 grids, lr %8, loss %9, held-out %10, %11 s")
                                 .arg(e.run + 1).arg(e.runs).arg(e.fold).arg(e.init).arg(e.epoch).arg(e.epochs)
                                 .arg(e.grids).arg(e.learningRate, 0, 'g', 3).arg(e.loss, 0, 'f', 4)
                                 .arg(metricText(e.metric)).arg(e.seconds, 0, 'f', 1);
        if (json) Console::err(line + QLatin1Char('\n'));
        else Console::outLine(line);
    };
    model::TrainingSummary s;
    {
        ProgressBar progress(tr("Preparing grids"));
        bool preparing = true;
        const auto result = model::trainClassifier(
            o,
            [&](const model::TrainingEpoch& e) {
                if (preparing) progress.finish();
                preparing = false;
                epochLine(e);
            },
            interrupt.flag(),
            [&](int done, int total, const std::string&) { progress.update(total ? double(done) / total : 1.0); });
        if (!result) {
            if (result.error() == model::kTrainingCancelled || interrupt.interrupted()) {
                Console::error(tr("Interrupted: the checkpoint of the last finished epoch is kept in the run folder; "
                                  "run the same command with --resume to continue."));
                return ExitInterrupted;
            }
            Console::error(QString::fromStdString(result.error()));
            return ExitFailure;
        }
        s = *result;
    }
    if (json) {
        QJsonArray runs;
        for (const auto& r : s.runs)
            runs.append(QJsonObject{{QStringLiteral("fold"), r.fold}, {QStringLiteral("init"), r.init},
                                    {QStringLiteral("metric"), metricJson(r.metric)},
                                    {QStringLiteral("final_loss"), r.finalLoss},
                                    {QStringLiteral("test_metric"), metricJson(r.testMetric)},
                                    {QStringLiteral("weights"), fromLocal(r.weightsPath)}});
        QJsonValue test;
        if (!s.testManifest.empty())
            test = QJsonObject{{QStringLiteral("manifest"), fromLocal(s.testManifest)},
                               {QStringLiteral("slides"), static_cast<int>(s.testPaths.size())},
                               {QStringLiteral("mean"), metricJson(s.testMean)},
                               {QStringLiteral("std"), metricJson(s.testStd)}};
        JsonOutput::print({{QStringLiteral("task"), JsonOutput::string(s.task)},
                           {QStringLiteral("metric"), JsonOutput::string(s.metricName)},
                           {QStringLiteral("mean"), metricJson(s.metricMean)},
                           {QStringLiteral("std"), metricJson(s.metricStd)},
                           {QStringLiteral("runs"), runs},
                           {QStringLiteral("best_run"), s.bestRun},
                           {QStringLiteral("slides"), s.items},
                           {QStringLiteral("grids_per_epoch"), s.gridsPerEpoch},
                           {QStringLiteral("augment"), JsonOutput::string(s.augment)},
                           {QStringLiteral("extra_scale"), s.extraScale},
                           {QStringLiteral("augmentation"), JsonOutput::string(s.augmentation)},
                           {QStringLiteral("optimizer"), JsonOutput::string(s.optimizer)},
                           {QStringLiteral("input_scale"), s.inputScale},
                           {QStringLiteral("test"), test},
                           {QStringLiteral("bundle"), fromLocal(s.bundlePath)},
                           {QStringLiteral("run_folder"), fromLocal(s.runFolder)},
                           {QStringLiteral("scores"), fromLocal(s.scoresPath)},
                           {QStringLiteral("resumed"), s.resumed},
                           {QStringLiteral("extractor_trained"), s.extractorTrained},
                           {QStringLiteral("seconds"), JsonOutput::rounded(s.seconds, 1)}});
        return ExitSuccess;
    }
    if (s.resumed)
        Console::outLine(tr("Resumed from run %1, epoch %2.").arg(s.resumedRun + 1).arg(s.resumedEpoch));
    const QString metric = QString::fromStdString(s.metricName);
    const bool tested = !s.testManifest.empty();
    Console::outLine(tr("Augmentation: %1").arg(QString::fromStdString(s.augmentation)));
    Console::outLine(tr("Optimiser:   %1; classifier input scale %2").arg(QString::fromStdString(s.optimizer)).arg(s.inputScale, 0, 'g', 4));
    for (const auto& r : s.runs)
        Console::outLine(tr("fold %1, init %2: held-out %3 %4").arg(r.fold).arg(r.init).arg(metric, metricText(r.metric)) +
                         (tested ? tr(", test %1").arg(metricText(r.testMetric)) : QString()));
    Console::outLine(tr("Cross-validated %1: %2 (std %3) over %4 runs; bundle weights from run %5.")
                         .arg(metric, metricText(s.metricMean), metricText(s.metricStd))
                         .arg(s.runs.size()).arg(s.bestRun + 1));
    if (tested)
        Console::outLine(tr("Test %1 on %2 (%3 slides): %4 (std %5) over %6 runs.")
                             .arg(metric, fromLocal(s.testManifest)).arg(s.testPaths.size())
                             .arg(metricText(s.testMean), metricText(s.testStd)).arg(s.runs.size()));
    if (!s.extractorTrained)
        Console::outLine(tr("The features come from an UNTRAINED (random) extractor; the bundle is labelled so."));
    Console::outLine(tr("Bundle:      %1").arg(fromLocal(s.bundlePath)));
    Console::outLine(tr("Run folder:  %1 (scores.json, checkpoint, per-run weights)").arg(fromLocal(s.runFolder)));
    return ExitSuccess;
}

}  // namespace slidesight::cli
