#include "viewer/layers/slidelayer.h"

#include "viewer/tiles/tilecache.h"
#include "viewer/tiles/tileplanner.h"
#include "viewer/tiles/tilescheduler.h"

#include <QtGui/QPainter>

#include <algorithm>
#include <cmath>

namespace slidesight {

namespace {

RectD toRectD(const QRectF& r) { return RectD{r.x(), r.y(), r.width(), r.height()}; }
QRectF toQRectF(const RectD& r) { return QRectF(r.x, r.y, r.width, r.height); }

/// A device-pixel rectangle with rounded edges, so neighbouring tiles share their borders
/// exactly and no seams show at fractional zooms.
QRect snapped(const QTransform& t, const QRectF& levelZeroRect) {
    const QRectF d = t.mapRect(levelZeroRect);
    const int left = static_cast<int>(std::lround(d.left()));
    const int top = static_cast<int>(std::lround(d.top()));
    const int right = static_cast<int>(std::lround(d.right()));
    const int bottom = static_cast<int>(std::lround(d.bottom()));
    return QRect(QPoint(left, top), QPoint(right - 1, bottom - 1));
}

}  // namespace

SlideLayer::SlideLayer(std::shared_ptr<const TiledSlide> slide, TileCache* cache,
                       TileScheduler* scheduler, QObject* parent)
    : Layer(QStringLiteral("slide"), tr("Slide"), parent),
      slide_(std::move(slide)),
      cache_(cache),
      scheduler_(scheduler) {
    const uint32_t bg = slide_->source().info().backgroundRgb;
    background_ = QColor::fromRgb((bg >> 16) & 0xFF, (bg >> 8) & 0xFF, bg & 0xFF);
    cache_->pinLevel(slide_->sourceId(), slide_->geometry().coarsestLevel());
    connect(scheduler_, &TileScheduler::tileReady, this, &SlideLayer::onTileReady);
}

SlideLayer::~SlideLayer() {
    if (keepTiles_) {
        scheduler_->cancelRequests(slide_->sourceId(), this);
        return;
    }
    scheduler_->cancel(slide_->sourceId());
    cache_->removeSource(slide_->sourceId());
}

QRectF SlideLayer::levelZeroBounds() const {
    const auto& g = slide_->geometry();
    return QRectF(0, 0, static_cast<double>(g.width()), static_cast<double>(g.height()));
}

void SlideLayer::onTileReady(const TileKey& key) {
    if (key.sourceId != slide_->sourceId()) return;
    Q_EMIT contentChanged(toQRectF(slide_->geometry().tileLevelZeroRect(key.level, key.column, key.row)));
}

void SlideLayer::viewChanged(const QRectF& visibleLevelZeroRect, double downsample) {
    scheduler_->request(slide_, TilePlanner::plan(slide_->geometry(), slide_->sourceId(),
                                                  toRectD(visibleLevelZeroRect), downsample),
                        this);
}

bool SlideLayer::isSharp(const QRectF& levelZeroRect, double downsample) const {
    const auto& g = slide_->geometry();
    const int target = g.levelForDownsample(downsample);
    const TileRange range = g.tilesCovering(target, toRectD(levelZeroRect.intersected(levelZeroBounds())));
    for (qint64 row = range.firstRow; row <= range.lastRow; ++row)
        for (qint64 col = range.firstColumn; col <= range.lastColumn; ++col)
            if (!cache_->contains(slide_->key(target, col, row))) return false;
    return true;
}

void SlideLayer::paint(QPainter& painter, const QRectF& levelZeroExposed, double downsample) {
    const QRectF exposed = levelZeroExposed.intersected(levelZeroBounds());
    if (exposed.isEmpty()) return;
    const auto& g = slide_->geometry();
    const int target = g.levelForDownsample(downsample);
    const QTransform transform = painter.worldTransform();
    // A rotated view draws the tiles through the painter's transform, each overlapping its
    // neighbours by half a screen pixel so that no seam shows along the rotated edges; an
    // unrotated one on whole device pixels.
    const bool rotated = transform.type() > QTransform::TxScale;

    painter.save();
    if (!rotated) painter.resetTransform();
    painter.setRenderHint(QPainter::SmoothPixmapTransform, true);

    // Fast path: everything at the matching level is cached.
    const int first = isSharp(exposed, downsample) ? target : g.coarsestLevel();
    if (first != target) {
        if (rotated) painter.fillRect(exposed, background_);
        else painter.fillRect(snapped(transform, exposed), background_);
    }
    for (int level = first; level >= target; --level) {
        const TileRange range = g.tilesCovering(level, toRectD(exposed));
        for (qint64 row = range.firstRow; row <= range.lastRow; ++row) {
            for (qint64 col = range.firstColumn; col <= range.lastColumn; ++col) {
                const TileKey key = slide_->key(level, col, row);
                const auto image = cache_->find(key);
                if (!image) continue;
                const QRectF tile = toQRectF(g.tileLevelZeroRect(level, col, row));
                const double deviceWidth = rotated ? tile.width() / downsample : 0.0;
                const QRect target = rotated ? QRect() : snapped(transform, tile);
                // Between two levels, draw from a copy reduced by a power of two: fewer pixels
                // to resample on every frame, and area-averaged rather than aliased.
                const int shift = ReducedTiles::shiftFor(double(image->width()) /
                                                         std::max(1.0, rotated ? deviceWidth : double(target.width())));
                const QImage& drawn = shift > 0 ? reduced_.reduced(key, *image, shift) : *image;
                if (rotated) painter.drawImage(tile.adjusted(0, 0, 0.5 * downsample, 0.5 * downsample), drawn);
                else painter.drawImage(target, drawn);
            }
        }
    }
    painter.restore();
}

std::optional<QString> SlideLayer::valueAt(const QPointF& p) const {
    const auto& g = slide_->geometry();
    if (!levelZeroBounds().contains(p)) return std::nullopt;
    // Report the colour from the finest cached level; never read the slide for it.
    for (int level = 0; level < g.levelCount(); ++level) {
        const double ds = g.level(level).downsample;
        const qint64 col = static_cast<qint64>(p.x() / ds) / g.tileSize();
        const qint64 row = static_cast<qint64>(p.y() / ds) / g.tileSize();
        const auto image = cache_->find(slide_->key(level, col, row));
        if (!image) continue;
        const int x = static_cast<int>(p.x() / ds) - static_cast<int>(col * g.tileSize());
        const int y = static_cast<int>(p.y() / ds) - static_cast<int>(row * g.tileSize());
        if (x < 0 || y < 0 || x >= image->width() || y >= image->height()) continue;
        const QColor c = image->pixelColor(x, y);
        return tr("RGB %1, %2, %3").arg(c.red()).arg(c.green()).arg(c.blue());
    }
    return std::nullopt;
}

}  // namespace slidesight
