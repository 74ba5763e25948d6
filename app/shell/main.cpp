// slidesight: the desktop viewer. `slidesight [SLIDE]` opens a window;
// `slidesight --open SLIDE --screenshot OUT.png` renders the view without one;
// `--analyze BUNDLE --show LAYER[,LAYER...]` first runs the analysis and shows those layers;
// `--demo [DIR]` opens the offline demo built by `slidesight-cli demo build`; `--teach CASES`
// the teaching mode. `--help` and
// `--version` need no display.
#include "app/analysis/analysisdock.h"
#include "app/analysis/analysislayers.h"
#include "app/analysis/analysismodule.h"
#include "app/demo/demoindex.h"
#include "app/i18n/translationloader.h"
#include "app/panes/panesmodule.h"
#include "app/shell/screenshots/screenshotlayers.h"
#include "app/shell/screenshots/screenshotrunner.h"
#include "app/shell/screenshots/windowshot.h"
#include "app/shell/window/mainwindow.h"
#include "app/teaching/teachingcases.h"
#include "app/teaching/teachingmodule.h"

#include <QtCore/QCommandLineParser>
#include <QtCore/QSettings>
#include <QtCore/QTextStream>
#include <QtWidgets/QApplication>

#include <cmath>
#include <cstring>
#include <memory>
#include <optional>

using namespace slidesight;

namespace {

bool wantsScreenshot(int argc, char** argv) {
    for (int i = 1; i < argc; ++i)
        if (std::strcmp(argv[i], "--screenshot") == 0 || std::strncmp(argv[i], "--screenshot=", 13) == 0) return true;
    return false;
}

/// --help and --version print and exit: they need no display (a plain QCoreApplication), so
/// that they work over ssh and in scripts.
bool wantsTextOnly(int argc, char** argv) {
    for (int i = 1; i < argc; ++i)
        for (const char* option : {"-h", "--help", "--help-all", "-?", "-v", "--version"})
            if (std::strcmp(argv[i], option) == 0) return true;
    return false;
}

/// The interface language: --lang, else the one chosen in the settings, else the system's.
void installLanguage(QCoreApplication& app) {
    QStringList args = QCoreApplication::arguments();
    QString language = TranslationLoader::takeLanguageOption(args);
    if (language.isEmpty()) language = QSettings().value(QStringLiteral("ui/language")).toString();
    TranslationLoader::install(app, language);
}

/// One line on stderr, "slidesight: MESSAGE"; returns `code` (2: a bad command line, 1: a failure).
int fail(const QString& message, int code) {
    QTextStream(stderr) << QApplication::translate("main", "slidesight: %1").arg(message) << Qt::endl;
    return code;
}

int usageError(const QString& message) { return fail(message, 2); }

int failed(const std::string& message) { return fail(QString::fromStdString(message), 1); }

}  // namespace

