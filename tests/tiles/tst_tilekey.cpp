// TileKey as a value type: equality, hashing, use as a key in Qt and std containers, QVariant.
#include "common/suite.h"

#include "viewer/tiles/tilekey.h"

#include <QtCore/QSet>
#include <QtCore/QVariant>
#include <QtTest/QtTest>

#include <unordered_set>

using namespace slidesight;

class TestTileKey : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void equality_data();
    void equality();
    void hashesSpreadOverAGrid();
    void usableAsContainerKey();
    void travelsInAQVariant();
};

void TestTileKey::equality_data() {
    QTest::addColumn<QList<qint64>>("other");  // sourceId, level, column, row
    QTest::addColumn<bool>("equal");
    // Compared with {7, 2, 10, 20}.
    QTest::newRow("same") << QList<qint64>{7, 2, 10, 20} << true;
    QTest::newRow("other source") << QList<qint64>{8, 2, 10, 20} << false;
    QTest::newRow("other level") << QList<qint64>{7, 3, 10, 20} << false;
    QTest::newRow("other column") << QList<qint64>{7, 2, 11, 20} << false;
    QTest::newRow("other row") << QList<qint64>{7, 2, 10, 21} << false;
    QTest::newRow("column and row swapped") << QList<qint64>{7, 2, 20, 10} << false;
}

void TestTileKey::equality() {
    QFETCH(QList<qint64>, other);
    QFETCH(bool, equal);
    const TileKey a{7, 2, 10, 20};
    const TileKey b{quint64(other[0]), int(other[1]), other[2], other[3]};
    QCOMPARE(a == b, equal);
    QCOMPARE(a != b, !equal);
    if (equal) {
        QCOMPARE(hashTileKey(a), hashTileKey(b));
        QCOMPARE(qHash(a, 0), qHash(b, 0));
        QCOMPARE(std::hash<TileKey>()(a), hashTileKey(b));
    } else {
        QVERIFY(hashTileKey(a) != hashTileKey(b));
    }
}

void TestTileKey::hashesSpreadOverAGrid() {
    // No two tiles of a 40 x 40 grid on several levels of two slides share a 64-bit hash.
    QSet<size_t> hashes;
    int keys = 0;
    for (quint64 source : {1ull, 0x9e3779b97f4a7c15ull})
        for (int level = 0; level < 4; ++level)
            for (qint64 row = 0; row < 40; ++row)
                for (qint64 column = 0; column < 40; ++column, ++keys)
                    hashes.insert(hashTileKey(TileKey{source, level, column, row}));
    QVERIFY2(hashes.size() == keys, qPrintable(QStringLiteral("%1 distinct of %2").arg(hashes.size()).arg(keys)));
    // The low bits, which bucket indices use, vary too.
    QSet<size_t> buckets;
    for (qint64 column = 0; column < 64; ++column) buckets.insert(hashTileKey(TileKey{1, 0, column, 0}) & 63u);
    QVERIFY(buckets.size() > 32);
}

void TestTileKey::usableAsContainerKey() {
    std::unordered_set<TileKey> set{{1, 0, 0, 0}, {1, 0, 0, 1}, {1, 0, 0, 0}};
    QCOMPARE(set.size(), size_t(2));
    QVERIFY(set.count(TileKey{1, 0, 0, 1}));
    QSet<TileKey> qset{{1, 0, 0, 0}, {2, 0, 0, 0}, {2, 0, 0, 0}};
    QCOMPARE(qset.size(), 2);
    QVERIFY(qset.contains(TileKey{2, 0, 0, 0}));
    QVERIFY(!qset.contains(TileKey{3, 0, 0, 0}));
}

void TestTileKey::travelsInAQVariant() {
    // Signals carry TileKey across threads, which needs a registered metatype.
    const TileKey key{42, 3, -1, 99};
    const QVariant v = QVariant::fromValue(key);
    QVERIFY(v.canConvert<TileKey>());
    QVERIFY(v.value<TileKey>() == key);
    QVERIFY(QMetaType::fromType<TileKey>().isValid());
}

SLIDESIGHT_APPLESS_TEST_SUITE(TestTileKey)
#include "tst_tilekey.moc"
