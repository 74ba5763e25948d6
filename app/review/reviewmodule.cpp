#include "app/review/reviewmodule.h"

#include "app/review/coveragelayer.h"
#include "app/review/reviewdock.h"
#include "app/review/reviewrecorder.h"
#include "app/shell/shell.h"
#include "app/shell/slide/slidecontroller.h"
#include "viewer/layers/heatmaplayer.h"
#include "viewer/layers/layerstack.h"
#include "viewer/slide/slidesource.h"
#include "viewer/view/slideview.h"

#include <QtGui/QAction>
#include <QtWidgets/QMenu>

namespace slidesight {

ReviewModule::ReviewModule(Shell& shell, QObject* parent) : QObject(parent), shell_(shell) {
    SlideView* view = shell.view();
    SlideController* slides = shell.controller();
    LayerStack* stack = shell.layerStack();
    recorder_ = new ReviewRecorder(view, this);
    dock_ = new ReviewDock(stack, recorder_, shell.window());
    shell.addDock(dock_, Qt::RightDockWidgetArea);
    dock_->hide();

    connect(slides, &SlideController::opened, this, [this, slides, stack] {
        const SlideInfo& info = slides->source()->info();
        recorder_->openSlide(slides->path(), QSizeF(static_cast<double>(info.width()), static_cast<double>(info.height())));
        stack->addLayer(CoverageLayer::create(recorder_->coverage()));  // the stack owns it
    });
    connect(slides, &SlideController::closed, this, [this, stack] {
        recorder_->closeSlide();
        stack->removeLayer(CoverageLayer::kId);
    });
    connect(recorder_, &ReviewRecorder::coverageChanged, this, &ReviewModule::updateLayer);
    connect(recorder_, &ReviewRecorder::problem, this,
            [this](const QString& message) { shell_.showStatusMessage(message, 10000); });
    connect(dock_, &ReviewDock::visitRequested, view, [view](const QPointF& point, double magnification) {
        // Zoom first: a view showing more than the slide cannot be centred anywhere else.
        if (view->magnification() < magnification && view->nativeMagnification() > 0.0)
            view->setDownsample(view->nativeMagnification() / magnification);
        view->centerOnLevelZero(point);
    });

    next_ = new QAction(tr("Next unreviewed region"), this);
    next_->setShortcut(QKeySequence(tr("Ctrl+]")));
    connect(next_, &QAction::triggered, dock_, &ReviewDock::next);
    previous_ = new QAction(tr("Previous unreviewed region"), this);
    previous_->setShortcut(QKeySequence(tr("Ctrl+[")));
    connect(previous_, &QAction::triggered, dock_, &ReviewDock::previous);
    QMenu* menu = shell.menu(Shell::Menu::View);
    menu->addAction(next_);
    menu->addAction(previous_);
}

ReviewModule::~ReviewModule() = default;

void ReviewModule::updateLayer() {
    auto* layer = qobject_cast<HeatmapLayer*>(shell_.layerStack()->layer(CoverageLayer::kId));
    if (!layer || recorder_->coverage().isNull()) return;
    CoverageLayer::update(*layer, recorder_->coverage());
}

}  // namespace slidesight
