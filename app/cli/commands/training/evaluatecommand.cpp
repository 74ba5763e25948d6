#include "app/cli/commands/training/evaluatecommand.h"

#include "app/cli/commandline.h"
#include "app/cli/console.h"
#include "app/cli/interruptguard.h"
#include "app/cli/jsonoutput.h"
#include "app/cli/localpath.h"
#include "app/cli/progressbar.h"

#include "model/evaluation/metrics.h"
#include "model/training/training.h"

#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QFileInfo>
#include <QtCore/QJsonDocument>

#include <cmath>
#include <map>
#include <utility>

namespace slidesight::cli {

namespace {

QJsonValue finiteOrNull(double value) { return std::isfinite(value) ? QJsonValue(value) : QJsonValue(); }

/// A run's scores.json (the run folder or the file itself), or an error sentence.
struct RunScores {
    QString path;
    QString metric;
    std::map<std::pair<int, int>, double> byFoldInit;      ///< held-out (cross-validation) metric
    std::map<std::pair<int, int>, double> testByFoldInit;  ///< on the test manifest, when train had one
    QString testManifest;
    QString error;
};

RunScores readScores(const QString& given) {
    RunScores scores;
    scores.path = QFileInfo(given).isDir() ? QDir(given).filePath(QStringLiteral("scores.json")) : given;
    QFile file(scores.path);
    if (!file.open(QIODevice::ReadOnly)) {
        scores.error = EvaluateCommand::tr("Cannot read \"%1\": give a run folder of 'train' or its scores.json.").arg(scores.path);
        return scores;
    }
    const QJsonObject root = QJsonDocument::fromJson(file.readAll()).object();
    if (root.value(QStringLiteral("format")).toString() != QLatin1String("slidesight-training-scores")) {
        scores.error = EvaluateCommand::tr("\"%1\" is not the scores.json of a training run.").arg(scores.path);
        return scores;
    }
    scores.metric = root.value(QStringLiteral("metric")).toString();
    for (const QJsonValue run : root.value(QStringLiteral("runs")).toArray()) {
        const QJsonObject r = run.toObject();
        const std::pair<int, int> key{r.value(QStringLiteral("fold")).toInt(), r.value(QStringLiteral("init")).toInt()};
        scores.byFoldInit[key] = r.value(QStringLiteral("metric")).toDouble(std::nan(""));
        if (r.contains(QStringLiteral("test_metric")))
            scores.testByFoldInit[key] = r.value(QStringLiteral("test_metric")).toDouble(std::nan(""));
    }
    scores.testManifest = root.value(QStringLiteral("test_manifest")).toString();
    if (scores.testByFoldInit.size() != scores.byFoldInit.size()) scores.testByFoldInit.clear();
    return scores;
}

}  // namespace

QString EvaluateCommand::summary() const {
    return tr("Measure a bundle's AUC or Spearman on a manifest, or compare two training runs (Wilcoxon).");
}

int EvaluateCommand::run(const QString& path, const QStringList& arguments) {
    CommandLine cl(path, tr("With --model and --manifest: runs the bundle's classifier on every manifest line (grid "
                            "files, or slides extracted with the bundle's extractor through the grid cache) and "
                            "reports the AUC (classification) or Spearman correlation (regression). With --compare "
                            "RUN_A RUN_B: pairs the per-run metrics of two 'train' run folders by fold and "
                            "initialisation and gives the two-sided Wilcoxon signed-rank test: the metrics on the "
                            "test manifest when both runs were trained with the same --test-manifest, else the "
                            "held-out cross-validation metrics; the output says which."));
    cl.addPositional(QStringLiteral("RUNS"), tr("With --compare: the two run folders (or scores.json files)."),
                     QStringLiteral("[RUN_A RUN_B]"));
    cl.setPositionalCount(0, 2);
    cl.addOption(QCommandLineOption(QStringLiteral("model"), tr("The bundle."), QStringLiteral("BUNDLE")));
    cl.addOption(QCommandLineOption(QStringLiteral("manifest"), tr("The manifest CSV."), QStringLiteral("CSV")));
    cl.addOption(QCommandLineOption(QStringLiteral("compare"), tr("Compare two training runs.")));
    cl.addOption(QCommandLineOption(QStringLiteral("slide-mpp"), tr("µm/px of slides that record none."), QStringLiteral("UM")));
    cl.addDeviceOption();
    cl.addOption(QCommandLineOption(QStringLiteral("cache-dir"), tr("The grid cache folder."), QStringLiteral("DIR")));
    cl.addJsonOption();
    if (const auto stop = cl.exitBeforeRun(arguments)) return *stop;
    const bool json = cl.json();
    if (cl.isSet(QStringLiteral("compare"))) {
        if (cl.positional().size() != 2) {
            cl.usageError(tr("--compare needs two run folders."));
            return ExitUsageError;
        }
        return compare(cl.positional().at(0), cl.positional().at(1), json);
    }
    if (!cl.isSet(QStringLiteral("model")) || !cl.isSet(QStringLiteral("manifest")) || !cl.positional().isEmpty()) {
        cl.usageError(tr("Give --model and --manifest, or --compare RUN_A RUN_B."));
        return ExitUsageError;
    }
    model::EvaluationOptions o;
    o.bundlePath = localPath(cl.value(QStringLiteral("model")));
    o.manifestPath = localPath(cl.value(QStringLiteral("manifest")));
    const auto device = cl.device();
    if (!device) return ExitUsageError;
    o.extraction.device = *device;
    o.extraction.cacheFolder = localPath(cl.value(QStringLiteral("cache-dir")));
    o.extraction.programVersion = QCoreApplication::applicationVersion().toStdString();
    if (cl.isSet(QStringLiteral("slide-mpp"))) {
        const auto mpp = cl.positiveValue(QStringLiteral("slide-mpp"));
        if (!mpp) return ExitUsageError;
        o.extraction.slideMpp = *mpp;
        o.extraction.slideMppOnlyWhenMissing = true;
    }
    const InterruptGuard interrupt;
    model::EvaluationSummary s;
    {
        ProgressBar progress(tr("Evaluating"));
        const auto result = model::evaluateBundle(o, interrupt.flag(), [&](int done, int total, const std::string&) {
            progress.update(total ? double(done) / total : 1.0);
        });
        if (!result) {
            if (interrupt.interrupted()) {
                Console::error(tr("Interrupted: nothing was evaluated."));
                return ExitInterrupted;
            }
            Console::error(QString::fromStdString(result.error()));
            return ExitFailure;
        }
        s = *result;
        progress.finish();
    }
    if (json) {
        QJsonArray items;
        for (size_t i = 0; i < s.scores.size(); ++i)
            items.append(QJsonObject{{QStringLiteral("path"), QFile::decodeName(QByteArray::fromStdString(s.paths[i]))},
                                     {QStringLiteral("target"), s.targets[i]},
                                     {QStringLiteral("score"), s.scores[i]}});
        JsonOutput::print({{QStringLiteral("task"), JsonOutput::string(s.task)},
                           {QStringLiteral("metric"), JsonOutput::string(s.metricName)},
                           {QStringLiteral("value"), finiteOrNull(s.metric)},
                           {QStringLiteral("slides"), static_cast<int>(s.scores.size())},
                           {QStringLiteral("trained"), s.trained},
                           {QStringLiteral("items"), items},
                           {QStringLiteral("seconds"), JsonOutput::rounded(s.seconds, 2)}});
        return ExitSuccess;
    }
    Console::outLine(tr("%1 on %2 slides: %3").arg(QString::fromStdString(s.metricName)).arg(s.scores.size())
                         .arg(std::isfinite(s.metric) ? QString::number(s.metric, 'f', 4) : tr("undefined (one class only)")));
    if (!s.trained) Console::outLine(tr("The bundle is UNTRAINED: the figure means nothing."));
    return ExitSuccess;
}

int EvaluateCommand::compare(const QString& runA, const QString& runB, bool json) {
    const RunScores a = readScores(runA), b = readScores(runB);
    for (const RunScores* r : {&a, &b})
        if (!r->error.isEmpty()) {
            Console::error(r->error);
            return ExitFailure;
        }
    if (a.metric != b.metric || a.byFoldInit.size() != b.byFoldInit.size()) {
        Console::error(tr("The two runs cannot be paired: they measure %1 and %2 over %3 and %4 runs.")
                           .arg(a.metric, b.metric).arg(a.byFoldInit.size()).arg(b.byFoldInit.size()));
        return ExitFailure;
    }
    // The test-manifest metrics when both runs measured the same test set, else the held-out ones.
    const bool test = !a.testByFoldInit.empty() && !b.testByFoldInit.empty() && a.testManifest == b.testManifest;
    const QString paired = test ? tr("test-manifest %1 (%2)").arg(a.metric, a.testManifest)
                                : tr("held-out cross-validation %1").arg(a.metric);
    const auto& scoresA = test ? a.testByFoldInit : a.byFoldInit;
    const auto& scoresB = test ? b.testByFoldInit : b.byFoldInit;
    std::vector<double> va, vb;
    for (const auto& [key, value] : scoresA) {
        const auto other = scoresB.find(key);
        if (other == scoresB.end()) {
            Console::error(tr("Run B has no fold %1, initialisation %2 to pair with run A.").arg(key.first).arg(key.second));
            return ExitFailure;
        }
        va.push_back(value);
        vb.push_back(other->second);
    }
    const model::WilcoxonResult w = model::wilcoxonSignedRank(va, vb);
    if (json) {
        JsonOutput::print({{QStringLiteral("metric"), a.metric},
                           {QStringLiteral("scores"), test ? QStringLiteral("test") : QStringLiteral("held_out")},
                           {QStringLiteral("test_manifest"), test ? QJsonValue(a.testManifest) : QJsonValue()},
                           {QStringLiteral("pairs"), static_cast<int>(va.size())},
                           {QStringLiteral("mean_a"), finiteOrNull(model::mean(va))},
                           {QStringLiteral("mean_b"), finiteOrNull(model::mean(vb))},
                           {QStringLiteral("nonzero_pairs"), static_cast<int>(w.n)},
                           {QStringLiteral("w_plus"), w.wPlus},
                           {QStringLiteral("w_minus"), w.wMinus},
                           {QStringLiteral("statistic"), w.statistic},
                           {QStringLiteral("p_value"), w.pValue},
                           {QStringLiteral("exact"), w.exact}});
        return ExitSuccess;
    }
    Console::outLine(tr("Paired scores: %1.").arg(paired));
    if (!test && (!a.testByFoldInit.empty() || !b.testByFoldInit.empty()))
        Console::outLine(tr("(The test-manifest scores are not paired: only one run has them, or the two runs used "
                            "different test manifests.)"));
    Console::outLine(tr("%1 over %2 paired runs: mean A %3, mean B %4").arg(a.metric).arg(va.size())
                         .arg(model::mean(va), 0, 'f', 4).arg(model::mean(vb), 0, 'f', 4));
    Console::outLine(tr("Wilcoxon signed-rank: W = %1 (W+ %2, W- %3, %4 non-zero pairs), two-sided p = %5 (%6)")
                         .arg(w.statistic).arg(w.wPlus).arg(w.wMinus).arg(w.n).arg(w.pValue, 0, 'g', 4)
                         .arg(w.exact ? tr("exact") : tr("normal approximation")));
    return ExitSuccess;
}

}  // namespace slidesight::cli
