// SlideView's layers: one LayerItem per layer in the scene, added, removed and stacked, the
// overlays of a LayerStack kept above the view's own layers in the stack's order, and the rule
// that decides which layers this view shows. Kept apart from slideview.cpp, which holds the
// view's geometry (zoom, rotation, panning), input and drawing.
#include "viewer/view/slideview.h"

#include "viewer/layers/layer.h"
#include "viewer/layers/layerstack.h"
#include "viewer/view/layeritem.h"

#include <algorithm>

namespace slidesight {

LayerItem* SlideView::itemFor(Layer* layer) const {
    for (LayerItem* item : items_)
        if (item->layer() == layer) return item;
    return nullptr;
}

void SlideView::addLayer(Layer* layer) {
    if (!layer || itemFor(layer)) return;
    auto* item = new LayerItem(layer);
    if (visibilityRule_) item->setVisibilityRule(visibilityRule_);
    if (layer == curtainLayer_) item->setCurtain(curtainX());
    item->setZValue(static_cast<double>(items_.size()));
    scene_->addItem(item);
    items_.push_back(item);
    connect(layer, &Layer::contentChanged, this, &SlideView::scheduleRepaint);
    connect(layer, &Layer::contentChanged, this, [item] { item->sync(); });  // bounds may change
    connect(layer, &Layer::appearanceChanged, this, [item] { item->sync(); });
    connect(layer, &QObject::destroyed, this, [this, layer] { removeLayer(layer); });
    layer->viewChanged(visibleLevelZeroRect(), downsample());
    if (stack_) syncStack();  // overlays stay above the view's own layers
}

void SlideView::removeLayer(Layer* layer) {
    auto it = std::find_if(items_.begin(), items_.end(), [layer](LayerItem* i) { return i->layer() == layer; });
    if (it == items_.end()) {
        // The layer may already be gone (destroyed signal): drop items whose layer is null.
        it = std::find_if(items_.begin(), items_.end(), [](LayerItem* i) { return i->layer() == nullptr; });
        if (it == items_.end()) return;
    }
    LayerItem* item = *it;
    items_.erase(it);
    if (item->layer()) disconnect(item->layer(), nullptr, this, nullptr);
    scene_->removeItem(item);
    delete item;
}

void SlideView::setLayerVisibilityRule(std::function<std::optional<bool>(const Layer&)> rule) {
    visibilityRule_ = std::move(rule);
    for (LayerItem* item : items_) item->setVisibilityRule(visibilityRule_);
    viewport()->update();
}

void SlideView::clearLayers() {
    while (!items_.empty()) removeLayer(items_.back()->layer());
}

void SlideView::setLayerOrder(const std::vector<Layer*>& bottomToTop) {
    double z = 0.0;
    for (Layer* layer : bottomToTop)
        if (LayerItem* item = itemFor(layer)) item->setZValue(z++);
}

void SlideView::setLayerStack(LayerStack* stack) {
    if (stack == stack_) return;
    if (stack_) disconnect(stack_, nullptr, this, nullptr);
    stack_ = stack;
    if (stack_) connect(stack_, &LayerStack::orderChanged, this, &SlideView::syncStack);
    syncStack();
}

LayerStack* SlideView::layerStack() const { return stack_; }

void SlideView::syncStack() {
    const std::vector<Layer*> wanted = stack_ ? stack_->bottomToTop() : std::vector<Layer*>();
    const auto isWanted = [&wanted](Layer* layer) {
        return std::find(wanted.begin(), wanted.end(), layer) != wanted.end();
    };
    std::vector<QPointer<Layer>> previous;
    previous.swap(stackLayers_);  // empty while adding, so addLayer() does not recurse
    for (const QPointer<Layer>& layer : previous)
        if (layer && !isWanted(layer)) removeLayer(layer);
    for (Layer* layer : wanted) {
        if (!itemFor(layer)) addLayer(layer);
        stackLayers_.push_back(layer);
    }
    std::vector<Layer*> order;
    for (Layer* layer : layers())
        if (layer && !isWanted(layer)) order.push_back(layer);
    order.insert(order.end(), wanted.begin(), wanted.end());
    setLayerOrder(order);
}

std::vector<Layer*> SlideView::layers() const {
    std::vector<LayerItem*> sorted = items_;
    std::sort(sorted.begin(), sorted.end(), [](LayerItem* a, LayerItem* b) { return a->zValue() < b->zValue(); });
    std::vector<Layer*> out;
    for (LayerItem* i : sorted) out.push_back(i->layer());
    return out;
}

}  // namespace slidesight
