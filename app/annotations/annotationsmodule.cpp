#include "app/annotations/annotationsmodule.h"

#include "app/annotations/annotationautosave.h"
#include "app/annotations/annotationdock.h"
#include "app/annotations/annotationdocument.h"
#include "app/annotations/annotationtools.h"
#include "app/shell/shell.h"
#include "app/shell/slide/slidecontroller.h"
#include "viewer/layers/annotationlayer.h"
#include "viewer/layers/layerstack.h"
#include "viewer/view/slideview.h"

#include <QtGui/QAction>
#include <QtGui/QUndoStack>
#include <QtWidgets/QMenu>

namespace slidesight {

AnnotationsModule::AnnotationsModule(Shell& shell, QObject* parent) : QObject(parent) {
    SlideController* slides = shell.controller();
    SlideView* view = shell.view();
    document_ = new AnnotationDocument(this);
    autosave_ = new AnnotationAutosave(document_, this);
    tools_ = new AnnotationTools(view, document_, nullptr, this);
    dock_ = new AnnotationDock(document_, shell.window());
    shell.addDock(dock_, Qt::RightDockWidgetArea);
    connect(dock_, &AnnotationDock::centreRequested, view, &SlideView::centerOnLevelZero);
    connect(dock_, &AnnotationDock::currentGroupChanged, tools_, &AnnotationTools::setDrawGroup);

    // The annotation layer lives in the view's layer stack while a slide is open.
    LayerStack* stack = shell.layerStack();
    connect(slides, &SlideController::opened, this, [this, stack](const QString& path) {
        autosave_->openSlide(path);
        auto* layer = new AnnotationLayer;
        document_->attachLayer(layer);
        stack->addLayer(layer);  // the stack owns it
        tools_->setLayer(layer);
    });
    connect(slides, &SlideController::closed, this, [this, stack] {
        autosave_->closeSlide();
        tools_->setLayer(nullptr);
        stack->removeLayer(QStringLiteral("annotations"));
    });
    connect(autosave_, &AnnotationAutosave::failed, this,
            [&shell](const QString& message) { shell.showWarning(tr("Annotations"), message); });

    QAction* undo = document_->undoStack()->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    QAction* redo = document_->undoStack()->createRedoAction(this, tr("&Redo"));
    redo->setShortcut(QKeySequence::Redo);
    QMenu* edit = shell.menu(Shell::Menu::Edit);
    edit->addAction(undo);
    edit->addAction(redo);
    edit->addSeparator();
    for (auto tool : {AnnotationTools::Tool::Select, AnnotationTools::Tool::Point, AnnotationTools::Tool::Rectangle,
                      AnnotationTools::Tool::Polygon, AnnotationTools::Tool::Freehand})
        edit->addAction(tools_->action(tool));
    shell.addToolBarOf(tools_->createToolBar(shell.window()));
}

}  // namespace slidesight
