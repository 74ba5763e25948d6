#pragma once

#include "viewer/common/expected.h"
#include "viewer/layers/griddata.h"
#include "viewer/slide/slidesource.h"

#include <QtCore/QSizeF>
#include <QtCore/QString>
#include <QtGui/QImage>

namespace slidesight {

class HeatmapLayer;

/// What a layer export writes.
enum class LayerExportFormat {
    GridPng,          ///< the colourised layer as shown, one pixel per grid cell
    SlideTiffColour,  ///< the colourised layer as RGBA over the slide's full level-0 extent
    SlideTiffValues,  ///< the raw float32 values over the slide's extent, NaN where there are none
};

/// Everything an export needs, taken from a layer on the GUI thread so the file can be written
/// on another thread.
struct LayerSnapshot {
    QString id;    ///< qualified id, e.g. "attention-max:7"
    QString name;
    GridDataPtr data;
    ChannelSelection channel;
    QImage image;  ///< HeatmapLayer::image(): one pixel per cell, as shown
    QSizeF levelZeroSize;
    Mpp mpp;
    bool untrained = false;
};

/// GUI thread: the layer as it is shown now, on a slide of that size and resolution.
LayerSnapshot snapshotLayer(const HeatmapLayer& layer, const QSizeF& levelZeroSize, const Mpp& mpp);

/// The integer downsample of a slide-aligned TIFF: at least 8 pixels per grid cell where the
/// cells allow it, at most 8192 pixels along the longer side.
int chooseTiffDownsample(const QSizeF& levelZeroSize, const GridGeometry& geometry);

/// Writes the grid-resolution PNG. Thread-safe; atomic; a failure carries one sentence.
Check writeLayerPng(const LayerSnapshot& layer, const QString& path);

/// Writes a TIFF covering level-0 [0, width) x [0, height) at `downsample` (ceil(size / D)
/// pixels), each pixel taking the cell under its centre. Records D, the level-0 size and µm/px
/// (XResolution/YResolution in pixels per centimetre, ImageDescription with "downsample=D").
/// `rawValues`: one float32 sample per pixel (NaN outside the grid and where there is no
/// value), else RGBA with unassociated alpha. Thread-safe; atomic (nothing is left behind on
/// failure); a failure carries one sentence.
Check writeLayerTiff(const LayerSnapshot& layer, bool rawValues, int downsample, const QString& path);

/// Writes `format` (TIFFs at chooseTiffDownsample()). Thread-safe.
Check exportLayer(const LayerSnapshot& layer, LayerExportFormat format, const QString& path);

}  // namespace slidesight
