// The main window offscreen: the feature modules in their places, opening real slides
// (asynchronously), the missing-µm/px bar, bad files reported in a message box without a
// crash, drag and drop, recent files.
#include "app/analysis/analysisdock.h"
#include "app/analysis/analysismodule.h"
#include "app/annotations/annotationdock.h"
#include "app/annotations/annotationsmodule.h"
#include "app/inspector/inspectordock.h"
#include "app/inspector/inspectormodule.h"
#include "app/layers/layerpaneldock.h"
#include "app/layers/layersmodule.h"
#include "app/review/reviewmodule.h"
#include "app/shell/docks/associatedimagesdock.h"
#include "app/shell/settings/recentfiles.h"
#include "app/shell/slide/slidecontroller.h"
#include "app/shell/window/mainwindow.h"
#include "common/testdata.h"
#include "common/suite.h"
#include "viewer/view/slideview.h"

#include <QtCore/QMimeData>
#include <QtCore/QStandardPaths>
#include <QtGui/QDropEvent>
#include <QtGui/QMouseEvent>
#include <QtWidgets/QApplication>
#include <QtWidgets/QFrame>
#include <QtWidgets/QDockWidget>
#include <QtWidgets/QLabel>
#include <QtWidgets/QMenu>
#include <QtWidgets/QMenuBar>
#include <QtWidgets/QMessageBox>
#include <QtWidgets/QTreeWidget>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

using namespace slidesight;

namespace {

bool anyLabelContains(const QWidget& w, const QString& text) {
    for (const QLabel* l : w.findChildren<QLabel*>())
        if (l->text().contains(text)) return true;
    return false;
}

bool treeContains(const QWidget& w, const QString& text) {
    for (const QTreeWidget* t : w.findChildren<QTreeWidget*>())
        if (!t->findItems(text, Qt::MatchContains | Qt::MatchRecursive, 1).isEmpty()) return true;
    return false;
}

}  // namespace

class TestMainWindow : public QObject {
    Q_OBJECT
private:
    QTemporaryDir config_;

