#pragma once

#include "viewer/layers/heatmaplayer.h"

#include <QtCore/QPointer>
#include <QtWidgets/QWidget>

#include <optional>

namespace slidesight {

/// The legend of one heatmap layer: its title, a colour ramp of its colormap, the raw values
/// at both ends with their units, the threshold as a mark on the ramp, and a note when the
/// values come from a model that was never trained. Follows the layer's displayChanged().
///
/// GUI thread only.
class LegendWidget : public QWidget {
    Q_OBJECT
public:
    explicit LegendWidget(QWidget* parent = nullptr);

    /// Shows `layer`'s legend (nothing for null) and follows its changes.
    void setLayer(HeatmapLayer* layer);
    HeatmapLayer* layer() const { return layer_; }
    /// The legend shown, empty when there is none.
    const std::optional<Legend>& legend() const { return legend_; }

    /// The texts at the ends of the ramp, e.g. "0.012 %"; empty without a legend.
    QString lowText() const;
    QString highText() const;
    /// A raw value with its units, as the legend writes it.
    static QString formatValue(double value, const QString& units);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    void refresh();

    QPointer<HeatmapLayer> layer_;
    QMetaObject::Connection connection_;
    std::optional<Legend> legend_;
};

}  // namespace slidesight
