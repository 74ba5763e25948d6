#pragma once

#include "viewer/tiles/tilecache.h"
#include "viewer/tiles/tiledslide.h"
#include "viewer/tiles/tilekey.h"

#include <QtCore/QObject>
#include <QtCore/QString>

#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <thread>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace slidesight {

/// Reads tiles on a pool of named I/O threads ("tile-io-N") and puts them in a TileCache.
///
/// The workers are std::threads that meet only through std::mutex and
/// std::condition_variable, which ThreadSanitizer sees in full; QThread's own start and wait
/// go through Qt's futexes, which a ThreadSanitizer build over Debian's Qt cannot see.
///
/// Requests come as ordered lists (see TilePlanner) from a requester (a view's slide layer);
/// a new list from a requester for a slide replaces that requester's pending requests for the
/// slide, so moving a view drops work that is no longer needed while other views of the same
/// slide (split panes) keep theirs. Tiles already cached or being read are not requested
/// again, and a tile that several requesters want is read once (duplicate requests merge).
/// Cancelling a slide drops its pending work and discards reads still in flight; it never
/// waits for them.
///
/// Thread-safe. Signals are emitted from the worker threads; connect them with a context
/// object in the receiving thread (queued delivery).
class TileScheduler : public QObject {
    Q_OBJECT
public:
    /// `threads` <= 0 picks one thread per core (at least two).
    explicit TileScheduler(TileCache* cache, int threads = 0, QObject* parent = nullptr);
    /// Stops the workers after their current read.
    ~TileScheduler() override;

    /// Replaces the pending requests of `requester` for `slide` by `keys`, in that priority
    /// order. `requester` only identifies whose list this is; it is never dereferenced.
    void request(const std::shared_ptr<const TiledSlide>& slide, const std::vector<TileKey>& keys,
                 const void* requester = nullptr);
    /// Drops the pending requests of `requester` for a slide; reads under way finish and are
    /// cached (another requester may want them).
    void cancelRequests(quint64 sourceId, const void* requester);
    /// Drops all work of a slide without waiting; its in-flight reads are discarded.
    void cancel(quint64 sourceId);

    int threadCount() const { return static_cast<int>(workers_.size()); }
    int pendingCount() const;
    /// Reads under way, including cancelled ones whose results will be discarded.
    int inFlightCount() const;
    /// Nothing pending and no read under way.
    bool isIdle() const;
    /// Total tiles read since construction (for benchmarks and tests).
    qint64 tilesRead() const;

Q_SIGNALS:
    void tileReady(slidesight::TileKey key);
    void tileFailed(slidesight::TileKey key, QString message);
    /// Nothing pending and nothing in flight.
    void idle();

private:
    struct Job {
        TileKey key;
        std::shared_ptr<const TiledSlide> slide;
        const void* requester = nullptr;
    };
    /// Takes the next job worth reading (not cached, not being read) off the queue; false
    /// when none is left. Called with mutex_ held.
    bool takeJob(Job& job);
    void run(int index);

    TileCache* cache_;
    std::vector<std::thread> workers_;
    mutable std::mutex mutex_;
    std::condition_variable wake_;
    std::deque<Job> pending_;
    /// Keys being read whose results will be kept; cancel() removes its slide's keys, so a
    /// request after it reads them again instead of waiting for a result that is discarded.
    std::unordered_set<TileKey> inFlight_;
    int reading_ = 0;  ///< reads under way, discarded ones included
    std::unordered_map<quint64, quint64> generation_;  ///< bumped by cancel()
    qint64 tilesRead_ = 0;
    bool stopping_ = false;
};

}  // namespace slidesight
