#pragma once

#include "app/layers/layerexport.h"

#include <QtWidgets/QDialog>

class QComboBox;

namespace slidesight {

class HeatmapLayer;
class LayerStack;

/// Asks which heatmap layer to export and in which format.
class LayerExportDialog : public QDialog {
    Q_OBJECT
public:
    LayerExportDialog(LayerStack* stack, const QString& preferredLayerId, QWidget* parent = nullptr);

    HeatmapLayer* layer() const;
    LayerExportFormat format() const;
    /// The file dialog's filter and suffix for a format.
    static QString fileFilter(LayerExportFormat format);
    static QString suffix(LayerExportFormat format);

    QComboBox* layerCombo() const { return layers_; }
    QComboBox* formatCombo() const { return formats_; }

private:
    LayerStack* stack_;
    QComboBox* layers_;
    QComboBox* formats_;
};

}  // namespace slidesight
