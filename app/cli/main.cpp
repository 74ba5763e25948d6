#include "app/cli/bench/featurebenchcommand.h"
#include "app/cli/bench/tilebenchcommand.h"
#include "app/cli/bench/trainbenchcommand.h"
#include "app/cli/commandgroup.h"
#include "app/cli/commandregistry.h"
#include "app/cli/commands/agreement/comparecommand.h"
#include "app/cli/commands/agreement/coveragecommand.h"
#include "app/cli/commands/annotations/annotationscommand.h"
#include "app/cli/commands/bundles/analyzecommand.h"
#include "app/cli/commands/bundles/bundlecommand.h"
#include "app/cli/commands/features/classifycommand.h"
#include "app/cli/commands/features/extractcommand.h"
#include "app/cli/commands/features/weightsfetchcommand.h"
#include "app/cli/commands/lran/lrancommand.h"
#include "app/cli/commands/machine/doctorcommand.h"
#include "app/cli/commands/slides/infocommand.h"
#include "app/cli/commands/slides/synthcommand.h"
#include "app/cli/commands/slides/thumbnailcommand.h"
#include "app/cli/commands/training/evaluatecommand.h"
#include "app/cli/commands/training/traincommand.h"
#include "app/cli/console.h"
#include "app/cli/demo/democommand.h"
#include "app/i18n/translationloader.h"

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
    // The language comes first: every text below is translated. `--lang CODE` may stand
    // anywhere; without it the system locale (LANG, LC_MESSAGES) decides.
    QStringList arguments = QCoreApplication::arguments().mid(1);
    bool languageOk = true;
    slidesight::TranslationLoader::install(app, slidesight::TranslationLoader::takeLanguageOption(arguments, &languageOk));
    if (!languageOk) {
        Console::error(QCoreApplication::translate("main", "--lang needs a language code, for example it or en."));
        return ExitUsageError;
    }

    CommandRegistry commands(QCoreApplication::translate(
        "main", "SlideSight command line: slide information, benchmarks and synthetic slides. Every "
                "command exits with 0 on success, 1 when it fails and 2 on a bad command line; "
                "--json gives machine-readable output. --lang CODE (for example it or en) picks "
                "the language; by default it follows the system locale."));
    commands.add(std::make_unique<InfoCommand>());
    commands.add(std::make_unique<AnnotationsCommand>());
    auto bench = std::make_unique<CommandGroup>(
        QStringLiteral("bench"), QCoreApplication::translate("main", "Benchmarks (bench tiles, bench features, bench train)."),
        QCoreApplication::translate("main", "Benchmarks of the viewer's machinery."));
    bench->add(std::make_unique<TileBenchCommand>());
    bench->add(std::make_unique<FeatureBenchCommand>());
    bench->add(std::make_unique<TrainBenchCommand>());
    commands.add(std::move(bench));
    commands.add(std::make_unique<SynthCommand>());
    commands.add(std::make_unique<ExtractCommand>());
    auto weights = std::make_unique<CommandGroup>(
        QStringLiteral("weights"), QCoreApplication::translate("main", "Pretrained extractor weights (weights fetch)."),
        QCoreApplication::translate("main", "Pretrained weights for the feature extractor."));
    weights->add(std::make_unique<WeightsFetchCommand>());
    commands.add(std::move(weights));
    commands.add(std::make_unique<ClassifyCommand>());
    commands.add(makeLranCommand());
    commands.add(makeBundleCommand());
    commands.add(std::make_unique<AnalyzeCommand>());
    commands.add(std::make_unique<TrainCommand>());
    commands.add(std::make_unique<EvaluateCommand>());
    commands.add(std::make_unique<CompareCommand>());
    commands.add(std::make_unique<CoverageCommand>());
    commands.add(std::make_unique<ThumbnailCommand>());
    commands.add(std::make_unique<DoctorCommand>());
    commands.add(makeDemoCommand());

    if (arguments.value(0) == QLatin1String("--version")) {
        Console::outLine(QStringLiteral("slidesight-cli %1").arg(QCoreApplication::applicationVersion()));
        return ExitSuccess;
    }
    return commands.dispatch(QStringLiteral("slidesight-cli"), arguments);
}
