#include "app/cli/commands/features/weightsfetchcommand.h"

#include "app/cli/commandline.h"
#include "app/cli/console.h"
#include "app/cli/interruptguard.h"
#include "app/cli/jsonoutput.h"
#include "app/cli/progressbar.h"
#include "app/cli/verifieddownload.h"

#include <QtCore/QDir>
#include <QtCore/QJsonObject>
#include <QtCore/QStandardPaths>

namespace slidesight::cli {

QString WeightsFetchCommand::summary() const {
    return tr("Download the torchvision ResNet-34 ImageNet weights and verify their SHA-256.");
}

QString WeightsFetchCommand::defaultFolder() {
    return QDir(QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation))
        .filePath(QStringLiteral("slidesight/weights"));
}

int WeightsFetchCommand::run(const QString& path, const QStringList& arguments) {
    CommandLine cl(path, tr("Downloads pretrained extractor weights (by default torchvision's ResNet-34 ImageNet "
                            "weights, %1) into a folder and prints the file's path, for extract --weights. "
                            "The file is kept only if its SHA-256 matches: torchvision publishes the first 8 "
                            "hex digits of it in the file name (b627a593), which is what torch.hub checks too; "
                            "--sha256 gives a full hash to check instead. A verified copy already in the folder "
                            "is not downloaded again.")
                             .arg(QLatin1String(kDefaultUrl)));
    cl.setPositionalCount(0, 0);
    cl.addOption(QCommandLineOption(QStringLiteral("out"), tr("The folder for the weights (default: %1).").arg(defaultFolder()),
                                    QStringLiteral("DIR")));
    cl.addOption(QCommandLineOption(QStringLiteral("url"), tr("Download from this URL instead."), QStringLiteral("URL"),
                                    QLatin1String(kDefaultUrl)));
    cl.addOption(QCommandLineOption(QStringLiteral("sha256"),
                                    tr("The expected SHA-256 (or a prefix of 8 or more hex digits); by default the "
                                       "hash prefix in the file name."),
                                    QStringLiteral("HEX")));
    cl.addJsonOption();
    if (const auto stop = cl.exitBeforeRun(arguments)) return *stop;

    const QUrl url(cl.value(QStringLiteral("url")), QUrl::StrictMode);
    const QString fileName = url.fileName();
    if (!url.isValid() || url.scheme().isEmpty() || fileName.isEmpty()) {
        cl.usageError(tr("--url needs a full URL ending in a file name, not '%1'.").arg(cl.value(QStringLiteral("url"))));
        return ExitUsageError;
    }
    QString expected = cl.value(QStringLiteral("sha256"));
    if (expected.isEmpty()) expected = VerifiedDownload::hashPrefixInName(fileName);
    if (expected.isEmpty()) {
        cl.usageError(tr("The file name '%1' carries no hash to verify: give --sha256.").arg(fileName));
        return ExitUsageError;
    }
    const QString folder = cl.isSet(QStringLiteral("out")) ? cl.value(QStringLiteral("out")) : defaultFolder();
    if (!QDir().mkpath(folder)) {
        Console::error(tr("Cannot create the folder %1.").arg(folder));
        return ExitFailure;
    }

    const InterruptGuard interrupt;
    const auto fetched = [&] {
        ProgressBar progress(tr("Downloading %1").arg(fileName));
        auto r = VerifiedDownload::fetch(url, QDir(folder).filePath(fileName), expected, interrupt.flag(),
                                         [&progress](qint64 received, qint64 total) {
                                             if (total > 0) progress.update(double(received) / double(total));
                                         });
        if (r) progress.finish();
        return r;
    }();
    if (!fetched) {
        Console::error(QString::fromStdString(fetched.error()));
        return interrupt.interrupted() ? ExitInterrupted : ExitFailure;
    }
    const VerifiedDownload::Result& result = *fetched;
    if (cl.json()) {
        QJsonObject o;
        o[QStringLiteral("path")] = result.path;
        o[QStringLiteral("sha256")] = result.sha256;
        o[QStringLiteral("verified_against")] = expected.toLower();
        o[QStringLiteral("bytes")] = result.bytes;
        o[QStringLiteral("downloaded")] = result.downloaded;
        JsonOutput::print(o);
    } else {
        Console::outLine(result.downloaded ? tr("Downloaded and verified: %1").arg(result.path)
                                           : tr("Already present and verified: %1").arg(result.path));
        Console::outLine(tr("SHA-256 %1 (checked against %2)").arg(result.sha256, expected.toLower()));
    }
    return ExitSuccess;
}

}  // namespace slidesight::cli
