// TileScheduler against a fake slide whose reads the test can hold: ordering, merging of
// duplicate requests, replacement of pending work, cancellation without blocking, signals and
// thread names.
//
// Signals are emitted from the worker threads; they are recorded by a receiver in the test
// thread (queued delivery, as in the application) and waited for with QTRY_*.
#include "common/suite.h"

#include "viewer/tiles/tilescheduler.h"

#include "fakeslidesource.h"

#include <QtCore/QElapsedTimer>
#include <QtTest/QtTest>

#include <chrono>
#include <future>

using namespace slidesight;
using slidesight::testutil::FakeSlideSource;

namespace {

/// Records the scheduler's signals in the thread it lives in.
class Recorder : public QObject {
public:
    explicit Recorder(TileScheduler* scheduler) {
        connect(scheduler, &TileScheduler::tileReady, this, [this](TileKey k) {
            ready << k;
            events << QStringLiteral("ready");
        });
        connect(scheduler, &TileScheduler::tileFailed, this, [this](TileKey k, const QString& m) {
            failed << k;
            messages << m;
        });
        connect(scheduler, &TileScheduler::idle, this, [this] {
            ++idles;
            events << QStringLiteral("idle");
        });
    }
    QList<TileKey> ready, failed;
    QStringList messages, events;
    int idles = 0;
};

/// A fake 2048 x 2048 slide with one native level (8 x 8 tiles of 256 at level 0).
struct Fixture {
    explicit Fixture(const std::string& name = "scheduler")
        : fake(std::make_shared<FakeSlideSource>(std::vector<SlideLevel>{{2048, 2048, 1.0}}, name)),
          slide(std::make_shared<TiledSlide>(fake)) {}
    /// Never leaves a read held, even when a check failed half-way: the scheduler's
    /// destructor (which runs after this one) would wait for it forever.
    ~Fixture() { unblock(); }
    TileKey key(int column, int row) const { return slide->key(0, column, row); }
    /// The level-0 tiles read, in the order they were read, as "column,row".
    QStringList readOrder() const {
        QStringList out;
        for (const auto& r : fake->log()) out << QStringLiteral("%1,%2").arg(r.x0 / 256).arg(r.y0 / 256);
        return out;
    }
    /// Lets every held read and all later ones go.
    void unblock() {
        fake->setBlocking(false);
        fake->gate.release(1000);
    }
    std::shared_ptr<FakeSlideSource> fake;
    std::shared_ptr<TiledSlide> slide;
};

QStringList names(const QList<TileKey>& keys) {
    QStringList out;
    for (const TileKey& k : keys) out << QStringLiteral("%1,%2").arg(k.column).arg(k.row);
    return out;
}

constexpr int kWaitMs = 5000;

}  // namespace

class TestTileScheduler : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void threadsAreNamed();
    void readsInRequestedOrder();
    void readsRunInParallel();
    void duplicatesAreMerged();
    void cachedTilesAreNotRead();
    void newRequestReplacesPending();
    void otherSlidesKeepTheirWork();
    void viewsOfOneSlideKeepTheirWork();
    void cancelDoesNotWaitAndDiscards();
    void requestAfterCancelReadsAgain();
    void failuresAreReported();
    void idleComesLast();
    void destructorWaitsOnlyForCurrentRead();
};

void TestTileScheduler::threadsAreNamed() {
    TileCache cache;
    TileScheduler scheduler(&cache, 3);
    QCOMPARE(scheduler.threadCount(), 3);
    QVERIFY(TileScheduler(&cache).threadCount() >= 2);
    Fixture f;
    Recorder recorder(&scheduler);
    std::vector<TileKey> keys;
    for (int i = 0; i < 12; ++i) keys.push_back(f.key(i % 8, i / 8));
    scheduler.request(f.slide, keys);
    QTRY_COMPARE_WITH_TIMEOUT(recorder.ready.size(), 12, kWaitMs);
    QSet<QString> threads;
    for (const auto& r : f.fake->log()) {
        QVERIFY2(r.thread.startsWith(QStringLiteral("tile-io")), qPrintable(r.thread));
        threads << r.thread;
    }
    QVERIFY(threads.size() <= 3);
    QVERIFY(!threads.contains(QThread::currentThread()->objectName()));
}

