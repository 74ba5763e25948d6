// MainWindow: the layer panel, the attention inspector, the value under the cursor and the
// layer export.
#include "app/shell/mainwindow.h"

#include "app/inspector/inspectordock.h"
#include "app/layers/layerexport.h"
#include "app/layers/layerexportdialog.h"
#include "app/layers/layerpaneldock.h"
#include "app/layers/layervaluelabel.h"
#include "app/shell/appsettings.h"
#include "app/shell/slidecontroller.h"
#include "viewer/layers/heatmaplayer.h"
#include "viewer/layers/layerstack.h"
#include "viewer/view/slideview.h"

#include <QtConcurrent/QtConcurrentRun>
#include <QtCore/QDir>
#include <QtCore/QFileInfo>
#include <QtCore/QFutureWatcher>
#include <QtGui/QAction>
#include <QtWidgets/QFileDialog>
#include <QtWidgets/QLabel>
#include <QtWidgets/QMenu>
#include <QtWidgets/QMenuBar>
#include <QtWidgets/QMessageBox>
#include <QtWidgets/QStatusBar>

namespace slidesight {

void MainWindow::createLayerDocks() {
    layerPanel_ = new LayerPanelDock(layerStack(), this);
    addDockWidget(Qt::LeftDockWidgetArea, layerPanel_);
    inspector_ = new InspectorDock(layerStack(), view_, this);
    addDockWidget(Qt::LeftDockWidgetArea, inspector_);
    tabifyDockWidget(layerPanel_, inspector_);
    layerPanel_->raise();
    if (QMenu* viewMenu = menuBar()->findChild<QMenu*>(QStringLiteral("viewMenu"))) {
        viewMenu->addAction(layerPanel_->toggleViewAction());
        viewMenu->addAction(inspector_->toggleViewAction());
    }

    // The value of every visible layer under the cursor.
    layerValueLabel_ = new LayerValueLabel(layerStack(), view_, this);
    statusBar()->addPermanentWidget(layerValueLabel_);

    // File > Export layer…, right after the view export.
    exportLayerAction_ = new QAction(tr("Export &layer…"), this);
    exportLayerAction_->setObjectName(QStringLiteral("exportLayerAction"));
    connect(exportLayerAction_, &QAction::triggered, this, &MainWindow::chooseAndExportLayer);
    for (QMenu* menu : menuBar()->findChildren<QMenu*>()) {
        const QList<QAction*> actions = menu->actions();
        const auto at = std::find(actions.begin(), actions.end(), exportAction_);
        if (at == actions.end()) continue;
        menu->insertAction(at + 1 == actions.end() ? nullptr : *(at + 1), exportLayerAction_);
        break;
    }

    connect(controller_, &SlideController::opened, this, [this] { inspector_->setSlideSource(controller_->source()); });
    connect(controller_, &SlideController::closed, this, [this] { inspector_->setSlideSource(nullptr); });
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(layerStack(), signal, this, &MainWindow::updateLayerActions);
    connect(layerStack(), &QAbstractItemModel::modelReset, this, &MainWindow::updateLayerActions);
    connect(controller_, &SlideController::opened, this, &MainWindow::updateLayerActions);
    connect(controller_, &SlideController::closed, this, &MainWindow::updateLayerActions);
    updateLayerActions();
}

void MainWindow::updateLayerActions() {
    bool anyHeatmap = false;
    for (int row = 0; row < layerStack()->count() && !anyHeatmap; ++row)
        anyHeatmap = qobject_cast<HeatmapLayer*>(layerStack()->layerAt(row)) != nullptr;
    exportLayerAction_->setEnabled(controller_->hasSlide() && anyHeatmap);
}

void MainWindow::chooseAndExportLayer() {
    if (!controller_->hasSlide()) return;
    const QString preferred = layerPanel_->selectedLayer() ? layerPanel_->selectedLayer()->id() : QString();
    LayerExportDialog dialog(layerStack(), preferred, this);
    if (dialog.exec() != QDialog::Accepted || !dialog.layer()) return;
    const LayerExportFormat format = dialog.format();
    const HeatmapLayer* layer = dialog.layer();
    QString base = QFileInfo(controller_->path()).completeBaseName() + QLatin1Char('-') + layer->qualifiedId();
    base.replace(QLatin1Char(':'), QLatin1Char('-'));
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export layer"), QDir(AppSettings::lastDirectory()).filePath(base + LayerExportDialog::suffix(format)),
        LayerExportDialog::fileFilter(format));
    if (path.isEmpty()) return;
    AppSettings::setLastDirectory(QFileInfo(path).absolutePath());

    const SlideInfo& info = controller_->source()->info();
    const LayerSnapshot snapshot = snapshotLayer(
        *layer, QSizeF(static_cast<double>(info.width()), static_cast<double>(info.height())),
        controller_->source()->mpp());
    statusBar()->showMessage(tr("Exporting %1…").arg(QFileInfo(path).fileName()));
    // Large TIFFs take a while: written on a worker thread, reported when done.
    auto* watcher = new QFutureWatcher<QString>(this);
    connect(watcher, &QFutureWatcher<QString>::finished, this, [this, watcher, path] {
        const QString error = watcher->result();
        watcher->deleteLater();
        statusBar()->clearMessage();
        if (!error.isEmpty()) QMessageBox::warning(this, tr("Export failed"), error);
        else statusBar()->showMessage(tr("Saved %1").arg(QFileInfo(path).fileName()), 4000);
    });
    watcher->setFuture(QtConcurrent::run([snapshot, format, path] { return exportLayer(snapshot, format, path); }));
}

}  // namespace slidesight
