#include "viewer/view/minimap.h"

#include <QtGui/QMouseEvent>
#include <QtGui/QPainter>

#include <algorithm>

namespace slidesight {

Minimap::Minimap(QWidget* parent) : QWidget(parent) {
    setMinimumSize(120, 90);
    setCursor(Qt::PointingHandCursor);
    setToolTip(tr("Click or drag to move the view"));
}

QSize Minimap::sizeHint() const { return QSize(240, 180); }

void Minimap::setThumbnail(const QImage& thumbnail, const QSizeF& levelZeroSize) {
    thumbnail_ = thumbnail;
    levelZeroSize_ = levelZeroSize;
    update();
}

void Minimap::clear() {
    thumbnail_ = QImage();
    levelZeroSize_ = QSizeF();
    visible_ = QPolygonF();
    update();
}

void Minimap::setVisibleRect(const QRectF& levelZeroRect) { setVisiblePolygon(QPolygonF(levelZeroRect)); }

void Minimap::setVisiblePolygon(const QPolygonF& levelZeroPolygon) {
    visible_ = levelZeroPolygon;
    update();
}

QPointF Minimap::toWidget(const QPointF& p) const {
    const QRectF r = imageRect();
    if (r.isEmpty()) return QPointF();
    return QPointF(r.left() + p.x() * r.width() / levelZeroSize_.width(), r.top() + p.y() * r.height() / levelZeroSize_.height());
}

QRectF Minimap::imageRect() const {
    if (levelZeroSize_.isEmpty()) return QRectF();
    const QSizeF fitted = levelZeroSize_.scaled(QSizeF(size()).shrunkBy(QMarginsF(2, 2, 2, 2)), Qt::KeepAspectRatio);
    return QRectF(QPointF((width() - fitted.width()) / 2, (height() - fitted.height()) / 2), fitted);
}

QPointF Minimap::toLevelZero(const QPointF& p) const {
    const QRectF r = imageRect();
    if (r.isEmpty()) return QPointF();
    const double x = std::clamp((p.x() - r.left()) / r.width(), 0.0, 1.0) * levelZeroSize_.width();
    const double y = std::clamp((p.y() - r.top()) / r.height(), 0.0, 1.0) * levelZeroSize_.height();
    return QPointF(x, y);
}

void Minimap::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.fillRect(rect(), palette().window());
    const QRectF r = imageRect();
    if (thumbnail_.isNull() || r.isEmpty()) {
        p.setPen(palette().color(QPalette::PlaceholderText));
        p.drawText(rect(), Qt::AlignCenter, levelZeroSize_.isEmpty() ? tr("No slide") : tr("Loading…"));
        return;
    }
    p.setRenderHint(QPainter::SmoothPixmapTransform);
    p.drawImage(r, thumbnail_);
    if (!visible_.isEmpty()) {
        QPolygonF v;
        for (const QPointF& corner : visible_) v << toWidget(corner);
        p.setClipRect(r.adjusted(-1, -1, 1, 1));
        p.setRenderHint(QPainter::Antialiasing);
        p.setPen(QPen(QColor(220, 30, 30), 2));
        p.setBrush(Qt::NoBrush);
        p.drawPolygon(v);
    }
}

void Minimap::mousePressEvent(QMouseEvent* event) {
    if (event->button() == Qt::LeftButton && !levelZeroSize_.isEmpty())
        Q_EMIT navigateRequested(toLevelZero(event->position()));
}

void Minimap::mouseMoveEvent(QMouseEvent* event) {
    if ((event->buttons() & Qt::LeftButton) && !levelZeroSize_.isEmpty())
        Q_EMIT navigateRequested(toLevelZero(event->position()));
}

}  // namespace slidesight
