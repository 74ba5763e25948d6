#include "viewer/view/layeritem.h"

#include "viewer/layers/layer.h"

#include <QtGui/QPainter>
#include <QtGui/QPainterPath>
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
    const std::optional<bool> ruled = rule_ ? rule_(*layer_) : std::nullopt;
    setVisible(ruled.value_or(layer_->isVisible()));
    setOpacity(layer_->opacity());
}

void LayerItem::setVisibilityRule(VisibilityRule rule) {
    rule_ = std::move(rule);
    sync();
}

void LayerItem::paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget*) {
    if (!layer_) return;
    const QTransform& t = painter->worldTransform();
    // Level-0 pixels per device pixel; the view never rotates, so the x scale says it all.
    const double scale = std::hypot(t.m11(), t.m12());
    if (scale <= 0.0) return;
    if (!curtainX_) {
        layer_->paint(*painter, option->exposedRect, 1.0 / scale);
        return;
    }
    // The curtain is a line on the screen: in level-0 coordinates a turned strip.
    bool invertible = false;
    const QTransform toScene = t.inverted(&invertible);
    if (!invertible) return;
    QPainterPath left;
    left.addPolygon(toScene.map(QPolygonF(QRectF(-1e6, -1e6, 1e6 + *curtainX_, 2e6))));
    painter->save();
    painter->setClipPath(left, Qt::IntersectClip);
    layer_->paint(*painter, option->exposedRect & left.boundingRect(), 1.0 / scale);
    painter->restore();
}

void LayerItem::setCurtain(std::optional<double> viewportX) {
    if (viewportX == curtainX_) return;
    curtainX_ = viewportX;
    update();
}

}  // namespace slidesight
