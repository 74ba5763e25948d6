#include "app/cli/commands/machine/doctorcommand.h"

#include "app/cli/commandline.h"
#include "app/cli/console.h"
#include "app/cli/jsonoutput.h"
#include "app/machine/machinereport.h"
#include "model/extraction/systemcheck.h"

#include <QtCore/QJsonArray>
#include <QtCore/QJsonObject>

namespace slidesight::cli {

namespace {

QString text(const std::string& s) { return QString::fromStdString(s); }

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
    const QString openSlide = MachineReport::openSlideVersion();

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
            {QStringLiteral("extraction"), MachineReport::extractionLine(c)},
            {QStringLiteral("problems"), JsonOutput::strings(c.problems)}});
        return c.problems.empty() ? ExitSuccess : ExitFailure;
    }

    for (const QString& line : MachineReport::lines(c, slideSight)) Console::outLine(line);
    return c.problems.empty() ? ExitSuccess : ExitFailure;
}

}  // namespace slidesight::cli
