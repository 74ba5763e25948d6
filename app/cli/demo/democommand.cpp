#include "app/cli/demo/democommand.h"

#include "app/cli/commandgroup.h"
#include "app/cli/commandline.h"
#include "app/cli/console.h"
#include "app/cli/demo/demobuilder.h"
#include "app/cli/demo/demosources.h"
#include "app/cli/interruptguard.h"
#include "app/cli/jsonoutput.h"
#include "app/cli/progressbar.h"
#include "app/demo/demoindex.h"

#include <QtCore/QDir>
#include <QtCore/QFile>

namespace slidesight::cli {

std::unique_ptr<Command> makeDemoCommand() {
    auto group = std::make_unique<CommandGroup>(
        QStringLiteral("demo"), QCoreApplication::translate("DemoBuildCommand", "The offline teaching demo (demo build)."),
        QCoreApplication::translate("DemoBuildCommand", "A demo with exact ground truth, trained here on mosaics of real tissue."));
    group->add(std::make_unique<DemoBuildCommand>());
    return group;
}

QString DemoBuildCommand::summary() const {
    return tr("Build the demo: mosaics of real tissue, a trained classifier and LRAN, a held-out report.");
}

int DemoBuildCommand::run(const QString& path, const QStringList& arguments) {
    CommandLine cl(path, tr("Builds mosaic slides from pieces of two real slides of the test data (negative tissue "
                            "from cmu-1-small-region.svs; in positive mosaics a region of tcga-cr-7395 tissue, written "
                            "as ASAP XML), extracts their features with a seeded ResNet-34 (untrained, and labelled "
                            "so), trains the attention classifier on the training mosaics and an LRAN on patches of "
                            "both tissues, and measures them on held-out mosaics: slide AUC and the agreement of the "
                            "max-attention and Grad-CAM maps with the region (cell AUC). `slidesight --demo` opens "
                            "the result. DIR defaults to %1.").arg(DemoIndex::defaultFolder()));
    cl.addPositional(QStringLiteral("DIR"), tr("Where to build the demo."), QStringLiteral("[DIR]"));
    cl.setPositionalCount(0, 1);
    cl.addOption(QCommandLineOption(QStringLiteral("data"),
                                    tr("A folder holding the two source slides as slides/cmu-1-small-region.svs and "
                                       "slides/tcga-cr-7395-01a-01-ts1.svs (default: $SLIDESIGHT_TEST_DATA when it holds "
                                       "them, else the slides are fetched once from their public homes into %1, each "
                                       "checked against its SHA-256).")
                                        .arg(DemoSources::cacheFolder()),
                                    QStringLiteral("DIR")));
    cl.addOption(QCommandLineOption(QStringLiteral("sources-url"),
                                    tr("Fetch the source slides from this mirror (URL/FILE-NAME) instead of their homes."),
                                    QStringLiteral("URL")));
    cl.addOption(QCommandLineOption(QStringLiteral("train"), tr("Training mosaics (half positive)."), QStringLiteral("N"),
                                    QStringLiteral("24")));
    cl.addOption(QCommandLineOption(QStringLiteral("test"), tr("Held-out mosaics (half positive)."), QStringLiteral("N"),
                                    QStringLiteral("16")));
    cl.addOption(QCommandLineOption(QStringLiteral("cells"), tr("Mosaic size in analysis cells, COLUMNSxROWS."),
                                    QStringLiteral("CxR"), QStringLiteral("10x8")));
    cl.addOption(QCommandLineOption(QStringLiteral("epochs"), tr("Classifier epochs."), QStringLiteral("N"), QStringLiteral("100")));
    cl.addOption(QCommandLineOption(QStringLiteral("folds"), tr("Cross-validation folds."), QStringLiteral("N"), QStringLiteral("4")));
    cl.addOption(QCommandLineOption(QStringLiteral("inits"), tr("Random initialisations per fold."), QStringLiteral("N"),
                                    QStringLiteral("2")));
    cl.addOption(QCommandLineOption(QStringLiteral("lran-epochs"), tr("LRAN epochs."), QStringLiteral("N"), QStringLiteral("6")));
    cl.addOption(QCommandLineOption(QStringLiteral("lran-patches"), tr("LRAN patches per class."), QStringLiteral("N"),
                                    QStringLiteral("40")));
    cl.addOption(QCommandLineOption(QStringLiteral("weights"), tr("Extractor weights: a ResNet-34 .pth, or random:SEED."),
                                    QStringLiteral("W"), QStringLiteral("random:7")));
    cl.addOption(QCommandLineOption(QStringLiteral("seed"), tr("Seed of the mosaics, folds and initialisations."),
                                    QStringLiteral("N"), QStringLiteral("2026")));
    cl.addThreadsOption();
    cl.addJsonOption();
    if (const auto stop = cl.exitBeforeRun(arguments)) return *stop;
    DemoOptions o;
    o.folder = cl.positional().isEmpty() ? DemoIndex::defaultFolder() : cl.positional().constFirst();
    o.dataFolder = cl.value(QStringLiteral("data"));
    const QStringList cells = cl.value(QStringLiteral("cells")).split(QLatin1Char('x'));
    bool okC = false, okR = false;
    if (cells.size() == 2) {
        o.columns = cells[0].toInt(&okC);
        o.rows = cells[1].toInt(&okR);
    }
    if (!okC || !okR || o.columns < 4 || o.rows < 4 || o.columns > 64 || o.rows > 64) {
        cl.usageError(tr("--cells must look like 10x8, each from 4 to 64."));
        return ExitUsageError;
    }
    const auto train = cl.intValue(QStringLiteral("train"), 4, 1000);
    const auto test = train ? cl.intValue(QStringLiteral("test"), 2, 1000) : std::nullopt;
    const auto epochs = test ? cl.intValue(QStringLiteral("epochs"), 1, 1000) : std::nullopt;
    const auto folds = epochs ? cl.intValue(QStringLiteral("folds"), 2, 20) : std::nullopt;
    const auto inits = folds ? cl.intValue(QStringLiteral("inits"), 1, 20) : std::nullopt;
    const auto lranEpochs = inits ? cl.intValue(QStringLiteral("lran-epochs"), 1, 1000) : std::nullopt;
    const auto lranPatches = lranEpochs ? cl.intValue(QStringLiteral("lran-patches"), 4, 100000) : std::nullopt;
    const auto seed = lranPatches ? cl.intValue(QStringLiteral("seed"), 0, std::numeric_limits<qint64>::max()) : std::nullopt;
    const auto threads = seed ? cl.threads() : std::nullopt;
    if (!threads) return ExitUsageError;
    if (*folds > *train / 2) {
        cl.usageError(tr("--folds must be at most half the training mosaics, so that each fold holds both classes."));
        return ExitUsageError;
    }
    o.trainSlides = int(*train);
    o.testSlides = int(*test);
    o.epochs = int(*epochs);
    o.folds = int(*folds);
    o.inits = int(*inits);
    o.lranEpochs = int(*lranEpochs);
    o.lranPatchesPerClass = int(*lranPatches);
    o.seed = quint64(*seed);
    o.threads = int(*threads);
    o.extractorWeights = cl.value(QStringLiteral("weights"));

    InterruptGuard interrupt;
    if (o.dataFolder.isEmpty()) {
        // The test data when it holds the slides; else the copies fetched once into the cache.
        const QString testData = qEnvironmentVariable("SLIDESIGHT_TEST_DATA");
        if (DemoSources::holdsBoth(testData)) {
            o.dataFolder = testData;
        } else {
            ProgressBar download(tr("Fetching the demo's source slides"));
            const auto fetched = DemoSources::fetchIntoCache(
                cl.value(QStringLiteral("sources-url")), interrupt.flag(),
                [&download](const QString& file, qint64 received, qint64 total) {
                    download.setLabel(file);
                    if (total > 0) download.update(double(received) / double(total));
                });
            if (!fetched) {
                if (interrupt.interrupted()) {
                    Console::error(tr("Interrupted: the slides fetched so far are kept; run the command again to go on."));
                    return ExitInterrupted;
                }
                Console::error(QString::fromStdString(fetched.error()));
                return ExitFailure;
            }
            download.finish();
            o.dataFolder = *fetched;
        }
    }
    ProgressBar bar(tr("Demo"));
    const auto report = DemoBuilder::build(
        o,
        [&bar](const QString& stage, double fraction) {
            bar.setLabel(stage);
            bar.update(fraction);
        },
        interrupt.flag());
    if (!report) {
        if (interrupt.interrupted()) {
            Console::error(tr("Interrupted: the demo was not finished; run the command again to rebuild it."));
            return ExitInterrupted;
        }
        Console::error(QString::fromStdString(report.error()));
        return ExitFailure;
    }
    bar.finish();
    if (cl.json()) {
        QJsonObject json = report->json;
        json[QStringLiteral("index")] = QDir::toNativeSeparators(report->indexPath);
        JsonOutput::print(json);
        return ExitSuccess;
    }
    Console::out(report->markdown);
    Console::outLine();
    Console::outLine(tr("Open it with: slidesight --demo %1").arg(QDir::toNativeSeparators(QDir(o.folder).absolutePath())));
    return ExitSuccess;
}

}  // namespace slidesight::cli
