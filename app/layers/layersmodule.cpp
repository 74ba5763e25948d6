#include "app/layers/layersmodule.h"

#include "app/layers/layerexport.h"
#include "app/layers/layerexportdialog.h"
#include "app/layers/layerpaneldock.h"
#include "app/layers/layervaluelabel.h"
#include "app/shell/settings/appsettings.h"
#include "app/shell/shell.h"
#include "app/shell/slide/slidecontroller.h"
#include "viewer/common/background.h"
#include "viewer/layers/heatmaplayer.h"
#include "viewer/layers/layerstack.h"

#include <QtCore/QDir>
#include <QtCore/QFileInfo>
#include <QtGui/QAction>
#include <QtWidgets/QFileDialog>
#include <QtWidgets/QLabel>

namespace slidesight {

LayersModule::LayersModule(Shell& shell, QObject* parent) : QObject(parent), shell_(shell) {
    LayerStack* stack = shell.layerStack();
    panel_ = new LayerPanelDock(stack, shell.window());
    shell.addDock(panel_, Qt::LeftDockWidgetArea, Shell::DockGroup::Layers);

    valueLabel_ = new LayerValueLabel(stack, shell.view(), shell.window());
    shell.addStatusWidget(valueLabel_);

    exportAction_ = new QAction(tr("Export &layer…"), this);
    exportAction_->setObjectName(QStringLiteral("exportLayerAction"));
    connect(exportAction_, &QAction::triggered, this, &LayersModule::chooseAndExport);
    shell.addExportAction(exportAction_);

    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(stack, signal, this, &LayersModule::updateActions);
    connect(stack, &QAbstractItemModel::modelReset, this, &LayersModule::updateActions);
    connect(shell.controller(), &SlideController::opened, this, &LayersModule::updateActions);
    connect(shell.controller(), &SlideController::closed, this, &LayersModule::updateActions);
    updateActions();
}

void LayersModule::present(int row) {
    panel_->selectRow(row);
    panel_->raise();
}

void LayersModule::updateActions() {
    const LayerStack* stack = shell_.layerStack();
    bool anyHeatmap = false;
    for (int row = 0; row < stack->count() && !anyHeatmap; ++row)
        anyHeatmap = qobject_cast<HeatmapLayer*>(stack->layerAt(row)) != nullptr;
    exportAction_->setEnabled(shell_.controller()->hasSlide() && anyHeatmap);
}

void LayersModule::chooseAndExport() {
    const SlideController* slides = shell_.controller();
    if (!slides->hasSlide()) return;
    const QString preferred = panel_->selectedLayer() ? panel_->selectedLayer()->id() : QString();
    LayerExportDialog dialog(shell_.layerStack(), preferred, shell_.window());
    if (dialog.exec() != QDialog::Accepted || !dialog.layer()) return;
    const LayerExportFormat format = dialog.format();
    const HeatmapLayer* layer = dialog.layer();
    QString base = QFileInfo(slides->path()).completeBaseName() + QLatin1Char('-') + layer->qualifiedId();
    base.replace(QLatin1Char(':'), QLatin1Char('-'));
    const QString path = QFileDialog::getSaveFileName(
        shell_.window(), tr("Export layer"),
        QDir(AppSettings::lastDirectory()).filePath(base + LayerExportDialog::suffix(format)),
        LayerExportDialog::fileFilter(format));
    if (path.isEmpty()) return;
    AppSettings::setLastDirectory(QFileInfo(path).absolutePath());

    const SlideInfo& info = slides->source()->info();
    const LayerSnapshot snapshot = snapshotLayer(
        *layer, QSizeF(static_cast<double>(info.width()), static_cast<double>(info.height())), slides->source()->mpp());
    shell_.showStatusMessage(tr("Exporting %1…").arg(QFileInfo(path).fileName()));
    // Large TIFFs take a while: written on a worker thread, reported when done.
    const auto exported = [this, path](const Check& written) {
        if (!written) {
            shell_.showStatusMessage(QString());
            shell_.showWarning(tr("Export failed"), QString::fromStdString(written.error()));
        } else {
            shell_.showStatusMessage(tr("Saved %1").arg(QFileInfo(path).fileName()), 4000);
        }
    };
    runInBackground(this, [snapshot, format, path] { return exportLayer(snapshot, format, path); }, exported);
}

}  // namespace slidesight
