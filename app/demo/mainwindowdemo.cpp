// MainWindow: opening the offline demo (a held-out mosaic, its ground truth and the demo's
// bundle), the `slidesight --demo` of the command line. Its first view teaches at a glance:
// the demo's best map alone, half transparent over the tissue, with its legend, the truth's
// outline drawn on top, and every other map one click away in the layer panel.

#include "app/shell/mainwindow.h"

#include "app/analysis/analysisdock.h"
#include "app/analysis/analysislayers.h"
#include "app/annotations/annotationdocument.h"
#include "app/demo/demoindex.h"
#include "app/layers/layerpaneldock.h"
#include "app/shell/slidecontroller.h"
#include "model/analysis/layerids.h"
#include "viewer/annotations/annotationio.h"
#include "viewer/layers/heatmaplayer.h"
#include "viewer/layers/layerstack.h"

#include <QtCore/QSet>
#include <QtWidgets/QMessageBox>

#include <memory>

namespace slidesight {

namespace {

constexpr double kDemoOpacity = 0.5;
const QString kAnnotationLayer = QStringLiteral("annotations");

}  // namespace

void MainWindow::keepDemoFirstView(const QString& firstLayer) {
    LayerStack* stack = layerStack();
    const auto requests = AnalysisLayers::parseRequests(firstLayer);
    const AnalysisLayers::Request first =
        requests ? requests->constFirst() : AnalysisLayers::Request{QString::fromLatin1(model::layerid::kAttentionMax), ChannelSelection::mean()};
    // Each layer is arranged once, when it first appears; what the user changes afterwards stays.
    auto arranged = std::make_shared<QSet<QString>>();
    auto arrange = [this, stack, first, arranged] {
        for (int row = 0; row < stack->count(); ++row) {
            Layer* layer = stack->layerAt(row);
            if (layer->id() == kAnnotationLayer || arranged->contains(layer->id())) continue;
            arranged->insert(layer->id());
            const bool shown = layer->id() == first.id;
            layer->setVisible(shown);
            if (!shown) continue;
            layer->setOpacity(kDemoOpacity);
            if (auto* heatmap = qobject_cast<HeatmapLayer*>(layer); heatmap && first.channel) heatmap->setChannel(*first.channel);
            layerPanel_->selectRow(stack->rowOf(layer->id()));  // its legend in the layer panel
            layerPanel_->raise();
        }
        // The truth's outline on top of every map.
        if (const int row = stack->rowOf(kAnnotationLayer); row > 0) stack->moveLayer(row, 0);
    };
    auto connection = std::make_shared<QMetaObject::Connection>();
    *connection = connect(stack, &LayerStack::orderChanged, this, arrange);
    auto closed = std::make_shared<QMetaObject::Connection>();
    *closed = connect(controller_, &SlideController::closed, this, [connection, closed] {
        disconnect(*connection);
        disconnect(*closed);
    });
    arrange();
}

void MainWindow::openDemo(const DemoIndex& index) {
    const DemoSlide* shown = index.firstShown();
    if (!shown) return;
    const DemoSlide slide = *shown;
    const QString bundle = index.bundle, group = index.group, firstLayer = index.firstLayer;
    auto opened = std::make_shared<QMetaObject::Connection>();
    *opened = connect(controller_, &SlideController::opened, this,
                      [this, opened, slide, bundle, group, firstLayer](const QString& path) {
        if (path != slide.slide) return;
        disconnect(*opened);
        // The truth, unless the slide's own annotations (autosaved earlier) already hold it.
        if (!slide.annotations.isEmpty() && !annotations_->annotations().group(group)) {
            const auto truth = AnnotationIO::read(slide.annotations);
            if (truth) {
                annotations_->importAnnotations(*truth, tr("Import the demo's ground truth"));
            } else {
                auto* box = new QMessageBox(QMessageBox::Warning, tr("Demo"), AnnotationIO::errorOf(truth), QMessageBox::Ok, this);
                box->setAttribute(Qt::WA_DeleteOnClose);
                box->open();
            }
        }
        keepDemoFirstView(firstLayer);
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
