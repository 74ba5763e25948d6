// TileMemoryPool: slot recycling, slabs given back beyond the reserve, heap fallback, thread
// safety, and tiles read by TiledSlide returning their memory when the last image goes.
#include "common/suite.h"

#include "viewer/tiles/tiledslide.h"
#include "viewer/tiles/tilememorypool.h"

#include "fakeslidesource.h"

#include <QtTest/QtTest>

#include <cstring>
#include <set>
#include <thread>

using namespace slidesight;
using slidesight::testutil::FakeSlideSource;

class TestTileMemoryPool : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void slotsComeFromAlignedSlabs();
    void releasedSlotIsReused();
    void emptySlabsBeyondReserveAreFreed();
    void largeRequestsUseTheHeap();
    void concurrentUseBalances();
    void tileImagesReturnTheirMemory();
};

void TestTileMemoryPool::slotsComeFromAlignedSlabs() {
    TileMemoryPool pool(256 * 1024, 0);
    std::set<uintptr_t> bases;
    std::vector<void*> slots;
    for (int i = 0; i < 16; ++i) {
        slots.push_back(pool.acquire(256 * 1024));
        QVERIFY(slots.back());
        const auto address = reinterpret_cast<uintptr_t>(slots.back());
        QCOMPARE(address % (256 * 1024), uintptr_t{0});
        bases.insert(address & ~(uintptr_t{TileMemoryPool::kSlabBytes} - 1));
        std::memset(slots.back(), 0xAB, 256 * 1024);  // the whole slot is writable
    }
    QCOMPARE(std::set<void*>(slots.begin(), slots.end()).size(), size_t{16});  // all distinct
    QCOMPARE(bases.size(), size_t{2});  // 8 slots of 256 KiB per 2 MiB slab
    QCOMPARE(pool.stats().slabs, size_t{2});
    QCOMPARE(pool.stats().slotsInUse, size_t{16});
    for (void* slot : slots) pool.release(slot);
    QCOMPARE(pool.stats().slotsInUse, size_t{0});
}

void TestTileMemoryPool::releasedSlotIsReused() {
    TileMemoryPool pool(256 * 1024, 4);
    void* a = pool.acquire(1000);  // smaller than a slot: still a slot (edge tiles)
    void* b = pool.acquire(256 * 1024);
    pool.release(a);
    QCOMPARE(pool.acquire(256 * 1024), a);
    QCOMPARE(pool.stats().slabs, size_t{1});
    pool.release(a);
    pool.release(b);
}

void TestTileMemoryPool::emptySlabsBeyondReserveAreFreed() {
    TileMemoryPool pool(256 * 1024, 1);
    std::vector<void*> slots;
    for (int i = 0; i < 8 * 5; ++i) slots.push_back(pool.acquire(256 * 1024));
    QCOMPARE(pool.stats().slabs, size_t{5});
    for (void* slot : slots) pool.release(slot);
    QCOMPARE(pool.stats().slabs, size_t{1});  // the reserve
    // The reserved slab is used again before any new one.
    void* again = pool.acquire(4096);
    QCOMPARE(pool.stats().slabs, size_t{1});
    pool.release(again);
}

void TestTileMemoryPool::largeRequestsUseTheHeap() {
    TileMemoryPool pool(256 * 1024, 0);
    void* big = pool.acquire(512 * 512 * 4);  // a virtual level's native region
    QVERIFY(big);
    std::memset(big, 1, 512 * 512 * 4);
    QCOMPARE(pool.stats().heapFallbacks, size_t{1});
    QCOMPARE(pool.stats().slabs, size_t{0});
    pool.release(big);
    QCOMPARE(pool.stats().heapFallbacks, size_t{0});
}

void TestTileMemoryPool::concurrentUseBalances() {
    TileMemoryPool pool(64 * 1024, 2);
    auto work = [&pool](int seed) {
        std::vector<void*> held;
        for (int i = 0; i < 4000; ++i) {
            if (held.size() < 50 && ((i * 7 + seed) % 3 != 0)) {
                auto* p = static_cast<unsigned char*>(pool.acquire(64 * 1024));
                p[0] = static_cast<unsigned char>(seed);
                p[64 * 1024 - 1] = static_cast<unsigned char>(seed);
                held.push_back(p);
            } else if (!held.empty()) {
                auto* p = static_cast<unsigned char*>(held.back());
                held.pop_back();
                if (p[0] != seed || p[64 * 1024 - 1] != seed) std::abort();  // a slot shared by two users
                pool.release(p);
            }
        }
        for (void* p : held) pool.release(p);
    };
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) threads.emplace_back(work, t + 1);
    for (auto& t : threads) t.join();
    QCOMPARE(pool.stats().slotsInUse, size_t{0});
    QVERIFY(pool.stats().slabs <= 2);
}

void TestTileMemoryPool::tileImagesReturnTheirMemory() {
    auto fake = std::make_shared<FakeSlideSource>(std::vector<SlideLevel>{{3000, 2000, 1.0}}, "pool");
    const TiledSlide slide(fake, 256);
    TileMemoryPool& pool = TileMemoryPool::shared();
    const size_t before = pool.stats().slotsInUse;
    {
        auto tile = slide.readTile(slide.key(0, 1, 1));
        QVERIFY2(tile, tile.error().c_str());
        QCOMPARE(pool.stats().slotsInUse, before + 1);
        QImage copy = *tile;  // shares the pixels
        tile = Expected<QImage>::failure("dropped");
        QCOMPARE(pool.stats().slotsInUse, before + 1);
        QCOMPARE(copy.size(), QSize(256, 256));
    }
    QCOMPARE(pool.stats().slotsInUse, before);
}

SLIDESIGHT_GUILESS_TEST_SUITE(TestTileMemoryPool)
#include "tst_tilememorypool.moc"
