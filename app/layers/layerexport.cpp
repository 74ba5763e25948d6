#include "app/layers/layerexport.h"

#include "app/shell/screenshots/imageio.h"
#include "viewer/layers/heatmaplayer.h"
#include "viewer/common/qstringfailure.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QSaveFile>

#include <tiffio.h>

#include <algorithm>
#include <cmath>
#include <cstdarg>
#include <cstdio>
#include <limits>
#include <vector>

namespace slidesight {

namespace {

constexpr int kMaxTiffEdge = 8192;
constexpr double kMinPixelsPerCell = 8.0;

// libtiff on a QSaveFile, so the file appears only when it is complete.
tmsize_t readProc(thandle_t h, void* buffer, tmsize_t size) {
    return static_cast<tmsize_t>(static_cast<QIODevice*>(h)->read(static_cast<char*>(buffer), size));
}
tmsize_t writeProc(thandle_t h, void* buffer, tmsize_t size) {
    return static_cast<tmsize_t>(static_cast<QIODevice*>(h)->write(static_cast<const char*>(buffer), size));
}
toff_t seekProc(thandle_t h, toff_t offset, int whence) {
    auto* device = static_cast<QIODevice*>(h);
    const auto delta = static_cast<qint64>(offset);
    const qint64 base = whence == SEEK_SET ? 0 : whence == SEEK_CUR ? device->pos() : device->size();
    const qint64 position = base + delta;
    if (position < 0 || !device->seek(position)) return static_cast<toff_t>(-1);
    return static_cast<toff_t>(position);
}
int closeProc(thandle_t) { return 0; }  // the QSaveFile commits or cancels afterwards
toff_t sizeProc(thandle_t h) { return static_cast<toff_t>(static_cast<QIODevice*>(h)->size()); }
int mapProc(thandle_t, void**, toff_t*) { return 0; }
void unmapProc(thandle_t, void*, toff_t) {}

int errorHandler(TIFF*, void* user, const char*, const char* format, va_list args) {
    char message[512];
    std::vsnprintf(message, sizeof message, format, args);
    auto* text = static_cast<QString*>(user);
    if (text->isEmpty()) *text = QString::fromLocal8Bit(message);
    return 1;
}
int warningHandler(TIFF*, void*, const char*, const char*, va_list) { return 1; }

Check noValues() { return failure(QCoreApplication::translate("LayerExport", "The layer has no values to export.")); }

/// For each output pixel along one axis, the grid index under its centre, or -1.
std::vector<int> cellIndices(int pixels, int downsample, double origin, double cellSize, int cells) {
    std::vector<int> indices(static_cast<size_t>(pixels), -1);
    for (int i = 0; i < pixels; ++i) {
        const double centre = (i + 0.5) * downsample;
        const double cell = std::floor((centre - origin) / cellSize);
        if (cell >= 0.0 && cell < cells) indices[static_cast<size_t>(i)] = static_cast<int>(cell);
    }
    return indices;
}

QString description(const LayerSnapshot& layer, bool rawValues, int downsample) {
    QStringList lines{QStringLiteral("SlideSight layer export"),
                      QStringLiteral("layer=%1").arg(layer.id),
                      QStringLiteral("content=%1").arg(rawValues ? QStringLiteral("float32 raw values, NaN where none")
                                                                 : QStringLiteral("rgba as shown")),
                      QStringLiteral("downsample=%1").arg(downsample),
                      QStringLiteral("level0-width=%1").arg(static_cast<qint64>(layer.levelZeroSize.width())),
                      QStringLiteral("level0-height=%1").arg(static_cast<qint64>(layer.levelZeroSize.height()))};
    if (layer.mpp.known()) {
        lines << QStringLiteral("mpp-x=%1").arg(layer.mpp.x, 0, 'g', 10)
              << QStringLiteral("mpp-y=%1").arg(layer.mpp.y, 0, 'g', 10)
              << QStringLiteral("mpp-source=%1").arg(QLatin1String(mppSourceName(layer.mpp.source)));
    } else {
        lines << QStringLiteral("mpp=unknown");
    }
    if (layer.data && !layer.data->units().isEmpty()) lines << QStringLiteral("units=%1").arg(layer.data->units());
    if (layer.untrained) lines << QStringLiteral("model=untrained");
    return lines.join(QLatin1Char('\n'));
}

}  // namespace

LayerSnapshot snapshotLayer(const HeatmapLayer& layer, const QSizeF& levelZeroSize, const Mpp& mpp) {
    return {layer.qualifiedId(), layer.name(), layer.data(), layer.channel(), layer.image(),
            levelZeroSize,       mpp,          layer.isUntrained()};
}

int chooseTiffDownsample(const QSizeF& levelZeroSize, const GridGeometry& geometry) {
    const double longest = std::max(levelZeroSize.width(), levelZeroSize.height());
    const int fitting = static_cast<int>(std::ceil(longest / kMaxTiffEdge));
    const double smallestCell = std::min(geometry.cellSize.width(), geometry.cellSize.height());
    const int perCell = static_cast<int>(std::floor(smallestCell / kMinPixelsPerCell));
    return std::max({1, fitting, perCell});
}

Check writeLayerPng(const LayerSnapshot& layer, const QString& path) {
    if (layer.image.isNull()) return noValues();
    return saveImageAtomically(layer.image.convertToFormat(QImage::Format_ARGB32), path);
}

Check writeLayerTiff(const LayerSnapshot& layer, bool rawValues, int downsample, const QString& path) {
    if (!layer.data || layer.image.isNull()) return noValues();
    if (layer.levelZeroSize.isEmpty())
        return failure(QCoreApplication::translate("LayerExport", "There is no slide to align the layer with."));
    if (downsample < 1)
        return failure(QCoreApplication::translate("LayerExport", "The downsample of the exported image must be at least 1."));
    const int width = static_cast<int>(std::ceil(layer.levelZeroSize.width() / downsample));
    const int height = static_cast<int>(std::ceil(layer.levelZeroSize.height() / downsample));

    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) return cannotWrite(path, file.errorString());
    QString tiffError;
    TIFFOpenOptions* options = TIFFOpenOptionsAlloc();
    TIFFOpenOptionsSetErrorHandlerExtR(options, &errorHandler, &tiffError);
    TIFFOpenOptionsSetWarningHandlerExtR(options, &warningHandler, nullptr);
    const QByteArray name = path.toLocal8Bit();
    TIFF* tif = TIFFClientOpenExt(name.constData(), "w", &file, readProc, writeProc, seekProc, closeProc, sizeProc,
                                  mapProc, unmapProc, options);
    TIFFOpenOptionsFree(options);
    const auto fail = [&](const QString& why) {
        file.cancelWriting();
        return cannotWrite(path, why.isEmpty() ? file.errorString() : why);
    };
    if (!tif) return fail(tiffError);

