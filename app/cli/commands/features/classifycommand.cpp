#include "app/cli/commands/features/classifycommand.h"

#include "app/cli/commandline.h"
#include "app/cli/console.h"
#include "app/cli/jsonoutput.h"
#include "app/cli/localpath.h"

#include "model/attention/classification.h"

#include <QtCore/QFile>
#include <QtCore/QJsonArray>

namespace slidesight::cli {

namespace {

QString numbers(const std::vector<double>& values) {
    QStringList out;
    for (const double v : values) out << QString::number(v, 'g', 4);
    return out.join(QStringLiteral(", "));
}

}  // namespace

QString ClassifyCommand::summary() const {
    return tr("Classify a feature grid with the attention-based classifier; write logits, attention maps and Grad-CAM.");
}

int ClassifyCommand::run(const QString& path, const QStringList& arguments) {
    CommandLine cl(path, tr("Runs the attention-based classifier (a 3D convolution, max- and min-pooled softmax "
                            "attention maps, attention-weighted features and a linear layer) on a feature grid "
                            "written by 'extract', and Grad-CAM for one class. RESULT is a file that Python's "
                            "torch.load reads: logits, probabilities, attention_max and attention_min "
                            "[H, rows, columns], gradcam [rows, columns], valid, tissue, origin, cell_size and "
                            "a JSON metadata string. Random weights (random:SEED) are untrained and labelled so."));
    cl.addPositional(QStringLiteral("GRID"), tr("The feature grid file."), QStringLiteral("GRID"));
    cl.addOption(QCommandLineOption(QStringLiteral("classifier"),
                                    tr("The classifier's weights: a state dict (conv.weight, conv.bias, fc.weight, "
                                       "fc.bias) or random:SEED."),
                                    QStringLiteral("FILE")));
    cl.addOption(QCommandLineOption(QStringLiteral("out"), tr("The result file to write."), QStringLiteral("RESULT")));
    cl.addOption(QCommandLineOption(QStringLiteral("attention"), tr("Attention sets: max+min, max, min, avg or avg+max."),
                                    QStringLiteral("SETS"), QStringLiteral("max+min")));
    cl.addOption(QCommandLineOption(QStringLiteral("hidden"), tr("H, the 3D convolution's output channels."),
                                    QStringLiteral("H"), QStringLiteral("64")));
    cl.addOption(QCommandLineOption(QStringLiteral("kernel"), tr("n, the 3D convolution's odd spatial size."),
                                    QStringLiteral("N"), QStringLiteral("3")));
    cl.addOption(QCommandLineOption(QStringLiteral("nonlinearity"), tr("After the pooled features: relu, tanh or none."),
                                    QStringLiteral("NAME"), QStringLiteral("relu")));
    cl.addOption(QCommandLineOption(QStringLiteral("classes"), tr("C, the classifier's outputs."), QStringLiteral("C"),
                                    QStringLiteral("2")));
    cl.addOption(QCommandLineOption(QStringLiteral("class"), tr("The class Grad-CAM explains (default: the predicted one)."),
                                    QStringLiteral("C")));
    cl.addOption(QCommandLineOption(QStringLiteral("gradcam-target"),
                                    tr("Grad-CAM's target layer: grid (the feature grid G) or gprime (the 3D "
                                       "convolution's output, whose Grad-CAM weights vanish on this network)."),
                                    QStringLiteral("LAYER"), QStringLiteral("grid")));
    cl.addOption(QCommandLineOption(QStringLiteral("input-scale"),
                                    tr("Multiply the features by this before the classifier, as it was trained."),
                                    QStringLiteral("X"), QStringLiteral("1")));
    cl.addOption(QCommandLineOption(QStringLiteral("gradcam-sum"),
                                    tr("Grad-CAM's weighted sum: centred (each channel minus its mean over the valid "
                                       "cells) or raw."),
                                    QStringLiteral("SUM"), QStringLiteral("centred")));
    cl.addOption(QCommandLineOption(QStringLiteral("conv-padding"),
                                    tr("The 3D convolution's padding, as the classifier was trained: zeros (the "
                                       "paper's) or centre (a missing neighbour takes the centre cell's features)."),
                                    QStringLiteral("PADDING"), QStringLiteral("zeros")));
    cl.addOption(QCommandLineOption(QStringLiteral("tissue-only"), tr("Leave cells without tissue out of the attention.")));
    cl.addJsonOption();
    if (const auto stop = cl.exitBeforeRun(arguments)) return *stop;
    if (!cl.isSet(QStringLiteral("classifier")) || !cl.isSet(QStringLiteral("out"))) {
        cl.usageError(tr("--classifier and --out are required."));
        return ExitUsageError;
    }
    const auto hidden = cl.intValue(QStringLiteral("hidden"), 1, 65536);
    const auto kernel = hidden ? cl.intValue(QStringLiteral("kernel"), 1, 99) : std::nullopt;
    const auto classes = kernel ? cl.intValue(QStringLiteral("classes"), 1, 100000) : std::nullopt;
    if (!classes) return ExitUsageError;
    std::optional<qint64> gradcamClass = -1;
    if (cl.isSet(QStringLiteral("class"))) gradcamClass = cl.intValue(QStringLiteral("class"), 0, *classes - 1);
    if (!gradcamClass) return ExitUsageError;
    const QString gradcamSum = cl.value(QStringLiteral("gradcam-sum"));
    if (gradcamSum != QLatin1String("centred") && gradcamSum != QLatin1String("raw")) {
        cl.usageError(tr("--gradcam-sum is \"%1\": use centred or raw.").arg(gradcamSum));
        return ExitUsageError;
    }

    model::ClassificationOptions options;
    options.gridPath = localPath(cl.positional().constFirst());
    options.classifier = localPath(cl.value(QStringLiteral("classifier")));
    options.outputPath = localPath(cl.value(QStringLiteral("out")));
    options.attention = cl.value(QStringLiteral("attention")).toStdString();
    options.nonlinearity = cl.value(QStringLiteral("nonlinearity")).toStdString();
    options.gradcamTarget = cl.value(QStringLiteral("gradcam-target")).toStdString();
    options.gradcamCentred = gradcamSum == QLatin1String("centred");
    options.convPadding = cl.value(QStringLiteral("conv-padding")).toStdString();
    const auto inputScale = cl.positiveValue(QStringLiteral("input-scale"));
    if (!inputScale) return ExitUsageError;
    options.inputScale = *inputScale;
    options.hidden = *hidden;
    options.kernel = *kernel;
    options.classes = *classes;
    options.gradcamClass = *gradcamClass;
    options.tissueOnly = cl.isSet(QStringLiteral("tissue-only"));
    options.programVersion = QCoreApplication::applicationVersion().toStdString();
    if (const Check valid = model::checkClassificationOptions(options); !valid) {
        cl.usageError(QString::fromStdString(valid.error()));
        return ExitUsageError;
    }

    const auto result = model::classifyGrid(options);
    if (!result) {
        Console::error(QString::fromStdString(result.error()));
        return ExitFailure;
    }
    const model::ClassificationSummary& s = *result;
    if (cl.json()) {
        QJsonObject gradcam{{QStringLiteral("class"), qint64(s.gradcamClass)},
                            {QStringLiteral("target"), JsonOutput::string(s.gradcamTarget)},
                            {QStringLiteral("centred"), s.gradcamCentred},
                            {QStringLiteral("max"), s.gradcamMax},
                            {QStringLiteral("weights_max_abs"), s.gradcamWeightsMaxAbs},
                            {QStringLiteral("weight_ratio"), s.gradcamWeightRatio},
                            {QStringLiteral("degenerate"), s.gradcamDegenerate}};
        JsonOutput::print({{QStringLiteral("grid"), cl.positional().constFirst()},
                           {QStringLiteral("output"), cl.value(QStringLiteral("out"))},
                           {QStringLiteral("rows"), s.rows},
                           {QStringLiteral("columns"), s.columns},
                           {QStringLiteral("features"), qint64(s.featureCount)},
                           {QStringLiteral("valid_cells"), qint64(s.validCells)},
                           {QStringLiteral("classifier"), JsonOutput::string(s.classifier)},
                           {QStringLiteral("classifier_sha256"), JsonOutput::string(s.classifierSha256)},
                           {QStringLiteral("trained"), s.trained},
                           {QStringLiteral("logits"), JsonOutput::numbers(s.logits)},
                           {QStringLiteral("probabilities"), JsonOutput::numbers(s.probabilities)},
                           {QStringLiteral("predicted_class"), qint64(s.predictedClass)},
                           {QStringLiteral("conv_padding"), JsonOutput::string(s.convPadding)},
                           {QStringLiteral("gradcam"), gradcam},
                           {QStringLiteral("seconds"), JsonOutput::rounded(s.seconds, 3)}});
        return ExitSuccess;
    }
    Console::outLine(tr("Grid:        %1 (%2 x %3 cells, K = %4; %5 cells in the attention)")
                         .arg(cl.positional().constFirst())
                         .arg(s.rows)
                         .arg(s.columns)
                         .arg(qint64(s.featureCount))
                         .arg(qint64(s.validCells)));
    Console::outLine(s.trained ? tr("Classifier:  %1").arg(QString::fromStdString(s.classifier))
                               : tr("Classifier:  %1: UNTRAINED, random weights; the prediction means nothing")
                                     .arg(QString::fromStdString(s.classifier)));
    const QString probability = s.probabilities.empty()
                                    ? QString()
                                    : tr(", probability %1").arg(s.probabilities[size_t(s.predictedClass)], 0, 'f', 3);
    Console::outLine(tr("Prediction:  class %1%2 (logits %3)").arg(qint64(s.predictedClass)).arg(probability, numbers(s.logits)));
    Console::outLine(tr("Grad-CAM:    class %1 on %2 (%3 sum), largest value %4, largest |weight| %5")
                         .arg(qint64(s.gradcamClass))
                         .arg(QString::fromStdString(s.gradcamTarget))
                         .arg(s.gradcamCentred ? tr("centred") : tr("raw"))
                         .arg(s.gradcamMax, 0, 'g', 3)
                         .arg(s.gradcamWeightsMaxAbs, 0, 'g', 3));
    if (s.gradcamDegenerate)
        Console::outLine(s.gradcamTarget == "gprime"
                             ? tr("Degenerate:  the Grad-CAM weights are at rounding level (on G' they vanish: the "
                                  "per-channel softmax ignores constant shifts); --gradcam-target grid gives a usable map")
                             : tr("Degenerate:  the Grad-CAM weights are at rounding level; the map is noise"));
    Console::outLine(tr("Wrote:       %1").arg(cl.value(QStringLiteral("out"))));
    return ExitSuccess;
}

}  // namespace slidesight::cli