    static void openAndWait(MainWindow& w, const QString& path) {
        QSignalSpy opened(w.controller(), &SlideController::opened);
        w.openSlide(path);
        QVERIFY(w.controller()->isOpening());
        QTRY_COMPARE_WITH_TIMEOUT(opened.count(), 1, 20000);
    }

private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        qputenv("XDG_CONFIG_HOME", config_.path().toUtf8());
        RecentFiles::clear();
    }

    // Every module registered through the shell: the menus in their fixed order whatever the
    // order they were asked for (the annotations module adds Edit after View and the others
    // exist), each dock listed in the View menu, the layer panel and the inspector tabbed with
    // the panel in front, and Export layer right after Export view.
    void modulesInTheirPlaces() {
        MainWindow w;
        w.show();
        QStringList menus;
        for (const QAction* a : w.menuBar()->actions()) menus << a->text();
        QCOMPARE(menus, (QStringList{QStringLiteral("&File"), QStringLiteral("&Edit"), QStringLiteral("&View"),
                                     QStringLiteral("&Slide"), QStringLiteral("S&ettings"), QStringLiteral("&Help")}));
        QCOMPARE(w.menu(Shell::Menu::Edit)->actions().value(0)->text(), QStringLiteral("&Undo"));

        const QList<QAction*> viewActions = w.menu(Shell::Menu::View)->actions();
        const QList<QDockWidget*> docks = w.findChildren<QDockWidget*>();
        QCOMPARE(docks.size(), 10);  // overview, properties, images, annotations, agreement, analysis, layers, inspector, review, teaching
        for (QDockWidget* dock : docks) QVERIFY2(viewActions.contains(dock->toggleViewAction()), qPrintable(dock->objectName()));
        QCOMPARE(w.tabifiedDockWidgets(w.layers()->panel()), (QList<QDockWidget*>{w.inspector()->dock()}));
        QCOMPARE(w.dockWidgetArea(w.analysis()->dock()), Qt::LeftDockWidgetArea);
        QCOMPARE(w.dockWidgetArea(w.annotations()->dock()), Qt::RightDockWidgetArea);
        QVERIFY(viewActions.contains(w.review()->nextAction()));
        QStringList submenus;
        for (const QAction* a : viewActions)
            if (a->menu()) submenus << a->text();
        QCOMPARE(submenus, (QStringList{QStringLiteral("&Magnification"), QStringLiteral("&Rotation"), QStringLiteral("&Panes")}));

        QStringList file;
        for (const QAction* a : w.menu(Shell::Menu::File)->actions()) file << a->text();
        const int exportView = file.indexOf(QStringLiteral("&Export view as PNG…"));
        QVERIFY(exportView >= 0);
        QCOMPARE(file.value(exportView + 1), QStringLiteral("Export &layer…"));
        QVERIFY(!w.layers()->exportAction()->isEnabled());  // no slide, no heatmap
        QCOMPARE(file.mid(0, 3), (QStringList{QStringLiteral("&Open…"), QStringLiteral("Open &recent"), QStringLiteral("Teac&hing")}));
    }

    void opensRealSlide() {
        SLIDESIGHT_REQUIRE_DATA();
        MainWindow w;
        w.show();
        const QString path = test::dataPath(QStringLiteral("slides/cmu-1-small-region.svs"));
        openAndWait(w, path);
        QVERIFY(w.controller()->hasSlide());
        QVERIFY(w.windowTitle().contains(QStringLiteral("cmu-1-small-region.svs")));
        QVERIFY(w.findChild<QFrame*>(QStringLiteral("mppBar"))->isHidden());
        QVERIFY(treeContains(w, QStringLiteral("0.499")));
        QVERIFY(treeContains(w, QStringLiteral("2,220 × 2,967 px")) || treeContains(w, QStringLiteral("2220 × 2967 px")));
        auto* images = w.findChild<AssociatedImagesDock*>();
        QTRY_COMPARE_WITH_TIMEOUT(images->shownCount(), 3, 10000);
        QCOMPARE(RecentFiles::list().value(0), QFileInfo(path).absoluteFilePath());
        // The view reaches a fully sharp state, and the status bar shows the magnification.
        QTRY_VERIFY_WITH_TIMEOUT(w.controller()->isViewSharp(), 20000);
        QVERIFY(w.view()->magnification() > 0.0);
        w.view()->setMagnification(20.0);
        QTRY_VERIFY(std::abs(w.view()->magnification() - 20.0) < 1e-6);
        QTRY_VERIFY(anyLabelContains(w, QStringLiteral("20.0×")));
        QTRY_VERIFY(anyLabelContains(w, QStringLiteral("0.499 µm/px")));
    }

    void exportAndCursorPosition() {
        SLIDESIGHT_REQUIRE_DATA();
        MainWindow w;
        w.resize(1000, 700);
        w.show();
        QTemporaryDir dir;
        QVERIFY(!w.exportViewTo(dir.filePath(QStringLiteral("none.png"))).error().empty());  // no slide yet
        openAndWait(w, test::dataPath(QStringLiteral("slides/cmu-1-small-region.svs")));
        QTRY_VERIFY_WITH_TIMEOUT(w.controller()->isViewSharp(), 20000);
        const QString out = dir.filePath(QStringLiteral("view.png"));
        QVERIFY(w.exportViewTo(out).ok());
        const QImage image(out);
        QCOMPARE(image.size(), w.view()->size());
        // The level-0 position under the cursor appears in the status bar.
        QWidget* vp = w.view()->viewport();
        const QPoint at = w.view()->mapFromScene(QPointF(1000, 1500));
        QTest::mouseMove(vp, at);
        QMouseEvent move(QEvent::MouseMove, QPointF(at), vp->mapToGlobal(QPointF(at)), Qt::NoButton, Qt::NoButton, Qt::NoModifier);
        QApplication::sendEvent(vp, &move);
        const QPointF scene = w.view()->mapToScene(at);
        QTRY_VERIFY(anyLabelContains(w, QStringLiteral("x %1  y %2 px").arg(qint64(scene.x())).arg(qint64(scene.y()))));
    }

    void missingMppIsAskedForAndShownAsAssumed() {
        SLIDESIGHT_REQUIRE_DATA();
        MainWindow w;
        w.show();
        openAndWait(w, test::dataPath(QStringLiteral("slides/tcga-cr-7395-01a-01-ts1.svs")));
        QVERIFY(!w.findChild<QFrame*>(QStringLiteral("mppBar"))->isHidden());
        QVERIFY(anyLabelContains(w, QStringLiteral("µm/px unknown")));
        QCOMPARE(w.controller()->source()->mpp().source, MppSource::Unknown);
        w.controller()->setUserMpp(0.5);
        QCOMPARE(w.controller()->source()->mpp().source, MppSource::User);
        QVERIFY(w.findChild<QFrame*>(QStringLiteral("mppBar"))->isHidden());
        QVERIFY(treeContains(w, QStringLiteral("assumed")));
        QTRY_VERIFY(anyLabelContains(w, QStringLiteral("(assumed)")));
        QVERIFY(w.view()->mpp().assumed());
    }

    void badFilesAreReportedAndNothingBreaks_data() {
        QTest::addColumn<QString>("slide");
        QTest::newRow("corrupt svs") << QStringLiteral("slides/negative/broken.svs");
        QTest::newRow("plain tiff") << QStringLiteral("slides/negative/kidney-48-5.tif");
    }
    void badFilesAreReportedAndNothingBreaks() {
        QFETCH(QString, slide);
        SLIDESIGHT_REQUIRE_DATA();
        MainWindow w;
        w.show();
        QSignalSpy failed(w.controller(), &SlideController::openFailed);
        w.openSlide(test::dataPath(slide));
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 10000);
        QVERIFY(failed.at(0).at(1).toString().contains(QFileInfo(slide).fileName()));
        QMessageBox* box = nullptr;
        QTRY_VERIFY((box = w.findChild<QMessageBox*>()) != nullptr);
        QVERIFY(box->text().contains(QFileInfo(slide).fileName()));
        box->accept();
        QVERIFY(!w.controller()->hasSlide());
        // The window still works.
        openAndWait(w, test::dataPath(QStringLiteral("slides/cmu-1-small-region.svs")));
    }

    void dropOpensSlide() {
        SLIDESIGHT_REQUIRE_DATA();
        MainWindow w;
        w.show();
        QSignalSpy opened(w.controller(), &SlideController::opened);
        auto* mime = new QMimeData;
        mime->setUrls({QUrl::fromLocalFile(test::dataPath(QStringLiteral("slides/cmu-1-small-region.svs")))});
        QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&w, &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(QPointF(10, 10), Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&w, &drop);
        QTRY_COMPARE_WITH_TIMEOUT(opened.count(), 1, 20000);
        delete mime;
    }

    void closeReleasesSlideAtOnce() {
        SLIDESIGHT_REQUIRE_DATA();
        MainWindow w;
        w.show();
        openAndWait(w, test::dataPath(QStringLiteral("slides/cmu-1-small-region.svs")));
        w.view()->setMagnification(40.0);  // plenty of tiles still to read
        w.view()->flushViewChange();
        QSignalSpy closed(w.controller(), &SlideController::closed);
        w.controller()->close();
        QCOMPARE(closed.count(), 1);
        QVERIFY(!w.controller()->hasSlide());
        QCOMPARE(w.windowTitle(), QStringLiteral("SlideSight"));
        QVERIFY(w.view()->layers().empty());
    }

    void newerOpenSupersedesOlder() {
        SLIDESIGHT_REQUIRE_DATA();
        MainWindow w;
        QSignalSpy opened(w.controller(), &SlideController::opened);
        w.openSlide(test::dataPath(QStringLiteral("slides/tcga-cr-7395-01a-01-ts1.svs")));
        w.openSlide(test::dataPath(QStringLiteral("slides/cmu-1-small-region.svs")));
        QTRY_COMPARE_WITH_TIMEOUT(opened.count(), 1, 20000);
        QTest::qWait(200);
        QCOMPARE(opened.count(), 1);
        QVERIFY(w.controller()->path().endsWith(QStringLiteral("cmu-1-small-region.svs")));
    }

    void recentFilesKeepTenNewestFirst() {
        RecentFiles::clear();
        for (int i = 0; i < 12; ++i) RecentFiles::add(QStringLiteral("/slides/s%1.svs").arg(i));
        RecentFiles::add(QStringLiteral("/slides/s5.svs"));
        const QStringList list = RecentFiles::list();
        QCOMPARE(list.size(), RecentFiles::kMaximum);
        QCOMPARE(list.first(), QStringLiteral("/slides/s5.svs"));
        QCOMPARE(list.at(1), QStringLiteral("/slides/s11.svs"));
        QCOMPARE(list.count(QStringLiteral("/slides/s5.svs")), 1);
        QVERIFY(!list.contains(QStringLiteral("/slides/s0.svs")));
    }
};

SLIDESIGHT_TEST_SUITE(TestMainWindow)
#include "tst_mainwindow.moc"
