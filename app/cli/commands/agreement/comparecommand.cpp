#include "app/cli/commands/agreement/comparecommand.h"

#include "app/cli/commandline.h"
#include "app/cli/console.h"
#include "app/cli/jsonoutput.h"
#include "app/cli/maprequest.h"

#include "model/analysis/layerids.h"
#include "model/analysis/resultmaps.h"
#include "model/evaluation/agreement.h"
#include "viewer/annotations/annotationio.h"
#include "viewer/annotations/rasterise.h"
#include "viewer/layers/griddata.h"
#include "viewer/common/qstringfailure.h"

#include <QtCore/QDir>
#include <QtCore/QFileInfo>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonObject>

#include <cmath>
#include <optional>

namespace slidesight::cli {

namespace {

QString figureText(double value) {
    return std::isfinite(value) ? QString::number(value, 'f', 4) : QCoreApplication::translate("CompareCommand", "undefined");
}

QJsonValue jsonNumber(double value) {
    return std::isfinite(value) ? JsonOutput::rounded(value, 6) : QJsonValue(QJsonValue::Null);
}

}  // namespace

QString CompareCommand::summary() const {
    return tr("Measure how well a result file's map agrees with annotated regions (AUC, Dice, IoU, pointing game, FROC).");
}

namespace {

/// The annotations the truth comes from: a group's, or all of them.
Expected<std::vector<const Annotation*>> selectAnnotations(const AnnotationSet& set, const QString& group) {
    std::vector<const Annotation*> chosen;
    if (!group.isNull() && !set.group(group)) {
        QStringList names;
        for (const AnnotationGroup& g : set.groups()) names << g.name;
        const QString error = names.isEmpty()
                                  ? CompareCommand::tr("The annotation file has no group '%1'; it has no groups at all.").arg(group)
                                  : CompareCommand::tr("The annotation file has no group '%1'; its groups are: %2.")
                                        .arg(group, names.join(QStringLiteral(", ")));
        return failure(error);
    }
    for (const Annotation& a : set.annotations())
        if (group.isNull() || a.group == group) chosen.push_back(&a);
    return chosen;
}

QJsonObject toJson(const MapRequest& map, const model::ResultMaps& maps, const QString& annotations, const QString& group,
                   int annotationCount, const model::Agreement& agreement, const model::AgreementAtThreshold& at) {
    const model::AgreementReport& r = agreement.report();
    QJsonObject sensitivity;
    for (size_t i = 0; i < r.kFrocRates.size(); ++i)
        sensitivity[QString::number(r.kFrocRates[i])] = jsonNumber(r.frocSensitivity[i]);
    QJsonObject pointing{{QStringLiteral("defined"), r.pointingDefined}};
    pointing[QStringLiteral("hit")] = r.pointingDefined ? QJsonValue(r.pointingHit) : QJsonValue(QJsonValue::Null);
    if (r.validCells > 0) {
        pointing[QStringLiteral("row")] = r.pointingCell.row;
        pointing[QStringLiteral("column")] = r.pointingCell.column;
        pointing[QStringLiteral("value")] = jsonNumber(r.pointingCell.value);
        pointing[QStringLiteral("fraction")] = jsonNumber(r.pointingCell.truth);
    }
    QJsonObject root{
        {QStringLiteral("map"), QJsonObject{{QStringLiteral("file"), map.file},
                                            {QStringLiteral("id"), map.id},
                                            {QStringLiteral("channel"), map.channel.toString()}}},
        {QStringLiteral("annotations"), QJsonObject{{QStringLiteral("file"), annotations},
                                                    {QStringLiteral("group"), group.isNull() ? QJsonValue(QJsonValue::Null) : QJsonValue(group)},
                                                    {QStringLiteral("count"), annotationCount}}},
        {QStringLiteral("grid"), QJsonObject{{QStringLiteral("rows"), maps.rows},
                                             {QStringLiteral("columns"), maps.columns},
                                             {QStringLiteral("origin_x"), maps.originX},
                                             {QStringLiteral("origin_y"), maps.originY},
                                             {QStringLiteral("cell_width"), maps.cellWidth},
                                             {QStringLiteral("cell_height"), maps.cellHeight}}},
        {QStringLiteral("truth_fraction"), agreement.options().truthFraction},
        {QStringLiteral("valid_cells"), r.validCells},
        {QStringLiteral("truth_cells"), r.truthCells},
        {QStringLiteral("truth_cells_without_value"), r.truthCellsWithoutValue},
        {QStringLiteral("auc"), jsonNumber(r.auc)},
        {QStringLiteral("threshold"), jsonNumber(at.threshold)},
        {QStringLiteral("dice"), jsonNumber(at.dice)},
        {QStringLiteral("iou"), jsonNumber(at.iou)},
        {QStringLiteral("true_positives"), static_cast<qint64>(at.truePositives)},
        {QStringLiteral("false_positives"), static_cast<qint64>(at.falsePositives)},
        {QStringLiteral("false_negatives"), static_cast<qint64>(at.falseNegatives)},
        {QStringLiteral("true_negatives"), static_cast<qint64>(at.trueNegatives)},
        {QStringLiteral("pointing_game"), pointing},
        {QStringLiteral("froc"), QJsonObject{{QStringLiteral("lesions"), r.lesions},
                                             {QStringLiteral("detections"), r.detections},
                                             {QStringLiteral("sensitivity"), sensitivity},
                                             {QStringLiteral("score"), jsonNumber(r.frocScore)}}},
    };
    root[QStringLiteral("problem")] = r.problem.empty() ? QJsonValue(QJsonValue::Null) : JsonOutput::string(r.problem);
    return root;
}

QString toText(const MapRequest& map, const QString& annotations, const QString& group, int annotationCount,
               const model::ResultMaps& maps, const model::Agreement& agreement, const model::AgreementAtThreshold& at) {
    const model::AgreementReport& r = agreement.report();
    const QChar nl = QLatin1Char('\n');
    QString text = CompareCommand::tr("Map: %1 (channel %2) from %3").arg(map.id, map.channel.toString(), QDir::toNativeSeparators(map.file)) + nl;
    text += CompareCommand::tr("Annotations: %1 from %2 (%3)")
                .arg(group.isNull() ? CompareCommand::tr("all") : group, QDir::toNativeSeparators(annotations))
                .arg(annotationCount) + nl;
    text += CompareCommand::tr("Grid: %1 x %2 cells of %3 x %4 level-0 px")
                .arg(maps.rows).arg(maps.columns).arg(maps.cellWidth).arg(maps.cellHeight) + nl;
    text += CompareCommand::tr("Truth cells (at least %1% annotated): %2 of %3 cells with a value")
                .arg(agreement.options().truthFraction * 100.0).arg(r.truthCells).arg(r.validCells) + nl;
    text += CompareCommand::tr("Cell AUC: %1").arg(figureText(r.auc)) + nl;
    text += CompareCommand::tr("At threshold %1: Dice %2, IoU %3 (TP %4, FP %5, FN %6, TN %7)")
                .arg(figureText(at.threshold), figureText(at.dice), figureText(at.iou))
                .arg(at.truePositives).arg(at.falsePositives).arg(at.falseNegatives).arg(at.trueNegatives) + nl;
    if (r.pointingDefined)
        text += CompareCommand::tr("Pointing game: %1 (highest cell: row %2, column %3)")
                    .arg(r.pointingHit ? CompareCommand::tr("hit") : CompareCommand::tr("miss")).arg(r.pointingCell.row).arg(r.pointingCell.column) + nl;
    else
        text += CompareCommand::tr("Pointing game: undefined") + nl;
    text += CompareCommand::tr("FROC (%1 lesions, %2 detections):").arg(r.lesions).arg(r.detections) + nl;
    for (size_t i = 0; i < r.kFrocRates.size(); ++i)
        text += CompareCommand::tr("  sensitivity at %1 FP: %2").arg(r.kFrocRates[i]).arg(figureText(r.frocSensitivity[i])) + nl;
    text += CompareCommand::tr("  FROC score: %1").arg(figureText(r.frocScore)) + nl;
    if (!r.problem.empty()) text += CompareCommand::tr("Note: %1").arg(QString::fromStdString(r.problem)) + nl;
    return text;
}

}  // namespace

int CompareCommand::run(const QString& path, const QStringList& arguments) {
    CommandLine cl(path, tr("Rasterises annotated regions at the grid of a map in a result file (written by analyze "
                            "or classify) and measures their agreement: cell AUC, Dice and IoU at a threshold, the "
                            "pointing game (is the highest cell annotated) and the Camelyon16 FROC (sensitivity at "
                            "1/4, 1/2, 1, 2, 4 and 8 false positives, detections at the map's local maxima; on one "
                            "slide 1/4 and 1/2 mean no false positive). KEY names the map: attention-max (default), "
                            "attention-min, attention-avg, gradcam or tissue, optionally with a channel, e.g. "
                            "attention-max:7; multi-channel maps use the channel mean by default."));
    cl.setPositionalCount(0, 0);
    cl.addOption(QCommandLineOption(QStringLiteral("map"), tr("The result file and optionally the map: RESULT.pt[:KEY]."),
                                    QStringLiteral("RESULT.pt[:KEY]")));
    cl.addOption(QCommandLineOption(QStringLiteral("annotations"), tr("The annotation file (ASAP XML or QuPath GeoJSON)."),
                                    QStringLiteral("FILE")));
    cl.addOption(QCommandLineOption(QStringLiteral("group"), tr("Only this group's annotations (default: all)."),
                                    QStringLiteral("NAME")));
    cl.addOption(QCommandLineOption(QStringLiteral("threshold"),
                                    tr("Cells with a value at or above T are positive (default: halfway between the "
                                       "map's smallest and largest value)."),
                                    QStringLiteral("T")));
    cl.addOption(QCommandLineOption(QStringLiteral("truth-fraction"),
                                    tr("A cell is truth when at least this fraction of it is annotated (default 0.5)."),
                                    QStringLiteral("F")));
    cl.addJsonOption();
    if (const auto stop = cl.exitBeforeRun(arguments)) return *stop;
    if (!cl.isSet(QStringLiteral("map")) || !cl.isSet(QStringLiteral("annotations"))) {
        cl.usageError(tr("Both --map and --annotations are needed."));
        return ExitUsageError;
    }
    std::optional<double> threshold;
    if (cl.isSet(QStringLiteral("threshold"))) {
        bool ok = false;
        threshold = cl.value(QStringLiteral("threshold")).toDouble(&ok);
        if (!ok || !std::isfinite(*threshold)) {
            cl.usageError(tr("--threshold needs a number, not '%1'.").arg(cl.value(QStringLiteral("threshold"))));
            return ExitUsageError;
        }
    }
    model::AgreementOptions options;
    if (cl.isSet(QStringLiteral("truth-fraction"))) {
        bool ok = false;
        options.truthFraction = cl.value(QStringLiteral("truth-fraction")).toDouble(&ok);
        if (!ok || !(options.truthFraction > 0.0 && options.truthFraction <= 1.0)) {
            cl.usageError(tr("--truth-fraction needs a number above 0 and at most 1, not '%1'.")
                              .arg(cl.value(QStringLiteral("truth-fraction"))));
            return ExitUsageError;
        }
    }

    const auto loaded = LoadedMap::load(cl.value(QStringLiteral("map")));
    if (!loaded) {
        Console::error(QString::fromStdString(loaded.error()));
        return ExitFailure;
    }
    const MapRequest& request = loaded->request;
    const model::ResultMaps& maps = loaded->maps;
    const QString annotationFile = cl.value(QStringLiteral("annotations"));
    const auto set = AnnotationIO::read(annotationFile);
    if (!set) {
        Console::error(AnnotationIO::errorOf(set));
        return ExitFailure;
    }
    const QString group = cl.isSet(QStringLiteral("group")) ? cl.value(QStringLiteral("group")) : QString();
    const auto chosen = selectAnnotations(*set, group);
    if (!chosen) {
        Console::error(QString::fromStdString(chosen.error()));
        return ExitFailure;
    }

    const GridData data = loaded->grid();
    const GridGeometry& geometry = data.geometry();
    const RasterGrid raster{geometry.origin, geometry.cellSize, geometry.rows, geometry.columns};
    const model::Agreement agreement(maps.rows, maps.columns, data.plane(request.channel),
                                     AnnotationRasteriser::coverage(*chosen, raster), maps.valid, options);
    const double t = threshold.value_or((agreement.minimum() + agreement.maximum()) / 2.0);
    const model::AgreementAtThreshold at = agreement.at(t);
    const int count = static_cast<int>(chosen->size());
    if (cl.json())
        JsonOutput::print(toJson(request, maps, annotationFile, group, count, agreement, at));
    else
        Console::out(toText(request, annotationFile, group, count, maps, agreement, at));
    return ExitSuccess;
}

}  // namespace slidesight::cli
