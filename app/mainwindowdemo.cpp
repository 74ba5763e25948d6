// MainWindow: opening the offline demo (a held-out mosaic, its ground truth and the demo's
// bundle), the `slidesight --demo` of the command line.

#include "app/mainwindow.h"

#include "app/analysisdock.h"
#include "app/annotationdocument.h"
#include "app/demoindex.h"
#include "app/slidecontroller.h"
#include "viewer/annotations/annotationio.h"

#include <QtWidgets/QMessageBox>

#include <memory>

namespace slidesight {

void MainWindow::openDemo(const DemoIndex& index) {
    const DemoSlide* shown = index.firstShown();
    if (!shown) return;
    const DemoSlide slide = *shown;
    const QString bundle = index.bundle, group = index.group;
    auto opened = std::make_shared<QMetaObject::Connection>();
    *opened = connect(controller_, &SlideController::opened, this, [this, opened, slide, bundle, group](const QString& path) {
        if (path != slide.slide) return;
        disconnect(*opened);
        // The truth, unless the slide's own annotations (autosaved earlier) already hold it.
        if (!slide.annotations.isEmpty() && !annotations_->annotations().group(group)) {
            QString error;
            const auto truth = AnnotationIO::read(slide.annotations, &error);
            if (truth) {
                annotations_->importAnnotations(*truth, tr("Import the demo's ground truth"));
            } else {
                auto* box = new QMessageBox(QMessageBox::Warning, tr("Demo"), error, QMessageBox::Ok, this);
                box->setAttribute(Qt::WA_DeleteOnClose);
                box->open();
            }
        }
        auto ready = std::make_shared<QMetaObject::Connection>();
        *ready = connect(analysisDock_, &AnalysisDock::bundleReady, this, [this, ready] {
            disconnect(*ready);
            analysisDock_->run();
        });
        analysisDock_->loadBundle(bundle);
    });
    openSlide(slide.slide);
}

}  // namespace slidesight
