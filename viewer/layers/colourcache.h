#pragma once

#include "viewer/layers/griddata.h"
#include "viewer/layers/normalisation.h"

#include <QtGui/QImage>

#include <memory>

namespace slidesight {

/// One colourised plane of a grid: the image (one premultiplied ARGB pixel per cell) and the
/// raw values at the ends of the colour ramp.
struct ColouredGrid {
    quint64 serial = 0;
    ChannelSelection channel;
    DisplaySettings display;
    QImage image;
    double low = 0.0;
    double high = 1.0;

    bool matches(quint64 s, const ChannelSelection& c, const DisplaySettings& d) const {
        return serial == s && channel == c && display == d;
    }
};

using ColouredGridPtr = std::shared_ptr<const ColouredGrid>;

/// The colourised images of all heatmap layers, most recently used first: a few dozen entries
/// keyed by (data serial, channel, display settings), so switching back and forth between
/// settings or channels does not recolour. GUI thread only.
namespace colourcache {

/// The cached colouring, or a new one (a miss: counted by misses()).
ColouredGridPtr lookup(const GridData& data, const ChannelSelection& channel, const DisplaySettings& display);
/// Colourises without the cache (also counted).
ColouredGridPtr colourise(const GridData& data, const ChannelSelection& channel, const DisplaySettings& display);
quint64 misses();
void setCapacity(int entries);
int capacity();
void clear();

}  // namespace colourcache

}  // namespace slidesight
