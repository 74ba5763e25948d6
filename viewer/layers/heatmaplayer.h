#pragma once

#include "viewer/layers/griddata.h"
#include "viewer/layers/layer.h"
#include "viewer/layers/normalisation.h"

#include <QtGui/QImage>

#include <memory>
#include <optional>

namespace slidesight {

struct ColouredGrid;

/// What a layer's legend shows.
struct Legend {
    QString title;       ///< the layer's name and channel, e.g. "Max attention (channel 7)"
    QString units;       ///< of the raw values; empty when they have none
    Colormap colormap = Colormap::Viridis;
    Normalisation normalisation = Normalisation::MinMax;
    double low = 0.0;    ///< raw value at the low end of the ramp
    double high = 1.0;   ///< raw value at the high end
    std::optional<double> threshold;
    bool untrained = false;  ///< the values come from a model that was never trained
    QString notice;          ///< why the layer shows no values (see HeatmapLayer::setNotice); empty: none
};

/// A grid-aligned map drawn over the slide: one image pixel per grid cell, scaled to the
/// cells' level-0 rectangles without smoothing, so cell borders fall exactly on the grid.
/// Multi-channel data (the H attention maps) show one channel, their mean or their maximum.
///
/// The colourised image is cached by (data serial, channel, display settings), never by
/// position: panning and zooming never recolour. GUI thread only.
class HeatmapLayer : public Layer {
    Q_OBJECT
public:
    HeatmapLayer(const QString& id, const QString& name, GridDataPtr data, DisplaySettings display = {},
                 QObject* parent = nullptr);

    GridDataPtr data() const { return data_; }
    void setData(GridDataPtr data);
    const DisplaySettings& display() const { return display_; }
    void setDisplay(const DisplaySettings& display);
    ChannelSelection channel() const { return channel_; }
    void setChannel(const ChannelSelection& channel);
    /// The id with the channel for multi-channel data ("attention-max:7"), else the id.
    QString qualifiedId() const;
    bool isUntrained() const { return untrained_; }
    void setUntrained(bool untrained);
    /// A notice shown instead of the values, for data that must not be normalised into a
    /// picture (a degenerate Grad-CAM: rounding noise). The layer then paints the notice over
    /// its grid, its legend carries it and the value under the cursor is the notice. Empty:
    /// the values are shown.
    QString notice() const { return notice_; }
    void setNotice(const QString& notice);

    /// The colourised grid (ARGB32 premultiplied, one pixel per cell, transparent where there
    /// is no value or the value is below the threshold).
    QImage image() const;
    Legend legend() const;
    /// The raw value of the shown plane at a level-0 point; empty outside or without value.
    std::optional<double> rawValueAt(const QPointF& levelZeroPoint) const;

    QRectF levelZeroBounds() const override;
    void paint(QPainter& painter, const QRectF& levelZeroExposed, double downsample) override;
    std::optional<QString> valueAt(const QPointF& levelZeroPoint) const override;

    /// How many times any heatmap was colourised in this process (cache misses), for tests.
    static quint64 colourisationCount();

Q_SIGNALS:
    /// Data, channel or display settings changed (the legend must be redrawn).
    void displayChanged();

private:
    GridDataPtr data_;
    DisplaySettings display_;
    ChannelSelection channel_;
    void paintNotice(QPainter& painter, const QRectF& area) const;

    bool untrained_ = false;
    QString notice_;
    std::shared_ptr<const ColouredGrid> current_;  ///< the colouring last painted
};

}  // namespace slidesight