void TestTileScheduler::readsInRequestedOrder() {
    TileCache cache;
    TileScheduler scheduler(&cache, 1);
    Recorder recorder(&scheduler);
    Fixture f;
    const std::vector<TileKey> keys{f.key(3, 1), f.key(0, 0), f.key(7, 7), f.key(1, 3), f.key(0, 1)};
    scheduler.request(f.slide, keys);
    QTRY_COMPARE_WITH_TIMEOUT(recorder.ready.size(), 5, kWaitMs);
    const QStringList expected{"3,1", "0,0", "7,7", "1,3", "0,1"};
    QCOMPARE(f.readOrder(), expected);
    QCOMPARE(names(recorder.ready), expected);
    QCOMPARE(scheduler.tilesRead(), 5);
    // The tiles are in the cache with the slide's pixels.
    const auto tile = cache.find(f.key(7, 7));
    QVERIFY(tile.has_value());
    QCOMPARE(tile->size(), QSize(256, 256));
    QCOMPARE(tile->pixel(10, 20), FakeSlideSource::colour(0, 7 * 256 + 10, 7 * 256 + 20));
}

void TestTileScheduler::readsRunInParallel() {
    TileCache cache;
    TileScheduler scheduler(&cache, 4);
    Fixture f;
    f.fake->setBlocking(true);
    scheduler.request(f.slide, {f.key(0, 0), f.key(1, 0), f.key(2, 0), f.key(3, 0)});
    // All four reads are under way at the same time.
    QVERIFY(f.fake->entered.tryAcquire(4, kWaitMs));
    QCOMPARE(f.fake->activeReads(), 4);
    QCOMPARE(scheduler.inFlightCount(), 4);
    QVERIFY(!scheduler.isIdle());
    f.unblock();
    QTRY_VERIFY_WITH_TIMEOUT(scheduler.isIdle(), kWaitMs);
    QCOMPARE(f.fake->maxConcurrentReads(), 4);
}

