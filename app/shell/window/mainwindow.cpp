// The main window: the view under the µm/px bar in the centre, the slide's own docks, the
// status bar and the feature modules, with the Shell interface they register through, and
// what the window's actions do (open, export, µm/px, preferences, about). The actions, menus
// and tool bar themselves are built in mainwindowactions.cpp.
#include "app/shell/window/mainwindow.h"

#include "app/agreement/agreementmodule.h"
#include "app/analysis/analysismodule.h"
#include "app/annotations/annotationsmodule.h"
#include "app/demo/demomodule.h"
#include "app/teaching/teachingmodule.h"
#include "app/inspector/inspectormodule.h"
#include "app/layers/layersmodule.h"
#include "app/panes/panesmodule.h"
#include "app/review/reviewmodule.h"
#include "app/shell/docks/associatedimagesdock.h"
#include "app/shell/docks/propertiesdock.h"
#include "app/shell/screenshots/imageio.h"
#include "app/shell/settings/appsettings.h"
#include "app/shell/settings/recentfiles.h"
#include "app/shell/settings/settingsdialog.h"
#include "app/shell/slide/slidecontroller.h"
#include "app/shell/slide/slidefilefilter.h"
#include "app/shell/window/firstlayout.h"
#include "app/shell/window/mppbar.h"
#include "app/shell/window/viewstatus.h"
#include "viewer/layers/layerstack.h"
#include "viewer/slide/openslidesource.h"
#include "viewer/tiles/tilecache.h"
#include "viewer/view/minimap.h"
#include "viewer/view/slideview.h"
#include "viewer/common/qstringfailure.h"

#include <QtCore/QFileInfo>
#include <QtCore/QMimeData>
#include <QtCore/QSettings>
#include <QtCore/QTimer>
#include <QtGui/QAction>
#include <QtGui/QCloseEvent>
#include <QtGui/QDragEnterEvent>
#include <QtGui/QDropEvent>
#include <QtGui/QScreen>
#include <QtWidgets/QApplication>
#include <QtWidgets/QDial>
#include <QtWidgets/QDockWidget>
#include <QtWidgets/QFileDialog>
#include <QtWidgets/QInputDialog>
#include <QtWidgets/QMenuBar>
#include <QtWidgets/QMessageBox>
#include <QtWidgets/QStatusBar>
#include <QtWidgets/QToolBar>
#include <QtWidgets/QVBoxLayout>

