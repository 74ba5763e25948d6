#include "app/cli/commands/slides/infocommand.h"

#include "app/cli/commandline.h"
#include "app/cli/commands/slides/slidereport.h"
#include "app/cli/console.h"
#include "app/cli/jsonoutput.h"

#include "viewer/slide/openslidesource.h"

#include <QtCore/QFile>

namespace slidesight::cli {

QString InfoCommand::summary() const {
    return tr("Show a slide's vendor, size, levels, µm/px, objective power and associated images.");
}

int InfoCommand::run(const QString& path, const QStringList& arguments) {
    CommandLine cl(path, tr("Shows what a slide file holds: vendor, dimensions, pyramid levels with their "
                            "downsamples and tile sizes, micrometres per pixel and where that value comes "
                            "from, objective power, background colour and associated images (label, "
                            "macro, thumbnail). Reads any format OpenSlide reads."));
    cl.addPositional(QStringLiteral("SLIDE"), tr("The slide file."), QStringLiteral("SLIDE"));
    cl.addJsonOption();
    cl.addOption(QCommandLineOption(QStringLiteral("properties"), tr("Also list every OpenSlide property.")));
    if (const auto stop = cl.exitBeforeRun(arguments)) return *stop;

    const auto slide = OpenSlideSource::open(QFile::encodeName(cl.positional().constFirst()).toStdString());
    if (!slide) {
        Console::error(QString::fromStdString(slide.error()));
        return ExitFailure;
    }
    const SlideReport report(**slide);
    const bool withProperties = cl.isSet(QStringLiteral("properties"));
    if (cl.json())
        JsonOutput::print(report.toJson(withProperties));
    else
        Console::out(report.toText(withProperties));
    return ExitSuccess;
}

}  // namespace slidesight::cli
