// TileCache: byte accounting, least-recently-used eviction, pinned levels, removal by source,
// capacity changes, and use from several threads.
#include "common/suite.h"

#include "viewer/tiles/tilecache.h"

#include <QtTest/QtTest>

#include <atomic>
#include <thread>

using namespace slidesight;

namespace {

constexpr qint64 kTileBytes = 16 * 16 * 4;  // a 16 x 16 RGB32 image

/// A 16 x 16 tile filled with a colour that names it.
QImage tile(uint colour = 0xFF102030u, int side = 16) {
    QImage image(side, side, QImage::Format_RGB32);
    image.fill(colour);
    return image;
}

TileKey key(int column, int level = 0, quint64 source = 1) { return TileKey{source, level, column, 0}; }

/// Which of keys 0..n-1 (level 0, source 1) the cache holds, as a string like "0 2 3".
QString present(TileCache& cache, int n) {
    QStringList out;
    for (int i = 0; i < n; ++i)
        if (cache.contains(key(i))) out << QString::number(i);
    return out.join(QLatin1Char(' '));
}

}  // namespace

class TestTileCache : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void defaults();
    void byteAccounting();
    void findReturnsTheImage();
    void evictsLeastRecentlyUsed();
    void findRefreshesContainsDoesNot();
    void replacingRefreshes();
    void pinnedLevelIsNeverEvicted();
    void pinningAfterInsertion();
    void pinsAreLevelAndSourceSpecific();
    void oversizedTileStaysUntilNext();
    void removeSource();
    void shrinkingCapacityEvicts();
    void clear();
    void concurrentUse();
};

void TestTileCache::defaults() {
    TileCache cache;
    QCOMPARE(cache.capacityBytes(), 512ll * 1024 * 1024);
    QCOMPARE(cache.bytesUsed(), 0);
    QCOMPARE(cache.count(), 0);
    QVERIFY(!cache.find(key(0)).has_value());
    QCOMPARE(TileCache(-5).capacityBytes(), 0);
}

void TestTileCache::byteAccounting() {
    TileCache cache(1 << 20);
    QCOMPARE(tile().sizeInBytes(), kTileBytes);
    cache.insert(key(0), tile());
    cache.insert(key(1), tile());
    cache.insert(key(2), tile());
    QCOMPARE(cache.count(), 3);
    QCOMPARE(cache.bytesUsed(), 3 * kTileBytes);
    // Replacing a tile counts the new image only.
    cache.insert(key(1), tile(0xFF000000u, 32));
    QCOMPARE(cache.count(), 3);
    QCOMPARE(cache.bytesUsed(), 2 * kTileBytes + 4 * kTileBytes);
    // A null image costs nothing but is an entry.
    cache.insert(key(3), QImage());
    QCOMPARE(cache.count(), 4);
    QCOMPARE(cache.bytesUsed(), 6 * kTileBytes);
    QCOMPARE(cache.pinnedBytes(), 0);
}

void TestTileCache::findReturnsTheImage() {
    TileCache cache;
    cache.insert(key(5), tile(0xFFABCDEFu));
    const auto found = cache.find(key(5));
    QVERIFY(found.has_value());
    QCOMPARE(found->pixel(3, 3), 0xFFABCDEFu);
    QVERIFY(!cache.find(key(6)).has_value());
    QVERIFY(!cache.find(key(5, 1)).has_value());
    QVERIFY(!cache.find(key(5, 0, 2)).has_value());
}

void TestTileCache::evictsLeastRecentlyUsed() {
    TileCache cache(3 * kTileBytes);
    for (int i = 0; i < 3; ++i) cache.insert(key(i), tile());
    QCOMPARE(present(cache, 6), QStringLiteral("0 1 2"));
    cache.insert(key(3), tile());  // 0 is the oldest
    QCOMPARE(present(cache, 6), QStringLiteral("1 2 3"));
    QVERIFY(cache.find(key(1)));  // 1 becomes the newest; 2 is now the oldest
    cache.insert(key(4), tile());
    QCOMPARE(present(cache, 6), QStringLiteral("1 3 4"));
    cache.insert(key(5), tile());
    QCOMPARE(present(cache, 6), QStringLiteral("1 4 5"));
    QCOMPARE(cache.bytesUsed(), 3 * kTileBytes);
    QCOMPARE(cache.count(), 3);
}

