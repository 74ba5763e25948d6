#include "app/shell/slide/slidecontroller.h"

#include "viewer/common/background.h"
#include "viewer/layers/slidelayer.h"
#include "viewer/tiles/slidethumbnail.h"
#include "viewer/tiles/tilecache.h"
#include "viewer/tiles/tiledslide.h"
#include "viewer/tiles/tilescheduler.h"
#include "viewer/view/slideview.h"

namespace slidesight {

SlideController::SlideController(SlideView* view, qint64 cacheBytes, int tileThreads, QObject* parent)
    : QObject(parent), view_(view), ownedCache_(std::make_unique<TileCache>(cacheBytes)), cache_(ownedCache_.get()) {
    scheduler_ = new TileScheduler(cache_, tileThreads, this);
    ownsScheduler_ = true;
}

SlideController::SlideController(SlideView* view, const SlideController& owner, QObject* parent)
    : QObject(parent), view_(view), cache_(owner.cache()), scheduler_(owner.scheduler()) {}

SlideController::~SlideController() {
    close();
    if (ownsScheduler_) delete scheduler_;  // joins the workers before the cache goes
    scheduler_ = nullptr;
}

void SlideController::showSameAs(const SlideController& other) {
    ++openGeneration_;  // supersedes an open() under way
    if (!other.source_) {
        installedGeneration_ = openGeneration_;
        close();
        return;
    }
    if (sharing_ && tiled_ == other.tiled_) {
        installedGeneration_ = openGeneration_;
        return;
    }
    install(other.path_, other.source_, openGeneration_, other.tiled_);
}

void SlideController::open(const QString& path) {
    const quint64 generation = ++openGeneration_;
    Q_EMIT opening(path);
    const std::string file = path.toStdString();
    runInBackground(this, [file] { return OpenSlideSource::open(file); },
                    [this, path, generation](Expected<std::shared_ptr<OpenSlideSource>> result) {
        if (generation != openGeneration_) return;  // superseded by a newer open()
        if (!result) {
            installedGeneration_ = generation;
            Q_EMIT openFailed(path, QString::fromStdString(result.error()));
            return;
        }
        install(path, std::move(result).value(), generation);
    });
}

void SlideController::install(const QString& path, std::shared_ptr<OpenSlideSource> source, quint64 generation,
                              std::shared_ptr<const TiledSlide> tiled) {
    close();
    installedGeneration_ = generation;
    sharing_ = static_cast<bool>(tiled);
    source_ = std::move(source);
    tiled_ = sharing_ ? std::move(tiled) : std::make_shared<TiledSlide>(source_);
    path_ = path;
    layer_ = new SlideLayer(tiled_, cache_, scheduler_, this);
    // The tiles of a shared slide belong to the controller that opened it.
    layer_->setKeepTilesOnClose(sharing_);
    if (view_) {
        const SlideInfo& info = source_->info();
        view_->setSlideGeometry(QSizeF(static_cast<double>(info.width()), static_cast<double>(info.height())),
                                source_->mpp(), info.objectivePower);
        view_->addLayer(layer_);
        view_->flushViewChange();
    }
    loadThumbnail();
    Q_EMIT opened(path);
}

void SlideController::close() {
    if (!source_) return;
    if (view_) view_->removeLayer(layer_);
    delete layer_;  // cancels its tile work without waiting
    layer_ = nullptr;
    tiled_.reset();
    source_.reset();  // in-flight reads keep the source alive until they finish
    path_.clear();
    sharing_ = false;
    Q_EMIT closed();
}

void SlideController::setUserMpp(double micronsPerPixel) {
    if (!source_) return;
    source_->setUserMpp(micronsPerPixel);
    if (view_) view_->setMpp(source_->mpp());
    Q_EMIT mppChanged();
}

bool SlideController::isViewSharp() const {
    if (!layer_ || !view_) return false;
    return layer_->isSharp(view_->visibleLevelZeroRect(), view_->downsample());
}

void SlideController::loadThumbnail() {
    // Stitched from the coarsest display level on a worker: a few small tiles.
    auto tiled = tiled_;
    const quint64 generation = installedGeneration_;
    const auto draw = [tiled] { return slideThumbnail(*tiled); };
    runInBackground(this, draw, [this, generation](const QImage& image) {
        if (generation == installedGeneration_ && source_) Q_EMIT thumbnailReady(image);
    });
}

}  // namespace slidesight
