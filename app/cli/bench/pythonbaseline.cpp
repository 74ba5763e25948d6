#include "app/cli/bench/pythonbaseline.h"
#include "viewer/common/qstringfailure.h"

#include <QtCore/QFile>
#include <QtCore/QFileInfo>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QProcess>
#include <QtCore/QStandardPaths>
#include <QtCore/QTemporaryDir>

namespace slidesight::cli {

namespace {

constexpr int kTimeoutMs = 30 * 60 * 1000;

QJsonArray pair(double a, double b) { return QJsonArray{a, b}; }

QJsonObject specOf(const model::FeatureBenchmark& b, const model::ExtractionOptions& o, int threads) {
    QJsonArray cells;
    for (const auto& [row, column] : b.cells) cells.append(QJsonArray{row, column});
    QJsonObject spec;
    spec[QStringLiteral("slide")] = QFile::decodeName(QByteArray::fromStdString(o.slidePath));
    spec[QStringLiteral("level")] = b.readLevel;
    spec[QStringLiteral("patch")] = o.grid.patchSize;
    spec[QStringLiteral("batch")] = b.setup.batchSize;
    spec[QStringLiteral("passes")] = b.passes;
    spec[QStringLiteral("rounds")] = b.rounds;
    spec[QStringLiteral("background")] =
        QJsonArray{int(b.backgroundRgb >> 16 & 0xFF), int(b.backgroundRgb >> 8 & 0xFF), int(b.backgroundRgb & 0xFF)};
    spec[QStringLiteral("content")] = QJsonArray{b.contentX, b.contentY, b.contentWidth, b.contentHeight};
    spec[QStringLiteral("origin")] = pair(b.originX, b.originY);
    spec[QStringLiteral("cell")] = pair(b.cellWidth, b.cellHeight);
    spec[QStringLiteral("cells")] = cells;
    spec[QStringLiteral("arch")] = QString::fromStdString(o.architecture);
    spec[QStringLiteral("threads")] = threads;
    return spec;
}

}  // namespace

QString PythonFeatureBaseline::interpreter() {
    const QString configured = qEnvironmentVariable("SLIDESIGHT_PYTHON");
    if (!configured.isEmpty()) return configured;
    if (QFileInfo(QStringLiteral("/usr/bin/python3")).isExecutable()) return QStringLiteral("/usr/bin/python3");
    return QStandardPaths::findExecutable(QStringLiteral("python3"));
}

Expected<PythonFeatureBaseline::Run> PythonFeatureBaseline::measure(const model::FeatureBenchmark& bench,
                                                                    const model::ExtractionOptions& options, int threads) {
    Run run;
    run.interpreter = interpreter();
    if (run.interpreter.isEmpty()) return failure(tr("The Python baseline needs python3, and none was found."));
    QTemporaryDir dir;
    if (!dir.isValid()) return failure(tr("Cannot create a temporary folder for the Python baseline."));
    const QString script = dir.filePath(QStringLiteral("python_feature_baseline.py"));
    const QString specPath = dir.filePath(QStringLiteral("spec.json"));
    QFile spec(specPath);
    if (!QFile::copy(QStringLiteral(":/bench/python_feature_baseline.py"), script) ||
        !spec.open(QIODevice::WriteOnly) ||
        spec.write(QJsonDocument(specOf(bench, options, threads)).toJson()) < 0)
        return failure(tr("Cannot write the Python baseline's files to %1.").arg(dir.path()));
    spec.close();

    QProcess process;
    process.start(run.interpreter, {script, specPath});
    if (!process.waitForStarted()) return failure(tr("Cannot start %1 for the Python baseline.").arg(run.interpreter));
    if (!process.waitForFinished(kTimeoutMs)) {
        process.kill();
        process.waitForFinished();
        return failure(tr("The Python baseline did not finish within 30 minutes."));
    }
    const QString errors = QString::fromLocal8Bit(process.readAllStandardError()).trimmed();
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        return failure(tr("The Python baseline failed (%1 needs torch, torchvision, openslide-python, Pillow and NumPy): %2")
            .arg(run.interpreter, errors.split(QLatin1Char('\n')).constLast()));
    const QByteArray output = process.readAllStandardOutput().trimmed();
    const QJsonObject result = QJsonDocument::fromJson(output.mid(output.lastIndexOf('\n') + 1)).object();
    run.patchesPerSecond = result.value(QStringLiteral("patches_per_s")).toDouble();
    run.patches = result.value(QStringLiteral("patches")).toInteger();
    run.seconds = result.value(QStringLiteral("seconds")).toDouble();
    run.torchThreads = result.value(QStringLiteral("torch_threads")).toInt();
    run.torchVersion = result.value(QStringLiteral("torch_version")).toString();
    if (!(run.patchesPerSecond > 0.0)) return failure(tr("The Python baseline printed no result."));
    return run;
}

}  // namespace slidesight::cli