void TestTileCache::findRefreshesContainsDoesNot() {
    // contains() is how the scheduler skips cached tiles: it must not keep them alive.
    TileCache cache(2 * kTileBytes);
    cache.insert(key(0), tile());
    cache.insert(key(1), tile());
    QVERIFY(cache.contains(key(0)));
    cache.insert(key(2), tile());
    QCOMPARE(present(cache, 3), QStringLiteral("1 2"));
    QVERIFY(cache.find(key(1)));
    cache.insert(key(0), tile());
    QCOMPARE(present(cache, 3), QStringLiteral("0 1"));
}

void TestTileCache::replacingRefreshes() {
    TileCache cache(3 * kTileBytes);
    for (int i = 0; i < 3; ++i) cache.insert(key(i), tile());
    cache.insert(key(0), tile(0xFF000001u));  // re-inserted: newest
    cache.insert(key(3), tile());
    QCOMPARE(present(cache, 4), QStringLiteral("0 2 3"));
    QCOMPARE(cache.find(key(0))->pixel(0, 0), 0xFF000001u);
}

void TestTileCache::pinnedLevelIsNeverEvicted() {
    TileCache cache(4 * kTileBytes);
    cache.pinLevel(1, 5);
    cache.insert(key(0, 5), tile());
    cache.insert(key(1, 5), tile());
    QCOMPARE(cache.pinnedBytes(), 2 * kTileBytes);
    for (int i = 0; i < 20; ++i) cache.insert(key(i), tile());
    QVERIFY(cache.contains(key(0, 5)));
    QVERIFY(cache.contains(key(1, 5)));
    // The pinned bytes count against the capacity: two unpinned tiles fit beside them.
    QCOMPARE(cache.bytesUsed(), 4 * kTileBytes);
    QCOMPARE(cache.pinnedBytes(), 2 * kTileBytes);
    QCOMPARE(present(cache, 20), QStringLiteral("18 19"));
    // Even with no room at all the pinned tiles stay (and the newest unpinned one).
    cache.setCapacityBytes(0);
    QVERIFY(cache.contains(key(0, 5)) && cache.contains(key(1, 5)));
    QCOMPARE(present(cache, 20), QStringLiteral("19"));
    QCOMPARE(cache.bytesUsed(), 3 * kTileBytes);
    // A pinned tile found is still there afterwards (find does not unpin it).
    QVERIFY(cache.find(key(0, 5)));
    cache.insert(key(20), tile());
    QVERIFY(cache.contains(key(0, 5)));
}

void TestTileCache::pinningAfterInsertion() {
    TileCache cache(3 * kTileBytes);
    cache.insert(key(0, 2), tile());
    cache.insert(key(1, 2), tile());
    QCOMPARE(cache.pinnedBytes(), 0);
    cache.pinLevel(1, 2);
    QCOMPARE(cache.pinnedBytes(), 2 * kTileBytes);
    cache.pinLevel(1, 2);  // twice is once
    QCOMPARE(cache.pinnedBytes(), 2 * kTileBytes);
    for (int i = 0; i < 5; ++i) cache.insert(key(i), tile());
    QVERIFY(cache.contains(key(0, 2)) && cache.contains(key(1, 2)));
    QCOMPARE(cache.bytesUsed(), 3 * kTileBytes);
}

void TestTileCache::pinsAreLevelAndSourceSpecific() {
    TileCache cache(2 * kTileBytes);
    cache.pinLevel(1, 3);
    cache.insert(key(0, 3, 1), tile());  // pinned
    cache.insert(key(0, 3, 2), tile());  // same level, other slide: not pinned
    cache.insert(key(0, 2, 1), tile());  // same slide, other level: not pinned
    QCOMPARE(cache.pinnedBytes(), kTileBytes);
    cache.insert(key(9), tile());
    QVERIFY(cache.contains(key(0, 3, 1)));
    QVERIFY(!cache.contains(key(0, 3, 2)));
    QVERIFY(!cache.contains(key(0, 2, 1)));
}

void TestTileCache::oversizedTileStaysUntilNext() {
    // The newest tile is kept even when it alone exceeds the budget, so the view it was
    // read for can draw it; the next insertion evicts it.
    TileCache cache(kTileBytes);
    cache.insert(key(0), tile(0xFF000000u, 64));
    QVERIFY(cache.contains(key(0)));
    QCOMPARE(cache.bytesUsed(), 16 * kTileBytes);
    cache.insert(key(1), tile());
    QCOMPARE(present(cache, 2), QStringLiteral("1"));
    QCOMPARE(cache.bytesUsed(), kTileBytes);
}