int main(int argc, char** argv) {
    // Rendering to a file needs no display.
    if (wantsScreenshot(argc, argv) && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication::setOrganizationName(QStringLiteral("SlideSight"));
    QApplication::setApplicationName(QStringLiteral("SlideSight"));
    QApplication::setApplicationVersion(QStringLiteral(SLIDESIGHT_VERSION));
    // Without a display Qt's platform plugin would abort with a page of text: say it in one line.
    if (!wantsTextOnly(argc, argv) && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") &&
        qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY")) {
        QCoreApplication text(argc, argv);
        installLanguage(text);
        return usageError(QCoreApplication::translate(
            "main", "there is no display to open a window on (DISPLAY is not set); --screenshot renders without one."));
    }
    const std::unique_ptr<QCoreApplication> application =
        wantsTextOnly(argc, argv) ? std::make_unique<QCoreApplication>(argc, argv) : std::make_unique<QApplication>(argc, argv);
    QCoreApplication& app = *application;

    // The language must be known before any translated text, the parser's included.
    installLanguage(app);

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Viewer for gigapixel pathology slides."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("slide"), QApplication::translate("main", "Slide to open."), QStringLiteral("[SLIDE]"));
    const QCommandLineOption openOpt(QStringLiteral("open"), QApplication::translate("main", "Slide to open."), QStringLiteral("SLIDE"));
    const QCommandLineOption shotOpt(QStringLiteral("screenshot"),
                                     QApplication::translate("main", "Render the view to an image file without a window, then exit."),
                                     QStringLiteral("OUT.png"));
    const QCommandLineOption sizeOpt(QStringLiteral("size"), QApplication::translate("main", "Screenshot size (default 1280x800)."),
                                     QStringLiteral("WxH"), QStringLiteral("1280x800"));
    const QCommandLineOption magOpt(QStringLiteral("magnification"),
                                    QApplication::translate("main", "Screenshot magnification, e.g. 10 (default: fit the slide)."),
                                    QStringLiteral("X"));
    const QCommandLineOption centreOpt(QStringLiteral("center"),
                                       QApplication::translate("main", "Screenshot centre in level-0 pixels."), QStringLiteral("X,Y"));
    const QCommandLineOption mppOpt(QStringLiteral("mpp"),
                                    QApplication::translate("main", "µm/px to assume when the slide does not record it."),
                                    QStringLiteral("UM"));
    const QCommandLineOption langOpt(QStringLiteral("lang"), QApplication::translate("main", "Interface language, e.g. it or en."),
                                     QStringLiteral("CODE"));
    const QCommandLineOption timeoutOpt(QStringLiteral("timeout"),
                                        QApplication::translate("main", "Screenshot time limit in seconds (default 120)."),
                                        QStringLiteral("S"), QStringLiteral("120"));
    const QCommandLineOption analyzeOpt(QStringLiteral("analyze"),
                                        QApplication::translate("main", "Analyse the slide with this model bundle (folder or .zip)."),
                                        QStringLiteral("BUNDLE"));
    const QCommandLineOption showOpt(
        QStringLiteral("show"),
        QApplication::translate("main", "Layers to show in the screenshot, e.g. attention-max:mean,gradcam: %1.")
            .arg(ScreenshotLayers::ids().join(QStringLiteral(", "))),
        QStringLiteral("LAYERS"));
    const QCommandLineOption annotationsOpt(
        QStringLiteral("annotations"),
        QApplication::translate("main", "Annotation file (ASAP XML or GeoJSON) for the annotations and agreement layers "
                                        "of a screenshot (default: the slide's own)."),
        QStringLiteral("FILE"));
    const QCommandLineOption rotationOpt(QStringLiteral("rotation"),
                                         QApplication::translate("main", "Screenshot rotation in degrees, clockwise."),
                                         QStringLiteral("DEGREES"));
    const QCommandLineOption gridMppOpt(QStringLiteral("grid-mpp"),
                                        QApplication::translate("main", "µm/px of the analysis grid (default: the bundle's)."),
                                        QStringLiteral("UM"));
    const QCommandLineOption deviceOpt(QStringLiteral("device"),
                                       QApplication::translate("main", "Analysis device: auto, cpu or cuda (default auto)."),
                                       QStringLiteral("DEVICE"), QStringLiteral("auto"));
    const QCommandLineOption opacityOpt(QStringLiteral("opacity"),
                                        QApplication::translate("main", "Opacity of the shown layers, 0 to 1 (default 0.5)."),
                                        QStringLiteral("X"), QStringLiteral("0.5"));
    const QCommandLineOption demoOpt(
        QStringLiteral("demo"),
        QApplication::translate("main", "Open the offline demo (slidesight-cli demo build) from the folder given as the "
                                        "argument, or from %1.").arg(DemoIndex::defaultFolder()));
    const QCommandLineOption windowShotOpt(
        QStringLiteral("window-shot"),
        QApplication::translate("main", "Open the window, wait until it has settled (the analysis and the LRAN done, "
                                        "every tile loaded), save what the screen shows of it to this PNG and quit."),
        QStringLiteral("OUT.png"));
    const QCommandLineOption panesOpt(QStringLiteral("panes"),
                                      QApplication::translate("main", "Split the window's view into 1, 2 or 4 linked panes."),
                                      QStringLiteral("N"));
    const QCommandLineOption teachOpt(
        QStringLiteral("teach"),
        QApplication::translate("main", "Teaching mode: go through the cases of a demo folder, a case list (JSON) or a folder of "
                                        "slides with their truth; \"demo\" is the demo in %1.").arg(DemoIndex::defaultFolder()),
        QStringLiteral("CASES"));
    parser.addOptions({openOpt, shotOpt, sizeOpt, magOpt, centreOpt, mppOpt, langOpt, timeoutOpt, analyzeOpt, showOpt,
                       annotationsOpt, rotationOpt, gridMppOpt, deviceOpt, opacityOpt, demoOpt, windowShotOpt, panesOpt,
                       teachOpt});
    parser.process(app);
    std::optional<DemoIndex> demo;
    if (parser.isSet(demoOpt)) {
        const QString folder = parser.positionalArguments().isEmpty() ? DemoIndex::defaultFolder() : parser.positionalArguments().first();
        auto read = DemoIndex::read(folder);
        if (!read) {
            return failed(read.error());
        }
        demo = std::move(*read);
    }
    if (parser.isSet(gridMppOpt) && !parser.isSet(analyzeOpt) && !demo)
        return usageError(QApplication::translate("main", "--grid-mpp needs a model bundle (--analyze BUNDLE)."));
    if (parser.isSet(opacityOpt) && !parser.isSet(analyzeOpt) && !parser.isSet(showOpt) && !demo)
        return usageError(QApplication::translate("main", "--opacity needs layers to show (--show LAYERS)."));
    if (parser.isSet(showOpt)) {
        const auto requests = AnalysisLayers::parseRequests(parser.value(showOpt), ScreenshotLayers::ids());
        if (!requests) {
            return failed(requests.error());
        }
        for (const AnalysisLayers::Request& r : *requests)
            if (ScreenshotLayers::needsBundle(r.id) && !parser.isSet(analyzeOpt) && !demo)
                return usageError(
                    QApplication::translate("main", "--show %1 needs a model bundle (--analyze BUNDLE).").arg(r.id));
    }
    const QString device = parser.value(deviceOpt);
    if (device != QLatin1String("auto") && device != QLatin1String("cpu") && device != QLatin1String("cuda"))
        return usageError(QApplication::translate("main", "--device must be auto, cpu or cuda."));

    QString slide = parser.value(openOpt);
    if (slide.isEmpty() && !demo && !parser.positionalArguments().isEmpty()) slide = parser.positionalArguments().first();
    if (demo && slide.isEmpty()) slide = demo->firstShown()->slide;

    std::optional<TeachingCaseList> teach;
    if (parser.isSet(teachOpt)) {
        if (parser.isSet(shotOpt) || demo || !slide.isEmpty())
            return usageError(QApplication::translate("main", "--teach opens its own cases: give it no slide, --demo or --screenshot."));
        auto read = TeachingCaseList::read(parser.value(teachOpt));
        if (!read) return failed(read.error());
        teach = std::move(*read);
    }

    if (parser.isSet(shotOpt)) {
        if (slide.isEmpty()) return usageError(QApplication::translate("main", "--screenshot needs a slide (--open SLIDE)."));
        ScreenshotRunner::Options o;
        o.slide = slide;
        o.output = parser.value(shotOpt);
        const QStringList wh = parser.value(sizeOpt).split(QLatin1Char('x'));
        bool okW = false, okH = false;
        if (wh.size() == 2) o.size = QSize(wh[0].toInt(&okW), wh[1].toInt(&okH));
        if (!okW || !okH || o.size.width() < 16 || o.size.height() < 16 || o.size.width() > 16384 || o.size.height() > 16384)
            return usageError(QApplication::translate("main", "--size must look like 1920x1080."));
        bool ok = true;
        if (parser.isSet(magOpt)) o.magnification = parser.value(magOpt).toDouble(&ok);
        if (!ok || o.magnification < 0) return usageError(QApplication::translate("main", "--magnification must be a positive number."));
        if (parser.isSet(mppOpt)) o.userMpp = parser.value(mppOpt).toDouble(&ok);
        if (!ok || o.userMpp < 0) return usageError(QApplication::translate("main", "--mpp must be a positive number."));
        if (parser.isSet(centreOpt)) {
            const QStringList xy = parser.value(centreOpt).split(QLatin1Char(','));
            bool okX = false, okY = false;
            if (xy.size() == 2) o.centre = QPointF(xy[0].toDouble(&okX), xy[1].toDouble(&okY));
            if (!okX || !okY) return usageError(QApplication::translate("main", "--center must look like 1200,800."));
        }
        if (parser.isSet(rotationOpt)) o.rotation = parser.value(rotationOpt).toDouble(&ok);
        if (!ok || !std::isfinite(o.rotation)) return usageError(QApplication::translate("main", "--rotation must be a number of degrees."));
        o.show = parser.value(showOpt);
        o.annotations = parser.value(annotationsOpt);
        if (parser.isSet(opacityOpt)) o.layerOpacity = parser.value(opacityOpt).toDouble(&ok);
        if (!ok || o.layerOpacity < 0 || o.layerOpacity > 1)
            return usageError(QApplication::translate("main", "--opacity must be a number from 0 to 1."));
        o.timeoutMs = static_cast<int>(parser.value(timeoutOpt).toDouble(&ok) * 1000);
        if (!ok || o.timeoutMs <= 0) return usageError(QApplication::translate("main", "--timeout must be a positive number."));
        if (parser.isSet(analyzeOpt) || demo) {
            o.bundle = parser.isSet(analyzeOpt) ? parser.value(analyzeOpt) : demo->bundle;
            o.show = parser.isSet(showOpt) || !demo ? parser.value(showOpt) : demo->firstLayer;
            o.device = device;
            if (parser.isSet(gridMppOpt)) o.gridMpp = parser.value(gridMppOpt).toDouble(&ok);
            if (!ok || o.gridMpp < 0) return usageError(QApplication::translate("main", "--grid-mpp must be a positive number."));
        }
        ScreenshotRunner runner(o);
        QObject::connect(&runner, &ScreenshotRunner::finished, &app, [](int code) { QApplication::exit(code); });
        runner.start();
        return QApplication::exec();
    }

    int panes = 1;
    if (parser.isSet(panesOpt)) {
        bool ok = false;
        panes = parser.value(panesOpt).toInt(&ok);
        if (!ok || (panes != 1 && panes != 2 && panes != 4))
            return usageError(QApplication::translate("main", "--panes must be 1, 2 or 4."));
    }

    MainWindow window;
    window.show();
    window.panes()->setPaneCount(panes);
    if (teach) {
        if (auto opened = window.teaching()->open(std::move(*teach)); !opened) return failed(opened.error());
    } else if (demo && slide == demo->firstShown()->slide && !parser.isSet(analyzeOpt))
        window.openDemo(*demo);
    else if (!slide.isEmpty())
        window.openSlide(slide);
    if (parser.isSet(analyzeOpt)) window.analysis()->dock()->loadBundle(parser.value(analyzeOpt));
    std::unique_ptr<WindowShot> windowShot;
    if (parser.isSet(windowShotOpt)) {
        bool ok = true;
        const int timeoutMs = static_cast<int>(parser.value(timeoutOpt).toDouble(&ok) * 1000);
        if (!ok || timeoutMs <= 0) return usageError(QApplication::translate("main", "--timeout must be a positive number."));
        windowShot = std::make_unique<WindowShot>(&window, parser.value(windowShotOpt), parser.isSet(analyzeOpt) || demo,
                                                  timeoutMs);
        QObject::connect(windowShot.get(), &WindowShot::finished, &app, [](int code) { QApplication::exit(code); });
        windowShot->start();
    }
    return QApplication::exec();
}
