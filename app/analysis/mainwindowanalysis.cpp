// The main window's analysis part: the analysis dock and controller, the LRAN layers, and the
// "untrained" banner shown on the view while a never-trained model's layers are visible.
#include "app/shell/mainwindow.h"

#include "app/analysis/analysiscontroller.h"
#include "app/analysis/analysisdock.h"
#include "app/analysis/analysislayers.h"
#include "app/analysis/lrancontroller.h"
#include "app/shell/slidecontroller.h"
#include "app/shell/untrainednotice.h"
#include "viewer/layers/layerstack.h"
#include "viewer/view/slideview.h"

#include <QtWidgets/QLabel>
#include <QtWidgets/QMenu>
#include <QtWidgets/QMenuBar>

namespace slidesight {

void MainWindow::createAnalysis() {
    analysis_ = new AnalysisController(this);
    lran_ = new LranController(analysis_->thread(), layerStack_, this);
    analysisDock_ = new AnalysisDock(analysis_, layerStack_, this);
    analysisDock_->setLranController(lran_);
    addDockWidget(Qt::LeftDockWidgetArea, analysisDock_);
    if (QMenu* viewMenu = menuBar()->findChild<QMenu*>(QStringLiteral("viewMenu")))
        viewMenu->addAction(analysisDock_->toggleViewAction());

    untrainedViewBanner_ = new QLabel(UntrainedNotice::untrainedModel(), view_);
    untrainedViewBanner_->setObjectName(QStringLiteral("untrainedViewBanner"));
    untrainedViewBanner_->setStyleSheet(QStringLiteral(
        "#untrainedViewBanner { background: rgba(248, 215, 218, 230); color: #842029; padding: 4px 8px; "
        "font-weight: bold; border: 1px solid #842029; }"));
    untrainedViewBanner_->adjustSize();
    untrainedViewBanner_->move(8, 8);
    untrainedViewBanner_->hide();
    connect(layerStack_, &LayerStack::rowsInserted, this, &MainWindow::updateUntrainedBanner);
    connect(layerStack_, &LayerStack::rowsRemoved, this, &MainWindow::updateUntrainedBanner);
    connect(layerStack_, &LayerStack::dataChanged, this, &MainWindow::updateUntrainedBanner);
    connect(layerStack_, &LayerStack::modelReset, this, &MainWindow::updateUntrainedBanner);
    connect(layerStack_, &LayerStack::orderChanged, this, &MainWindow::updateUntrainedBanner);

    connect(controller_, &SlideController::opened, this, &MainWindow::updateAnalysisSlide);
    connect(controller_, &SlideController::closed, this, &MainWindow::updateAnalysisSlide);
    connect(controller_, &SlideController::mppChanged, this, &MainWindow::updateAnalysisSlide);
    connect(view_, &SlideView::viewChanged, lran_, [this](const QRectF& visible, double) { lran_->setVisibleRect(visible); });
}

void MainWindow::updateAnalysisSlide() {
    const QString path = controller_->hasSlide() ? controller_->path() : QString();
    if (path != analysisSlide_) {
        // The layers of the slide shown before belong to it alone.
        if (lran_->isRunning()) lran_->cancel();
        for (const QString& id : AnalysisLayers::ids()) layerStack_->removeLayer(id);
        analysisSlide_ = path;
    }
    double mpp = 0.0;  // 0: the slide's own
    if (controller_->hasSlide() && controller_->source()->mpp().assumed()) mpp = controller_->source()->mpp().average();
    analysisDock_->setSlide(path, mpp);
}

void MainWindow::updateUntrainedBanner() {
    const bool show = AnalysisLayers::anyUntrainedVisible(*layerStack_);
    if (show) {
        untrainedViewBanner_->adjustSize();
        untrainedViewBanner_->raise();
    }
    untrainedViewBanner_->setVisible(show);
}

void MainWindow::cancelAnalysis() {
    if (lran_ && lran_->isRunning()) lran_->cancel();
    if (analysis_ && analysis_->isRunning()) analysis_->cancel();
}

void MainWindow::destroyAnalysis() {
    // The dock reports to the controllers, and the LRAN work runs on the analysis thread:
    // the dock goes first, the analysis thread's owner last. None of them waits.
    cancelAnalysis();
    delete analysisDock_;
    analysisDock_ = nullptr;
    delete lran_;
    lran_ = nullptr;
    delete analysis_;
    analysis_ = nullptr;
}

}  // namespace slidesight
