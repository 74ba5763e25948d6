#include "viewer/coverage/coveragefile.h"

#include "viewer/common/qstringfailure.h"

#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QFileInfo>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QSaveFile>

#include <cmath>
#include <unordered_set>

namespace slidesight {

namespace {

const QString kFormat = QStringLiteral("slidesight-coverage");
constexpr int kVersion = 1;
constexpr double kMaxSeconds = 1e8;  // about three years in view

double rounded(double seconds) { return std::round(seconds * 1000.0) / 1000.0; }

}  // namespace

QString CoverageFile::besideAnnotations(const QString& annotationSidecarPath) {
    const QString annotationsSuffix = QStringLiteral(".slidesight-annotations.geojson");
    QString base = annotationSidecarPath;
    if (base.endsWith(annotationsSuffix)) base.chop(annotationsSuffix.size());
    return base + QLatin1String(kSuffix);
}

QByteArray CoverageFile::serialise(const ReviewCoverage& coverage, const QString& slideName) {
    QJsonArray edges;
    for (double e : ReviewCoverage::kBandEdges) edges.append(e);
    QJsonArray cells;
    for (int r = 0; r < coverage.rows(); ++r)
        for (int c = 0; c < coverage.columns(); ++c) {
            QJsonArray cell{r, c};
            bool any = false;
            for (int b = 0; b < ReviewCoverage::kBands; ++b) {
                const double s = coverage.secondsIn(r, c, b);
                any = any || s > 0.0;
                cell.append(rounded(s));
            }
            if (any) cells.append(cell);
        }
    const QJsonObject root{{QStringLiteral("format"), kFormat},
                           {QStringLiteral("version"), kVersion},
                           {QStringLiteral("slide"), slideName},
                           {QStringLiteral("slide_width"), coverage.slideSize().width()},
                           {QStringLiteral("slide_height"), coverage.slideSize().height()},
                           {QStringLiteral("cell_size"), coverage.cellSize()},
                           {QStringLiteral("rows"), coverage.rows()},
                           {QStringLiteral("columns"), coverage.columns()},
                           {QStringLiteral("band_edges"), edges},
                           {QStringLiteral("recorded_seconds"), rounded(coverage.recordedSeconds())},
                           {QStringLiteral("cells"), cells}};
    return QJsonDocument(root).toJson(QJsonDocument::Compact);
}

Expected<ReviewCoverage> CoverageFile::parse(const QByteArray& bytes) {
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return failure(tr("it is not a JSON object (%1)").arg(error.errorString()));
    const QJsonObject root = document.object();
    if (root.value(QStringLiteral("format")).toString() != kFormat)
        return failure(tr("it is not a SlideSight coverage file"));
    if (root.value(QStringLiteral("version")).toInt(-1) != kVersion)
        return failure(tr("it has version %1; this SlideSight reads version %2")
                           .arg(root.value(QStringLiteral("version")).toVariant().toString())
                           .arg(kVersion));
    const double width = root.value(QStringLiteral("slide_width")).toDouble(-1.0);
    const double height = root.value(QStringLiteral("slide_height")).toDouble(-1.0);
    const double cellSize = root.value(QStringLiteral("cell_size")).toDouble(-1.0);
    if (!(width > 0.0 && height > 0.0 && cellSize >= 1.0) || !std::isfinite(width) || !std::isfinite(height) ||
        !std::isfinite(cellSize))
        return failure(tr("its slide size or cell size is missing or not positive"));
    const double columns = std::ceil(width / cellSize);
    const double rows = std::ceil(height / cellSize);
    if (columns > ReviewCoverage::kMaxCellsPerSide || rows > ReviewCoverage::kMaxCellsPerSide)
        return failure(tr("its grid of %1 x %2 cells exceeds %3 cells a side")
                           .arg(rows).arg(columns).arg(ReviewCoverage::kMaxCellsPerSide));
    if (root.value(QStringLiteral("rows")).toDouble(-1.0) != rows ||
        root.value(QStringLiteral("columns")).toDouble(-1.0) != columns)
        return failure(tr("its rows and columns do not follow from the slide size and the cell size"));
    const QJsonArray edges = root.value(QStringLiteral("band_edges")).toArray();
    if (edges.size() != ReviewCoverage::kBands)
        return failure(tr("it has %1 magnification bands, not %2").arg(edges.size()).arg(ReviewCoverage::kBands));
    for (int b = 0; b < ReviewCoverage::kBands; ++b)
        if (edges[b].toDouble(-1.0) != ReviewCoverage::kBandEdges[static_cast<size_t>(b)])
            return failure(tr("its magnification bands are not those of this SlideSight"));

    ReviewCoverage coverage(QSizeF(width, height), cellSize);
    std::unordered_set<qint64> given;
    const QJsonArray cells = root.value(QStringLiteral("cells")).toArray();
    for (const QJsonValue& value : cells) {
        const QJsonArray cell = value.toArray();
        if (cell.size() != 2 + ReviewCoverage::kBands)
            return failure(tr("a cell has %1 numbers, not %2").arg(cell.size()).arg(2 + ReviewCoverage::kBands));
        const double r = cell[0].toDouble(-1.0);
        const double c = cell[1].toDouble(-1.0);
        if (r < 0 || c < 0 || r >= rows || c >= columns || r != std::floor(r) || c != std::floor(c))
            return failure(tr("a cell lies outside the grid"));
        const qint64 key = static_cast<qint64>(r) * static_cast<qint64>(columns) + static_cast<qint64>(c);
        if (!given.insert(key).second) return failure(tr("cell (%1, %2) is given twice").arg(r).arg(c));
        for (int b = 0; b < ReviewCoverage::kBands; ++b) {
            const double s = cell[2 + b].toDouble(-1.0);
            if (!(s >= 0.0 && s <= kMaxSeconds)) return failure(tr("cell (%1, %2) has an impossible time").arg(r).arg(c));
            coverage.setSeconds(static_cast<int>(r), static_cast<int>(c), b, s);
        }
    }
    const double recorded = root.value(QStringLiteral("recorded_seconds")).toDouble(0.0);
    if (!(recorded >= 0.0 && recorded <= kMaxSeconds)) return failure(tr("its recorded time is impossible"));
    coverage.setRecordedSeconds(recorded);
    return coverage;
}

Expected<ReviewCoverage> CoverageFile::read(const QString& path) {
    QFile file(path);
    const auto fail = [&path](const QString& reason) {
        return failure(tr("Cannot read the review coverage file %1: %2.").arg(QDir::toNativeSeparators(path), reason));
    };
    if (!file.open(QIODevice::ReadOnly)) return fail(file.errorString());
    if (file.size() > kMaxFileBytes) return fail(tr("it is larger than %1 MB").arg(kMaxFileBytes / (1024 * 1024)));
    auto parsed = parse(file.readAll());
    if (!parsed) return fail(QString::fromStdString(parsed.error()));
    return parsed;
}

QString CoverageFile::slideNameIn(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly) || file.size() > kMaxFileBytes) return {};
    return QJsonDocument::fromJson(file.readAll()).object().value(QStringLiteral("slide")).toString();
}

Check CoverageFile::write(const QByteArray& bytes, const QString& path) {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        const bool unspecific = file.errorString().isEmpty() || file.errorString() == QLatin1String("Unknown error");
        const QString reason = unspecific ? tr("the disk is full or the file may not grow") : file.errorString();
        return failure(tr("Cannot write the review coverage file %1: %2.").arg(QDir::toNativeSeparators(path), reason));
    }
    return true;
}

}  // namespace slidesight
