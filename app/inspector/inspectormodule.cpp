#include "app/inspector/inspectormodule.h"

#include "app/inspector/inspectordock.h"
#include "app/shell/shell.h"
#include "app/shell/slide/slidecontroller.h"

namespace slidesight {

InspectorModule::InspectorModule(Shell& shell, QObject* parent) : QObject(parent) {
    dock_ = new InspectorDock(shell.layerStack(), shell.view(), shell.window());
    shell.addDock(dock_, Qt::LeftDockWidgetArea, Shell::DockGroup::Layers);
    SlideController* slides = shell.controller();
    connect(slides, &SlideController::opened, this, [this, slides] { dock_->setSlideSource(slides->source()); });
    connect(slides, &SlideController::closed, this, [this] { dock_->setSlideSource(nullptr); });
}

}  // namespace slidesight
