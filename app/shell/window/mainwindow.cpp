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

#include <cmath>

namespace slidesight {

namespace {
QIcon icon(const char* name) { return QIcon(QStringLiteral(":/icons/%1.svg").arg(QLatin1String(name))); }
}  // namespace

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

void MainWindow::showWarning(const QString& title, const QString& message) {
    auto* box = new QMessageBox(QMessageBox::Warning, title, message, QMessageBox::Ok, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();  // window-modal and asynchronous: the event loop keeps running
}

void MainWindow::createActions() {
    openAction_ = new QAction(icon("open"), tr("&Open…"), this);
    openAction_->setShortcut(QKeySequence::Open);
    connect(openAction_, &QAction::triggered, this, &MainWindow::chooseAndOpen);
    closeAction_ = new QAction(tr("&Close"), this);
    closeAction_->setShortcut(QKeySequence::Close);
    connect(closeAction_, &QAction::triggered, controller_, &SlideController::close);
    exportAction_ = new QAction(icon("export"), tr("&Export view as PNG…"), this);
    exportAction_->setShortcut(QKeySequence(tr("Ctrl+E")));
    connect(exportAction_, &QAction::triggered, this, &MainWindow::exportView);
    quitAction_ = new QAction(tr("&Quit"), this);
    quitAction_->setShortcut(QKeySequence::Quit);
    connect(quitAction_, &QAction::triggered, this, &QWidget::close);

    zoomInAction_ = new QAction(icon("zoom-in"), tr("Zoom &in"), this);
    zoomInAction_->setShortcut(QKeySequence::ZoomIn);
    connect(zoomInAction_, &QAction::triggered, this, [this] { view_->zoomBy(1.5); });
    zoomOutAction_ = new QAction(icon("zoom-out"), tr("Zoom &out"), this);
    zoomOutAction_->setShortcut(QKeySequence::ZoomOut);
    connect(zoomOutAction_, &QAction::triggered, this, [this] { view_->zoomBy(1.0 / 1.5); });
    fitAction_ = new QAction(icon("zoom-fit"), tr("Zoom to &fit"), this);
    fitAction_->setShortcut(QKeySequence(Qt::Key_0));
    connect(fitAction_, &QAction::triggered, view_, &SlideView::zoomToFit);
    int key = Qt::Key_1;
    for (double preset : SlideView::kPresets) {
        auto* a = new QAction(tr("%1×").arg(preset), this);
        a->setShortcut(QKeySequence(key++));
        connect(a, &QAction::triggered, this, [this, preset] { view_->setMagnification(preset); });
        presetActions_.append(a);
    }
    // Rotation: 90° steps, 5° steps and back to none; the dial in the tool bar turns freely.
    const struct {
        QAction** action;
        const char* text;
        const char* shortcut;
        double degrees;  // added; NaN: back to 0
    } rotations[] = {
        {&rotateRightAction_, QT_TR_NOOP("Rotate 90° clockwise"), QT_TR_NOOP("R"), 90.0},
        {&rotateLeftAction_, QT_TR_NOOP("Rotate 90° counter-clockwise"), QT_TR_NOOP("Shift+R"), -90.0},
        {&turnRightAction_, QT_TR_NOOP("Turn 5° clockwise"), QT_TR_NOOP("]"), 5.0},
        {&turnLeftAction_, QT_TR_NOOP("Turn 5° counter-clockwise"), QT_TR_NOOP("["), -5.0},
        {&resetRotationAction_, QT_TR_NOOP("Reset rotation"), QT_TR_NOOP("Ctrl+Shift+R"), std::nan("")},
    };
    for (const auto& r : rotations) {
        *r.action = new QAction(tr(r.text), this);
        (*r.action)->setShortcut(QKeySequence(tr(r.shortcut)));
        const double degrees = r.degrees;
        connect(*r.action, &QAction::triggered, this, [this, degrees] {
            if (std::isnan(degrees)) view_->setRotation(0.0);
            else view_->rotateBy(degrees);
        });
    }
    rotationDial_ = new QDial(this);
    rotationDial_->setObjectName(QStringLiteral("rotationDial"));
    rotationDial_->setRange(0, 359);
    rotationDial_->setWrapping(true);
    rotationDial_->setNotchesVisible(true);
    rotationDial_->setNotchTarget(15.0);
    rotationDial_->setFixedSize(36, 36);
    rotationDial_->setToolTip(tr("View rotation (R and Shift+R: 90°, [ and ]: 5°)"));
    // QDial's 0 is at the bottom; 180 puts the view's 0° at the top, turning clockwise.
    connect(rotationDial_, &QDial::valueChanged, this, [this](int value) { view_->setRotation((value + 180) % 360); });
    connect(view_, &SlideView::rotationChanged, this, [this](double degrees) {
        const QSignalBlocker block(rotationDial_);
        rotationDial_->setValue((static_cast<int>(std::lround(degrees)) + 180) % 360);
    });
    rotationDial_->setValue(180);

    mppAction_ = new QAction(tr("Set &µm/px…"), this);
    connect(mppAction_, &QAction::triggered, this, &MainWindow::askForMpp);
    settingsAction_ = new QAction(icon("settings"), tr("&Preferences…"), this);
    settingsAction_->setShortcut(QKeySequence::Preferences);
    connect(settingsAction_, &QAction::triggered, this, &MainWindow::showSettings);
    aboutAction_ = new QAction(tr("&About SlideSight"), this);
    connect(aboutAction_, &QAction::triggered, this, &MainWindow::showAbout);
}

void MainWindow::createMenus() {
    QMenu* file = menu(Menu::File);
    file->addAction(openAction_);
    recentMenu_ = file->addMenu(icon("recent"), tr("Open &recent"));
    updateRecentMenu();
    opensEnd_ = file->addSeparator();
    file->addAction(exportAction_);
    exportsEnd_ = file->addSeparator();
    file->addAction(closeAction_);
    file->addAction(quitAction_);

    QMenu* viewMenu = menu(Menu::View);
    viewMenu->addAction(zoomInAction_);
    viewMenu->addAction(zoomOutAction_);
    viewMenu->addAction(fitAction_);
    QMenu* presets = viewMenu->addMenu(tr("&Magnification"));
    presets->addActions(presetActions_);
    QMenu* rotation = viewMenu->addMenu(tr("&Rotation"));
    rotation->addActions({rotateRightAction_, rotateLeftAction_, turnRightAction_, turnLeftAction_, resetRotationAction_});
    viewMenu->addSeparator();  // the docks' toggles follow

    menu(Menu::Slide)->addAction(mppAction_);
    menu(Menu::Settings)->addAction(settingsAction_);
    menu(Menu::Help)->addAction(aboutAction_);

    QToolBar* bar = addToolBar(tr("Main"));
    bar->setObjectName(QStringLiteral("mainToolBar"));
    bar->addAction(openAction_);
    bar->addAction(exportAction_);
    bar->addSeparator();
    bar->addAction(zoomOutAction_);
    bar->addAction(zoomInAction_);
    bar->addAction(fitAction_);
    for (QAction* a : presetActions_) bar->addAction(a);
    bar->addSeparator();
    bar->addWidget(rotationDial_);
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

void MainWindow::updateRecentMenu() {
    recentMenu_->clear();
    const QStringList files = RecentFiles::list();
    for (const QString& f : files) {
        QAction* a = recentMenu_->addAction(QFileInfo(f).fileName());
        a->setToolTip(f);
        connect(a, &QAction::triggered, this, [this, f] { openSlide(f); });
    }
    if (!files.isEmpty()) {
        recentMenu_->addSeparator();
        connect(recentMenu_->addAction(tr("Clear list")), &QAction::triggered, this, [this] {
            RecentFiles::clear();
            updateRecentMenu();
        });
    }
    recentMenu_->setEnabled(!files.isEmpty());
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
    RecentFiles::add(path);
    updateRecentMenu();
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
    setWindowTitle(tr("%1 — SlideSight").arg(QFileInfo(controller_->path()).fileName()));
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
