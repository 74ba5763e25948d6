#include "viewer/tiles/tilescheduler.h"

#include "viewer/common/threadsanitizer.h"

#include <QtCore/QThread>

#include <pthread.h>

#include <algorithm>

namespace slidesight {

TileScheduler::TileScheduler(TileCache* cache, int threads, QObject* parent)
    : QObject(parent), cache_(cache) {
    qRegisterMetaType<slidesight::TileKey>("slidesight::TileKey");
    if (threads <= 0) threads = std::max(2, QThread::idealThreadCount());
    workers_.reserve(static_cast<size_t>(threads));
    for (int i = 0; i < threads; ++i) workers_.emplace_back([this, i] { run(i + 1); });
}

TileScheduler::~TileScheduler() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        stopping_ = true;
        pending_.clear();
    }
    wake_.notify_all();
    for (std::thread& t : workers_) t.join();
}

void TileScheduler::request(const std::shared_ptr<const TiledSlide>& slide, const std::vector<TileKey>& keys,
                            const void* requester) {
    if (!slide) return;
    const quint64 id = slide->sourceId();
    {
        std::lock_guard<std::mutex> lock(mutex_);
        pending_.erase(std::remove_if(pending_.begin(), pending_.end(),
                                      [id, requester](const Job& j) {
                                          return j.key.sourceId == id && j.requester == requester;
                                      }),
                       pending_.end());
        std::unordered_set<TileKey> seen;
        for (const TileKey& key : keys) {
            if (key.sourceId != id || inFlight_.count(key) || !seen.insert(key).second) continue;
            if (cache_->contains(key)) continue;
            // Another requester's job for the same key may be queued too: whichever comes
            // first is read, the other is skipped by takeJob().
            pending_.push_back(Job{key, slide, requester});
        }
    }
    wake_.notify_all();
}

void TileScheduler::cancelRequests(quint64 sourceId, const void* requester) {
    std::lock_guard<std::mutex> lock(mutex_);
    pending_.erase(std::remove_if(pending_.begin(), pending_.end(),
                                  [sourceId, requester](const Job& j) {
                                      return j.key.sourceId == sourceId && j.requester == requester;
                                  }),
                   pending_.end());
}

bool TileScheduler::takeJob(Job& job) {
    while (!pending_.empty()) {
        job = std::move(pending_.front());
        pending_.pop_front();
        if (!inFlight_.count(job.key) && !cache_->contains(job.key)) return true;
    }
    return false;
}

void TileScheduler::cancel(quint64 sourceId) {
    std::lock_guard<std::mutex> lock(mutex_);
    pending_.erase(std::remove_if(pending_.begin(), pending_.end(),
                                  [sourceId](const Job& j) { return j.key.sourceId == sourceId; }),
                   pending_.end());
    ++generation_[sourceId];
    // Reads still under way will be discarded: they no longer stand for their keys.
    for (auto it = inFlight_.begin(); it != inFlight_.end();) {
        if (it->sourceId == sourceId) it = inFlight_.erase(it);
        else ++it;
    }
}

int TileScheduler::pendingCount() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return static_cast<int>(pending_.size());
}

int TileScheduler::inFlightCount() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return reading_;
}

bool TileScheduler::isIdle() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return pending_.empty() && reading_ == 0;
}

qint64 TileScheduler::tilesRead() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return tilesRead_;
}

void TileScheduler::run(int index) {
    // Named for Qt (the thread's QThread object, as logs and tests see it) and for the
    // system (top, gdb, perf).
    const QString name = QStringLiteral("tile-io-%1").arg(index);
    QThread::currentThread()->setObjectName(name);
    pthread_setname_np(pthread_self(), name.toLatin1().constData());
    for (;;) {
        Job job;
        quint64 generation = 0;
        {
            std::unique_lock<std::mutex> lock(mutex_);
            wake_.wait(lock, [this] { return stopping_ || !pending_.empty(); });
            if (stopping_) return;
            if (!takeJob(job)) {
                // Every job left was a duplicate of a tile read meanwhile.
                const bool becameIdle = reading_ == 0;
                lock.unlock();
                if (becameIdle) Q_EMIT idle();
                continue;
            }
            inFlight_.insert(job.key);
            ++reading_;
            generation = generation_[job.key.sourceId];
        }
        // No lock is held while reading: the GUI thread never waits on this I/O.
        auto image = job.slide->readTile(job.key);
        bool keep = false;
        {
            std::lock_guard<std::mutex> lock(mutex_);
            keep = !stopping_ && generation_[job.key.sourceId] == generation;
            if (keep) {
                // A discarded read leaves the key alone: a newer read of it may be under way.
                inFlight_.erase(job.key);
                ++tilesRead_;
                // Insert before leaving the lock, so a concurrent request() sees the tile
                // either in flight or in the cache, never in neither.
                if (image) cache_->insert(job.key, *image);
            }
        }
        job.slide.reset();
        if (keep) {
            // A receiver connected directly, as the CLI's benchmark is, runs unrecorded too.
            threadsanitizer::queued([&] {
                if (image) Q_EMIT tileReady(job.key);
                else Q_EMIT tileFailed(job.key, QString::fromStdString(image.error()));
            });
        }
        // The read counts as finished only once its signal is out, so that idle() is emitted
        // after every tileReady() of the burst, whichever worker finishes last.
        bool becameIdle = false;
        {
            std::lock_guard<std::mutex> lock(mutex_);
            --reading_;
            becameIdle = !stopping_ && pending_.empty() && reading_ == 0;
        }
        if (becameIdle) Q_EMIT idle();
    }
}

}  // namespace slidesight
