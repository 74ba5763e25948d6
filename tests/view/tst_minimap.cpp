#include "common/suite.h"

#include "viewer/view/minimap.h"

#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

using slidesight::Minimap;

class TestMinimap : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void clickNavigatesToLevelZeroPoint() {
        Minimap map;
        map.resize(204, 104);  // 200x100 usable after the 2 px margins on each side
        QImage thumb(200, 100, QImage::Format_RGB32);
        thumb.fill(Qt::white);
        map.setThumbnail(thumb, QSizeF(20000, 10000));
        QSignalSpy spy(&map, &Minimap::navigateRequested);
        QTest::mouseClick(&map, Qt::LeftButton, {}, QPoint(102, 52));
        QCOMPARE(spy.count(), 1);
        const QPointF p = spy.at(0).at(0).toPointF();
        QVERIFY2(std::abs(p.x() - 10000) < 150 && std::abs(p.y() - 5000) < 150,
                 qPrintable(QStringLiteral("got %1,%2").arg(p.x()).arg(p.y())));
        // Clicks outside the picture clamp to the slide's edge.
        QTest::mouseClick(&map, Qt::LeftButton, {}, QPoint(203, 103));
        const QPointF q = spy.at(1).at(0).toPointF();
        QCOMPARE(q, QPointF(20000, 10000));
    }
    void noSlideNoNavigation() {
        Minimap map;
        map.resize(200, 100);
        QSignalSpy spy(&map, &Minimap::navigateRequested);
        QTest::mouseClick(&map, Qt::LeftButton, {}, QPoint(50, 50));
        QCOMPARE(spy.count(), 0);
    }
    void visibleRectIsDrawn() {
        Minimap map;
        map.resize(204, 104);
        QImage thumb(200, 100, QImage::Format_RGB32);
        thumb.fill(Qt::white);
        map.setThumbnail(thumb, QSizeF(20000, 10000));
        map.setVisibleRect(QRectF(5000, 2500, 10000, 5000));
        const QImage shot = map.grab().toImage();
        // The outline's left edge sits at x = 2 + 50 = 52 and is red.
        const QRgb edge = shot.pixel(52, 52);
        QVERIFY2(qRed(edge) > 180 && qGreen(edge) < 90, qPrintable(QString::number(edge, 16)));
        // Inside the rectangle the thumbnail shows through.
        QCOMPARE(shot.pixel(102, 52), qRgb(255, 255, 255));
    }

    /// A view turned by 45 degrees outlines a diamond: red midway along its edges, the
    /// thumbnail inside and in the corners outside it.
    void turnedViewIsADiamond() {
        Minimap map;
        map.resize(204, 104);
        QImage thumb(200, 100, QImage::Format_RGB32);
        thumb.fill(Qt::white);
        map.setThumbnail(thumb, QSizeF(20000, 10000));
        const QPolygonF diamond({QPointF(10000, 0), QPointF(20000, 5000), QPointF(10000, 10000), QPointF(0, 5000)});
        map.setVisiblePolygon(diamond);
        QCOMPARE(map.toWidget(QPointF(20000, 5000)), QPointF(202, 52));
        const QImage shot = map.grab().toImage();
        const QRgb edge = shot.pixel(152, 27);  // halfway from (102, 2) to (202, 52)
        QVERIFY2(qRed(edge) > 150 && qGreen(edge) < 120, qPrintable(QString::number(edge, 16)));
        QCOMPARE(shot.pixel(102, 52), qRgb(255, 255, 255));
        QCOMPARE(shot.pixel(20, 10), qRgb(255, 255, 255));
    }
};

SLIDESIGHT_TEST_SUITE(TestMinimap)
#include "tst_minimap.moc"
