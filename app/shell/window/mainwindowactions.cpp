// The main window's own actions (open, close, export, quit; zoom, magnification presets and
// rotation; µm/px, preferences, about), the rotation dial, and where they appear: the File,
// View, Slide, Settings and Help menus, the recent-files submenu and the Main tool bar. Kept
// apart from mainwindow.cpp, which builds the window, its docks and modules and handles what
// the actions ask for.
#include "app/shell/window/mainwindow.h"

#include "app/shell/settings/recentfiles.h"
#include "app/shell/slide/slidecontroller.h"
#include "viewer/view/slideview.h"

#include <QtCore/QFileInfo>
#include <QtGui/QAction>
#include <QtWidgets/QDial>
#include <QtWidgets/QMenu>
#include <QtWidgets/QToolBar>

#include <cmath>

namespace slidesight {

namespace {
QIcon icon(const char* name) { return QIcon(QStringLiteral(":/icons/%1.svg").arg(QLatin1String(name))); }
}  // namespace

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

}  // namespace slidesight