void TestTileScheduler::duplicatesAreMerged() {
    TileCache cache;
    TileScheduler scheduler(&cache, 1);
    Recorder recorder(&scheduler);
    Fixture f;
    f.fake->setBlocking(true);
    // Within one request a repeated key is read once.
    scheduler.request(f.slide, {f.key(0, 0), f.key(1, 0), f.key(1, 0)});
    QVERIFY(f.fake->entered.tryAcquire(1, kWaitMs));  // (0,0) is being read
    QCOMPARE(scheduler.pendingCount(), 1);
    // A key being read is not queued again; nor is a repeated one.
    scheduler.request(f.slide, {f.key(0, 0), f.key(1, 0), f.key(2, 0), f.key(2, 0)});
    QCOMPARE(scheduler.pendingCount(), 2);
    f.unblock();
    QTRY_COMPARE_WITH_TIMEOUT(recorder.ready.size(), 3, kWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(scheduler.isIdle(), kWaitMs);
    QCOMPARE(f.readOrder(), (QStringList{"0,0", "1,0", "2,0"}));
    QCOMPARE(f.fake->reads(), 3);
}

void TestTileScheduler::cachedTilesAreNotRead() {
    TileCache cache;
    TileScheduler scheduler(&cache, 1);
    Recorder recorder(&scheduler);
    Fixture f;
    QImage preset(256, 256, QImage::Format_RGB32);
    preset.fill(Qt::red);
    cache.insert(f.key(1, 0), preset);
    scheduler.request(f.slide, {f.key(0, 0), f.key(1, 0)});
    QTRY_COMPARE_WITH_TIMEOUT(recorder.ready.size(), 1, kWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(scheduler.isIdle(), kWaitMs);
    QCOMPARE(f.readOrder(), QStringList{"0,0"});
    QCOMPARE(cache.find(f.key(1, 0))->pixel(0, 0), QColor(Qt::red).rgb());
    // Asking again for tiles that are all cached queues nothing.
    scheduler.request(f.slide, {f.key(0, 0), f.key(1, 0)});
    QCOMPARE(scheduler.pendingCount(), 0);
    QVERIFY(scheduler.isIdle());
    QCOMPARE(f.fake->reads(), 1);
    // Keys of another slide in a slide's request are ignored.
    scheduler.request(f.slide, {TileKey{f.slide->sourceId() + 1, 0, 5, 5}});
    QCOMPARE(scheduler.pendingCount(), 0);
}

void TestTileScheduler::newRequestReplacesPending() {
    TileCache cache;
    TileScheduler scheduler(&cache, 1);
    Recorder recorder(&scheduler);
    Fixture f;
    f.fake->setBlocking(true);
    scheduler.request(f.slide, {f.key(0, 0), f.key(1, 0), f.key(2, 0)});
    QVERIFY(f.fake->entered.tryAcquire(1, kWaitMs));
    QCOMPARE(scheduler.pendingCount(), 2);
    // The view moved: (1,0) and (2,0) are no longer wanted.
    scheduler.request(f.slide, {f.key(5, 5), f.key(6, 5)});
    QCOMPARE(scheduler.pendingCount(), 2);
    f.unblock();
    QTRY_COMPARE_WITH_TIMEOUT(recorder.ready.size(), 3, kWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(scheduler.isIdle(), kWaitMs);
    QCOMPARE(f.readOrder(), (QStringList{"0,0", "5,5", "6,5"}));
    QCOMPARE(names(recorder.ready), (QStringList{"0,0", "5,5", "6,5"}));
    QVERIFY(!cache.contains(f.key(1, 0)));
    QVERIFY(!cache.contains(f.key(2, 0)));
    // An empty request drops everything pending.
    f.fake->setBlocking(true);
    scheduler.request(f.slide, {f.key(0, 7), f.key(1, 7)});
    QVERIFY(f.fake->entered.tryAcquire(1, kWaitMs));
    scheduler.request(f.slide, {});
    QCOMPARE(scheduler.pendingCount(), 0);
    f.unblock();
    QTRY_VERIFY_WITH_TIMEOUT(scheduler.isIdle(), kWaitMs);
    QCOMPARE(f.fake->reads(), 4);
}

void TestTileScheduler::otherSlidesKeepTheirWork() {
    TileCache cache;
    TileScheduler scheduler(&cache, 1);
    Fixture a("a"), b("b");
    a.fake->setBlocking(true);
    scheduler.request(a.slide, {a.key(0, 0), a.key(1, 0), a.key(2, 0)});
    QVERIFY(a.fake->entered.tryAcquire(1, kWaitMs));
    scheduler.request(b.slide, {b.key(0, 0), b.key(1, 0)});
    QCOMPARE(scheduler.pendingCount(), 4);  // b's request does not replace a's
    scheduler.cancel(b.slide->sourceId());
    QCOMPARE(scheduler.pendingCount(), 2);  // nor does cancelling b touch a
    a.unblock();
    QTRY_VERIFY_WITH_TIMEOUT(scheduler.isIdle(), kWaitMs);
    QCOMPARE(a.fake->reads(), 3);
    QCOMPARE(b.fake->reads(), 0);
}

void TestTileScheduler::viewsOfOneSlideKeepTheirWork() {
    // Two panes show one slide: each view's list replaces only its own, a tile both want is
    // read once, and a pane that goes drops only its own work.
    TileCache cache;
    TileScheduler scheduler(&cache, 1);
    Recorder recorder(&scheduler);
    Fixture f;
    int left = 0, right = 0;
    f.fake->setBlocking(true);
    scheduler.request(f.slide, {f.key(0, 0), f.key(1, 0), f.key(2, 0)}, &left);
    QVERIFY(f.fake->entered.tryAcquire(1, kWaitMs));  // (0,0) is being read
    scheduler.request(f.slide, {f.key(2, 0), f.key(3, 0), f.key(4, 0)}, &right);
    QCOMPARE(scheduler.pendingCount(), 5);  // (1,0) (2,0) of the left, (2,0) (3,0) (4,0) of the right
    scheduler.request(f.slide, {f.key(3, 0), f.key(4, 0)}, &right);  // the right pane moved
    QCOMPARE(scheduler.pendingCount(), 4);
    scheduler.cancelRequests(f.slide->sourceId(), &right);  // the right pane closed
    QCOMPARE(scheduler.pendingCount(), 2);
    scheduler.request(f.slide, {f.key(1, 0), f.key(5, 0)}, &right);
    QCOMPARE(scheduler.pendingCount(), 4);
    f.unblock();
    // The signals come queued: wait for their delivery, not only for the reads.
    QTRY_COMPARE_WITH_TIMEOUT(recorder.ready.size(), 4, kWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(recorder.idles >= 1 && recorder.events.last() == QStringLiteral("idle"), kWaitMs);
    QVERIFY(scheduler.isIdle());
    QCOMPARE(f.readOrder(), (QStringList{"0,0", "1,0", "2,0", "5,0"}));  // (1,0) once
    QCOMPARE(f.fake->reads(), 4);
    QCOMPARE(names(recorder.ready), (QStringList{"0,0", "1,0", "2,0", "5,0"}));
}

void TestTileScheduler::cancelDoesNotWaitAndDiscards() {
    TileCache cache;
    TileScheduler scheduler(&cache, 1);
    Recorder recorder(&scheduler);
    Fixture f;
    f.fake->setBlocking(true);
    scheduler.request(f.slide, {f.key(0, 0), f.key(1, 0), f.key(2, 0)});
    QVERIFY(f.fake->entered.tryAcquire(1, kWaitMs));  // (0,0) is held inside its read

    // cancel() runs on another thread so that, were it to wait for the held read, the test
    // would fail instead of hanging.
    QElapsedTimer timer;
    timer.start();
    auto cancelled = std::async(std::launch::async, [&] { scheduler.cancel(f.slide->sourceId()); });
    const bool returned = cancelled.wait_for(std::chrono::milliseconds(kWaitMs)) == std::future_status::ready;
    const qint64 elapsedMs = timer.elapsed();
    const int stillReading = f.fake->activeReads();
    if (!returned) f.unblock();
    QVERIFY2(returned, "cancel() waited for a read in progress");
    QCOMPARE(stillReading, 1);  // it returned while the read was still held
    QVERIFY2(elapsedMs < 1000, qPrintable(QStringLiteral("cancel() took %1 ms").arg(elapsedMs)));
    QCOMPARE(scheduler.pendingCount(), 0);
    QCOMPARE(scheduler.inFlightCount(), 1);

    f.unblock();
    QTRY_COMPARE_WITH_TIMEOUT(recorder.idles, 1, kWaitMs);
    QVERIFY(scheduler.isIdle());
    QVERIFY(recorder.ready.isEmpty());  // the held read's result was discarded
    QVERIFY(recorder.failed.isEmpty());
    QVERIFY(!cache.contains(f.key(0, 0)));
    QCOMPARE(cache.count(), 0);
    QCOMPARE(scheduler.tilesRead(), 0);
    QCOMPARE(f.fake->reads(), 1);  // (1,0) and (2,0) were never read
}

void TestTileScheduler::requestAfterCancelReadsAgain() {
    // A slide closed and opened again while one of its reads is still under way: the new
    // request must read that tile again, since the old read's result will be discarded.
    TileCache cache;
    TileScheduler scheduler(&cache, 1);
    Recorder recorder(&scheduler);
    Fixture f;
    f.fake->setBlocking(true);
    scheduler.request(f.slide, {f.key(4, 4)});
    QVERIFY(f.fake->entered.tryAcquire(1, kWaitMs));
    scheduler.cancel(f.slide->sourceId());
    scheduler.request(f.slide, {f.key(4, 4), f.key(5, 4)});
    QCOMPARE(scheduler.pendingCount(), 2);
    f.unblock();
    QTRY_COMPARE_WITH_TIMEOUT(recorder.ready.size(), 2, kWaitMs);
    QTRY_VERIFY_WITH_TIMEOUT(scheduler.isIdle(), kWaitMs);
    QCOMPARE(names(recorder.ready), (QStringList{"4,4", "5,4"}));
    QVERIFY(cache.contains(f.key(4, 4)));
    QCOMPARE(f.readOrder(), (QStringList{"4,4", "4,4", "5,4"}));
    QCOMPARE(scheduler.tilesRead(), 2);
}

void TestTileScheduler::failuresAreReported() {
    TileCache cache;
    TileScheduler scheduler(&cache, 2);
    Recorder recorder(&scheduler);
    Fixture f;
    f.fake->failAt(256);  // column 1
    scheduler.request(f.slide, {f.key(0, 0), f.key(1, 0), f.key(2, 0)});
    QTRY_COMPARE_WITH_TIMEOUT(recorder.ready.size() + recorder.failed.size(), 3, kWaitMs);
    QCOMPARE(names(recorder.failed), QStringList{"1,0"});
    QCOMPARE(recorder.messages, QStringList{"Fake failure."});
    QCOMPARE(recorder.ready.size(), 2);
    QVERIFY(!cache.contains(f.key(1, 0)));
    QVERIFY(cache.contains(f.key(2, 0)));
}

void TestTileScheduler::idleComesLast() {
    TileCache cache;
    TileScheduler scheduler(&cache, 2);
    Recorder recorder(&scheduler);
    Fixture f;
    f.fake->setBlocking(true);
    scheduler.request(f.slide, {f.key(0, 0), f.key(1, 0), f.key(2, 0), f.key(3, 0), f.key(4, 0)});
    QVERIFY(f.fake->entered.tryAcquire(2, kWaitMs));
    QCOMPARE(recorder.idles, 0);
    f.unblock();
    QTRY_COMPARE_WITH_TIMEOUT(recorder.idles, 1, kWaitMs);
    QCOMPARE(recorder.events.size(), 6);
    QCOMPARE(recorder.events.count(QStringLiteral("ready")), 5);
    QCOMPARE(recorder.events.last(), QStringLiteral("idle"));
    QVERIFY(scheduler.isIdle());
    QCOMPARE(scheduler.pendingCount(), 0);
    QCOMPARE(scheduler.inFlightCount(), 0);
    QCOMPARE(scheduler.tilesRead(), 5);
}

void TestTileScheduler::destructorWaitsOnlyForCurrentRead() {
    TileCache cache;
    auto scheduler = std::make_unique<TileScheduler>(&cache, 1);
    Fixture f;
    f.fake->setBlocking(true);
    std::vector<TileKey> keys;
    for (int i = 0; i < 8; ++i) keys.push_back(f.key(i, 0));
    scheduler->request(f.slide, keys);
    QVERIFY(f.fake->entered.tryAcquire(1, kWaitMs));
    auto destroyed = std::async(std::launch::async, [&] { scheduler.reset(); });
    // The destructor waits for the read under way (it cannot interrupt a read) ...
    QVERIFY(destroyed.wait_for(std::chrono::milliseconds(200)) == std::future_status::timeout);
    f.fake->gate.release(1);
    // ... and for nothing else: the seven pending tiles are dropped, not read.
    QVERIFY(destroyed.wait_for(std::chrono::milliseconds(kWaitMs)) == std::future_status::ready);
    f.unblock();
    QCOMPARE(f.fake->reads(), 1);
    QVERIFY(!cache.contains(f.key(0, 0)));  // a read finished while stopping is not kept
}

SLIDESIGHT_GUILESS_TEST_SUITE(TestTileScheduler)
#include "tst_tilescheduler.moc"
