#pragma once

#include "viewer/slide/slidesource.h"

#include <QtCore/QPointer>
#include <QtCore/QTimer>
#include <QtGui/QRegion>
#include <QtWidgets/QGraphicsView>

#include <optional>
#include <vector>

class QVariantAnimation;

namespace slidesight {

class Layer;
class LayerItem;
class LayerStack;

/// The deep-zoom view. Scene coordinates are level-0 pixels; the view transform is a pure
/// scale of 1 / downsample. Each Layer is drawn by one LayerItem, the first layer (the slide)
/// at the bottom.
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

    /// Level-0 pixels per screen pixel.
    double downsample() const;
    /// Zooms so that one screen pixel shows `downsample` level-0 pixels, keeping the level-0
    /// point under `viewportAnchor` (the centre if none) in place.
    void setDownsample(double downsample, std::optional<QPoint> viewportAnchor = std::nullopt);
    void zoomBy(double factor, std::optional<QPoint> viewportAnchor = std::nullopt);
    /// The downsample at which the whole slide fits the viewport.
    double fitDownsample() const;
    void zoomToFit();

    /// The scan's native magnification (objective power, or 10 / µm/px as an assumption), 0
    /// when neither is known.
    double nativeMagnification() const;
    /// Current magnification (native magnification / downsample), 0 when unknown.
    double magnification() const;
    void setMagnification(double magnification);

    void centerOnLevelZero(const QPointF& levelZeroPoint);
    QRectF visibleLevelZeroRect() const;

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

protected:
    void wheelEvent(QWheelEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
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
    QRect scaleBarBox() const;
    LayerItem* itemFor(Layer* layer) const;
    /// Adds and removes the stack's layers and puts them above the view's own.
    void syncStack();

    QGraphicsScene* scene_;
    std::vector<LayerItem*> items_;
    QSizeF slideSize_;
    Mpp mpp_;
    std::optional<double> objectivePower_;
    bool animated_ = true;
    bool scaleBarVisible_ = true;
    QTimer viewChangeTimer_;
    QRegion dirty_;
    QTimer frameTimer_;
    QVariantAnimation* zoomAnimation_;
    QPointer<LayerStack> stack_;
    std::vector<QPointer<Layer>> stackLayers_;  ///< bottom first
};

}  // namespace slidesight
