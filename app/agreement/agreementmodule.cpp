#include "app/agreement/agreementmodule.h"

#include "app/agreement/agreementdock.h"
#include "app/shell/shell.h"
#include "viewer/view/slideview.h"

namespace slidesight {

AgreementModule::AgreementModule(Shell& shell, AnnotationDocument* annotations, QObject* parent) : QObject(parent) {
    dock_ = new AgreementDock(shell.layerStack(), annotations, shell.window());
    shell.addDock(dock_, Qt::RightDockWidgetArea);
    dock_->hide();
    connect(dock_, &AgreementDock::centreRequested, shell.view(), &SlideView::centerOnLevelZero);
}

}  // namespace slidesight