    const QString text = description(layer, rawValues, downsample);
    const QByteArray descriptionBytes = text.toUtf8();
    TIFFSetField(tif, TIFFTAG_IMAGEWIDTH, static_cast<uint32_t>(width));
    TIFFSetField(tif, TIFFTAG_IMAGELENGTH, static_cast<uint32_t>(height));
    TIFFSetField(tif, TIFFTAG_PLANARCONFIG, PLANARCONFIG_CONTIG);
    TIFFSetField(tif, TIFFTAG_COMPRESSION, COMPRESSION_ADOBE_DEFLATE);
    if (rawValues) {
        TIFFSetField(tif, TIFFTAG_SAMPLESPERPIXEL, 1);
        TIFFSetField(tif, TIFFTAG_BITSPERSAMPLE, 32);
        TIFFSetField(tif, TIFFTAG_SAMPLEFORMAT, SAMPLEFORMAT_IEEEFP);
        TIFFSetField(tif, TIFFTAG_PHOTOMETRIC, PHOTOMETRIC_MINISBLACK);
    } else {
        const uint16_t extra[] = {EXTRASAMPLE_UNASSALPHA};
        TIFFSetField(tif, TIFFTAG_SAMPLESPERPIXEL, 4);
        TIFFSetField(tif, TIFFTAG_BITSPERSAMPLE, 8);
        TIFFSetField(tif, TIFFTAG_SAMPLEFORMAT, SAMPLEFORMAT_UINT);
        TIFFSetField(tif, TIFFTAG_PHOTOMETRIC, PHOTOMETRIC_RGB);
        TIFFSetField(tif, TIFFTAG_EXTRASAMPLES, 1, extra);
    }
    TIFFSetField(tif, TIFFTAG_ROWSPERSTRIP, TIFFDefaultStripSize(tif, 0));
    TIFFSetField(tif, TIFFTAG_IMAGEDESCRIPTION, descriptionBytes.constData());
    TIFFSetField(tif, TIFFTAG_SOFTWARE, "SlideSight");
    if (layer.mpp.known()) {
        // Pixels per centimetre: 10^4 µm per cm over the µm each exported pixel spans.
        TIFFSetField(tif, TIFFTAG_RESOLUTIONUNIT, RESUNIT_CENTIMETER);
        TIFFSetField(tif, TIFFTAG_XRESOLUTION, static_cast<float>(1e4 / (layer.mpp.x * downsample)));
        TIFFSetField(tif, TIFFTAG_YRESOLUTION, static_cast<float>(1e4 / (layer.mpp.y * downsample)));
    }

