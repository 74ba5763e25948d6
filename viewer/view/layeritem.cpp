#include "viewer/view/layeritem.h"

#include "viewer/layers/layer.h"

#include <QtGui/QPainter>
#include <QtWidgets/QStyleOptionGraphicsItem>

#include <cmath>

namespace slidesight {

LayerItem::LayerItem(Layer* layer) : layer_(layer) {
    setFlag(QGraphicsItem::ItemUsesExtendedStyleOption, true);
    sync();
}

QRectF LayerItem::boundingRect() const { return bounds_; }

void LayerItem::sync() {
    if (!layer_) return;
    const QRectF b = layer_->levelZeroBounds();
    if (b != bounds_) {
        prepareGeometryChange();
        bounds_ = b;
    }
    setVisible(layer_->isVisible());
    setOpacity(layer_->opacity());
}

void LayerItem::paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget*) {
    if (!layer_) return;
    const QTransform& t = painter->worldTransform();
    // Level-0 pixels per device pixel; the view never rotates, so the x scale says it all.
    const double scale = std::hypot(t.m11(), t.m12());
    if (scale <= 0.0) return;
    layer_->paint(*painter, option->exposedRect, 1.0 / scale);
}

}  // namespace slidesight
