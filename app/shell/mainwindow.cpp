#include "app/shell/mainwindow.h"

#include "app/shell/appsettings.h"
#include "app/shell/associatedimagesdock.h"
#include "app/shell/imageio.h"
#include "app/shell/propertiesdock.h"
#include "app/shell/recentfiles.h"
#include "app/shell/slidecontroller.h"
#include "viewer/layers/layerstack.h"
#include "viewer/view/minimap.h"
#include "viewer/view/slideview.h"

#include <QtCore/QFileInfo>
#include <QtCore/QMimeData>
#include <QtCore/QSettings>
#include <QtGui/QCloseEvent>
#include <QtGui/QDragEnterEvent>
#include <QtGui/QDropEvent>
#include <QtWidgets/QDockWidget>
#include <QtWidgets/QFileDialog>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QInputDialog>
#include <QtWidgets/QLabel>
#include <QtWidgets/QMessageBox>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QStatusBar>
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
    mppBar_ = new QFrame(central);
    mppBar_->setObjectName(QStringLiteral("mppBar"));
    mppBar_->setStyleSheet(QStringLiteral("#mppBar { background: #fff3cd; color: #664d03; }"));
    auto* barLayout = new QHBoxLayout(mppBar_);
    barLayout->setContentsMargins(8, 4, 8, 4);
    mppBarText_ = new QLabel(mppBar_);
    mppBarText_->setWordWrap(true);
    auto* mppButton = new QPushButton(tr("Set µm/px…"), mppBar_);
    connect(mppButton, &QPushButton::clicked, this, &MainWindow::askForMpp);
    barLayout->addWidget(mppBarText_, 1);
    barLayout->addWidget(mppButton);
    mppBar_->hide();
    view_ = new SlideView(central);
    layout->addWidget(mppBar_);
    layout->addWidget(view_, 1);
    setCentralWidget(central);

    layerStack_ = new LayerStack(this);
    view_->setLayerStack(layerStack_);
    controller_ = new SlideController(view_, AppSettings::tileCacheBytes(), AppSettings::tileThreads(), this);
    connect(controller_, &SlideController::opened, this, &MainWindow::onOpened);
    connect(controller_, &SlideController::openFailed, this, &MainWindow::onOpenFailed);
    connect(controller_, &SlideController::opening, this, [this](const QString& path) {
        loadingLabel_->setText(tr("Opening %1…").arg(QFileInfo(path).fileName()));
    });
    connect(controller_, &SlideController::closed, this, &MainWindow::updateWindowState);
    connect(controller_, &SlideController::mppChanged, this, &MainWindow::updateWindowState);

    createActions();
    createMenus();
    createDocks();
    createAnnotations();
    createAgreement();
    createAnalysis();
    createStatusBar();
    createLayerDocks();
    updateWindowState();

    const QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    if (!settings.contains(QStringLiteral("window/geometry"))) resize(1280, 800);
}

MainWindow::~MainWindow() {
    // The controller goes first, while the widgets it reports to still exist, and without
    // reporting to this half-destroyed window.
    destroyAnalysis();
    disconnect(controller_, nullptr, this, nullptr);
    delete controller_;
}

QString MainWindow::slideFileFilter() {
    return tr("Slides (*.svs *.tif *.tiff *.ndpi *.vms *.vmu *.scn *.mrxs *.svslide *.bif);;All files (*)");
}

void MainWindow::openSlide(const QString& path) { controller_->open(path); }

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
    loadingLabel_->clear();
    propertiesDock_->setSlide(controller_->source(), path);
    imagesDock_->setSlide(controller_->source());
    minimap_->clear();
    updateWindowState();
    view_->setFocus();
}

void MainWindow::onOpenFailed(const QString& path, const QString& message) {
    loadingLabel_->clear();
    if (!QFileInfo::exists(path)) {
        RecentFiles::remove(path);
        updateRecentMenu();
    }
    auto* box = new QMessageBox(QMessageBox::Warning, tr("Cannot open slide"), message, QMessageBox::Ok, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();  // window-modal and asynchronous: the event loop keeps running
}

void MainWindow::updateWindowState() {
    const bool has = controller_->hasSlide();
    closeAction_->setEnabled(has);
    exportAction_->setEnabled(has);
    mppAction_->setEnabled(has);
    for (QAction* a : {zoomInAction_, zoomOutAction_, fitAction_}) a->setEnabled(has);
    for (QAction* a : presetActions_) a->setEnabled(has);
    if (!has) {
        setWindowTitle(tr("SlideSight"));
        mppBar_->hide();
        propertiesDock_->clear();
        imagesDock_->clear();
        minimap_->clear();
        updateStatus();
        return;
    }
    setWindowTitle(tr("%1 — SlideSight").arg(QFileInfo(controller_->path()).fileName()));
    const Mpp mpp = controller_->source()->mpp();
    view_->setMpp(mpp);
    if (!mpp.known()) {
        mppBarText_->setText(tr("This slide does not record its resolution (µm/px): physical sizes and "
                                "magnifications are unavailable until you enter it."));
        mppBar_->show();
    } else if (mpp.source == MppSource::ObjectivePower) {
        mppBarText_->setText(tr("This slide does not record µm/px; %1 µm/px is assumed from its objective "
                                "power. Enter the true value if you know it.")
                                 .arg(mpp.average(), 0, 'g', 4));
        mppBar_->show();
    } else {
        mppBar_->hide();
    }
    propertiesDock_->updateMpp(mpp);
    updateStatus();
}

void MainWindow::updateStatus() {
    if (!controller_->hasSlide()) {
        magnificationLabel_->clear();
        mppLabel_->clear();
        positionLabel_->clear();
        return;
    }
    const double mag = view_->magnification();
    magnificationLabel_->setText(mag > 0 ? tr("%1×").arg(mag, 0, 'f', mag < 10 ? 2 : 1)
                                         : tr("zoom 1:%1").arg(view_->downsample(), 0, 'f', 2));
    const Mpp mpp = controller_->source()->mpp();
    if (!mpp.known()) {
        mppLabel_->setText(tr("µm/px unknown"));
    } else {
        const QString value = tr("%1 µm/px").arg(mpp.average() * view_->downsample(), 0, 'g', 4);
        mppLabel_->setText(mpp.assumed() ? tr("%1 (assumed)").arg(value) : value);
    }
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
    const QString error = exportViewTo(path);
    if (!error.isEmpty()) QMessageBox::warning(this, tr("Export failed"), error);
    else statusBar()->showMessage(tr("Saved %1").arg(QFileInfo(path).fileName()), 4000);
}

QString MainWindow::exportViewTo(const QString& path) const {
    if (!controller_->hasSlide()) return tr("There is no slide to export.");
    return saveImageAtomically(view_->grab().toImage(), path);
}

void MainWindow::closeEvent(QCloseEvent* event) {
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    cancelAnalysis();
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
