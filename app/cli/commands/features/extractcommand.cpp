#include "app/cli/commands/features/extractcommand.h"

#include "app/cli/commandline.h"
#include "app/cli/console.h"
#include "app/cli/extractionoptions.h"
#include "app/cli/interruptguard.h"
#include "app/cli/jsonoutput.h"
#include "app/cli/localpath.h"
#include "app/cli/progressbar.h"

#include "model/bundle/bundle.h"
#include "model/extraction/extraction.h"

#include <QtCore/QFile>

namespace slidesight::cli {

QString ExtractCommand::summary() const {
    return tr("Extract a slide's grid of patch features (ResNet) into a file torch.load reads.");
}

int ExtractCommand::run(const QString& path, const QStringList& arguments) {
    CommandLine cl(path, tr("Detects the tissue, lays a grid of non-overlapping p x p patches at the target µm/px "
                            "over the smallest box holding all tissue, runs every patch through a ResNet up to "
                            "its global average pooling, and writes the grid: features [K, rows, columns], the "
                            "tissue fraction of each cell, the grid's place on the slide and JSON metadata "
                            "(slide identity, weights SHA-256, parameters). Grids are kept in a cache folder "
                            "(SLIDESIGHT_CACHE_DIR, else ~/.cache/slidesight/grids), so extracting the same "
                            "slide with the same settings again returns at once. Ctrl-C cancels and writes "
                            "nothing."));
    ExtractionOptionSet::add(cl, QString());
    cl.addOption(QCommandLineOption(QStringLiteral("model"),
                                    tr("Extract with this bundle's extractor (its weights, architecture, µm/px and patch "
                                       "size, instead of --weights, --arch, --mpp and --patch), as 'analyze' does: the "
                                       "grid is the one 'analyze' and 'evaluate' use and share through the cache."),
                                    QStringLiteral("BUNDLE")));
    cl.addOption(QCommandLineOption(QStringLiteral("out"), tr("Also write the grid to this file."), QStringLiteral("GRID.pt")));
    cl.addOption(QCommandLineOption(QStringLiteral("no-cache"), tr("Neither reuse nor fill the grid cache (needs --out).")));
    cl.addOption(QCommandLineOption(QStringLiteral("cache-dir"), tr("The grid cache folder."), QStringLiteral("DIR")));
    cl.addJsonOption();
    if (const auto stop = cl.exitBeforeRun(arguments)) return *stop;
    std::optional<model::ModelBundle> bundle;
    if (cl.isSet(QStringLiteral("model"))) {
        auto read = model::readBundle(localPath(cl.value(QStringLiteral("model"))));
        if (!read) {
            Console::error(QString::fromStdString(read.error()));
            return ExitFailure;
        }
        if (!read->notice.empty()) Console::notice(read->notice);
        bundle = std::move(*read);
    }
    auto options = ExtractionOptionSet::read(cl, bundle ? &*bundle : nullptr);
    if (!options) return ExitUsageError;
    options->outputPath = QFile::encodeName(cl.value(QStringLiteral("out"))).toStdString();
    options->useCache = !cl.isSet(QStringLiteral("no-cache"));
    options->cacheFolder = QFile::encodeName(cl.value(QStringLiteral("cache-dir"))).toStdString();
    if (!options->useCache && options->outputPath.empty()) {
        cl.usageError(tr("--no-cache needs --out: the grid has to go somewhere."));
        return ExitUsageError;
    }
    const bool json = cl.json();
    const InterruptGuard interrupt;
    model::ExtractionFailure failure = model::ExtractionFailure::None;
    model::ExtractionSummary summary;
    {
        ProgressBar progress(tr("Extracting features"));
        const auto result = model::extractGrid(
            *options, [&progress](int64_t done, int64_t total) { progress.update(double(done) / double(total)); },
            interrupt.flag(), &failure);
        if (!result) {
            if (failure == model::ExtractionFailure::Cancelled || interrupt.interrupted()) {
                Console::error(tr("Interrupted: the extraction was cancelled and no grid was written."));
                return ExitInterrupted;
            }
            Console::error(ExtractionOptionSet::failureMessage(result.error(), failure));
            return ExitFailure;
        }
        summary = *result;
        progress.finish();
    }
    if (!summary.cacheNotice.empty())
        Console::notice(summary.cacheNotice);
    if (json)
        JsonOutput::print(toJson(summary));
    else
        Console::out(toText(summary));
    return ExitSuccess;
}

QJsonObject ExtractCommand::toJson(const model::ExtractionSummary& s) {
    QJsonObject o;
    o[QStringLiteral("grid")] = fromLocal(s.gridPath);
    o[QStringLiteral("cache")] = s.cachePath.empty() ? QJsonValue() : QJsonValue(fromLocal(s.cachePath));
    o[QStringLiteral("from_cache")] = s.fromCache;
    o[QStringLiteral("cache_notice")] = s.cacheNotice.empty() ? QJsonValue() : JsonOutput::string(s.cacheNotice);
    o[QStringLiteral("rows")] = s.rows;
    o[QStringLiteral("columns")] = s.columns;
    o[QStringLiteral("feature_count")] = static_cast<qint64>(s.featureCount);
    o[QStringLiteral("cells_extracted")] = static_cast<qint64>(s.cellsExtracted);
    o[QStringLiteral("cells_skipped")] = static_cast<qint64>(s.cellsSkipped);
    o[QStringLiteral("tissue_fraction")] = JsonOutput::rounded(s.tissueFraction, 4);
    o[QStringLiteral("extractor")] = JsonOutput::string(s.extractor);
    o[QStringLiteral("trained")] = s.trained;
    o[QStringLiteral("label")] = s.trained ? QStringLiteral("trained") : QStringLiteral("untrained");
    o[QStringLiteral("weights_sha256")] = s.weightsSha256.empty() ? QJsonValue() : JsonOutput::string(s.weightsSha256);
    o[QStringLiteral("slide_mpp")] = s.slideMpp;
    o[QStringLiteral("slide_mpp_assumed")] = s.slideMppAssumed;
    o[QStringLiteral("device")] = JsonOutput::string(s.device);
    o[QStringLiteral("batch")] = s.batchSize;
    o[QStringLiteral("reader_threads")] = s.readerThreads;
    o[QStringLiteral("torch_threads")] = s.torchThreads;
    o[QStringLiteral("seconds")] = JsonOutput::rounded(s.seconds, 3);
    o[QStringLiteral("extraction_seconds")] = JsonOutput::rounded(s.extractionSeconds, 3);
    o[QStringLiteral("patches_per_s")] = JsonOutput::rounded(s.patchesPerSecond, 2);
    return o;
}

QString ExtractCommand::toText(const model::ExtractionSummary& s) {
    QString text;
    if (!s.trained) text += ExtractionOptionSet::untrainedLabel(QString::fromStdString(s.extractor)) + QLatin1Char('\n');
    text += tr("Grid: %1 rows x %2 columns, %3 features per cell, mean tissue fraction %4\n")
                .arg(s.rows)
                .arg(s.columns)
                .arg(s.featureCount)
                .arg(s.tissueFraction, 0, 'f', 3);
    text += tr("Extractor: %1%2\n")
                .arg(QString::fromStdString(s.extractor),
                     s.weightsSha256.empty() ? QString() : tr(", weights SHA-256 %1").arg(QString::fromStdString(s.weightsSha256)));
    text += tr("Slide: %1 µm/px%2\n").arg(s.slideMpp, 0, 'g', 6).arg(s.slideMppAssumed ? tr(" (assumed)") : QString());
    if (s.fromCache)
        text += tr("Reused the cached grid (nothing was extracted).\n");
    else
        text += tr("Extracted %1 cells (%2 skipped) in %3 s: %4 patches/s on %5, batch %6, %7 Torch threads, %8 readers\n")
                    .arg(s.cellsExtracted)
                    .arg(s.cellsSkipped)
                    .arg(s.extractionSeconds, 0, 'f', 2)
                    .arg(s.patchesPerSecond, 0, 'f', 2)
                    .arg(QString::fromStdString(s.device))
                    .arg(s.batchSize)
                    .arg(s.torchThreads)
                    .arg(s.readerThreads);
    text += tr("Grid file: %1\n").arg(fromLocal(s.gridPath));
    return text;
}

}  // namespace slidesight::cli