void TestTileCache::removeSource() {
    TileCache cache;
    cache.pinLevel(1, 4);
    cache.pinLevel(2, 4);
    for (int i = 0; i < 3; ++i) {
        cache.insert(key(i, 0, 1), tile());
        cache.insert(key(i, 4, 1), tile());
        cache.insert(key(i, 4, 2), tile());
    }
    QCOMPARE(cache.bytesUsed(), 9 * kTileBytes);
    QCOMPARE(cache.pinnedBytes(), 6 * kTileBytes);
    cache.removeSource(1);
    QCOMPARE(cache.count(), 3);
    QCOMPARE(cache.bytesUsed(), 3 * kTileBytes);
    QCOMPARE(cache.pinnedBytes(), 3 * kTileBytes);
    for (int i = 0; i < 3; ++i) {
        QVERIFY(!cache.contains(key(i, 0, 1)));
        QVERIFY(!cache.contains(key(i, 4, 1)));
        QVERIFY(cache.contains(key(i, 4, 2)));
    }
    // Its pin went too: a new tile of that level is an ordinary one.
    cache.insert(key(0, 4, 1), tile());
    QCOMPARE(cache.pinnedBytes(), 3 * kTileBytes);
    // The LRU list is consistent after the removal: eviction still works.
    cache.setCapacityBytes(3 * kTileBytes);
    QCOMPARE(cache.bytesUsed(), 4 * kTileBytes);  // the pinned three and the newest
    cache.removeSource(99);  // unknown: nothing happens
    QCOMPARE(cache.count(), 4);
}

void TestTileCache::shrinkingCapacityEvicts() {
    TileCache cache(10 * kTileBytes);
    for (int i = 0; i < 8; ++i) cache.insert(key(i), tile());
    QVERIFY(cache.find(key(0)));  // 0 is now the newest
    cache.setCapacityBytes(3 * kTileBytes);
    QCOMPARE(cache.capacityBytes(), 3 * kTileBytes);
    QCOMPARE(present(cache, 8), QStringLiteral("0 6 7"));
    QCOMPARE(cache.bytesUsed(), 3 * kTileBytes);
    cache.setCapacityBytes(100 * kTileBytes);  // growing evicts nothing
    QCOMPARE(cache.count(), 3);
    cache.setCapacityBytes(-1);
    QCOMPARE(cache.capacityBytes(), 0);
    QCOMPARE(cache.count(), 1);
}

void TestTileCache::clear() {
    TileCache cache;
    cache.pinLevel(1, 1);
    cache.insert(key(0, 1), tile());
    cache.insert(key(0), tile());
    cache.clear();
    QCOMPARE(cache.count(), 0);
    QCOMPARE(cache.bytesUsed(), 0);
    QCOMPARE(cache.pinnedBytes(), 0);
    QVERIFY(!cache.contains(key(0, 1)));
    cache.insert(key(1), tile());  // still usable
    QCOMPARE(cache.bytesUsed(), kTileBytes);
}

void TestTileCache::concurrentUse() {
    TileCache cache(50 * kTileBytes);
    cache.pinLevel(1, 9);
    std::atomic<int> wrongImages{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t)
        threads.emplace_back([&, t] {
            for (int i = 0; i < 2000; ++i) {
                const int column = (i * 7 + t * 13) % 120;
                const int level = t == 0 && i % 10 == 0 ? 9 : 0;
                cache.insert(key(column, level), tile(0xFF000000u | uint(column)));
                if (const auto found = cache.find(key((column + 5) % 120, level)))
                    if (found->pixel(0, 0) != (0xFF000000u | uint((column + 5) % 120))) ++wrongImages;
                cache.contains(key(column));
            }
        });
    for (auto& t : threads) t.join();
    QCOMPARE(wrongImages.load(), 0);
    QCOMPARE(cache.bytesUsed(), cache.count() * kTileBytes);
    // Every pinned tile written is still there; the unpinned ones fit the remaining budget.
    QCOMPARE(cache.pinnedBytes(), 12 * kTileBytes);  // thread 0's columns 0, 10, ..., 110 on level 9
    QVERIFY(cache.bytesUsed() <= 50 * kTileBytes);
}

SLIDESIGHT_GUILESS_TEST_SUITE(TestTileCache)
#include "tst_tilecache.moc"
