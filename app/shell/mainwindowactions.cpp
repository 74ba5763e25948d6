// MainWindow: actions, menus, docks and the status bar.
#include "app/shell/mainwindow.h"

#include "app/shell/appsettings.h"
#include "app/shell/associatedimagesdock.h"
#include "app/shell/propertiesdock.h"
#include "app/shell/recentfiles.h"
#include "app/shell/settingsdialog.h"
#include "app/shell/slidecontroller.h"
#include "viewer/slide/openslidesource.h"
#include "viewer/tiles/tilecache.h"
#include "viewer/view/minimap.h"
#include "viewer/view/slideview.h"

#include <QtCore/QFileInfo>
#include <QtGui/QAction>
#include <QtWidgets/QApplication>
#include <QtWidgets/QDockWidget>
#include <QtWidgets/QLabel>
#include <QtWidgets/QMenuBar>
#include <QtWidgets/QMessageBox>
#include <QtWidgets/QStatusBar>
#include <QtWidgets/QToolBar>

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
    mppAction_ = new QAction(tr("Set &µm/px…"), this);
    connect(mppAction_, &QAction::triggered, this, &MainWindow::askForMpp);
    settingsAction_ = new QAction(icon("settings"), tr("&Preferences…"), this);
    settingsAction_->setShortcut(QKeySequence::Preferences);
    connect(settingsAction_, &QAction::triggered, this, &MainWindow::showSettings);
    aboutAction_ = new QAction(tr("&About SlideSight"), this);
    connect(aboutAction_, &QAction::triggered, this, &MainWindow::showAbout);
}

void MainWindow::createMenus() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(openAction_);
    recentMenu_ = file->addMenu(icon("recent"), tr("Open &recent"));
    updateRecentMenu();
    file->addAction(exportAction_);
    file->addSeparator();
    file->addAction(closeAction_);
    file->addAction(quitAction_);

    QMenu* viewMenu = menuBar()->addMenu(tr("&View"));
    viewMenu->addAction(zoomInAction_);
    viewMenu->addAction(zoomOutAction_);
    viewMenu->addAction(fitAction_);
    QMenu* presets = viewMenu->addMenu(tr("&Magnification"));
    presets->addActions(presetActions_);
    viewMenu->addSeparator();
    viewMenu->setObjectName(QStringLiteral("viewMenu"));

    QMenu* slide = menuBar()->addMenu(tr("&Slide"));
    slide->addAction(mppAction_);

    QMenu* settings = menuBar()->addMenu(tr("S&ettings"));
    settings->addAction(settingsAction_);
    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(aboutAction_);

    QToolBar* bar = addToolBar(tr("Main"));
    bar->setObjectName(QStringLiteral("mainToolBar"));
    bar->addAction(openAction_);
    bar->addAction(exportAction_);
    bar->addSeparator();
    bar->addAction(zoomOutAction_);
    bar->addAction(zoomInAction_);
    bar->addAction(fitAction_);
    for (QAction* a : presetActions_) bar->addAction(a);
}

void MainWindow::createDocks() {
    auto* minimapDock = new QDockWidget(tr("Overview"), this);
    minimapDock->setObjectName(QStringLiteral("overviewDock"));
    minimap_ = new Minimap(minimapDock);
    minimapDock->setWidget(minimap_);
    addDockWidget(Qt::RightDockWidgetArea, minimapDock);
    connect(controller_, &SlideController::thumbnailReady, this, [this](const QImage& thumbnail) {
        if (!controller_->hasSlide()) return;
        const SlideInfo& info = controller_->source()->info();
        minimap_->setThumbnail(thumbnail, QSizeF(static_cast<double>(info.width()), static_cast<double>(info.height())));
        minimap_->setVisibleRect(view_->visibleLevelZeroRect());
    });
    connect(minimap_, &Minimap::navigateRequested, view_, &SlideView::centerOnLevelZero);
    connect(view_, &SlideView::viewChanged, this, [this](const QRectF& visible, double) {
        minimap_->setVisibleRect(visible);
        updateStatus();
    });

    propertiesDock_ = new PropertiesDock(this);
    addDockWidget(Qt::RightDockWidgetArea, propertiesDock_);
    imagesDock_ = new AssociatedImagesDock(this);
    addDockWidget(Qt::RightDockWidgetArea, imagesDock_);
    tabifyDockWidget(propertiesDock_, imagesDock_);
    propertiesDock_->raise();

    QMenu* viewMenu = menuBar()->findChild<QMenu*>(QStringLiteral("viewMenu"));
    for (QDockWidget* dock : {minimapDock, static_cast<QDockWidget*>(propertiesDock_),
                              static_cast<QDockWidget*>(imagesDock_)})
        viewMenu->addAction(dock->toggleViewAction());
}

void MainWindow::createStatusBar() {
    positionLabel_ = new QLabel(this);
    magnificationLabel_ = new QLabel(this);
    mppLabel_ = new QLabel(this);
    loadingLabel_ = new QLabel(this);
    positionLabel_->setMinimumWidth(200);
    statusBar()->addWidget(loadingLabel_, 1);
    statusBar()->addPermanentWidget(positionLabel_);
    statusBar()->addPermanentWidget(magnificationLabel_);
    statusBar()->addPermanentWidget(mppLabel_);
    connect(view_, &SlideView::cursorMoved, this, [this](const QPointF& p) {
        if (!controller_->hasSlide()) return;
        const SlideInfo& info = controller_->source()->info();
        if (p.x() < 0 || p.y() < 0 || p.x() >= static_cast<double>(info.width()) ||
            p.y() >= static_cast<double>(info.height())) {
            positionLabel_->clear();
            return;
        }
        positionLabel_->setText(tr("x %1  y %2 px").arg(static_cast<qint64>(p.x())).arg(static_cast<qint64>(p.y())));
    });
    connect(view_, &SlideView::cursorLeft, positionLabel_, &QLabel::clear);
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

}  // namespace slidesight
