#include "app/cli/commandgroup.h"
#include "app/cli/commandregistry.h"
#include "app/cli/infocommand.h"
#include "app/cli/synthcommand.h"
#include "app/cli/console.h"
#include "app/cli/tilebenchcommand.h"

#include <QtCore/QCoreApplication>

#include <tiffio.h>

#include <memory>

int main(int argc, char* argv[]) {
    QCoreApplication app(argc, argv);
    // libtiff would print its own lines to stderr; the slide library turns every failure into
    // one message already, and a command prints exactly one error line.
    TIFFSetErrorHandler(nullptr);
    TIFFSetWarningHandler(nullptr);
    QCoreApplication::setApplicationName(QStringLiteral("slidesight-cli"));
    QCoreApplication::setOrganizationName(QStringLiteral("SlideSight"));
    QCoreApplication::setApplicationVersion(QStringLiteral(SLIDESIGHT_VERSION));

    using namespace slidesight::cli;
    CommandRegistry commands(QCoreApplication::translate(
        "main", "SlideSight command line: slide information, benchmarks and synthetic slides. Every "
                "command exits with 0 on success, 1 when it fails and 2 on a bad command line; "
                "--json gives machine-readable output."));
    commands.add(std::make_unique<InfoCommand>());
    auto bench = std::make_unique<CommandGroup>(
        QStringLiteral("bench"), QCoreApplication::translate("main", "Benchmarks (bench tiles)."),
        QCoreApplication::translate("main", "Benchmarks of the viewer's machinery."));
    bench->add(std::make_unique<TileBenchCommand>());
    commands.add(std::move(bench));
    commands.add(std::make_unique<SynthCommand>());

    QStringList arguments = QCoreApplication::arguments().mid(1);
    if (arguments.value(0) == QLatin1String("--version")) {
        Console::outLine(QStringLiteral("slidesight-cli %1").arg(QCoreApplication::applicationVersion()));
        return ExitSuccess;
    }
    return commands.dispatch(QStringLiteral("slidesight-cli"), arguments);
}
