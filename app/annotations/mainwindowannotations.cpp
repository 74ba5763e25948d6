// MainWindow: annotations. The layer (in the view's layer stack), the document with its undo
// history and autosave, the annotation dock, the drawing tools and Edit > Undo / Redo.
#include "app/annotations/annotationautosave.h"
#include "app/annotations/annotationdock.h"
#include "app/annotations/annotationdocument.h"
#include "app/annotations/annotationtools.h"
#include "app/shell/mainwindow.h"
#include "app/shell/slidecontroller.h"
#include "viewer/layers/annotationlayer.h"
#include "viewer/layers/layerstack.h"
#include "viewer/view/slideview.h"

#include <QtGui/QAction>
#include <QtGui/QUndoStack>
#include <QtWidgets/QMenuBar>
#include <QtWidgets/QMessageBox>
#include <QtWidgets/QToolBar>

namespace slidesight {

void MainWindow::createAnnotations() {
    annotations_ = new AnnotationDocument(this);
    annotationAutosave_ = new AnnotationAutosave(annotations_, this);
    annotationTools_ = new AnnotationTools(view_, annotations_, nullptr, this);
    annotationDock_ = new AnnotationDock(annotations_, this);
    addDockWidget(Qt::RightDockWidgetArea, annotationDock_);
    connect(annotationDock_, &AnnotationDock::centreRequested, view_, &SlideView::centerOnLevelZero);
    connect(annotationDock_, &AnnotationDock::currentGroupChanged, annotationTools_, &AnnotationTools::setDrawGroup);

    // The annotation layer lives in the view's layer stack while a slide is open.
    connect(controller_, &SlideController::opened, this, [this](const QString& path) {
        annotationAutosave_->openSlide(path);
        auto* layer = new AnnotationLayer;
        annotations_->attachLayer(layer);
        LayerStack* stack = view_->layerStack();
        if (!stack) {
            stack = new LayerStack(this);
            view_->setLayerStack(stack);
        }
        stack->addLayer(layer);  // the stack owns it
        annotationTools_->setLayer(layer);
    });
    connect(controller_, &SlideController::closed, this, [this] {
        annotationAutosave_->closeSlide();
        annotationTools_->setLayer(nullptr);
        if (LayerStack* stack = view_->layerStack()) stack->removeLayer(QStringLiteral("annotations"));
    });
    connect(annotationAutosave_, &AnnotationAutosave::failed, this, [this](const QString& message) {
        auto* box = new QMessageBox(QMessageBox::Warning, tr("Annotations"), message, QMessageBox::Ok, this);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    });

    QAction* undo = annotations_->undoStack()->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    QAction* redo = annotations_->undoStack()->createRedoAction(this, tr("&Redo"));
    redo->setShortcut(QKeySequence::Redo);
    auto* edit = new QMenu(tr("&Edit"), this);
    edit->setObjectName(QStringLiteral("editMenu"));
    edit->addAction(undo);
    edit->addAction(redo);
    edit->addSeparator();
    for (auto tool : {AnnotationTools::Tool::Select, AnnotationTools::Tool::Point, AnnotationTools::Tool::Rectangle,
                      AnnotationTools::Tool::Polygon, AnnotationTools::Tool::Freehand})
        edit->addAction(annotationTools_->action(tool));
    QMenu* viewMenu = menuBar()->findChild<QMenu*>(QStringLiteral("viewMenu"));
    menuBar()->insertMenu(viewMenu ? viewMenu->menuAction() : nullptr, edit);
    if (viewMenu) viewMenu->addAction(annotationDock_->toggleViewAction());
    addToolBar(annotationTools_->createToolBar(this));
}

}  // namespace slidesight
