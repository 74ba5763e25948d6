#pragma once

#include <QtWidgets/QGraphicsItem>

#include <QtCore/QPointer>

#include <functional>
#include <optional>

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
    /// Decides this item's visibility instead of the layer where the rule gives a value (a
    /// pane that shows its own choice of layers); nullopt keeps the layer's own.
    using VisibilityRule = std::function<std::optional<bool>(const Layer&)>;
    void setVisibilityRule(VisibilityRule rule);
    /// Draws only left of viewport x = `x` (the curtain); nullopt draws everywhere.
    void setCurtain(std::optional<double> viewportX);

private:
    QPointer<Layer> layer_;
    VisibilityRule rule_;
    std::optional<double> curtainX_;
    QRectF bounds_;
};

}  // namespace slidesight
