#include "app/demo/demomodule.h"

#include "app/analysis/analysisdock.h"
#include "app/analysis/analysislayers.h"
#include "app/analysis/analysismodule.h"
#include "app/annotations/annotationdocument.h"
#include "app/annotations/annotationsmodule.h"
#include "app/demo/demoindex.h"
#include "app/layers/layersmodule.h"
#include "app/shell/shell.h"
#include "app/shell/slide/slidecontroller.h"
#include "model/analysis/layerids.h"
#include "viewer/annotations/annotationio.h"
#include "viewer/layers/heatmaplayer.h"
#include "viewer/layers/layerstack.h"

#include <QtCore/QSet>

#include <memory>

namespace slidesight {

namespace {

constexpr double kDemoOpacity = 0.5;

}  // namespace

DemoModule::DemoModule(Shell& shell, AnalysisModule* analysis, AnnotationsModule* annotations, LayersModule* layers,
                       QObject* parent)
    : QObject(parent), shell_(shell), analysis_(analysis), annotations_(annotations), layers_(layers) {}

void DemoModule::keepFirstView(const QString& firstLayer, const QStringList& onTop) {
    LayerStack* stack = shell_.layerStack();
    const auto requests = AnalysisLayers::parseRequests(firstLayer);
    const AnalysisLayers::Request first =
        requests ? requests->constFirst() : AnalysisLayers::Request{QString::fromLatin1(model::layerid::kAttentionMax), ChannelSelection::mean()};
    // Each layer is arranged once, when it first appears; what the user changes afterwards stays.
    auto arranged = std::make_shared<QSet<QString>>();
    auto arrange = [this, stack, first, arranged, onTop] {
        for (int row = 0; row < stack->count(); ++row) {
            Layer* layer = stack->layerAt(row);
            if (onTop.contains(layer->id()) || arranged->contains(layer->id())) continue;
            arranged->insert(layer->id());
            const bool shown = layer->id() == first.id;
            layer->setVisible(shown);
            if (!shown) continue;
            layer->setOpacity(kDemoOpacity);
            if (auto* heatmap = qobject_cast<HeatmapLayer*>(layer); heatmap && first.channel) heatmap->setChannel(*first.channel);
            layers_->present(stack->rowOf(layer->id()));  // its legend in the layer panel
        }
        // The outlines on top of every map, in the order asked for (moving one calls this again).
        int place = 0;
        for (const QString& id : onTop) {
            const int row = stack->rowOf(id);
            if (row < 0) continue;
            if (row != place) {
                stack->moveLayer(row, place);
                return;
            }
            ++place;
        }
    };
    auto connection = std::make_shared<QMetaObject::Connection>();
    *connection = connect(stack, &LayerStack::orderChanged, this, arrange);
    auto closed = std::make_shared<QMetaObject::Connection>();
    *closed = connect(shell_.controller(), &SlideController::closed, this, [connection, closed] {
        disconnect(*connection);
        disconnect(*closed);
    });
    arrange();
}

void DemoModule::open(const DemoIndex& index) {
    const DemoSlide* shown = index.firstShown();
    if (!shown) return;
    const DemoSlide slide = *shown;
    const QString bundle = index.bundle, group = index.group, firstLayer = index.firstLayer;
    auto opened = std::make_shared<QMetaObject::Connection>();
    *opened = connect(shell_.controller(), &SlideController::opened, this,
                      [this, opened, slide, bundle, group, firstLayer](const QString& path) {
        if (path != slide.slide) return;
        disconnect(*opened);
        // The truth, unless the slide's own annotations (autosaved earlier) already hold it.
        AnnotationDocument* document = annotations_->document();
        if (!slide.annotations.isEmpty() && !document->annotations().group(group)) {
            const auto truth = AnnotationIO::read(slide.annotations);
            if (truth) document->importAnnotations(*truth, tr("Import the demo's ground truth"));
            else shell_.showWarning(tr("Demo"), AnnotationIO::errorOf(truth));
        }
        keepFirstView(firstLayer);
        auto ready = std::make_shared<QMetaObject::Connection>();
        AnalysisDock* dock = analysis_->dock();
        *ready = connect(dock, &AnalysisDock::bundleReady, this, [dock, ready] {
            disconnect(*ready);
            dock->run();
        });
        dock->loadBundle(bundle);
    });
    shell_.controller()->open(slide.slide);
}

}  // namespace slidesight
