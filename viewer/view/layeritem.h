#pragma once

#include <QtWidgets/QGraphicsItem>

#include <QtCore/QPointer>

namespace slidesight {

class Layer;

/// The one graphics item that draws a whole Layer (never one item per tile). Scene
/// coordinates are level-0 pixels.
///
/// GUI thread only.
class LayerItem : public QGraphicsItem {
public:
    explicit LayerItem(Layer* layer);

    Layer* layer() const { return layer_; }
    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;
    /// Re-reads the layer's bounds, visibility and opacity.
    void sync();

private:
    QPointer<Layer> layer_;
    QRectF bounds_;
};

}  // namespace slidesight
