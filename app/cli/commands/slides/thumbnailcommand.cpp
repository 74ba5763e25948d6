#include "app/cli/commands/slides/thumbnailcommand.h"

#include "app/cli/commandline.h"
#include "app/cli/console.h"
#include "app/cli/jsonoutput.h"
#include "app/cli/localpath.h"
#include "app/cli/maprequest.h"

#include "viewer/layers/heatmaplayer.h"
#include "viewer/slide/openslidesource.h"
#include "viewer/tiles/slidethumbnail.h"
#include "viewer/tiles/tiledslide.h"

#include <QtCore/QFileInfo>
#include <QtCore/QSaveFile>
#include <QtGui/QImageWriter>
#include <QtGui/QPainter>

#include <memory>

namespace slidesight::cli {

namespace {

/// Writes `image` as PNG through a temporary file, or returns why not.
QString savePngAtomically(const QImage& image, const QString& path) {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) return file.errorString();
    QImageWriter writer(&file, "png");
    if (!writer.write(image)) {
        file.cancelWriting();
        return writer.errorString();
    }
    return file.commit() ? QString() : file.errorString();
}

}  // namespace

QString ThumbnailCommand::summary() const {
    return tr("Draw a slide's thumbnail, optionally with a result file's map over it, into a PNG file.");
}

int ThumbnailCommand::run(const QString& path, const QStringList& arguments) {
    CommandLine cl(path, tr("Draws the whole slide (its coarsest display level, scaled to fit --size) into a PNG "
                            "file. With --map a map of a result file (written by 'analyze' or 'classify') is drawn "
                            "over it as the viewer draws a heatmap layer: one colour per grid cell, min-max "
                            "normalised, cells without a value left clear. KEY names the map as for 'compare': "
                            "attention-max (default), attention-min, attention-avg, gradcam or tissue, optionally "
                            "with a channel (attention-max:7); multi-channel maps show their channel mean."));
    cl.addPositional(QStringLiteral("SLIDE"), tr("The slide file (any format OpenSlide reads)."), QStringLiteral("SLIDE"));
    cl.addOption(QCommandLineOption(QStringLiteral("out"), tr("The PNG file to write."), QStringLiteral("PNG")));
    cl.addOption(QCommandLineOption(QStringLiteral("map"), tr("The result file and optionally the map to draw over the slide."),
                                    QStringLiteral("RESULT.pt[:KEY]")));
    cl.addOption(QCommandLineOption(QStringLiteral("size"), tr("The longer side of the picture in pixels."),
                                    QStringLiteral("PX"), QStringLiteral("512")));
    cl.addOption(QCommandLineOption(QStringLiteral("opacity"), tr("The map's opacity, from 0 to 1."), QStringLiteral("F"),
                                    QStringLiteral("0.5")));
    cl.addOption(QCommandLineOption(QStringLiteral("colormap"),
                                    tr("The map's colours: viridis, magma, inferno, plasma, jet or gray."),
                                    QStringLiteral("NAME"), QStringLiteral("viridis")));
    cl.addJsonOption();
    if (const auto stop = cl.exitBeforeRun(arguments)) return *stop;
    if (!cl.isSet(QStringLiteral("out"))) {
        cl.usageError(tr("--out is required."));
        return ExitUsageError;
    }
    const auto size = cl.intValue(QStringLiteral("size"), 16, 8192);
    if (!size) return ExitUsageError;
    bool ok = false;
    const double opacity = cl.value(QStringLiteral("opacity")).toDouble(&ok);
    if (!ok || opacity < 0.0 || opacity > 1.0) {
        cl.usageError(tr("--opacity needs a number from 0 to 1, not '%1'.").arg(cl.value(QStringLiteral("opacity"))));
        return ExitUsageError;
    }
    const auto colormap = colormapFromKey(cl.value(QStringLiteral("colormap")));
    if (!colormap) {
        cl.usageError(tr("--colormap must be viridis, magma, inferno, plasma, jet or gray, not '%1'.")
                          .arg(cl.value(QStringLiteral("colormap"))));
        return ExitUsageError;
    }

    const QString slidePath = cl.positional().constFirst();
    auto source = OpenSlideSource::open(localPath(slidePath));
    if (!source) {
        Console::error(QString::fromStdString(source.error()));
        return ExitFailure;
    }
    std::optional<LoadedMap> map;
    if (cl.isSet(QStringLiteral("map"))) {
        auto loaded = LoadedMap::load(cl.value(QStringLiteral("map")));
        if (!loaded) {
            Console::error(QString::fromStdString(loaded.error()));
            return ExitFailure;
        }
        map = std::move(*loaded);
    }
    const SlideInfo& info = (*source)->info();
    const TiledSlide tiled(*source);
    const QImage whole = slideThumbnail(tiled);
    QImage image = whole.scaled(int(*size), int(*size), Qt::KeepAspectRatio, Qt::SmoothTransformation)
                       .convertToFormat(QImage::Format_RGB32);
    if (map) {
        DisplaySettings display;
        display.colormap = *colormap;
        HeatmapLayer layer(QStringLiteral("thumbnail"), QString(), std::make_shared<const GridData>(map->grid()), display);
        layer.setChannel(map->request.channel);
        const double downsample = double(info.width()) / double(image.width());
        QPainter painter(&image);
        painter.setOpacity(opacity);  // as the view puts a layer's opacity on the painter
        painter.scale(1.0 / downsample, 1.0 / downsample);
        layer.paint(painter, QRectF(0, 0, double(info.width()), double(info.height())), downsample);
    }
    const QString out = cl.value(QStringLiteral("out"));
    if (const QString why = savePngAtomically(image, out); !why.isEmpty()) {
        Console::error(tr("Cannot write \"%1\": %2.").arg(out, why));
        return ExitFailure;
    }
    if (cl.json())
        JsonOutput::print({{QStringLiteral("slide"), slidePath},
                           {QStringLiteral("out"), QFileInfo(out).absoluteFilePath()},
                           {QStringLiteral("width"), image.width()},
                           {QStringLiteral("height"), image.height()},
                           {QStringLiteral("map"), map ? QJsonValue(map->request.id) : QJsonValue()}});
    else
        Console::outLine(tr("Wrote %1 (%2 x %3 px).").arg(out).arg(image.width()).arg(image.height()));
    return ExitSuccess;
}

}  // namespace slidesight::cli