    const GridData& data = *layer.data;
    const GridGeometry& g = data.geometry();
    const std::vector<int> columnOf = cellIndices(width, downsample, g.origin.x(), g.cellSize.width(), g.columns);
    const std::vector<int> rowOf = cellIndices(height, downsample, g.origin.y(), g.cellSize.height(), g.rows);
    const std::vector<float> plane = rawValues ? data.plane(layer.channel) : std::vector<float>();
    const QImage colours = rawValues ? QImage() : layer.image.convertToFormat(QImage::Format_ARGB32);
    const float none = std::numeric_limits<float>::quiet_NaN();
    std::vector<float> floats(rawValues ? static_cast<size_t>(width) : 0);
    std::vector<uint8_t> bytes(rawValues ? 0 : static_cast<size_t>(width) * 4);
    for (int y = 0; y < height; ++y) {
        const int row = rowOf[static_cast<size_t>(y)];
        const auto* line =
            row >= 0 && !rawValues ? reinterpret_cast<const QRgb*>(colours.constScanLine(row)) : nullptr;
        for (int x = 0; x < width; ++x) {
            const int column = columnOf[static_cast<size_t>(x)];
            const bool inside = row >= 0 && column >= 0;
            if (rawValues) {
                const auto cell = static_cast<size_t>(row) * static_cast<size_t>(g.columns);
                floats[static_cast<size_t>(x)] = inside ? plane[cell + static_cast<size_t>(column)] : none;
            } else {
                const QRgb c = inside ? line[column] : 0u;
                uint8_t* out = &bytes[static_cast<size_t>(x) * 4];
                out[0] = static_cast<uint8_t>(qRed(c));
                out[1] = static_cast<uint8_t>(qGreen(c));
                out[2] = static_cast<uint8_t>(qBlue(c));
                out[3] = static_cast<uint8_t>(qAlpha(c));
            }
        }
        void* scanline = rawValues ? static_cast<void*>(floats.data()) : static_cast<void*>(bytes.data());
        if (TIFFWriteScanline(tif, scanline, static_cast<uint32_t>(y), 0) < 0) {
            TIFFClose(tif);
            return fail(tiffError);
        }
    }
    const bool flushed = TIFFFlush(tif) == 1;
    TIFFClose(tif);
    if (!flushed || !tiffError.isEmpty()) return fail(tiffError);
    if (!file.commit()) return cannotWrite(path, file.errorString());
    return true;
}

Check exportLayer(const LayerSnapshot& layer, LayerExportFormat format, const QString& path) {
    switch (format) {
    case LayerExportFormat::GridPng: return writeLayerPng(layer, path);
    case LayerExportFormat::SlideTiffColour:
    case LayerExportFormat::SlideTiffValues:
        if (!layer.data) return noValues();
        return writeLayerTiff(layer, format == LayerExportFormat::SlideTiffValues,
                              chooseTiffDownsample(layer.levelZeroSize, layer.data->geometry()), path);
    }
    return failure(QCoreApplication::translate("LayerExport", "Unknown export format."));
}

}  // namespace slidesight
