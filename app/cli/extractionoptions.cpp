#include "app/cli/extractionoptions.h"

#include "model/bundle/bundleoptions.h"

#include "app/cli/commandline.h"

#include <QtCore/QFile>

namespace slidesight::cli {

namespace {

std::string local(const QString& path) { return QFile::encodeName(path).toStdString(); }

}  // namespace

void ExtractionOptionSet::add(CommandLine& cl, const QString& defaultWeights) {
    cl.addPositional(QStringLiteral("SLIDE"), tr("The slide file (any format OpenSlide reads)."), QStringLiteral("SLIDE"));
    const QString weightsHelp =
        tr("The extractor's weights: a torchvision state dict (.pth, e.g. from 'weights fetch'), a TorchScript "
           "module, or random:SEED for seeded untrained weights (labelled untrained everywhere).");
    cl.addOption(defaultWeights.isEmpty()
                     ? QCommandLineOption(QStringLiteral("weights"), weightsHelp + tr(" Required unless --model is given."), QStringLiteral("FILE"))
                     : QCommandLineOption(QStringLiteral("weights"), weightsHelp, QStringLiteral("FILE"), defaultWeights));
    cl.addOption(QCommandLineOption(QStringLiteral("arch"), tr("ResNet architecture: resnet34 or resnet18."),
                                    QStringLiteral("NAME"), QStringLiteral("resnet34")));
    cl.addOption(QCommandLineOption(QStringLiteral("mpp"), tr("Resolution of the patches in µm/px (the paper's 2.0)."),
                                    QStringLiteral("UM"), QStringLiteral("2.0")));
    cl.addOption(QCommandLineOption(QStringLiteral("patch"), tr("Patch side p in pixels at that resolution."),
                                    QStringLiteral("PX"), QStringLiteral("224")));
    cl.addOption(QCommandLineOption(QStringLiteral("slide-mpp"),
                                    tr("The slide's level-0 µm/px, for slides that do not record it (recorded as "
                                       "assumed); overrides the slide's own value."),
                                    QStringLiteral("UM")));
    cl.addOption(QCommandLineOption(QStringLiteral("shift-x"), tr("Move the grid origin left by this many target pixels (translation augmentation)."),
                                    QStringLiteral("PX"), QStringLiteral("0")));
    cl.addOption(QCommandLineOption(QStringLiteral("shift-y"), tr("Move the grid origin up by this many target pixels."),
                                    QStringLiteral("PX"), QStringLiteral("0")));
    cl.addOption(QCommandLineOption(QStringLiteral("tissue-only"),
                                    tr("Skip cells without tissue (their features are 0). By default every cell of "
                                       "the tissue bounding box is extracted, as in the paper.")));
    cl.addDeviceOption();
    cl.addOption(QCommandLineOption(QStringLiteral("batch"), tr("Patches per network batch; 0 picks the device's default."),
                                    QStringLiteral("N"), QStringLiteral("0")));
    cl.addThreadsOption(QStringLiteral("0"), tr("every core but one, which the patch readers keep"),
                        tr("Torch threads for the network on the CPU"));
    cl.addOption(QCommandLineOption(QStringLiteral("readers"), tr("Patch-reading threads; 0 picks from the cores."),
                                    QStringLiteral("N"), QStringLiteral("0")));
}

std::optional<model::ExtractionOptions> ExtractionOptionSet::read(const CommandLine& cl, const model::ModelBundle* bundle) {
    model::ExtractionOptions o;
    if (bundle) {
        for (const char* name : {"weights", "arch", "mpp", "patch"})
            if (cl.isSet(QLatin1String(name))) {
                cl.usageError(tr("--%1 cannot be given with --model: the bundle's extractor decides it.").arg(QLatin1String(name)));
                return std::nullopt;
            }
        o = model::extractionOptionsFor(*bundle);
        o.tissueOnly = bundle->classifier.tissueOnly;  // as `analyze` extracts, so the cached grid is shared
    }
    o.slidePath = local(cl.positional().value(0));
    if (!bundle) {
        const QString weights = cl.value(QStringLiteral("weights"));
        if (weights.isEmpty()) {
            cl.usageError(tr("--weights is required: give a weights file, or random:SEED for untrained weights."));
            return std::nullopt;
        }
        o.weights = weights.startsWith(QLatin1String("random:")) ? weights.toStdString() : local(weights);
        o.architecture = cl.value(QStringLiteral("arch")).toStdString();
        if (o.architecture != "resnet34" && o.architecture != "resnet18") {
            cl.usageError(tr("--arch must be resnet34 or resnet18, not '%1'.").arg(cl.value(QStringLiteral("arch"))));
            return std::nullopt;
        }
        const auto mpp = cl.positiveValue(QStringLiteral("mpp"));
        if (!mpp) return std::nullopt;
        o.grid.targetMpp = *mpp;
        const auto patch = cl.intValue(QStringLiteral("patch"), 16, 4096);
        if (!patch) return std::nullopt;
        o.grid.patchSize = static_cast<int>(*patch);
    }
    const auto device = cl.device();
    if (!device) return std::nullopt;
    o.device = *device;
    if (cl.isSet(QStringLiteral("slide-mpp"))) {
        const auto slideMpp = cl.positiveValue(QStringLiteral("slide-mpp"));
        if (!slideMpp) return std::nullopt;
        o.slideMpp = *slideMpp;
    }
    for (const char* name : {"shift-x", "shift-y"}) {
        bool ok = false;
        const double shift = cl.value(QLatin1String(name)).toDouble(&ok);
        if (!ok || shift < 0.0 || shift > 1e6) {
            cl.usageError(tr("--%1 needs a number of pixels, 0 or more, not '%2'.")
                              .arg(QLatin1String(name), cl.value(QLatin1String(name))));
            return std::nullopt;
        }
        (name[6] == 'x' ? o.grid.originShiftX : o.grid.originShiftY) = shift;
    }
    o.tissueOnly = o.tissueOnly || cl.isSet(QStringLiteral("tissue-only"));
    const auto batch = cl.intValue(QStringLiteral("batch"), 0, 4096);
    if (!batch) return std::nullopt;
    const auto threads = cl.threads();
    if (!threads) return std::nullopt;
    const auto readers = cl.intValue(QStringLiteral("readers"), 0, 256);
    if (!readers) return std::nullopt;
    o.batchSize = static_cast<int>(*batch);
    o.torchThreads = static_cast<int>(*threads);
    o.readerThreads = static_cast<int>(*readers);
    o.programVersion = QCoreApplication::applicationVersion().toStdString();
    return o;
}

QString ExtractionOptionSet::failureMessage(const std::string& message, model::ExtractionFailure kind) {
    QString text = QString::fromStdString(message);
    if (kind == model::ExtractionFailure::MppUnknown)
        text += QLatin1Char(' ') + tr("Pass it with --slide-mpp, for example --slide-mpp 0.25.");
    return text;
}

QString ExtractionOptionSet::untrainedLabel(const QString& extractor) {
    return tr("UNTRAINED: the extractor (%1) has random weights; its features carry no learned meaning.").arg(extractor);
}

}  // namespace slidesight::cli
