#include "app/cli/bench/featurebenchcommand.h"

#include "app/cli/bench/pythonbaseline.h"
#include "app/cli/commandline.h"
#include "app/cli/console.h"
#include "app/cli/extractionoptions.h"
#include "app/cli/interruptguard.h"
#include "app/cli/jsonoutput.h"
#include "app/cli/progressbar.h"

#include "model/extraction/extraction.h"

namespace slidesight::cli {

QString FeatureBenchCommand::summary() const {
    return tr("Measure feature extraction end to end against the bare network (and a Python baseline).");
}

int FeatureBenchCommand::run(const QString& path, const QStringList& arguments) {
    CommandLine cl(path, tr("Runs the feature extraction of 'extract' (tissue grid, reader threads, network) over the "
                            "slide's grid cells, repeated until at least --patches patches, and, alternating with "
                            "it, the bare network on as many random patches of the same batch size with the same "
                            "threads; --rounds times. Reports patches/s of both and their ratio (1.0: reading and "
                            "decoding cost nothing next to the network). With --python, also runs the same cells "
                            "through a plain Python implementation (openslide-python, Pillow, torchvision ResNet "
                            "with random weights, read then run, torch's default threads). Writes no file."));
    ExtractionOptionSet::add(cl, QStringLiteral("random:1"));
    cl.addOption(QCommandLineOption(QStringLiteral("patches"), tr("Patches per round at least (the grid is repeated)."),
                                    QStringLiteral("N"), QStringLiteral("64")));
    cl.addOption(QCommandLineOption(QStringLiteral("rounds"), tr("Rounds of pipeline then network."), QStringLiteral("N"),
                                    QStringLiteral("3")));
    cl.addOption(QCommandLineOption(QStringLiteral("python"), tr("Also run the Python baseline (python3 with torch, "
                                                                 "torchvision and openslide-python).")));
    cl.addOption(QCommandLineOption(QStringLiteral("python-threads"),
                                    tr("Torch threads for the Python baseline; 0 keeps torch's default."),
                                    QStringLiteral("N"), QStringLiteral("0")));
    cl.addJsonOption();
    if (const auto stop = cl.exitBeforeRun(arguments)) return *stop;
    auto options = ExtractionOptionSet::read(cl);
    if (!options) return ExitUsageError;
    const auto patches = cl.intValue(QStringLiteral("patches"), 1, 1000000);
    const auto rounds = cl.intValue(QStringLiteral("rounds"), 1, 100);
    const auto pythonThreads = cl.intValue(QStringLiteral("python-threads"), 0, 1024);
    if (!patches || !rounds || !pythonThreads) return ExitUsageError;

    const InterruptGuard interrupt;
    model::ExtractionFailure failure = model::ExtractionFailure::None;
    QJsonObject report;
    {
        ProgressBar progress(tr("Measuring"));
        const auto bench = model::benchmarkFeatures(
            *options, *patches, static_cast<int>(*rounds),
            [&progress](int64_t done, int64_t total) { progress.update(double(done) / double(total)); },
            interrupt.flag(), &failure);
        if (!bench) {
            if (interrupt.interrupted()) {
                Console::error(tr("Interrupted: the benchmark was cancelled."));
                return ExitInterrupted;
            }
            Console::error(ExtractionOptionSet::failureMessage(bench.error(), failure));
            return ExitFailure;
        }
        progress.finish();
        const model::ExtractionSummary& s = bench->setup;
        report[QStringLiteral("slide")] = cl.positional().constFirst();
        report[QStringLiteral("extractor")] = JsonOutput::string(s.extractor);
        report[QStringLiteral("trained")] = s.trained;
        report[QStringLiteral("device")] = JsonOutput::string(s.device);
        report[QStringLiteral("batch")] = s.batchSize;
        report[QStringLiteral("torch_threads")] = s.torchThreads;
        report[QStringLiteral("reader_threads")] = s.readerThreads;
        report[QStringLiteral("mpp")] = options->grid.targetMpp;
        report[QStringLiteral("patch")] = options->grid.patchSize;
        report[QStringLiteral("rows")] = s.rows;
        report[QStringLiteral("columns")] = s.columns;
        report[QStringLiteral("cells")] = static_cast<qint64>(bench->cells.size());
        report[QStringLiteral("passes")] = bench->passes;
        report[QStringLiteral("rounds")] = bench->rounds;
        report[QStringLiteral("patches")] = static_cast<qint64>(bench->patches);
        report[QStringLiteral("seconds")] = JsonOutput::rounded(bench->seconds, 3);
        report[QStringLiteral("patches_per_s")] = JsonOutput::rounded(bench->patchesPerSecond, 3);
        report[QStringLiteral("network_patches")] = static_cast<qint64>(bench->networkPatches);
        report[QStringLiteral("network_patches_per_s")] = JsonOutput::rounded(bench->networkPatchesPerSecond, 3);
        report[QStringLiteral("ratio")] = JsonOutput::rounded(bench->patchesPerSecond / bench->networkPatchesPerSecond, 3);
        report[QStringLiteral("read_patches")] = static_cast<qint64>(bench->readPatches);
        report[QStringLiteral("read_openslide_patches_per_s")] = JsonOutput::rounded(bench->openSlideReadPatchesPerSecond, 1);
        report[QStringLiteral("read_direct_patches_per_s")] = JsonOutput::rounded(bench->directReadPatchesPerSecond, 1);
        report[QStringLiteral("read_direct_ratio")] =
            JsonOutput::rounded(bench->directReadPatchesPerSecond / bench->openSlideReadPatchesPerSecond, 3);
        report[QStringLiteral("read_direct_covers")] = bench->directReaderCovers;

        if (cl.isSet(QStringLiteral("python"))) {
            progress.setLabel(tr("Python baseline"));
            const auto measured = PythonFeatureBaseline::measure(*bench, *options, static_cast<int>(*pythonThreads));
            if (!measured) {
                Console::error(QString::fromStdString(measured.error()));
                return ExitFailure;
            }
            const PythonFeatureBaseline::Run& python = *measured;
            report[QStringLiteral("python")] = python.interpreter;
            report[QStringLiteral("python_torch_version")] = python.torchVersion;
            report[QStringLiteral("python_torch_threads")] = python.torchThreads;
            report[QStringLiteral("python_patches")] = python.patches;
            report[QStringLiteral("python_seconds")] = JsonOutput::rounded(python.seconds, 3);
            report[QStringLiteral("python_patches_per_s")] = JsonOutput::rounded(python.patchesPerSecond, 3);
            report[QStringLiteral("ratio_vs_python")] = JsonOutput::rounded(bench->patchesPerSecond / python.patchesPerSecond, 3);
        }
    }
    if (cl.json())
        JsonOutput::print(report);
    else
        Console::out(toText(report));
    return ExitSuccess;
}

QString FeatureBenchCommand::toText(const QJsonObject& r) {
    auto number = [&r](const char* key) { return r.value(QLatin1String(key)).toDouble(); };
    QString text = tr("%1 on %2: grid %3 x %4 at %5 µm/px, p = %6, batch %7, %8 Torch threads, %9 readers\n")
                       .arg(r.value(QStringLiteral("extractor")).toString(), r.value(QStringLiteral("device")).toString())
                       .arg(r.value(QStringLiteral("rows")).toInt())
                       .arg(r.value(QStringLiteral("columns")).toInt())
                       .arg(number("mpp"))
                       .arg(r.value(QStringLiteral("patch")).toInt())
                       .arg(r.value(QStringLiteral("batch")).toInt())
                       .arg(r.value(QStringLiteral("torch_threads")).toInt())
                       .arg(r.value(QStringLiteral("reader_threads")).toInt());
    text += tr("End to end:   %1 patches/s (%2 patches in %3 s)\n")
                .arg(number("patches_per_s"), 0, 'f', 2)
                .arg(r.value(QStringLiteral("patches")).toInteger())
                .arg(number("seconds"), 0, 'f', 2);
    text += tr("Network only: %1 patches/s\n").arg(number("network_patches_per_s"), 0, 'f', 2);
    text += tr("Reading only, one thread: OpenSlide %1 patches/s, direct reader %2 patches/s (%3 x%4)\n")
                .arg(number("read_openslide_patches_per_s"), 0, 'f', 1)
                .arg(number("read_direct_patches_per_s"), 0, 'f', 1)
                .arg(number("read_direct_ratio"), 0, 'f', 2)
                .arg(r.value(QStringLiteral("read_direct_covers")).toBool() ? QString()
                                                                            : tr("; this level is not read directly: both are OpenSlide"));
    text += tr("Ratio:        %1\n").arg(number("ratio"), 0, 'f', 3);
    if (r.contains(QStringLiteral("python_patches_per_s"))) {
        text += tr("Python:       %1 patches/s (%2 Torch threads)\n")
                    .arg(number("python_patches_per_s"), 0, 'f', 2)
                    .arg(r.value(QStringLiteral("python_torch_threads")).toInt());
        text += tr("vs Python:    %1x\n").arg(number("ratio_vs_python"), 0, 'f', 2);
    }
    return text;
}

}  // namespace slidesight::cli
