#include "app/cli/commands/lran/lrantraincommand.h"

#include "app/cli/commandline.h"
#include "app/cli/console.h"
#include "app/cli/interruptguard.h"
#include "app/cli/jsonoutput.h"
#include "app/cli/localpath.h"
#include "app/cli/progressbar.h"

#include "model/lran/lrantraining.h"

#include <QtCore/QFile>
#include <QtCore/QJsonArray>

#include <cmath>
#include <limits>
#include <memory>

namespace slidesight::cli {

namespace {

QString accuracyText(double value) { return std::isfinite(value) ? QString::number(value, 'f', 3) : QStringLiteral("n/a"); }
QJsonValue accuracyJson(double value) { return std::isfinite(value) ? QJsonValue(value) : QJsonValue(); }

QStringList classNames(const model::LranTrainingSummary& s) {
    QStringList names;
    for (const std::string& name : s.classes) names.append(QString::fromStdString(name));
    return names;
}

QJsonObject summaryJson(const model::LranTrainingSummary& s) {
    QJsonArray history, confusion, train, held;
    for (size_t e = 0; e < s.history.size(); ++e) {
        const auto& r = s.history[e];
        history.append(QJsonObject{{QStringLiteral("epoch"), int(e + 1)},
                                   {QStringLiteral("loss"), r.loss},
                                   {QStringLiteral("train_accuracy"), r.trainAccuracy},
                                   {QStringLiteral("held_out_accuracy"), accuracyJson(r.heldOutAccuracy)},
                                   {QStringLiteral("learning_rate"), r.learningRate}});
    }
    for (const auto& row : s.confusion) {
        QJsonArray counts;
        for (int64_t n : row) counts.append(qint64(n));
        confusion.append(counts);
    }
    for (int n : s.trainCounts) train.append(n);
    for (int n : s.heldOutCounts) held.append(n);
    return {{QStringLiteral("bundle"), fromLocal(s.bundlePath)},
            {QStringLiteral("weights"), fromLocal(s.weightsPath)},
            {QStringLiteral("report"), fromLocal(s.reportPath)},
            {QStringLiteral("run_folder"), fromLocal(s.runFolder)},
            {QStringLiteral("classes"), QJsonArray::fromStringList(classNames(s))},
            {QStringLiteral("train_images"), train},
            {QStringLiteral("held_out_images"), held},
            {QStringLiteral("history"), history},
            {QStringLiteral("held_out_accuracy"), accuracyJson(s.heldOutAccuracy)},
            {QStringLiteral("confusion_matrix"), confusion},
            {QStringLiteral("batches_per_epoch"), s.batchesPerEpoch},
            {QStringLiteral("images_per_second"), JsonOutput::rounded(s.imagesPerSecond, 3)},
            {QStringLiteral("torch_threads"), s.torchThreads},
            {QStringLiteral("resumed"), s.resumed},
            {QStringLiteral("resumed_epoch"), s.resumedEpoch},
            {QStringLiteral("seconds"), JsonOutput::rounded(s.seconds, 1)}};
}

/// "10,20" into the schedule's epochs (the spec's rates 1e-5 and 5e-6, then a tenth each).
bool parseDecayEpochs(const QString& text, std::vector<model::LranRateStep>& schedule, double rate) {
    schedule.clear();
    if (text.trimmed().isEmpty()) return true;
    for (const QString& part : text.split(QLatin1Char(','))) {
        bool ok = false;
        const int epoch = part.trimmed().toInt(&ok);
        if (!ok || epoch < 1 || (!schedule.empty() && epoch <= schedule.back().afterEpoch)) return false;
        rate = schedule.empty() ? rate * 0.1 : (schedule.size() == 1 ? rate * 0.5 : rate * 0.1);
        schedule.push_back({epoch, rate});
    }
    return true;
}

}  // namespace

QString LranTrainCommand::summary() const {
    return tr("Train LRAN or RAN on labelled patches; write a bundle with the held-out accuracy.");
}

int LranTrainCommand::run(const QString& path, const QStringList& arguments) {
    CommandLine cl(path, tr("Trains LRAN (or RAN) on labelled patches: a folder of class folders (the class is the "
                            "folder's name) or a CSV of 'path,label' lines. Images are resized to 256 x 256 (--input-size) and "
                            "normalised like slide patches; a stratified, seeded part of every class is held out. "
                            "The spec's protocol: cross-entropy, Adam 1e-4, 1e-5 after epoch 10, 5e-6 after epoch "
                            "20, 50 epochs, batches of 24 drawn class-balanced, random flips and rotations. Writes "
                            "BUNDLE/lran.pt, BUNDLE/model.json with an 'lran' section and BUNDLE/lran-training.json "
                            "(per-epoch figures, held-out accuracy, confusion matrix). A checkpoint is kept after "
                            "every epoch in BUNDLE.run; Ctrl-C stops and --resume continues. Without --bundle the "
                            "bundle's extractor and attention classifier are random and it is labelled untrained. "
                            "With --json the epoch lines go to stderr."));
    const auto option = [&cl](const QString& name, const QString& help, const QString& value = QString(),
                              const QString& fallback = QString()) {
        cl.addOption(value.isEmpty() ? QCommandLineOption(name, help) : QCommandLineOption(name, help, value, fallback));
    };
    option(QStringLiteral("data"), tr("A folder of class folders, or a CSV of path,label lines."), QStringLiteral("DIR"));
    option(QStringLiteral("out"), tr("The bundle folder to write."), QStringLiteral("BUNDLE"));
    option(QStringLiteral("network"), tr("lran or ran."), QStringLiteral("NAME"), QStringLiteral("lran"));
    option(QStringLiteral("epochs"), tr("Epochs."), QStringLiteral("N"), QStringLiteral("50"));
    option(QStringLiteral("batch"), tr("Images per batch (at least 2)."), QStringLiteral("N"), QStringLiteral("24"));
    option(QStringLiteral("lr"), tr("Adam's initial learning rate."), QStringLiteral("RATE"), QStringLiteral("1e-4"));
    option(QStringLiteral("decay-epochs"),
           tr("Epochs after which the rate drops to a tenth, then to half of that (empty: never)."),
           QStringLiteral("A,B"), QStringLiteral("10,20"));
    option(QStringLiteral("holdout"), tr("Fraction of each class held out, 0 to below 1."), QStringLiteral("F"),
           QStringLiteral("0.2"));
    option(QStringLiteral("seed"), tr("Seed of the split, the batches, the augmentation and the initialisation."),
           QStringLiteral("N"), QStringLiteral("1"));
    option(QStringLiteral("max-per-class"), tr("At most this many images per class (0: all)."), QStringLiteral("N"),
           QStringLiteral("0"));
    option(QStringLiteral("no-augment"), tr("Train without random flips and rotations."));
    option(QStringLiteral("widths"),
           tr("The network's widths: torchvision (ResNet-18's, so ImageNet weights load) or paper (about the "
              "paper's 5.8 M parameters)."),
           QStringLiteral("NAME"), QStringLiteral("torchvision"));
    option(QStringLiteral("init"), tr("An LRAN/RAN state dict to start from."), QStringLiteral("FILE"));
    option(QStringLiteral("bundle"), tr("A bundle whose extractor and classifier the new bundle keeps."), QStringLiteral("BUNDLE"));
    option(QStringLiteral("mpp"), tr("µm/px of the patches, recorded in the bundle."), QStringLiteral("UM"), QStringLiteral("2.0"));
    option(QStringLiteral("input-size"), tr("The side images are resized to (a multiple of 32)."), QStringLiteral("PX"),
           QStringLiteral("256"));
    option(QStringLiteral("run-dir"), tr("The checkpoint folder (default: BUNDLE.run)."), QStringLiteral("DIR"));
    option(QStringLiteral("resume"), tr("Continue from the checkpoint."));
    cl.addThreadsOption(QStringLiteral("2"));
    option(QStringLiteral("name"), tr("The bundle's name."), QStringLiteral("TEXT"));
    cl.addJsonOption();
    if (const auto stop = cl.exitBeforeRun(arguments)) return *stop;
    if (!cl.isSet(QStringLiteral("data")) || !cl.isSet(QStringLiteral("out"))) {
        cl.usageError(tr("--data and --out are required."));
        return ExitUsageError;
    }
    model::LranTrainingOptions o;
    const auto epochs = cl.intValue(QStringLiteral("epochs"), 1, 100000);
    const auto batch = epochs ? cl.intValue(QStringLiteral("batch"), 2, 100000) : std::nullopt;
    const auto seed = batch ? cl.intValue(QStringLiteral("seed"), 0, std::numeric_limits<qint64>::max()) : std::nullopt;
    const auto cap = seed ? cl.intValue(QStringLiteral("max-per-class"), 0, 100000000) : std::nullopt;
    const auto threads = cap ? cl.threads() : std::nullopt;
    const auto inputSize = threads ? cl.intValue(QStringLiteral("input-size"), 32, 4096) : std::nullopt;
    const auto lr = inputSize ? cl.positiveValue(QStringLiteral("lr")) : std::nullopt;
    const auto mpp = lr ? cl.positiveValue(QStringLiteral("mpp")) : std::nullopt;
    if (!mpp) return ExitUsageError;
    bool holdoutOk = false;
    o.holdout = cl.value(QStringLiteral("holdout")).toDouble(&holdoutOk);
    if (!holdoutOk || !(o.holdout >= 0.0 && o.holdout < 1.0)) {
        cl.usageError(tr("--holdout must be a fraction from 0 to below 1, not '%1'.").arg(cl.value(QStringLiteral("holdout"))));
        return ExitUsageError;
    }
    if (!parseDecayEpochs(cl.value(QStringLiteral("decay-epochs")), o.schedule, *lr)) {
        cl.usageError(tr("--decay-epochs needs increasing epochs of at least 1, such as 10,20, not '%1'.")
                          .arg(cl.value(QStringLiteral("decay-epochs"))));
        return ExitUsageError;
    }
    o.data = localPath(cl.value(QStringLiteral("data")));
    o.bundleFolder = localPath(cl.value(QStringLiteral("out")));
    o.runFolder = localPath(cl.value(QStringLiteral("run-dir")));
    o.baseBundle = localPath(cl.value(QStringLiteral("bundle")));
    o.initWeights = localPath(cl.value(QStringLiteral("init")));
    o.network = cl.value(QStringLiteral("network")).toStdString();
    o.epochs = static_cast<int>(*epochs);
    o.batchSize = static_cast<int>(*batch);
    o.learningRate = *lr;
    o.seed = static_cast<uint64_t>(*seed);
    o.maxPerClass = static_cast<int>(*cap);
    o.augment = !cl.isSet(QStringLiteral("no-augment"));
    o.widths = cl.value(QStringLiteral("widths")).toStdString();
    o.mpp = *mpp;
    o.inputSize = static_cast<int>(*inputSize);
    o.resume = cl.isSet(QStringLiteral("resume"));
    o.torchThreads = static_cast<int>(*threads);
    o.name = cl.value(QStringLiteral("name")).toStdString();
    o.programVersion = QCoreApplication::applicationVersion().toStdString();
    if (const Check valid = model::checkLranTrainingOptions(o); !valid) {
        cl.usageError(QString::fromStdString(valid.error()));
        return ExitUsageError;
    }

    const bool json = cl.json();
    const InterruptGuard interrupt;
    std::unique_ptr<ProgressBar> bar;
    const auto progress = [&](const model::LranTrainingProgress& p) {
        if (!bar) bar = std::make_unique<ProgressBar>(tr("Epoch %1/%2").arg(p.epoch).arg(p.epochs));
        bar->update(double(p.batch) / double(p.batches));
        if (!p.epochFinished) return;
        bar.reset();
        const QString line = tr("epoch %1/%2: loss %3, train accuracy %4, held-out accuracy %5, rate %6, %7 s (%8 images/s)")
                                 .arg(p.epoch).arg(p.epochs).arg(p.loss, 0, 'f', 4).arg(p.trainAccuracy, 0, 'f', 3)
                                 .arg(accuracyText(p.heldOutAccuracy)).arg(p.learningRate, 0, 'g', 3)
                                 .arg(p.seconds, 0, 'f', 1).arg(p.imagesPerSecond, 0, 'f', 2);
        if (json) Console::err(line + QLatin1Char('\n'));
        else Console::outLine(line);
    };
    const auto result = model::trainLran(o, progress, interrupt.flag());
    bar.reset();
    if (!result) {
        if (result.error() == model::kLranTrainingCancelled || interrupt.interrupted()) {
            Console::error(tr("Interrupted: the checkpoint of the last finished epoch is kept in the run folder; "
                              "run the same command with --resume to continue."));
            return ExitInterrupted;
        }
        Console::error(QString::fromStdString(result.error()));
        return ExitFailure;
    }
    const model::LranTrainingSummary& s = *result;
    if (json) {
        JsonOutput::print(summaryJson(s));
        return ExitSuccess;
    }
    if (s.resumed) Console::outLine(tr("Resumed after epoch %1.").arg(s.resumedEpoch));
    const QStringList names = classNames(s);
    Console::outLine(tr("Held-out accuracy: %1").arg(accuracyText(s.heldOutAccuracy)));
    Console::outLine(tr("Confusion matrix (rows: truth, columns: prediction; %1):").arg(names.join(QStringLiteral(", "))));
    for (size_t t = 0; t < s.confusion.size(); ++t) {
        QStringList counts;
        for (int64_t n : s.confusion[t]) counts.append(QString::number(n).rightJustified(6));
        Console::outLine(QStringLiteral("  %1 %2").arg(names.value(int(t)).leftJustified(16), counts.join(QString())));
    }
    if (s.imagesPerSecond > 0.0)
        Console::outLine(tr("Training speed: %1 images/s (%2 Torch threads)").arg(s.imagesPerSecond, 0, 'f', 2).arg(s.torchThreads));
    if (o.baseBundle.empty())
        Console::outLine(tr("The bundle's extractor and attention classifier are random: it is labelled untrained."));
    Console::outLine(tr("Bundle:  %1").arg(fromLocal(s.bundlePath)));
    Console::outLine(tr("Report:  %1").arg(fromLocal(s.reportPath)));
    return ExitSuccess;
}

}  // namespace slidesight::cli
