// SHA-256 against the FIPS 180-4 / NIST example vectors and against Qt's implementation on
// every length around the padding boundaries, fed whole and in odd pieces; file hashing.

#include "common/suite.h"

#include "model/common/sha256.h"

#include <QtCore/QCryptographicHash>
#include <QtCore/QRandomGenerator>
#include <QtCore/QTemporaryDir>
#include <QtTest/QtTest>

using slidesight::model::Sha256;

class TestSha256 : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void knownVectors_data();
    void knownVectors();
    void millionAs();
    void matchesQtAtEveryLength();
    void pieceSizesDoNotMatter();
    void fileHash();
};

void TestSha256::knownVectors_data() {
    QTest::addColumn<QByteArray>("message");
    QTest::addColumn<QString>("digest");
    QTest::newRow("empty") << QByteArray()
                           << "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    QTest::newRow("abc") << QByteArray("abc")
                         << "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
    // 56 bytes: the length no longer fits in the first block's padding.
    QTest::newRow("448 bits") << QByteArray("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
                              << "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1";
    QTest::newRow("896 bits")
        << QByteArray("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu")
        << "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1";
}

void TestSha256::knownVectors() {
    QFETCH(QByteArray, message);
    QFETCH(QString, digest);
    QCOMPARE(QString::fromStdString(Sha256::hexOf(message.toStdString())), digest);
}

void TestSha256::millionAs() {
    Sha256 hasher;
    const std::string thousand(1000, 'a');
    for (int i = 0; i < 1000; ++i) hasher.update(thousand);
    QCOMPARE(QString::fromStdString(Sha256::hex(hasher.finish())),
             QStringLiteral("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"));
}

void TestSha256::matchesQtAtEveryLength() {
    QRandomGenerator random(7);
    for (int length = 0; length <= 300; ++length) {
        QByteArray data(length, Qt::Uninitialized);
        for (auto& c : data) c = static_cast<char>(random.bounded(256));
        const QString expected = QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex());
        QCOMPARE(QString::fromStdString(Sha256::hexOf(data.toStdString())), expected);
    }
}

void TestSha256::pieceSizesDoNotMatter() {
    QRandomGenerator random(11);
    QByteArray data(5000, Qt::Uninitialized);
    for (auto& c : data) c = static_cast<char>(random.bounded(256));
    const std::string whole = Sha256::hexOf(data.toStdString());
    for (const int piece : {1, 3, 63, 64, 65, 127, 1000}) {
        Sha256 hasher;
        for (int at = 0; at < data.size(); at += piece)
            hasher.update(data.constData() + at, static_cast<size_t>(std::min(piece, int(data.size()) - at)));
        QCOMPARE(Sha256::hex(hasher.finish()), whole);
    }
}

void TestSha256::fileHash() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QByteArray data(3 * 1024 * 1024 + 17, 'x');  // several read blocks and a tail
    data[12345] = 'y';
    QFile file(dir.filePath("blob"));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(data);
    file.close();
    const auto hashed = Sha256::hexOfFile(file.fileName().toStdString());
    QVERIFY2(hashed.ok(), hashed.error().c_str());
    QCOMPARE(*hashed, Sha256::hexOf(data.toStdString()));
    const auto missing = Sha256::hexOfFile(dir.filePath("nothing").toStdString());
    QVERIFY(!missing.ok());
    QVERIFY(QString::fromStdString(missing.error()).contains(QLatin1String("nothing")));
}

SLIDESIGHT_APPLESS_TEST_SUITE(TestSha256)
#include "tst_sha256.moc"
