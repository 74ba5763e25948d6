#include "app/cli/commands/agreement/coveragecommand.h"

#include "app/cli/commandline.h"
#include "app/cli/console.h"
#include "app/cli/jsonoutput.h"
#include "app/cli/maprequest.h"

#include "viewer/coverage/coveragefile.h"
#include "viewer/coverage/reviewregions.h"

#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonObject>
#include <QtCore/QRectF>

#include <optional>

namespace slidesight::cli {

QString CoverageCommand::summary() const {
    return tr("Report how much of a slide a reader saw and how many of the model's top regions they reviewed.");
}

namespace {

QJsonObject toJson(const QString& sidecar, const ReviewCoverage& coverage, const MapRequest& map,
                   const ReviewOptions& options, const ReviewReport& report) {
    QJsonArray regions;
    for (const ReviewRegion& r : report.regions)
        regions.append(QJsonObject{{QStringLiteral("rank"), r.rank},
                                   {QStringLiteral("score"), JsonOutput::rounded(r.score, 6)},
                                   {QStringLiteral("peak_x"), r.peak.x()},
                                   {QStringLiteral("peak_y"), r.peak.y()},
                                   {QStringLiteral("x"), r.bounds.x()},
                                   {QStringLiteral("y"), r.bounds.y()},
                                   {QStringLiteral("width"), r.bounds.width()},
                                   {QStringLiteral("height"), r.bounds.height()},
                                   {QStringLiteral("cells"), r.cells},
                                   {QStringLiteral("seen_cells"), r.seenCells},
                                   {QStringLiteral("reviewed"), r.reviewed}});
    return QJsonObject{
        {QStringLiteral("coverage"), QJsonObject{{QStringLiteral("file"), sidecar},
                                                 {QStringLiteral("slide"), CoverageFile::slideNameIn(sidecar)},
                                                 {QStringLiteral("rows"), coverage.rows()},
                                                 {QStringLiteral("columns"), coverage.columns()},
                                                 {QStringLiteral("cell_size"), coverage.cellSize()},
                                                 {QStringLiteral("recorded_seconds"), JsonOutput::rounded(coverage.recordedSeconds(), 3)}}},
        {QStringLiteral("map"), QJsonObject{{QStringLiteral("file"), map.file},
                                            {QStringLiteral("id"), map.id},
                                            {QStringLiteral("channel"), map.channel.toString()}}},
        {QStringLiteral("min_magnification"), options.minMagnification},
        {QStringLiteral("min_seconds"), options.minSeconds},
        {QStringLiteral("fraction_seen"), JsonOutput::rounded(report.fractionSeen, 6)},
        {QStringLiteral("top_fraction"), options.topFraction},
        {QStringLiteral("top_cells"), report.topCells},
        {QStringLiteral("cut"), JsonOutput::rounded(report.cut, 6)},
        {QStringLiteral("top_k"), options.topK},
        {QStringLiteral("regions_found"), static_cast<int>(report.regions.size())},
        {QStringLiteral("reviewed"), report.reviewed},
        {QStringLiteral("regions"), regions},
    };
}

QString toText(const QString& sidecar, const ReviewCoverage& coverage, const MapRequest& map, const ReviewOptions& options,
               const ReviewReport& report) {
    const QChar nl = QLatin1Char('\n');
    QString text = CoverageCommand::tr("Coverage: %1 (%2 x %3 cells of %4 px, %5 s recorded)")
                       .arg(QDir::toNativeSeparators(sidecar))
                       .arg(coverage.rows())
                       .arg(coverage.columns())
                       .arg(coverage.cellSize())
                       .arg(coverage.recordedSeconds(), 0, 'f', 1) +
                   nl;
    text += CoverageCommand::tr("Seen at %1× or more for at least %2 s: %3 % of the slide")
                .arg(options.minMagnification)
                .arg(options.minSeconds)
                .arg(report.fractionSeen * 100.0, 0, 'f', 1) +
            nl;
    text += CoverageCommand::tr("Map: %1 (channel %2) from %3; top %4 % of its cells: %5 cells at or above %6")
                .arg(map.id, map.channel.toString(), QDir::toNativeSeparators(map.file))
                .arg(options.topFraction * 100.0)
                .arg(report.topCells)
                .arg(report.cut, 0, 'g', 4) +
            nl;
    const int k = static_cast<int>(report.regions.size());
    text += (k == 1 ? CoverageCommand::tr("%1 of the model's top region reviewed").arg(report.reviewed)
                    : CoverageCommand::tr("%1 of the model's top %2 regions reviewed").arg(report.reviewed).arg(k)) +
            nl;
    for (const ReviewRegion& r : report.regions)
        text += CoverageCommand::tr("  #%1 value %2 at (%3, %4): %5 of %6 cells seen, %7")
                    .arg(r.rank)
                    .arg(r.score, 0, 'g', 4)
                    .arg(r.peak.x(), 0, 'f', 0)
                    .arg(r.peak.y(), 0, 'f', 0)
                    .arg(r.seenCells)
                    .arg(r.cells)
                    .arg(r.reviewed ? CoverageCommand::tr("reviewed") : CoverageCommand::tr("not reviewed")) +
                nl;
    return text;
}

}  // namespace

int CoverageCommand::run(const QString& path, const QStringList& arguments) {
    const ReviewOptions defaults;
    CommandLine cl(path, tr("Reads the review coverage the viewer keeps beside a slide's annotations "
                            "(SLIDE.slidesight-coverage.json) and a map of a result file (written by analyze or "
                            "classify), and reports the fraction of the slide seen at a magnification and which of the "
                            "model's top regions were reviewed: the map's highest cells (--top-fraction), 8-connected "
                            "into regions ranked by their highest value; a region is reviewed when half of its cells "
                            "were seen. KEY names the map as for compare (default attention-max, channel mean)."));
    cl.addPositional(QStringLiteral("sidecar"), tr("The coverage file."), QStringLiteral("SIDECAR"));
    cl.addOption(QCommandLineOption(QStringLiteral("map"), tr("The result file and optionally the map: RESULT.pt[:KEY]."),
                                    QStringLiteral("RESULT.pt[:KEY]")));
    cl.addOption(QCommandLineOption(QStringLiteral("magnification"),
                                    tr("Seen means seen at this magnification or more (default %1).").arg(defaults.minMagnification),
                                    QStringLiteral("X")));
    cl.addOption(QCommandLineOption(QStringLiteral("dwell"),
                                    tr("…for at least this many seconds (default %1).").arg(defaults.minSeconds),
                                    QStringLiteral("S")));
    cl.addOption(QCommandLineOption(QStringLiteral("top-k"), tr("Regions ranked (default %1).").arg(defaults.topK),
                                    QStringLiteral("N")));
    cl.addOption(QCommandLineOption(QStringLiteral("top-fraction"),
                                    tr("The fraction of the map's cells that make up the regions (default %1).")
                                        .arg(defaults.topFraction),
                                    QStringLiteral("F")));
    cl.addJsonOption();
    if (const auto stop = cl.exitBeforeRun(arguments)) return *stop;
    if (!cl.isSet(QStringLiteral("map"))) {
        cl.usageError(tr("--map is needed."));
        return ExitUsageError;
    }
    ReviewOptions options;
    if (cl.isSet(QStringLiteral("magnification"))) {
        const auto m = cl.positiveValue(QStringLiteral("magnification"));
        if (!m) return ExitUsageError;
        options.minMagnification = *m;
    }
    if (cl.isSet(QStringLiteral("dwell"))) {
        const auto s = cl.positiveValue(QStringLiteral("dwell"));
        if (!s) return ExitUsageError;
        options.minSeconds = *s;
    }
    if (cl.isSet(QStringLiteral("top-k"))) {
        const auto k = cl.intValue(QStringLiteral("top-k"), 1, 10000);
        if (!k) return ExitUsageError;
        options.topK = static_cast<int>(*k);
    }
    if (cl.isSet(QStringLiteral("top-fraction"))) {
        const auto f = cl.positiveValue(QStringLiteral("top-fraction"));
        if (!f) return ExitUsageError;
        if (*f > 1.0) {
            cl.usageError(tr("--top-fraction must be above 0 and at most 1."));
            return ExitUsageError;
        }
        options.topFraction = *f;
    }

    const QString sidecar = cl.positional().first();
    const auto coverage = CoverageFile::read(sidecar);
    if (!coverage) {
        Console::error(QString::fromStdString(coverage.error()));
        return ExitFailure;
    }
    const auto loaded = LoadedMap::load(cl.value(QStringLiteral("map")));
    if (!loaded) {
        Console::error(QString::fromStdString(loaded.error()));
        return ExitFailure;
    }
    const GridData data = loaded->grid();
    // A map of another slide: its grid reaches past the recorded slide by more than a cell.
    const QSizeF cell = data.geometry().cellSize;
    const QRectF slide = QRectF(QPointF(0, 0), coverage->slideSize()).adjusted(-cell.width(), -cell.height(), cell.width(), cell.height());
    if (!slide.contains(data.geometry().bounds())) {
        Console::error(tr("The map does not lie on the slide of this coverage record (%1 x %2 px): is it a map of another slide?")
                           .arg(coverage->slideSize().width(), 0, 'f', 0)
                           .arg(coverage->slideSize().height(), 0, 'f', 0));
        return ExitFailure;
    }
    const ReviewReport report = reviewReport(data.geometry(), data.plane(loaded->request.channel), *coverage, options);
    if (cl.json())
        JsonOutput::print(toJson(sidecar, *coverage, loaded->request, options, report));
    else
        Console::out(toText(sidecar, *coverage, loaded->request, options, report));
    return ExitSuccess;
}

}  // namespace slidesight::cli
