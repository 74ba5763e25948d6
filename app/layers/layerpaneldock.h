#pragma once

#include "viewer/layers/layer.h"

#include <QtCore/QPointer>
#include <QtWidgets/QDockWidget>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QListView;
class QSlider;
class QToolButton;
class QWidget;

namespace slidesight {

class HeatmapLayer;
class LayerStack;
class LegendWidget;

/// The layer panel: the overlay layers top first with their visibility check boxes, buttons
/// that move the selected layer up or down, and for the selected layer its opacity, colormap,
/// normalisation (raw with its low/high values), threshold in raw units and, for multi-channel
/// maps, the channel shown; the selected layer's legend below. Edits go through the stack's
/// setData() or the HeatmapLayer's setters, so every view of the stack follows.
///
/// GUI thread only.
class LayerPanelDock : public QDockWidget {
    Q_OBJECT
public:
    explicit LayerPanelDock(LayerStack* stack, QWidget* parent = nullptr);

    LayerStack* stack() const { return stack_; }
    Layer* selectedLayer() const { return selected_; }
    int selectedRow() const;
    void selectRow(int row);

    QListView* listView() const { return list_; }
    QToolButton* upButton() const { return up_; }
    QToolButton* downButton() const { return down_; }
    QSlider* opacitySlider() const { return opacity_; }
    QComboBox* colormapCombo() const { return colormap_; }
    QComboBox* normalisationCombo() const { return normalisation_; }
    QDoubleSpinBox* rawLowSpin() const { return rawLow_; }
    QDoubleSpinBox* rawHighSpin() const { return rawHigh_; }
    QCheckBox* thresholdCheck() const { return thresholdCheck_; }
    QDoubleSpinBox* thresholdSpin() const { return threshold_; }
    QComboBox* channelCombo() const { return channel_; }
    LegendWidget* legend() const { return legend_; }

private:
    QWidget* createControls();
    void onCurrentChanged();
    void refreshControls();
    void move(int delta);
    void setRole(int role, const QVariant& value);
    void applyRawRange();
    void applyThreshold();
    void applyChannel();
    HeatmapLayer* selectedHeatmap() const;

    LayerStack* stack_;
    QPointer<Layer> selected_;
    QMetaObject::Connection selectedConnection_;
    QMetaObject::Connection displayConnection_;
    bool updating_ = false;

    QListView* list_ = nullptr;
    QToolButton* up_ = nullptr;
    QToolButton* down_ = nullptr;
    QWidget* controls_ = nullptr;
    QWidget* heatmapControls_ = nullptr;
    QFormLayout* heatmapForm_ = nullptr;
    QSlider* opacity_ = nullptr;
    QComboBox* colormap_ = nullptr;
    QComboBox* normalisation_ = nullptr;
    QWidget* rawRow_ = nullptr;
    QDoubleSpinBox* rawLow_ = nullptr;
    QDoubleSpinBox* rawHigh_ = nullptr;
    QCheckBox* thresholdCheck_ = nullptr;
    QDoubleSpinBox* threshold_ = nullptr;
    QComboBox* channel_ = nullptr;
    LegendWidget* legend_ = nullptr;
};

}  // namespace slidesight
