// MainWindow: the agreement dock, comparing a heatmap layer with an annotation group, and its
// Previous / Next navigation centring the view.
#include "app/agreement/agreementdock.h"
#include "app/shell/mainwindow.h"
#include "viewer/view/slideview.h"

#include <QtWidgets/QMenu>
#include <QtWidgets/QMenuBar>

namespace slidesight {

void MainWindow::createAgreement() {
    agreementDock_ = new AgreementDock(layerStack_, annotations_, this);
    addDockWidget(Qt::RightDockWidgetArea, agreementDock_);
    agreementDock_->hide();
    connect(agreementDock_, &AgreementDock::centreRequested, view_, &SlideView::centerOnLevelZero);
    if (QMenu* viewMenu = menuBar()->findChild<QMenu*>(QStringLiteral("viewMenu")))
        viewMenu->addAction(agreementDock_->toggleViewAction());
}

}  // namespace slidesight
