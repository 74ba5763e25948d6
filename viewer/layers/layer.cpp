#include "viewer/layers/layer.h"

#include <algorithm>

namespace slidesight {

Layer::Layer(QString id, QString name, QObject* parent)
    : QObject(parent), id_(std::move(id)), name_(std::move(name)) {}

Layer::~Layer() = default;

void Layer::setVisible(bool visible) {
    if (visible_ == visible) return;
    visible_ = visible;
    Q_EMIT appearanceChanged();
}

void Layer::setOpacity(double opacity) {
    opacity = std::clamp(opacity, 0.0, 1.0);
    if (opacity_ == opacity) return;
    opacity_ = opacity;
    Q_EMIT appearanceChanged();
}

std::optional<QString> Layer::valueAt(const QPointF&) const { return std::nullopt; }

void Layer::viewChanged(const QRectF&, double) {}

}  // namespace slidesight
