#pragma once

#include "viewer/slide/slidesource.h"

#include <QtCore/QPointer>
#include <QtCore/QTimer>
#include <QtGui/QPolygonF>
#include <QtGui/QRegion>
#include <QtWidgets/QGraphicsView>

#include <functional>
#include <optional>
#include <vector>

class QVariantAnimation;

namespace slidesight {

class Layer;
class LayerItem;
class LayerStack;

/// The deep-zoom view. Scene coordinates are level-0 pixels; the view transform is a scale of
/// 1 / downsample and a rotation about the view's centre (clockwise on screen, 0 by default).
/// Each Layer is drawn by one LayerItem, the first layer (the slide) at the bottom.
///
/// Wheel zoom anchored at the cursor, drag and arrow-key pan, zoom to fit, magnification
/// presets (keys 1-6 for 1.25x ... 40x, 0 to fit, +/- to zoom). View changes are merged and
/// passed to every layer once per event-loop pass; repaints requested by layers are merged
/// to at most one per frame.
///
/// GUI thread only.
class SlideView : public QGraphicsView {
    Q_OBJECT
public:
    static constexpr double kPresets[] = {1.25, 2.5, 5.0, 10.0, 20.0, 40.0};

    explicit SlideView(QWidget* parent = nullptr);
    ~SlideView() override;

    /// Sets the slide's size and physical metadata; resets the layers' scene.
    void setSlideGeometry(const QSizeF& levelZeroSize, const Mpp& mpp, std::optional<double> objectivePower);
    /// Updates µm/px after the user entered or changed it.
    void setMpp(const Mpp& mpp);
    const Mpp& mpp() const { return mpp_; }

    /// Adds a layer on top of the others. The view does not own it.
    void addLayer(Layer* layer);
    void removeLayer(Layer* layer);
    void clearLayers();
    /// Re-stacks the layers in this order, bottom first.
    void setLayerOrder(const std::vector<Layer*>& bottomToTop);
    std::vector<Layer*> layers() const;
    /// Shows the overlay layers of `stack` above the view's own layers (the slide), in the
    /// stack's order; follows its orderChanged() and drops layers the stack removes. The view
    /// does not own the stack; nullptr detaches it.
    void setLayerStack(LayerStack* stack);
    LayerStack* layerStack() const;
    /// Decides which layers this view shows instead of their own visibility where the rule
    /// gives a value (see LayerItem::setVisibilityRule); an empty rule restores theirs.
    void setLayerVisibilityRule(std::function<std::optional<bool>(const Layer&)> rule);

    /// Level-0 pixels per screen pixel.
    double downsample() const;
    /// Zooms so that one screen pixel shows `downsample` level-0 pixels, keeping the level-0
    /// point under `viewportAnchor` (the centre if none) in place.
    void setDownsample(double downsample, std::optional<QPoint> viewportAnchor = std::nullopt);
    void zoomBy(double factor, std::optional<QPoint> viewportAnchor = std::nullopt);
    /// The downsample at which the whole slide (as rotated) fits the viewport.
    double fitDownsample() const;
    void zoomToFit();

    /// The scan's native magnification (objective power, or 10 / µm/px as an assumption), 0
    /// when neither is known.
    double nativeMagnification() const;
    /// Current magnification (native magnification / downsample), 0 when unknown.
    double magnification() const;
    void setMagnification(double magnification);

    /// The view's rotation in degrees, clockwise on screen, in [0, 360).
    double rotation() const { return rotation_; }
    /// Rotates the view about its centre (the level-0 point there stays), keeping the zoom.
    void setRotation(double degrees);
    void rotateBy(double degrees) { setRotation(rotation_ + degrees); }

    void centerOnLevelZero(const QPointF& levelZeroPoint);
    /// The level-0 point at the centre of the viewport.
    QPointF centreLevelZero() const;
    QRectF visibleLevelZeroRect() const;
    /// The level-0 area in view: the viewport's corners (a rotated rectangle when the view is
    /// rotated; visibleLevelZeroRect() is its bounding box).
    QPolygonF visibleLevelZeroPolygon() const;

    /// A curtain (swipe) across the view: `layer` is drawn only left of a vertical line the
    /// reader drags with the mouse, the layers beneath it show right of it. nullptr removes it.
    void setCurtain(Layer* layer);
    Layer* curtainLayer() const;
    /// Where the curtain is, as a fraction of the viewport's width (0.5 at first).
    double curtainPosition() const { return curtainPosition_; }
    void setCurtainPosition(double fraction);

    /// Zoom changes by keys and presets glide over ~150 ms when true (default).
    void setAnimated(bool animated) { animated_ = animated; }
    void setScaleBarVisible(bool visible);

    /// Sends the current view to every layer now instead of at the next event-loop pass.
    void flushViewChange();

Q_SIGNALS:
    /// The visible area or zoom changed (merged: at most once per event-loop pass).
    void viewChanged(const QRectF& visibleLevelZeroRect, double downsample);
    void cursorMoved(const QPointF& levelZeroPoint);
    void cursorLeft();
    void rotationChanged(double degrees);
    void curtainChanged();

protected:
    void wheelEvent(QWheelEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void leaveEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void scrollContentsBy(int dx, int dy) override;
    void drawBackground(QPainter* painter, const QRectF& rect) override;
    void drawForeground(QPainter* painter, const QRectF& rect) override;

private:
    void scheduleViewChange();
    void scheduleRepaint(const QRectF& levelZeroRect);
    void animateTo(double downsample);
    double clampDownsample(double downsample) const;
    /// The view transform for a downsample at the current rotation.
    QTransform viewTransform(double downsample) const;
    QRect scaleBarBox() const;
    LayerItem* itemFor(Layer* layer) const;
    /// Adds and removes the stack's layers and puts them above the view's own.
    void syncStack();
    /// The curtain's viewport x, and whether `x` is close enough to grab it.
    double curtainX() const;
    bool nearCurtain(double x) const;
    void applyCurtain();

    QGraphicsScene* scene_;
    std::vector<LayerItem*> items_;
    QSizeF slideSize_;
    Mpp mpp_;
    std::optional<double> objectivePower_;
    bool animated_ = true;
    double rotation_ = 0.0;
    bool scaleBarVisible_ = true;
    QTimer viewChangeTimer_;
    QRegion dirty_;
    QTimer frameTimer_;
    QVariantAnimation* zoomAnimation_;
    QPointer<LayerStack> stack_;
    std::vector<QPointer<Layer>> stackLayers_;  ///< bottom first
    std::function<std::optional<bool>(const Layer&)> visibilityRule_;
    QPointer<Layer> curtainLayer_;
    double curtainPosition_ = 0.5;
    bool draggingCurtain_ = false;
};

}  // namespace slidesight
