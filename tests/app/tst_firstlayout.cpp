// The first window (no saved layout): its geometry on common screens, computed by hand, and
// side docks widened to their content, so that a dock's scroll area needs no horizontal bar
// where it needed one before fitDocks().
#include "app/shell/window/firstlayout.h"
#include "common/suite.h"

#include <QtTest/QTest>
#include <QtWidgets/QDockWidget>
#include <QtWidgets/QLabel>
#include <QtWidgets/QMainWindow>
#include <QtWidgets/QScrollArea>
#include <QtWidgets/QScrollBar>

using namespace slidesight;

namespace {

/// A main window with a left dock whose scroll area holds a widget 420 px wide at least.
struct Window {
    QMainWindow window;
    QDockWidget* dock = new QDockWidget(QStringLiteral("Wide"), &window);
    QScrollArea* scroll = new QScrollArea(dock);
    Window() {
        auto* content = new QLabel(QStringLiteral("content"));
        content->setMinimumWidth(420);
        scroll->setWidgetResizable(true);
        scroll->setWidget(content);
        dock->setWidget(scroll);
        window.setCentralWidget(new QLabel(QStringLiteral("view")));
        window.addDockWidget(Qt::LeftDockWidgetArea, dock);
        window.resize(1600, 900);
        window.show();
    }
};

}  // namespace

class TestFirstLayout : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void windowTakesMostOfTheScreen_data() {
        QTest::addColumn<QRect>("available");
        QTest::addColumn<QRect>("expected");
        QTest::newRow("1920x1080") << QRect(0, 0, 1920, 1080) << QRect(144, 81, 1632, 918);
        QTest::newRow("below a top panel") << QRect(0, 32, 2560, 1408) << QRect(192, 138, 2176, 1196);
        QTest::newRow("1280x720: at least 1024x700") << QRect(0, 0, 1280, 720) << QRect(96, 10, 1088, 700);
        QTest::newRow("800x600: the whole screen") << QRect(0, 0, 800, 600) << QRect(0, 0, 800, 600);
    }
    void windowTakesMostOfTheScreen() {
        QFETCH(QRect, available);
        QFETCH(QRect, expected);
        QCOMPARE(FirstLayout::windowGeometry(available), expected);
    }

    void docksFitTheirContent() {
        Window w;
        QVERIFY(QTest::qWaitForWindowExposed(&w.window));
        // A dock squeezed narrower than its content (as a small first window leaves it).
        w.window.resizeDocks({w.dock}, {150}, Qt::Horizontal);
        QTRY_VERIFY(w.scroll->horizontalScrollBar()->isVisible());
        QCOMPARE(FirstLayout::docksScrolledSideways(w.window), QStringList{QStringLiteral("Wide")});
        FirstLayout::fitDocks(w.window);
        QTRY_VERIFY(!w.scroll->horizontalScrollBar()->isVisible());
        QVERIFY2(w.dock->width() >= 420, qPrintable(QString::number(w.dock->width())));
        QVERIFY(FirstLayout::docksScrolledSideways(w.window).isEmpty());
    }

    void aDockIsAtMostAThirdOfTheWindow() {
        Window w;
        w.scroll->widget()->setMinimumWidth(1200);
        QVERIFY(QTest::qWaitForWindowExposed(&w.window));
        FirstLayout::fitDocks(w.window);
        QTRY_VERIFY(w.dock->width() > 420);
        QVERIFY2(w.dock->width() <= 1600 / 3 + 8, qPrintable(QString::number(w.dock->width())));
    }
};

SLIDESIGHT_TEST_SUITE(TestFirstLayout)
#include "tst_firstlayout.moc"
