#pragma once

#include "app/shell/shell.h"
#include "viewer/common/expected.h"

#include <QtCore/QMap>
#include <QtWidgets/QMainWindow>

class QAction;
class QDial;
class QMenu;

namespace slidesight {

class AgreementModule;
class AnalysisModule;
class AnnotationsModule;
class AssociatedImagesDock;
class DemoModule;
class TeachingModule;
class InspectorModule;
class LayersModule;
class PanesModule;
class Minimap;
class MppBar;
class PropertiesDock;
class ReviewModule;
class SlideController;
class SlideView;
class ViewStatus;
struct DemoIndex;

/// The main window, the shell of the application: the SlideView in the centre, the slide's
/// own docks (overview, properties, associated images), the File, View, Slide, Settings and
/// Help actions, and the status bar. Every feature (analysis, layers, inspector, annotations,
/// agreement, review, demo) is a module in its own folder that owns its dock, controller and actions
/// and registers them through the Shell interface; the window only creates the modules, each
/// given the modules it depends on.
///
/// GUI thread only.
class MainWindow : public QMainWindow, public Shell {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    /// The modules go first, newest first, while the controller and the view they use exist.
    ~MainWindow() override;

    // Shell
    QWidget* window() override { return this; }
    SlideView* view() const override { return view_; }
    LayerStack* layerStack() const override { return layerStack_; }
    SlideController* controller() const override { return controller_; }
    void setViewArea(QWidget* area) override;
    QMenu* menu(Menu which) override;
    void addDock(QDockWidget* dock, Qt::DockWidgetArea area, DockGroup group = DockGroup::Alone) override;
    void addExportAction(QAction* action) override;
    void addOpenMenu(QMenu* menu) override;
    void addToolBarOf(QToolBar* bar) override;
    void addStatusWidget(QWidget* widget) override;
    void showStatusMessage(const QString& message, int timeoutMs = 0) override;
    void showWarning(const QString& title, const QString& message) override;
    void setSlideTitle(const QString& title) override;

    AnalysisModule* analysis() const { return analysis_; }
    LayersModule* layers() const { return layers_; }
    InspectorModule* inspector() const { return inspector_; }
    AnnotationsModule* annotations() const { return annotations_; }
    AgreementModule* agreement() const { return agreement_; }
    ReviewModule* review() const { return review_; }
    PanesModule* panes() const { return panes_; }
    TeachingModule* teaching() const { return teaching_; }

    /// Opens a slide (asynchronously); failures are reported in a message box.
    void openSlide(const QString& path);
    /// Opens the demo's first held-out slide with its ground truth and analyses it (DemoModule).
    void openDemo(const DemoIndex& index);
    /// Saves the current view (slide and layers as shown) to an image file, atomically.
    /// A failure carries one sentence for the user.
    Check exportViewTo(const QString& path) const;
    /// The file dialog's filter for every format OpenSlide reads.
    static QString slideFileFilter();

protected:
    void closeEvent(QCloseEvent* event) override;
    void showEvent(QShowEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void createActions();
    void createMenus();
    void createDocks();
    void updateRecentMenu();
    void updateWindowState();
    void onOpened(const QString& path);
    void onOpenFailed(const QString& path, const QString& message);
    void chooseAndOpen();
    void exportView();
    void askForMpp();
    void showSettings();
    void showAbout();

    bool firstLayout_ = false;  ///< no saved layout: fit the docks when first shown
    SlideView* view_ = nullptr;
    LayerStack* layerStack_ = nullptr;
    SlideController* controller_ = nullptr;
    MppBar* mppBar_ = nullptr;
    ViewStatus* status_ = nullptr;
    Minimap* minimap_ = nullptr;
    PropertiesDock* propertiesDock_ = nullptr;
    QString slideTitle_;  ///< shown instead of the file name; empty: the file name
    AssociatedImagesDock* imagesDock_ = nullptr;

    QMap<Menu, QMenu*> menus_;
    QMap<DockGroup, QDockWidget*> groupFront_;
    QMenu* recentMenu_ = nullptr;
    QAction* opensEnd_ = nullptr;    // the separator after File's open actions
    QAction* exportsEnd_ = nullptr;  // the separator after File's export actions
    QAction* openAction_ = nullptr;
    QAction* closeAction_ = nullptr;
    QAction* exportAction_ = nullptr;
    QAction* quitAction_ = nullptr;
    QAction* zoomInAction_ = nullptr;
    QAction* zoomOutAction_ = nullptr;
    QAction* fitAction_ = nullptr;
    QAction* rotateRightAction_ = nullptr;
    QAction* rotateLeftAction_ = nullptr;
    QAction* turnRightAction_ = nullptr;
    QAction* turnLeftAction_ = nullptr;
    QAction* resetRotationAction_ = nullptr;
    QDial* rotationDial_ = nullptr;
    QAction* mppAction_ = nullptr;
    QAction* settingsAction_ = nullptr;
    QAction* aboutAction_ = nullptr;
    QList<QAction*> presetActions_;

    AnnotationsModule* annotations_ = nullptr;
    LayersModule* layers_ = nullptr;
    InspectorModule* inspector_ = nullptr;
    AnalysisModule* analysis_ = nullptr;
    AgreementModule* agreement_ = nullptr;
    ReviewModule* review_ = nullptr;
    PanesModule* panes_ = nullptr;
    DemoModule* demo_ = nullptr;
    TeachingModule* teaching_ = nullptr;
};

}  // namespace slidesight
