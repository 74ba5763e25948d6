#include "app/cli/commands/doctorcommand.h"

#include "app/cli/commandline.h"
#include "app/cli/console.h"
#include "app/cli/jsonoutput.h"
#include "model/extraction/systemcheck.h"
#include "viewer/slide/openslidesource.h"

#include <QtCore/QJsonArray>
#include <QtCore/QJsonObject>
#include <QtCore/QLocale>

namespace slidesight::cli {

namespace {

QString text(const std::string& s) { return QString::fromStdString(s); }

QString gigabytes(int64_t bytes) { return QString::number(static_cast<double>(bytes) / (1024.0 * 1024 * 1024), 'f', 1); }

/// The batch extraction uses on `device` by default, and why.
QString extractionLine(const model::SystemCheck& c) {
    if (c.defaultDevice == "cuda")
        return DoctorCommand::tr("Extraction uses cuda:0 in float16 with the batch measured as above.");
    for (const model::DeviceSelfTest& t : c.selfTests)
        if (t.device == "cpu")
            return DoctorCommand::tr("Extraction uses the CPU in float32 with batch 4 (measured once on a 2-core machine; "
                                     "--batch changes it); the fastest here was %1.")
                .arg(t.chosenBatch);
    return DoctorCommand::tr("Extraction uses the CPU in float32 with batch 4.");
}

}  // namespace

QString DoctorCommand::summary() const {
    return tr("Check this machine: versions, CPU threads, CUDA and GPUs, and a self-test of the extractor.");
}

int DoctorCommand::run(const QString& path, const QStringList& arguments) {
    CommandLine cl(path, tr("Reports what this machine and build offer SlideSight: the versions of Qt, OpenSlide, "
                            "LibTorch and OpenCV, the CPU threads, whether CUDA is built in and usable with each "
                            "GPU's name and memory, and a short self-test of the feature extractor (ResNet-34 with "
                            "random weights on random 224 px patches) on each device: the batch sizes tried, the "
                            "patches per second of each and the one chosen, and why. Each problem is one sentence; "
                            "the exit status is 1 when there is one."));
    cl.addJsonOption();
    cl.addOption(QCommandLineOption(QStringLiteral("no-self-test"), tr("Skip the extractor's self-test.")));
    cl.addOption(QCommandLineOption(QStringLiteral("patches"), tr("Patches run for each batch size tried (default 32)."),
                                    QStringLiteral("N"), QStringLiteral("32")));
    if (const auto stop = cl.exitBeforeRun(arguments)) return *stop;
    const auto patches = cl.intValue(QStringLiteral("patches"), 1, 100000);
    if (!patches) return ExitUsageError;

    model::SystemCheckOptions options;
    options.selfTest = !cl.isSet(QStringLiteral("no-self-test"));
    options.patchesPerTrial = static_cast<int>(*patches);
    if (options.selfTest && !cl.json()) Console::outLine(tr("Running the extractor's self-test…"));
    const model::SystemCheck c = model::checkSystem(options);
    const QString slideSight = QCoreApplication::applicationVersion();
    const QString qt = QString::fromLatin1(qVersion());
    const QString openSlide = text(OpenSlideSource::libraryVersion());

    if (cl.json()) {
        QJsonArray gpus;
        for (const model::GpuInfo& g : c.gpus)
            gpus.append(QJsonObject{{QStringLiteral("index"), g.index},
                                    {QStringLiteral("name"), text(g.name)},
                                    {QStringLiteral("total_bytes"), static_cast<double>(g.totalBytes)},
                                    {QStringLiteral("free_bytes"), g.freeBytes < 0 ? QJsonValue() : QJsonValue(static_cast<double>(g.freeBytes))}});
        QJsonArray tests;
        for (const model::DeviceSelfTest& t : c.selfTests) {
            QJsonArray trials;
            for (const model::BatchTrial& b : t.trials)
                trials.append(QJsonObject{{QStringLiteral("batch"), b.batchSize},
                                          {QStringLiteral("patches_per_second"), JsonOutput::rounded(b.patchesPerSecond, 1)},
                                          {QStringLiteral("problem"), text(b.problem)}});
            tests.append(QJsonObject{{QStringLiteral("device"), text(t.device)},
                                     {QStringLiteral("precision"), text(t.precision)},
                                     {QStringLiteral("torch_threads"), t.torchThreads},
                                     {QStringLiteral("trials"), trials},
                                     {QStringLiteral("chosen_batch"), t.chosenBatch},
                                     {QStringLiteral("patches_per_second"), JsonOutput::rounded(t.patchesPerSecond, 1)},
                                     {QStringLiteral("reason"), text(t.reason)},
                                     {QStringLiteral("problem"), text(t.problem)}});
        }
        JsonOutput::print(QJsonObject{
            {QStringLiteral("versions"), QJsonObject{{QStringLiteral("slidesight"), slideSight},
                                                     {QStringLiteral("qt"), qt},
                                                     {QStringLiteral("openslide"), openSlide},
                                                     {QStringLiteral("libtorch"), text(c.torchVersion)},
                                                     {QStringLiteral("opencv"), text(c.opencvVersion)}}},
            {QStringLiteral("cpu"), QJsonObject{{QStringLiteral("hardware_threads"), c.hardwareThreads},
                                                {QStringLiteral("torch_threads"), c.torchThreads}}},
            {QStringLiteral("cuda"), QJsonObject{{QStringLiteral("built"), c.cudaBuilt},
                                                 {QStringLiteral("available"), c.cudaAvailable},
                                                 {QStringLiteral("line"), text(c.cudaLine())},
                                                 {QStringLiteral("devices"), gpus}}},
            {QStringLiteral("self_tests"), tests},
            {QStringLiteral("default_device"), text(c.defaultDevice)},
            {QStringLiteral("extraction"), extractionLine(c)},
            {QStringLiteral("problems"), JsonOutput::strings(c.problems)}});
        return c.problems.empty() ? ExitSuccess : ExitFailure;
    }

    Console::outLine(tr("SlideSight %1 with Qt %2, OpenSlide %3, LibTorch %4, OpenCV %5")
                         .arg(slideSight, qt, openSlide, text(c.torchVersion), text(c.opencvVersion)));
    Console::outLine(tr("CPU: %1 hardware threads; Torch uses %2.").arg(c.hardwareThreads).arg(c.torchThreads));
    Console::outLine(text(c.cudaLine()));
    for (const model::GpuInfo& g : c.gpus) {
        QString line = tr("GPU %1: %2").arg(g.index).arg(text(g.name));
        if (g.totalBytes > 0) line += tr(", %1 GB").arg(gigabytes(g.totalBytes));
        if (g.freeBytes >= 0) line += tr(" (%1 GB free)").arg(gigabytes(g.freeBytes));
        Console::outLine(line);
    }
    const QLocale locale;
    for (const model::DeviceSelfTest& t : c.selfTests) {
        QStringList trials;
        for (const model::BatchTrial& b : t.trials)
            trials << (b.problem.empty() ? tr("batch %1: %2/s").arg(b.batchSize).arg(locale.toString(b.patchesPerSecond, 'f', 1))
                                         : tr("batch %1: failed").arg(b.batchSize));
        Console::outLine(tr("Self-test on %1 (%2, Torch threads: %3): %4.")
                             .arg(text(t.device), text(t.precision))
                             .arg(t.torchThreads)
                             .arg(trials.join(QStringLiteral(", "))));
        if (t.chosenBatch > 0)
            Console::outLine(tr("  Chosen: batch %1, %2 patches/s: %3.")
                                 .arg(t.chosenBatch)
                                 .arg(locale.toString(t.patchesPerSecond, 'f', 1), text(t.reason)));
    }
    Console::outLine(extractionLine(c));
    if (c.problems.empty()) Console::outLine(tr("No problem found."));
    for (const std::string& p : c.problems) Console::outLine(tr("Problem: %1").arg(text(p)));
    return c.problems.empty() ? ExitSuccess : ExitFailure;
}

}  // namespace slidesight::cli
