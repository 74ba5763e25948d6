#include "app/inspector/inspectordock.h"

#include "app/inspector/attentiongallery.h"
#include "app/inspector/cellgallery.h"
#include "viewer/slide/slidesource.h"

#include <QtWidgets/QTabWidget>

namespace slidesight {

InspectorDock::InspectorDock(LayerStack* stack, SlideView* view, QWidget* parent)
    : QDockWidget(tr("Attention inspector"), parent) {
    setObjectName(QStringLiteral("inspectorDock"));
    tabs_ = new QTabWidget(this);
    channels_ = new AttentionGallery(stack, tabs_);
    cells_ = new CellGallery(stack, view, tabs_);
    tabs_->addTab(channels_, tr("Channels"));
    tabs_->addTab(cells_, tr("Top cells"));
    setWidget(tabs_);
}

void InspectorDock::setSlideSource(std::shared_ptr<const SlideSource> source) {
    cells_->setSlideSource(std::move(source));
}

}  // namespace slidesight
