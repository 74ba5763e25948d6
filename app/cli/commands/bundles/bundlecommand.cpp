#include "app/cli/commands/bundles/bundlecommand.h"

#include "app/cli/commandgroup.h"
#include "app/cli/commandline.h"
#include "app/cli/console.h"
#include "app/cli/jsonoutput.h"
#include "app/cli/localpath.h"

#include "model/bundle/bundle.h"

#include <QtCore/QFile>
#include <QtCore/QJsonArray>

namespace slidesight::cli {

namespace {

QString joined(const std::vector<std::string>& values) {
    QStringList out;
    for (const auto& v : values) out << QString::fromStdString(v);
    return out.join(QStringLiteral(", "));
}

}  // namespace

std::unique_ptr<Command> makeBundleCommand() {
    auto group = std::make_unique<CommandGroup>(
        QStringLiteral("bundle"), QCoreApplication::translate("BundleCheckCommand", "Model bundles (bundle check, bundle create)."),
        QCoreApplication::translate("BundleCheckCommand",
                                    "Model bundles: a folder (or a .zip of one) with a model.json manifest and the "
                                    "weights of the feature extractor, the attention classifier and optionally LRAN."));
    group->add(std::make_unique<BundleCheckCommand>());
    group->add(std::make_unique<BundleCreateCommand>());
    return group;
}

QString BundleCheckCommand::summary() const {
    return tr("Read a model bundle, load its weights, check their shapes and show what it holds.");
}

int BundleCheckCommand::run(const QString& path, const QStringList& arguments) {
    CommandLine cl(path, tr("Reads a model bundle (its folder, its model.json or a .zip of the folder), checks the "
                            "manifest, loads every weights file and checks that each tensor has the shape the "
                            "manifest implies, then prints the bundle's name, task, classes, whether it is trained, "
                            "and its extractor, classifier and LRAN. A problem is reported as one sentence naming "
                            "the field, or the file and tensor with both shapes."));
    cl.addPositional(QStringLiteral("PATH"), tr("The bundle folder, model.json or .zip."), QStringLiteral("PATH"));
    cl.addJsonOption();
    if (const auto stop = cl.exitBeforeRun(arguments)) return *stop;
    const auto bundle = model::readBundle(localPath(cl.positional().constFirst()));
    if (!bundle) {
        Console::error(QString::fromStdString(bundle.error()));
        return ExitFailure;
    }
    if (!bundle->notice.empty())
        Console::notice(bundle->notice);
    const auto checked = model::checkBundleWeights(*bundle);
    if (!checked) {
        Console::error(QString::fromStdString(checked.error()));
        return ExitFailure;
    }
    if (cl.json()) {
        QJsonObject json = toJson(*bundle);
        json[QStringLiteral("weights_checked")] = true;
        JsonOutput::print(json);
    } else {
        Console::out(toText(*bundle) + tr("Weights:     every file loads and fits the manifest") + QLatin1Char('\n'));
    }
    return ExitSuccess;
}

QJsonObject BundleCheckCommand::toJson(const model::ModelBundle& b) {
    QJsonObject metrics;
    for (const auto& [key, value] : b.metrics) metrics[QString::fromStdString(key)] = value;
    const model::BundleExtractor& e = b.extractor;
    const model::BundleClassifier& c = b.classifier;
    QJsonObject o{{QStringLiteral("name"), QString::fromStdString(b.name)},
                  {QStringLiteral("description"), QString::fromStdString(b.description)},
                  {QStringLiteral("path"), fromLocal(b.path)},
                  {QStringLiteral("folder"), fromLocal(b.folder)},
                  {QStringLiteral("task"), QString::fromStdString(b.task)},
                  {QStringLiteral("classes"), JsonOutput::strings(b.classes)},
                  {QStringLiteral("trained"), b.trained},
                  {QStringLiteral("label"), b.trained ? QStringLiteral("trained") : QStringLiteral("untrained")},
                  {QStringLiteral("trained_on"), QString::fromStdString(b.trainedOn)},
                  {QStringLiteral("metrics"), metrics}};
    o[QStringLiteral("extractor")] = QJsonObject{{QStringLiteral("architecture"), QString::fromStdString(e.architecture)},
                                                 {QStringLiteral("weights"), fromLocal(e.weights)},
                                                 {QStringLiteral("mpp"), e.mpp},
                                                 {QStringLiteral("patch_size"), e.patchSize}};
    o[QStringLiteral("classifier")] = QJsonObject{{QStringLiteral("weights"), fromLocal(c.weights)},
                                                  {QStringLiteral("attention"), QString::fromStdString(c.attention)},
                                                  {QStringLiteral("hidden"), qint64(c.hidden)},
                                                  {QStringLiteral("kernel"), qint64(c.kernel)},
                                                  {QStringLiteral("nonlinearity"), QString::fromStdString(c.nonlinearity)},
                                                  {QStringLiteral("gradcam_target"), QString::fromStdString(c.gradcamTarget)},
                                                  {QStringLiteral("tissue_only"), c.tissueOnly}};
    if (b.lran)
        o[QStringLiteral("lran")] = QJsonObject{{QStringLiteral("network"), QString::fromStdString(b.lran->network)},
                                                {QStringLiteral("weights"), fromLocal(b.lran->weights)},
                                                {QStringLiteral("classes"), JsonOutput::strings(b.lran->classes)},
                                                {QStringLiteral("mpp"), b.lran->mpp},
                                                {QStringLiteral("patch_size"), b.lran->patchSize}};
    else
        o[QStringLiteral("lran")] = QJsonValue();
    return o;
}

QString BundleCheckCommand::toText(const model::ModelBundle& b) {
    const model::BundleExtractor& e = b.extractor;
    const model::BundleClassifier& c = b.classifier;
    QString text = tr("Bundle:      %1 (%2)\n").arg(QString::fromStdString(b.name), fromLocal(b.path));
    text += tr("Task:        %1, classes: %2\n").arg(QString::fromStdString(b.task), joined(b.classes));
    text += b.trained ? tr("Trained:     yes%1\n")
                            .arg(b.trainedOn.empty() ? QString() : tr(", on %1").arg(QString::fromStdString(b.trainedOn)))
                      : tr("Trained:     untrained: UNTRAINED weights, its output means nothing\n");
    for (const auto& [key, value] : b.metrics)
        text += tr("Metric:      %1 = %2\n").arg(QString::fromStdString(key)).arg(value, 0, 'g', 4);
    text += tr("Extractor:   %1 at %2 µm/px, %3 px patches, weights %4\n")
                .arg(QString::fromStdString(e.architecture))
                .arg(e.mpp, 0, 'g', 4)
                .arg(e.patchSize)
                .arg(fromLocal(e.weights));
    text += tr("Classifier:  attention %1, H = %2, n = %3, %4, Grad-CAM on %5%6, weights %7\n")
                .arg(QString::fromStdString(c.attention))
                .arg(c.hidden)
                .arg(c.kernel)
                .arg(QString::fromStdString(c.nonlinearity), QString::fromStdString(c.gradcamTarget),
                     c.tissueOnly ? tr(", tissue cells only") : QString(), fromLocal(c.weights));
    if (b.lran)
        text += tr("LRAN:        %1, classes: %2, at %3 µm/px, %4 px patches, weights %5\n")
                    .arg(QString::fromStdString(b.lran->network), joined(b.lran->classes))
                    .arg(b.lran->mpp, 0, 'g', 4)
                    .arg(b.lran->patchSize)
                    .arg(fromLocal(b.lran->weights));
    else
        text += tr("LRAN:        none\n");
    return text;
}

QString BundleCreateCommand::summary() const {
    return tr("Write an untrained model bundle (random weights) for trying the pipeline out.");
}

int BundleCreateCommand::run(const QString& path, const QStringList& arguments) {
    CommandLine cl(path, tr("Writes a model bundle whose networks have random weights: a model.json naming "
                            "random:SEED weights, or, with --write-weights, randomly initialised weights files "
                            "written in the formats trained weights use. The bundle is named and marked untrained, "
                            "and everything made with it says so."));
    cl.addPositional(QStringLiteral("OUT_FOLDER"), tr("The bundle folder to write (created if needed)."), QStringLiteral("OUT_FOLDER"));
    cl.addOption(QCommandLineOption(QStringLiteral("task"), tr("classification or regression."), QStringLiteral("TASK"),
                                    QStringLiteral("classification")));
    cl.addOption(QCommandLineOption(QStringLiteral("classes"),
                                    tr("Comma-separated class names (default negative,positive; score for regression)."),
                                    QStringLiteral("A,B")));
    cl.addOption(QCommandLineOption(QStringLiteral("seed"), tr("The random seed of the weights."), QStringLiteral("N"),
                                    QStringLiteral("1")));
    cl.addOption(QCommandLineOption(QStringLiteral("arch"), tr("The extractor: resnet34 or resnet18."), QStringLiteral("NAME"),
                                    QStringLiteral("resnet34")));
    cl.addOption(QCommandLineOption(QStringLiteral("attention"), tr("Attention sets: max+min, max, min, avg or avg+max."),
                                    QStringLiteral("SETS"), QStringLiteral("max+min")));
    cl.addOption(QCommandLineOption(QStringLiteral("hidden"), tr("H, the classifier's attention maps per set."),
                                    QStringLiteral("H"), QStringLiteral("64")));
    cl.addOption(QCommandLineOption(QStringLiteral("lran"), tr("Also give the bundle an LRAN patch classifier.")));
    cl.addOption(QCommandLineOption(QStringLiteral("write-weights"),
                                    tr("Write randomly initialised weights files instead of random:SEED entries.")));
    cl.addJsonOption();
    if (const auto stop = cl.exitBeforeRun(arguments)) return *stop;
    const auto seed = cl.intValue(QStringLiteral("seed"), 0, qint64(1) << 53);
    const auto hidden = seed ? cl.intValue(QStringLiteral("hidden"), 1, 4096) : std::nullopt;
    if (!hidden) return ExitUsageError;
    model::UntrainedBundleOptions o;
    o.folder = localPath(cl.positional().constFirst());
    o.task = cl.value(QStringLiteral("task")).toStdString();
    if (cl.isSet(QStringLiteral("classes"))) {
        o.classes.clear();
        for (const QString& name : cl.value(QStringLiteral("classes")).split(QLatin1Char(','))) o.classes.push_back(name.trimmed().toStdString());
    } else if (o.task == "regression") {
        o.classes = {"score"};
    }
    o.seed = static_cast<uint64_t>(*seed);
    o.architecture = cl.value(QStringLiteral("arch")).toStdString();
    o.attention = cl.value(QStringLiteral("attention")).toStdString();
    o.hidden = *hidden;
    o.lran = cl.isSet(QStringLiteral("lran"));
    o.writeWeights = cl.isSet(QStringLiteral("write-weights"));
    if (o.architecture != "resnet34" && o.architecture != "resnet18") {
        cl.usageError(tr("--arch must be resnet34 or resnet18."));
        return ExitUsageError;
    }
    const auto bundle = model::createUntrainedBundle(o);
    if (!bundle) {
        Console::error(QString::fromStdString(bundle.error()));
        return ExitFailure;
    }
    if (cl.json())
        JsonOutput::print(BundleCheckCommand::toJson(*bundle));
    else
        Console::out(BundleCheckCommand::toText(*bundle) + tr("Wrote:       %1").arg(fromLocal(bundle->folder + "/model.json")) +
                     QLatin1Char('\n'));
    return ExitSuccess;
}

}  // namespace slidesight::cli