namespace slidesight {

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent) {
    setWindowTitle(tr("SlideSight"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/slidesight.svg")));
    setAcceptDrops(true);

    auto* central = new QWidget(this);
    auto* layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    mppBar_ = new MppBar(central);
    connect(mppBar_, &MppBar::entryRequested, this, &MainWindow::askForMpp);
    view_ = new SlideView(central);
    layout->addWidget(mppBar_);
    layout->addWidget(view_, 1);
    setCentralWidget(central);

    layerStack_ = new LayerStack(this);
    view_->setLayerStack(layerStack_);
    controller_ = new SlideController(view_, AppSettings::tileCacheBytes(), AppSettings::tileThreads(), this);
    connect(controller_, &SlideController::opened, this, &MainWindow::onOpened);
    connect(controller_, &SlideController::openFailed, this, &MainWindow::onOpenFailed);
    connect(controller_, &SlideController::closed, this, &MainWindow::updateWindowState);
    connect(controller_, &SlideController::mppChanged, this, &MainWindow::updateWindowState);
    status_ = new ViewStatus(controller_, statusBar());

    createActions();
    createMenus();
    createDocks();

    // The features, each given what it depends on. The order of creation is the order of the
    // docks within their areas (the analysis above the layer panel, the annotations below the
    // slide's docks).
    annotations_ = new AnnotationsModule(*this, this);
    agreement_ = new AgreementModule(*this, annotations_->document(), this);
    analysis_ = new AnalysisModule(*this, this);
    layers_ = new LayersModule(*this, this);
    inspector_ = new InspectorModule(*this, this);
    review_ = new ReviewModule(*this, this);
    panes_ = new PanesModule(*this, this);
    demo_ = new DemoModule(*this, analysis_, annotations_, layers_, this);
    teaching_ = new TeachingModule(*this, analysis_, annotations_, demo_, this);
    updateWindowState();

    const QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    if (!settings.contains(QStringLiteral("window/geometry"))) {
        firstLayout_ = true;
        if (const QScreen* screen = this->screen()) setGeometry(FirstLayout::windowGeometry(screen->availableGeometry()));
    }
}

void MainWindow::showEvent(QShowEvent* event) {
    QMainWindow::showEvent(event);
    // The docks fit their content once the window has its size (no saved layout only).
    if (firstLayout_) {
        firstLayout_ = false;
        QTimer::singleShot(0, this, [this] { FirstLayout::fitDocks(*this); });
    }
}

MainWindow::~MainWindow() {
    // The modules go first, while the controller, the view and the layer stack they use still
    // exist; then the controller, without reporting to this half-destroyed window.
    delete teaching_;
    delete demo_;
    delete panes_;
    delete review_;
    delete inspector_;
    delete layers_;
    delete analysis_;
    delete agreement_;
    delete annotations_;
    disconnect(controller_, nullptr, this, nullptr);
    delete controller_;
}

QMenu* MainWindow::menu(Menu which) {
    if (QMenu* existing = menus_.value(which)) return existing;
    static const QMap<Menu, const char*> titles = {
        {Menu::File, QT_TR_NOOP("&File")},         {Menu::Edit, QT_TR_NOOP("&Edit")},
        {Menu::View, QT_TR_NOOP("&View")},         {Menu::Slide, QT_TR_NOOP("&Slide")},
        {Menu::Settings, QT_TR_NOOP("S&ettings")}, {Menu::Help, QT_TR_NOOP("&Help")}};
    auto* created = new QMenu(tr(titles.value(which)), this);
    // In its place on the menu bar: before the first menu that comes after it.
    const auto next = menus_.upperBound(which);
    menuBar()->insertMenu(next == menus_.end() ? nullptr : next.value()->menuAction(), created);
    menus_.insert(which, created);
    return created;
}

void MainWindow::addDock(QDockWidget* dock, Qt::DockWidgetArea area, DockGroup group) {
    addDockWidget(area, dock);
    if (group != DockGroup::Alone) {
        if (QDockWidget* front = groupFront_.value(group)) {
            tabifyDockWidget(front, dock);
            front->raise();
        } else {
            groupFront_.insert(group, dock);
        }
    }
    menu(Menu::View)->addAction(dock->toggleViewAction());
}

void MainWindow::addExportAction(QAction* action) { menu(Menu::File)->insertAction(exportsEnd_, action); }

void MainWindow::addOpenMenu(QMenu* submenu) { menu(Menu::File)->insertMenu(opensEnd_, submenu); }

void MainWindow::addToolBarOf(QToolBar* bar) { addToolBar(bar); }

void MainWindow::addStatusWidget(QWidget* widget) { statusBar()->addPermanentWidget(widget); }

void MainWindow::showStatusMessage(const QString& message, int timeoutMs) {
    if (message.isEmpty()) statusBar()->clearMessage();
    else statusBar()->showMessage(message, timeoutMs);
}

void MainWindow::setSlideTitle(const QString& title) {
    if (title == slideTitle_) return;
    slideTitle_ = title;
    propertiesDock_->setHiddenName(title);
    imagesDock_->setLabelsHidden(!title.isEmpty());
    if (controller_->hasSlide()) {
        propertiesDock_->setSlide(controller_->source(), controller_->path());
        imagesDock_->setSlide(controller_->source());
    }
    updateWindowState();
}

void MainWindow::showWarning(const QString& title, const QString& message) {
    auto* box = new QMessageBox(QMessageBox::Warning, title, message, QMessageBox::Ok, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();  // window-modal and asynchronous: the event loop keeps running
}

void MainWindow::createDocks() {
    auto* minimapDock = new QDockWidget(tr("Overview"), this);
    minimapDock->setObjectName(QStringLiteral("overviewDock"));
    minimap_ = new Minimap(minimapDock);
    minimapDock->setWidget(minimap_);
    addDock(minimapDock, Qt::RightDockWidgetArea);
    connect(controller_, &SlideController::thumbnailReady, this, [this](const QImage& thumbnail) {
        if (!controller_->hasSlide()) return;
        const SlideInfo& info = controller_->source()->info();
        minimap_->setThumbnail(thumbnail, QSizeF(static_cast<double>(info.width()), static_cast<double>(info.height())));
        minimap_->setVisiblePolygon(view_->visibleLevelZeroPolygon());
    });
    connect(minimap_, &Minimap::navigateRequested, view_, &SlideView::centerOnLevelZero);
    connect(view_, &SlideView::viewChanged, minimap_,
            [this](const QRectF&, double) { minimap_->setVisiblePolygon(view_->visibleLevelZeroPolygon()); });

    propertiesDock_ = new PropertiesDock(this);
    addDock(propertiesDock_, Qt::RightDockWidgetArea, DockGroup::SlideInfo);
    imagesDock_ = new AssociatedImagesDock(this);
    addDock(imagesDock_, Qt::RightDockWidgetArea, DockGroup::SlideInfo);
}

void MainWindow::showSettings() {
    SettingsDialog dialog(this);
    if (dialog.exec() == QDialog::Accepted) controller_->cache()->setCapacityBytes(AppSettings::tileCacheBytes());
}

void MainWindow::showAbout() {
    QMessageBox::about(this, tr("About SlideSight"),
                       tr("<h3>SlideSight %1</h3><p>A viewer for gigapixel pathology slides with "
                          "attention-based AI layers.</p><p>OpenSlide %2, Qt %3.</p>")
                           .arg(QApplication::applicationVersion(),
                                QString::fromStdString(OpenSlideSource::libraryVersion()),
                                QString::fromLatin1(qVersion())));
}

void MainWindow::setViewArea(QWidget* area) {
    auto* layout = qobject_cast<QVBoxLayout*>(centralWidget()->layout());
    if (!layout || !area) return;
    // The view may already have moved into `area`, which takes it out of the layout.
    delete layout->replaceWidget(view_, area);
    if (layout->indexOf(area) < 0) layout->addWidget(area, 1);
}

QString MainWindow::slideFileFilter() { return ::slidesight::slideFileFilter(); }

void MainWindow::openSlide(const QString& path) { controller_->open(path); }

void MainWindow::openDemo(const DemoIndex& index) { demo_->open(index); }

void MainWindow::chooseAndOpen() {
    const QString path = QFileDialog::getOpenFileName(this, tr("Open slide"), AppSettings::lastDirectory(),
                                                      slideFileFilter());
    if (path.isEmpty()) return;
    AppSettings::setLastDirectory(QFileInfo(path).absolutePath());
    openSlide(path);
}

void MainWindow::onOpened(const QString& path) {
    if (slideTitle_.isEmpty()) {  // a hidden name stays out of the recent files too
        RecentFiles::add(path);
        updateRecentMenu();
    }
    propertiesDock_->setSlide(controller_->source(), path);
    imagesDock_->setSlide(controller_->source());
    minimap_->clear();
    updateWindowState();
    view_->setFocus();
}

void MainWindow::onOpenFailed(const QString& path, const QString& message) {
    if (!QFileInfo::exists(path)) {
        RecentFiles::remove(path);
        updateRecentMenu();
    }
    showWarning(tr("Cannot open slide"), message);
}

void MainWindow::updateWindowState() {
    const bool has = controller_->hasSlide();
    closeAction_->setEnabled(has);
    exportAction_->setEnabled(has);
    mppAction_->setEnabled(has);
    for (QAction* a : {zoomInAction_, zoomOutAction_, fitAction_, rotateRightAction_, rotateLeftAction_, turnRightAction_,
                       turnLeftAction_, resetRotationAction_})
        a->setEnabled(has);
    rotationDial_->setEnabled(has);
    for (QAction* a : presetActions_) a->setEnabled(has);
    if (!has) {
        setWindowTitle(tr("SlideSight"));
        mppBar_->hide();
        propertiesDock_->clear();
        imagesDock_->clear();
        minimap_->clear();
        status_->update();
        return;
    }
    setWindowTitle(tr("%1 — SlideSight").arg(slideTitle_.isEmpty() ? QFileInfo(controller_->path()).fileName() : slideTitle_));
    const Mpp mpp = controller_->source()->mpp();
    view_->setMpp(mpp);
    mppBar_->showFor(mpp);
    propertiesDock_->updateMpp(mpp);
    status_->update();
}

void MainWindow::askForMpp() {
    if (!controller_->hasSlide()) return;
    const Mpp current = controller_->source()->mpp();
    bool ok = false;
    const double value = QInputDialog::getDouble(
        this, tr("Slide resolution"),
        tr("Micrometres per level-0 pixel (e.g. 0.25 for a 40× scan, 0.5 for 20×):"),
        current.known() ? current.average() : 0.5, 0.01, 100.0, 4, &ok);
    if (ok) controller_->setUserMpp(value);
}

void MainWindow::exportView() {
    if (!controller_->hasSlide()) return;
    const QString suggested = QFileInfo(controller_->path()).completeBaseName() + QStringLiteral("-view.png");
    const QString path = QFileDialog::getSaveFileName(this, tr("Export view"),
                                                      QDir(AppSettings::lastDirectory()).filePath(suggested),
                                                      tr("PNG images (*.png)"));
    if (path.isEmpty()) return;
    AppSettings::setLastDirectory(QFileInfo(path).absolutePath());
    if (const Check written = exportViewTo(path); !written)
        showWarning(tr("Export failed"), QString::fromStdString(written.error()));
    else showStatusMessage(tr("Saved %1").arg(QFileInfo(path).fileName()), 4000);
}

Check MainWindow::exportViewTo(const QString& path) const {
    if (!controller_->hasSlide()) return failure(tr("There is no slide to export."));
    return saveImageAtomically(view_->grab().toImage(), path);
}

void MainWindow::closeEvent(QCloseEvent* event) {
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    analysis_->cancel();
    controller_->close();
    event->accept();
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event) {
    if (event->mimeData()->hasUrls() && !event->mimeData()->urls().isEmpty() &&
        event->mimeData()->urls().first().isLocalFile())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event) {
    const auto urls = event->mimeData()->urls();
    if (urls.isEmpty() || !urls.first().isLocalFile()) return;
    openSlide(urls.first().toLocalFile());
    event->acceptProposedAction();
}

}  // namespace slidesight
