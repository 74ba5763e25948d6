// ArgbImage layout and the compositing of OpenSlide's premultiplied ARGB over a background.
#include "common/suite.h"

#include "viewer/slide/argbimage.h"

#include <QtGui/QImage>
#include <QtGui/QPainter>
#include <QtTest/QtTest>

using namespace slidesight;

class TestArgbImage : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void layout();
    void componentHelpers();
    void composite_data();
    void composite();
    void compositeEveryAlphaIsOpaqueAndMonotonic();
    void compositeAgreesWithQPainter();
};

void TestArgbImage::layout() {
    ArgbImage image(3, 2, 0xFF112233u);
    QCOMPARE(image.width, 3);
    QCOMPARE(image.height, 2);
    QCOMPARE(image.pixels.size(), size_t(6));
    QCOMPARE(image.byteCount(), size_t(24));
    QVERIFY(!image.isNull());
    QCOMPARE(image.pixel(2, 1), 0xFF112233u);
    image.pixel(1, 1) = 0xFF000001u;
    QCOMPARE(image.pixels[4], 0xFF000001u);  // row-major: y * width + x
    image.pixel(2, 0) = 0xFF000002u;
    QCOMPARE(image.pixels[2], 0xFF000002u);

    // The memory layout is QImage::Format_ARGB32's: a QImage can wrap it without a copy.
    const QImage wrapped(reinterpret_cast<const uchar*>(image.pixels.data()), image.width,
                         image.height, image.width * 4, QImage::Format_ARGB32);
    QCOMPARE(wrapped.pixel(1, 1), QRgb(0xFF000001u));
    QCOMPARE(wrapped.pixel(2, 0), QRgb(0xFF000002u));
    QCOMPARE(wrapped.pixel(0, 0), QRgb(0xFF112233u));

    QVERIFY(ArgbImage().isNull());
    QVERIFY(ArgbImage(0, 5).isNull());
    QCOMPARE(ArgbImage(2, 2).pixel(1, 1), 0xFFFFFFFFu);  // default fill: opaque white
}

void TestArgbImage::componentHelpers() {
    constexpr uint32_t c = argbFromRgb(0x12, 0x34, 0x56);
    static_assert(c == 0xFF123456u, "argbFromRgb packs 0xAARRGGBB");
    QCOMPARE(redOf(0x80A1B2C3u), 0xA1);
    QCOMPARE(greenOf(0x80A1B2C3u), 0xB2);
    QCOMPARE(blueOf(0x80A1B2C3u), 0xC3);
    QCOMPARE(alphaOf(0x80A1B2C3u), 0x80);
}

void TestArgbImage::composite_data() {
    QTest::addColumn<uint>("premultiplied");
    QTest::addColumn<uint>("background");
    QTest::addColumn<uint>("expected");

    // out = premultiplied colour + background * (255 - alpha) / 255, rounded, alpha 255.
    QTest::newRow("opaque unchanged") << 0xFF102030u << 0xFFFFFFu << 0xFF102030u;
    QTest::newRow("opaque ignores background") << 0xFF102030u << 0x000000u << 0xFF102030u;
    QTest::newRow("transparent over white") << 0x00000000u << 0xFFFFFFu << 0xFFFFFFFFu;
    QTest::newRow("transparent over colour") << 0x00000000u << 0x336699u << 0xFF336699u;
    QTest::newRow("transparent over black") << 0x00000000u << 0x000000u << 0xFF000000u;
    // a = 128: 255 * 127 / 255 = 127 -> 64 + 127, 32 + 127, 0 + 127.
    QTest::newRow("half over white") << 0x80402000u << 0xFFFFFFu << 0xFFBF9F7Fu;
    // a = 128 over (32, 64, 128): 32*127/255 = 15.94 -> 16, 64*127/255 = 31.87 -> 32,
    // 128*127/255 = 63.75 -> 64; plus (100, 50, 10).
    QTest::newRow("half over colour") << 0x8064320Au << 0x204080u << 0xFF74524Au;
    // a = 64 over (200, 100, 0): inv 191; 200*191/255 = 149.80 -> 150, 100*191/255 = 74.90 -> 75;
    // plus (48, 32, 16).
    QTest::newRow("quarter over colour") << 0x40302010u << 0xC86400u << 0xFFC66B10u;
    QTest::newRow("nearly transparent over black") << 0x01010000u << 0x000000u << 0xFF010000u;
    // a = 254: 255 * 1 / 255 = 1.
    QTest::newRow("nearly opaque over white") << 0xFE0A0B0Cu << 0xFFFFFFu << 0xFF0B0C0Du;
    // Not valid premultiplied data (colour above alpha): the sum is clamped, never wraps.
    QTest::newRow("clamped") << 0x0AC80000u << 0xFFFFFFu << 0xFFFFF5F5u;
}

