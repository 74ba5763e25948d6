#include "app/cli/commands/slides/synthcommand.h"

#include "app/cli/commandline.h"
#include "app/cli/console.h"
#include "app/cli/jsonoutput.h"
#include "app/cli/progressbar.h"

#include "viewer/slide/syntheticslidewriter.h"

#include <QtCore/QFile>
#include <QtCore/QFileInfo>
#include <QtCore/QJsonArray>
#include <QtCore/QRegularExpression>

#include <algorithm>
#include <cmath>

namespace slidesight::cli {

namespace {

constexpr qint64 kMaxSynthSide = 1000000;  // TIFF dimensions are 32-bit; this keeps level 1 in memory

}  // namespace

QString SynthCommand::summary() const {
    return tr("Write a synthetic pyramidal slide with a known colour pattern (for demos and tests).");
}

bool SynthCommand::parseSize(const QString& text, int64_t& width, int64_t& height) {
    static const QRegularExpression pattern(QStringLiteral("^\\s*(\\d+)\\s*(?:[xX]\\s*(\\d+))?\\s*$"));
    const auto match = pattern.match(text);
    if (!match.hasMatch()) return false;
    bool okW = false, okH = true;
    width = match.captured(1).toLongLong(&okW);
    height = match.captured(2).isEmpty() ? width : match.captured(2).toLongLong(&okH);
    return okW && okH && width > 0 && height > 0;
}

int SynthCommand::run(const QString& path, const QStringList& arguments) {
    CommandLine cl(path, tr("Writes a tiled, JPEG-compressed, pyramidal TIFF (downsamples 1, 4, 16 while a "
                            "level is at least 256 px) filled with 64x64 blocks of distinct colours. "
                            "The aperio flavour records µm/px and objective power as an Aperio SVS does; "
                            "the generic flavour is a plain tiled TIFF without µm/px."));
    cl.addPositional(QStringLiteral("OUT"), tr("The file to write (for example out.tiff)."), QStringLiteral("OUT"));
    cl.addOption(QCommandLineOption(QStringLiteral("size"), tr("Level-0 size in pixels, WxH or N for a square."),
                                    QStringLiteral("WxH"), QStringLiteral("4096x3072")));
    cl.addOption(QCommandLineOption(QStringLiteral("flavour"), tr("aperio or generic."), QStringLiteral("NAME"),
                                    QStringLiteral("aperio")));
    cl.addOption(QCommandLineOption(QStringLiteral("mpp"),
                                    tr("Micrometres per pixel to record (aperio flavour only); the "
                                       "objective power written is 10 divided by it."),
                                    QStringLiteral("X"), QStringLiteral("0.25")));
    cl.addJsonOption();
    if (const auto stop = cl.exitBeforeRun(arguments)) return *stop;

    SyntheticSlideWriter::Options options;
    if (!parseSize(cl.value(QStringLiteral("size")), options.width, options.height) ||
        options.width > kMaxSynthSide || options.height > kMaxSynthSide) {
        cl.usageError(tr("--size needs WxH or N with sides from 1 to %1, not '%2'.")
                          .arg(kMaxSynthSide)
                          .arg(cl.value(QStringLiteral("size"))));
        return ExitUsageError;
    }
    const QString flavour = cl.value(QStringLiteral("flavour")).toLower();
    if (flavour == QLatin1String("aperio")) {
        options.flavour = SyntheticSlideWriter::Flavour::Aperio;
    } else if (flavour == QLatin1String("generic")) {
        options.flavour = SyntheticSlideWriter::Flavour::GenericTiff;
    } else {
        cl.usageError(tr("--flavour must be aperio or generic, not '%1'.").arg(cl.value(QStringLiteral("flavour"))));
        return ExitUsageError;
    }
    if (options.flavour == SyntheticSlideWriter::Flavour::GenericTiff && cl.isSet(QStringLiteral("mpp"))) {
        cl.usageError(tr("--mpp needs --flavour aperio: a generic TIFF records no µm/px."));
        return ExitUsageError;
    }
    const auto mpp = cl.positiveValue(QStringLiteral("mpp"));
    if (!mpp) return ExitUsageError;
    options.mpp = options.flavour == SyntheticSlideWriter::Flavour::Aperio ? *mpp : 0.0;
    options.objectivePower = options.mpp > 0.0 ? 10.0 / options.mpp : 0.0;

    // Keep the pyramid levels that are still at least one tile across.
    options.downsamples = {1};
    for (int ds : {4, 16})
        if (std::max(options.width, options.height) / ds >= options.tileSize) options.downsamples.push_back(ds);

    const QString out = cl.positional().constFirst();
    ProgressBar progress(tr("Writing %1").arg(QFileInfo(out).fileName()));
    options.progress = [&progress](double fraction) { progress.update(fraction); };
    const auto written = SyntheticSlideWriter::write(QFile::encodeName(out).toStdString(), options,
                                                     &SyntheticSlideWriter::patternSource);
    if (!written) {
        progress.finish();
        Console::error(QString::fromStdString(written.error()));
        return ExitFailure;
    }
    progress.finish();

    QJsonArray downsamples;
    for (int ds : options.downsamples) downsamples.append(ds);
    if (cl.json()) {
        QJsonObject o;
        o[QStringLiteral("path")] = QFileInfo(out).absoluteFilePath();
        o[QStringLiteral("width")] = static_cast<double>(options.width);
        o[QStringLiteral("height")] = static_cast<double>(options.height);
        o[QStringLiteral("downsamples")] = downsamples;
        o[QStringLiteral("tile_size")] = options.tileSize;
        o[QStringLiteral("flavour")] = flavour;
        o[QStringLiteral("mpp")] = options.mpp > 0.0 ? QJsonValue(options.mpp) : QJsonValue();
        o[QStringLiteral("objective_power")] =
            options.objectivePower > 0.0 ? QJsonValue(options.objectivePower) : QJsonValue();
        JsonOutput::print(o);
    } else {
        Console::outLine(tr("Wrote %1: %2 x %3 px, %4 levels, %5 flavour.")
                             .arg(out)
                             .arg(options.width)
                             .arg(options.height)
                             .arg(options.downsamples.size())
                             .arg(flavour));
    }
    return ExitSuccess;
}

}  // namespace slidesight::cli
