#pragma once

#include "viewer/layers/layer.h"
#include "viewer/layers/reducedtiles.h"
#include "viewer/tiles/tiledslide.h"

#include <QtGui/QColor>

#include <memory>

namespace slidesight {

class TileCache;
class TileScheduler;

/// The slide itself, drawn from cached tiles.
///
/// Paints coarse to fine: every cached tile from the coarsest level down to the level that
/// matches the view, so a tile still loading shows the best coarser tile beneath it and the
/// view is never blank. On each view change it asks the scheduler for the view's tiles
/// (coarsest level first, then centre-out) and repaints each tile's area as it arrives.
///
/// GUI thread only.
class SlideLayer : public Layer {
    Q_OBJECT
public:
    SlideLayer(std::shared_ptr<const TiledSlide> slide, TileCache* cache, TileScheduler* scheduler,
               QObject* parent = nullptr);
    /// Cancels this slide's tile work without waiting and drops its cached tiles.
    ~SlideLayer() override;

    const TiledSlide& slide() const { return *slide_; }
    std::shared_ptr<const TiledSlide> slidePointer() const { return slide_; }

    QRectF levelZeroBounds() const override;
    void paint(QPainter& painter, const QRectF& levelZeroExposed, double downsample) override;
    std::optional<QString> valueAt(const QPointF& levelZeroPoint) const override;
    void viewChanged(const QRectF& visibleLevelZeroRect, double downsample) override;

    /// Whether every tile of the matching level inside `levelZeroRect` is cached.
    bool isSharp(const QRectF& levelZeroRect, double downsample) const;

    /// Whether another view shows the same slide: the layer then leaves the slide's cached
    /// tiles and the other views' tile requests alone when it goes.
    void setKeepTilesOnClose(bool keep) { keepTiles_ = keep; }

private:
    void onTileReady(const TileKey& key);

    std::shared_ptr<const TiledSlide> slide_;
    TileCache* cache_;
    TileScheduler* scheduler_;
    QColor background_;
    ReducedTiles reduced_;
    bool keepTiles_ = false;
};

}  // namespace slidesight
