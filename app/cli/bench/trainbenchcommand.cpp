#include "app/cli/bench/trainbenchcommand.h"

#include "app/cli/commandline.h"
#include "app/cli/console.h"
#include "app/cli/interruptguard.h"
#include "app/cli/jsonoutput.h"

#include "model/training/training.h"

#include <QtCore/QJsonArray>

namespace slidesight::cli {

QString TrainBenchCommand::summary() const {
    return tr("Measure seconds per training epoch of the attention classifier on random features.");
}

int TrainBenchCommand::run(const QString& path, const QStringList& arguments) {
    CommandLine cl(path, tr("Trains the attention classifier (K -> 64 3D convolution, max+min attention, SGD, batches "
                            "of --batch grids) on --grids random grids of --rows x --columns cells and --features "
                            "features for --epochs epochs and reports the seconds of each epoch. Writes no file."));
    const auto option = [&cl](const QString& name, const QString& help, const QString& fallback) {
        cl.addOption(QCommandLineOption(name, help, QStringLiteral("N"), fallback));
    };
    option(QStringLiteral("grids"), tr("Grids per epoch."), QStringLiteral("270"));
    option(QStringLiteral("rows"), tr("Rows of each grid."), QStringLiteral("53"));
    option(QStringLiteral("columns"), tr("Columns of each grid."), QStringLiteral("120"));
    option(QStringLiteral("features"), tr("K, features per cell."), QStringLiteral("512"));
    option(QStringLiteral("epochs"), tr("Epochs to time."), QStringLiteral("2"));
    option(QStringLiteral("batch"), tr("Grids per optimiser step."), QStringLiteral("64"));
    cl.addThreadsOption();
    cl.addJsonOption();
    if (const auto stop = cl.exitBeforeRun(arguments)) return *stop;
    const auto grids = cl.intValue(QStringLiteral("grids"), 2, 1000000);
    const auto rows = grids ? cl.intValue(QStringLiteral("rows"), 1, 10000) : std::nullopt;
    const auto columns = rows ? cl.intValue(QStringLiteral("columns"), 1, 10000) : std::nullopt;
    const auto features = columns ? cl.intValue(QStringLiteral("features"), 1, 65536) : std::nullopt;
    const auto epochs = features ? cl.intValue(QStringLiteral("epochs"), 1, 1000) : std::nullopt;
    const auto batch = epochs ? cl.intValue(QStringLiteral("batch"), 1, 100000) : std::nullopt;
    const auto threads = batch ? cl.threads() : std::nullopt;
    if (!threads) return ExitUsageError;
    const InterruptGuard interrupt;
    const auto bench = model::benchmarkTraining(int(*grids), int(*rows), int(*columns), int(*features), int(*epochs),
                                                int(*batch), int(*threads), interrupt.flag());
    if (!bench) {
        if (interrupt.interrupted()) {
            Console::error(tr("Interrupted."));
            return ExitInterrupted;
        }
        Console::error(QString::fromStdString(bench.error()));
        return ExitFailure;
    }
    QJsonArray epochSeconds;
    for (const double s : bench->epochSeconds) epochSeconds.append(JsonOutput::rounded(s, 2));
    if (cl.json()) {
        JsonOutput::print({{QStringLiteral("grids"), bench->grids}, {QStringLiteral("rows"), bench->rows},
                           {QStringLiteral("columns"), bench->columns}, {QStringLiteral("features"), bench->features},
                           {QStringLiteral("batch"), bench->batchSize}, {QStringLiteral("chunk"), bench->chunkSize},
                           {QStringLiteral("threads"), bench->threads}, {QStringLiteral("epoch_seconds"), epochSeconds},
                           {QStringLiteral("seconds_per_epoch"), JsonOutput::rounded(bench->secondsPerEpoch, 2)}});
        return ExitSuccess;
    }
    Console::outLine(tr("%1 grids of %2 x %3 x %4, batch %5 (chunks of %6), %7 threads: %8 s per epoch (fastest of %9)")
                         .arg(bench->grids).arg(bench->rows).arg(bench->columns).arg(bench->features)
                         .arg(bench->batchSize).arg(bench->chunkSize).arg(bench->threads)
                         .arg(bench->secondsPerEpoch, 0, 'f', 1).arg(bench->epochSeconds.size()));
    return ExitSuccess;
}

}  // namespace slidesight::cli
