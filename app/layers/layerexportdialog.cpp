#include "app/layers/layerexportdialog.h"

#include "viewer/layers/heatmaplayer.h"
#include "viewer/layers/layerstack.h"

#include <QtWidgets/QComboBox>
#include <QtWidgets/QDialogButtonBox>
#include <QtWidgets/QFormLayout>
#include <QtWidgets/QPushButton>

namespace slidesight {

LayerExportDialog::LayerExportDialog(LayerStack* stack, const QString& preferredLayerId, QWidget* parent)
    : QDialog(parent), stack_(stack) {
    setWindowTitle(tr("Export layer"));
    auto* form = new QFormLayout(this);
    layers_ = new QComboBox(this);
    for (int row = 0; row < stack_->count(); ++row)
        if (auto* heat = qobject_cast<HeatmapLayer*>(stack_->layerAt(row))) layers_->addItem(heat->name(), heat->id());
    const int preferred = layers_->findData(preferredLayerId);
    if (preferred >= 0) layers_->setCurrentIndex(preferred);
    formats_ = new QComboBox(this);
    formats_->addItem(tr("PNG, one pixel per grid cell, as shown"), static_cast<int>(LayerExportFormat::GridPng));
    formats_->addItem(tr("TIFF aligned with the slide, colours as shown"),
                      static_cast<int>(LayerExportFormat::SlideTiffColour));
    formats_->addItem(tr("TIFF aligned with the slide, raw values (32-bit float)"),
                      static_cast<int>(LayerExportFormat::SlideTiffValues));
    form->addRow(tr("Layer"), layers_);
    form->addRow(tr("Format"), formats_);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setEnabled(layers_->count() > 0);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    form->addRow(buttons);
}

HeatmapLayer* LayerExportDialog::layer() const {
    return qobject_cast<HeatmapLayer*>(stack_->layer(layers_->currentData().toString()));
}

LayerExportFormat LayerExportDialog::format() const {
    return static_cast<LayerExportFormat>(formats_->currentData().toInt());
}

QString LayerExportDialog::fileFilter(LayerExportFormat format) {
    return format == LayerExportFormat::GridPng ? tr("PNG images (*.png)") : tr("TIFF images (*.tif *.tiff)");
}

QString LayerExportDialog::suffix(LayerExportFormat format) {
    return format == LayerExportFormat::GridPng ? QStringLiteral(".png") : QStringLiteral(".tif");
}

}  // namespace slidesight
