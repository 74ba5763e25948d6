#include "app/analysis/analysismodule.h"

#include "app/analysis/analysiscontroller.h"
#include "app/analysis/analysisdock.h"
#include "app/analysis/analysislayers.h"
#include "app/analysis/lrancontroller.h"
#include "app/shell/screenshots/untrainednotice.h"
#include "app/shell/shell.h"
#include "app/shell/slide/slidecontroller.h"
#include "viewer/layers/layerstack.h"
#include "viewer/view/slideview.h"

#include <QtWidgets/QLabel>

namespace slidesight {

AnalysisModule::AnalysisModule(Shell& shell, QObject* parent) : QObject(parent), shell_(shell) {
    LayerStack* stack = shell.layerStack();
    SlideController* slides = shell.controller();
    SlideView* view = shell.view();
    analysis_ = new AnalysisController(this);
    lran_ = new LranController(analysis_->thread(), stack, this);
    dock_ = new AnalysisDock(analysis_, stack, shell.window());
    dock_->setLranController(lran_);
    shell.addDock(dock_, Qt::LeftDockWidgetArea);

    untrainedViewBanner_ = new QLabel(UntrainedNotice::untrainedModel(), view);
    untrainedViewBanner_->setObjectName(QStringLiteral("untrainedViewBanner"));
    untrainedViewBanner_->setStyleSheet(QStringLiteral(
        "#untrainedViewBanner { background: rgba(248, 215, 218, 230); color: #842029; padding: 4px 8px; "
        "font-weight: bold; border: 1px solid #842029; }"));
    untrainedViewBanner_->adjustSize();
    untrainedViewBanner_->move(8, 8);
    untrainedViewBanner_->hide();
    for (auto signal : {&LayerStack::rowsInserted, &LayerStack::rowsRemoved})
        connect(stack, signal, this, &AnalysisModule::updateUntrainedBanner);
    connect(stack, &LayerStack::dataChanged, this, &AnalysisModule::updateUntrainedBanner);
    connect(stack, &LayerStack::modelReset, this, &AnalysisModule::updateUntrainedBanner);
    connect(stack, &LayerStack::orderChanged, this, &AnalysisModule::updateUntrainedBanner);

    connect(slides, &SlideController::opened, this, &AnalysisModule::updateSlide);
    connect(slides, &SlideController::closed, this, &AnalysisModule::updateSlide);
    connect(slides, &SlideController::mppChanged, this, &AnalysisModule::updateSlide);
    connect(view, &SlideView::viewChanged, lran_, [this](const QRectF& visible, double) { lran_->setVisibleRect(visible); });
}

AnalysisModule::~AnalysisModule() {
    cancel();
    delete dock_;
    delete lran_;
    delete analysis_;
}

void AnalysisModule::updateSlide() {
    const SlideController* slides = shell_.controller();
    const QString path = slides->hasSlide() ? slides->path() : QString();
    if (path != slide_) {
        // The layers of the slide shown before belong to it alone.
        if (lran_->isRunning()) lran_->cancel();
        for (const QString& id : AnalysisLayers::ids()) shell_.layerStack()->removeLayer(id);
        slide_ = path;
    }
    double mpp = 0.0;  // 0: the slide's own
    if (slides->hasSlide() && slides->source()->mpp().assumed()) mpp = slides->source()->mpp().average();
    dock_->setSlide(path, mpp);
}

void AnalysisModule::updateUntrainedBanner() {
    const bool show = AnalysisLayers::anyUntrainedVisible(*shell_.layerStack());
    if (show) {
        untrainedViewBanner_->adjustSize();
        untrainedViewBanner_->raise();
    }
    untrainedViewBanner_->setVisible(show);
}

void AnalysisModule::cancel() {
    if (lran_->isRunning()) lran_->cancel();
    if (analysis_->isRunning()) analysis_->cancel();
}

}  // namespace slidesight
