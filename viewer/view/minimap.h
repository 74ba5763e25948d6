#pragma once

#include <QtCore/QRectF>
#include <QtCore/QSizeF>
#include <QtGui/QImage>
#include <QtGui/QPolygonF>
#include <QtWidgets/QWidget>

namespace slidesight {

/// A thumbnail of the whole slide with the visible area outlined (a turned rectangle when the
/// view is rotated). Clicking or dragging moves the view there.
///
/// GUI thread only.
class Minimap : public QWidget {
    Q_OBJECT
public:
    explicit Minimap(QWidget* parent = nullptr);

    /// The thumbnail and the level-0 size it shows.
    void setThumbnail(const QImage& thumbnail, const QSizeF& levelZeroSize);
    void clear();
    /// The visible part of the slide, in level-0 pixels.
    void setVisibleRect(const QRectF& levelZeroRect);
    /// The visible part of a rotated view: the viewport's corners in level-0 pixels.
    void setVisiblePolygon(const QPolygonF& levelZeroPolygon);
    QPolygonF visiblePolygon() const { return visible_; }
    /// Where a level-0 point is drawn in the widget.
    QPointF toWidget(const QPointF& levelZeroPoint) const;

    QSize sizeHint() const override;
    bool hasThumbnail() const { return !thumbnail_.isNull(); }

Q_SIGNALS:
    /// The user asked to centre the view on this level-0 point.
    void navigateRequested(const QPointF& levelZeroPoint);

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;

private:
    QRectF imageRect() const;
    QPointF toLevelZero(const QPointF& widgetPoint) const;

    QImage thumbnail_;
    QSizeF levelZeroSize_;
    QPolygonF visible_;
};

}  // namespace slidesight
