#include "common/suite.h"

#include "viewer/view/scalebar.h"

#include <QtTest/QTest>

using slidesight::ScaleBar;

class TestScaleBar : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void choose_data() {
        QTest::addColumn<double>("micronsPerPixel");
        QTest::addColumn<double>("maxPixels");
        QTest::addColumn<double>("expectedMicrons");
        QTest::addColumn<QString>("expectedLabel");
        QTest::newRow("0.5um/px, 200px -> 100um") << 0.5 << 200.0 << 100.0 << QStringLiteral("100 µm");
        QTest::newRow("0.5um/px, 250px -> 100um") << 0.5 << 250.0 << 100.0 << QStringLiteral("100 µm");
        QTest::newRow("1um/px, 250px -> 200um") << 1.0 << 250.0 << 200.0 << QStringLiteral("200 µm");
        QTest::newRow("2um/px, 300px -> 500um") << 2.0 << 300.0 << 500.0 << QStringLiteral("500 µm");
        QTest::newRow("8um/px, 200px -> 1mm") << 8.0 << 200.0 << 1000.0 << QStringLiteral("1 mm");
        QTest::newRow("40um/px, 200px -> 5mm") << 40.0 << 200.0 << 5000.0 << QStringLiteral("5 mm");
        QTest::newRow("0.01um/px, 150px -> 1um") << 0.01 << 150.0 << 1.0 << QStringLiteral("1 µm");
        QTest::newRow("0.001um/px, 150px -> 100nm") << 0.001 << 150.0 << 0.1 << QStringLiteral("100 nm");
    }
    void choose() {
        QFETCH(double, micronsPerPixel);
        QFETCH(double, maxPixels);
        QFETCH(double, expectedMicrons);
        QFETCH(QString, expectedLabel);
        const ScaleBar bar = ScaleBar::choose(micronsPerPixel, maxPixels);
        QVERIFY(bar.isValid());
        QCOMPARE(bar.lengthMicrons, expectedMicrons);
        QCOMPARE(bar.label, expectedLabel);
        QVERIFY(bar.lengthPixels <= maxPixels + 1e-9);
        // A nice length is never less than a fifth of the room (1, 2, 5 steps).
        QVERIFY(bar.lengthPixels > maxPixels / 5.0);
        QCOMPARE(bar.lengthPixels, expectedMicrons / micronsPerPixel);
    }
    void invalidInput() {
        QVERIFY(!ScaleBar::choose(0.0, 200).isValid());
        QVERIFY(!ScaleBar::choose(-1.0, 200).isValid());
        QVERIFY(!ScaleBar::choose(0.5, 0).isValid());
    }
};

SLIDESIGHT_GUILESS_TEST_SUITE(TestScaleBar)
#include "tst_scalebar.moc"