void TestArgbImage::composite() {
    QFETCH(uint, premultiplied);
    QFETCH(uint, background);
    QFETCH(uint, expected);
    std::vector<uint32_t> pixels{premultiplied, 0xFF010203u};
    compositePremultipliedOver(pixels, background);
    QCOMPARE(QString::number(pixels[0], 16), QString::number(expected, 16));
    QCOMPARE(pixels[1], 0xFF010203u);  // the opaque neighbour is left alone
}

void TestArgbImage::compositeEveryAlphaIsOpaqueAndMonotonic() {
    // Grey g premultiplied at every alpha, over white: the result is opaque, and as alpha rises
    // the colour moves from white towards g without overshooting.
    for (const uint32_t grey : {0u, 100u, 255u}) {
        std::vector<uint32_t> pixels;
        for (uint32_t a = 0; a <= 255; ++a) {
            const uint32_t c = (grey * a + 127) / 255;
            pixels.push_back((a << 24) | (c << 16) | (c << 8) | c);
        }
        compositePremultipliedOver(pixels, 0xFFFFFFu);
        int previous = 256;
        for (uint32_t a = 0; a <= 255; ++a) {
            const uint32_t p = pixels[a];
            QCOMPARE(alphaOf(p), 255);
            QCOMPARE(redOf(p), blueOf(p));
            QVERIFY2(redOf(p) <= previous, qPrintable(QStringLiteral("alpha %1").arg(a)));
            QVERIFY(redOf(p) >= static_cast<int>(grey));
            previous = redOf(p);
        }
        QCOMPARE(redOf(pixels.front()), 255);
        QCOMPARE(redOf(pixels.back()), static_cast<int>(grey));
    }
}

void TestArgbImage::compositeAgreesWithQPainter() {
    // An independent implementation: Qt's own source-over of a premultiplied image on an
    // opaque background, which agrees to within one level of rounding.
    const uint32_t background = 0x4080C0u;
    std::vector<uint32_t> pixels;
    for (uint32_t a = 0; a <= 255; a += 15)
        for (uint32_t r : {0u, 90u, 255u}) {
            const uint32_t pr = (r * a + 127) / 255;
            const uint32_t pg = ((255 - r) * a + 127) / 255;
            pixels.push_back((a << 24) | (pr << 16) | (pg << 8) | (a / 2));
        }
    const int n = static_cast<int>(pixels.size());
    QImage source(reinterpret_cast<const uchar*>(pixels.data()), n, 1, n * 4,
                  QImage::Format_ARGB32_Premultiplied);
    QImage reference(n, 1, QImage::Format_RGB32);
    reference.fill(QColor(QRgb(0xFF000000u | background)));
    {
        QPainter painter(&reference);
        painter.drawImage(0, 0, source);
    }
    compositePremultipliedOver(pixels, background);
    for (int i = 0; i < n; ++i) {
        const QRgb q = reference.pixel(i, 0);
        QVERIFY2(qAbs(qRed(q) - redOf(pixels[i])) <= 1 && qAbs(qGreen(q) - greenOf(pixels[i])) <= 1 &&
                     qAbs(qBlue(q) - blueOf(pixels[i])) <= 1,
                 qPrintable(QStringLiteral("pixel %1: ours %2, Qt's %3")
                                .arg(i)
                                .arg(pixels[i], 8, 16)
                                .arg(q, 8, 16)));
    }
}

SLIDESIGHT_TEST_SUITE(TestArgbImage)
#include "tst_argbimage.moc"
