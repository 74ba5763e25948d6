#pragma once

#include "viewer/slide/openslidesource.h"
#include "viewer/view/slideview.h"

#include <QtCore/QObject>
#include <QtCore/QPointer>
#include <QtCore/QString>
#include <QtGui/QImage>

#include <memory>

namespace slidesight {

class SlideLayer;
class TileCache;
class TileScheduler;
class TiledSlide;

/// Opens and closes slides for one SlideView: opening runs on a worker thread (the GUI never
/// waits on OpenSlide), the slide layer is installed when it succeeds, and closing cancels the
/// slide's tile work without waiting. Owns the tile cache and the tile-I/O pool, or shares
/// another controller's (the panes of a split view: one cache, one pool).
///
/// GUI thread only.
class SlideController : public QObject {
    Q_OBJECT
public:
    SlideController(SlideView* view, qint64 cacheBytes, int tileThreads, QObject* parent = nullptr);
    /// A controller of another view that uses `owner`'s tile cache and I/O pool; `owner`
    /// must outlive it.
    SlideController(SlideView* view, const SlideController& owner, QObject* parent = nullptr);
    ~SlideController() override;

    /// Starts opening `path`; emits opened() or openFailed(). A newer open() supersedes it.
    void open(const QString& path);
    /// Shows the slide `other` shows without opening it again: the same source and the same
    /// cached tiles (a tile both views need is read once). Closes when `other` has none.
    void showSameAs(const SlideController& other);
    /// Whether the slide shown is another controller's (showSameAs()).
    bool isSharingSlide() const { return sharing_; }
    void close();

    bool hasSlide() const { return static_cast<bool>(source_); }
    bool isOpening() const { return openGeneration_ != installedGeneration_; }
    QString path() const { return path_; }
    std::shared_ptr<const SlideSource> source() const { return source_; }
    SlideLayer* slideLayer() const { return layer_; }
    TileCache* cache() const { return cache_; }
    std::shared_ptr<const TiledSlide> tiledSlide() const { return tiled_; }
    TileScheduler* scheduler() const { return scheduler_; }
    SlideView* view() const { return view_; }

    /// Sets a user-entered µm/px (<= 0 clears it) and updates the view.
    void setUserMpp(double micronsPerPixel);

    /// Whether every tile the current view needs at its level is cached.
    bool isViewSharp() const;

Q_SIGNALS:
    void opening(const QString& path);
    void opened(const QString& path);
    void openFailed(const QString& path, const QString& message);
    void closed();
    /// A small picture of the whole slide, for the minimap.
    void thumbnailReady(const QImage& thumbnail);
    /// The µm/px in effect changed (read SlideSource::mpp()).
    void mppChanged();

private:
    void install(const QString& path, std::shared_ptr<OpenSlideSource> source, quint64 generation,
                 std::shared_ptr<const TiledSlide> tiled = nullptr);
    void loadThumbnail();

    QPointer<SlideView> view_;
    std::unique_ptr<TileCache> ownedCache_;
    TileCache* cache_ = nullptr;
    TileScheduler* scheduler_ = nullptr;
    bool ownsScheduler_ = false;
    bool sharing_ = false;
    std::shared_ptr<OpenSlideSource> source_;
    std::shared_ptr<const TiledSlide> tiled_;
    SlideLayer* layer_ = nullptr;
    QString path_;
    quint64 openGeneration_ = 0;
    quint64 installedGeneration_ = 0;
};

}  // namespace slidesight
