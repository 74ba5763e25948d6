#pragma once

#include <QtWidgets/QMainWindow>

class QAction;
class QLabel;
class QMenu;
class QFrame;
class QPushButton;

namespace slidesight {

class AgreementDock;
class AnalysisController;
class AnalysisDock;
struct DemoIndex;
class AnnotationAutosave;
class AnnotationDock;
class AnnotationDocument;
class AnnotationTools;
class AssociatedImagesDock;
class LranController;
class InspectorDock;
class LayerPanelDock;
class LayerStack;
class Minimap;
class PropertiesDock;
class SlideController;
class SlideView;

/// The main window: a SlideView in the centre, docks for the minimap, the slide's properties
/// and its associated images, and a status bar with the cursor's level-0 position, the
/// magnification and µm/px. Work is delegated to SlideController; the window only wires
/// widgets and actions together.
///
/// GUI thread only.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    SlideController* controller() const { return controller_; }
    SlideView* view() const { return view_; }
    AnalysisDock* analysisDock() const { return analysisDock_; }
    AnalysisController* analysisController() const { return analysis_; }
    LranController* lranController() const { return lran_; }
    /// The overlay layers of the view, top first.
    LayerStack* layerStack() const { return layerStack_; }
    LayerPanelDock* layerPanel() const { return layerPanel_; }
    InspectorDock* inspector() const { return inspector_; }
    AnnotationDocument* annotations() const { return annotations_; }
    AnnotationTools* annotationTools() const { return annotationTools_; }
    AnnotationDock* annotationDock() const { return annotationDock_; }
    AgreementDock* agreementDock() const { return agreementDock_; }

    /// Opens a slide (asynchronously); failures are reported in a message box.
    void openSlide(const QString& path);
    /// Opens the demo's first held-out slide with its ground truth, and analyses it with the
    /// demo's bundle once the slide is open (mainwindowdemo.cpp).
    void openDemo(const DemoIndex& index);
    /// Saves the current view (slide and layers as shown) to an image file, atomically.
    /// Returns an empty string on success, else one sentence for the user.
    QString exportViewTo(const QString& path) const;
    /// The file dialog's filter for every format OpenSlide reads.
    static QString slideFileFilter();

protected:
    void closeEvent(QCloseEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void createActions();
    void createMenus();
    void createDocks();
    void createAnnotations();  // mainwindowannotations.cpp
    void createAgreement();    // mainwindowagreement.cpp
    /// The demo's first view: `firstLayer` alone among the maps as they appear, the truth on top.
    void keepDemoFirstView(const QString& firstLayer);  // mainwindowdemo.cpp
    void createStatusBar();
    void createLayerDocks();  // mainwindowlayers.cpp
    void updateLayerActions();
    void chooseAndExportLayer();
    void updateRecentMenu();
    void updateStatus();
    void updateWindowState();
    void onOpened(const QString& path);
    void onOpenFailed(const QString& path, const QString& message);
    void chooseAndOpen();
    void exportView();
    void askForMpp();
    void showSettings();
    void showAbout();
    void createAnalysis();    // mainwindowanalysis.cpp
    void destroyAnalysis();
    void cancelAnalysis();
    void updateAnalysisSlide();
    void updateUntrainedBanner();

    SlideView* view_ = nullptr;
    SlideController* controller_ = nullptr;
    Minimap* minimap_ = nullptr;
    PropertiesDock* propertiesDock_ = nullptr;
    AssociatedImagesDock* imagesDock_ = nullptr;
    LayerStack* layerStack_ = nullptr;
    LayerPanelDock* layerPanel_ = nullptr;
    InspectorDock* inspector_ = nullptr;
    QLabel* layerValueLabel_ = nullptr;
    QAction* exportLayerAction_ = nullptr;
    AnnotationDocument* annotations_ = nullptr;
    AnnotationAutosave* annotationAutosave_ = nullptr;
    AnnotationTools* annotationTools_ = nullptr;
    AnnotationDock* annotationDock_ = nullptr;
    AgreementDock* agreementDock_ = nullptr;
    QFrame* mppBar_ = nullptr;
    AnalysisController* analysis_ = nullptr;
    LranController* lran_ = nullptr;
    AnalysisDock* analysisDock_ = nullptr;
    QLabel* untrainedViewBanner_ = nullptr;
    QString analysisSlide_;
    QLabel* mppBarText_ = nullptr;

    QLabel* positionLabel_ = nullptr;
    QLabel* magnificationLabel_ = nullptr;
    QLabel* mppLabel_ = nullptr;
    QLabel* loadingLabel_ = nullptr;

    QMenu* recentMenu_ = nullptr;
    QAction* openAction_ = nullptr;
    QAction* closeAction_ = nullptr;
    QAction* exportAction_ = nullptr;
    QAction* quitAction_ = nullptr;
    QAction* zoomInAction_ = nullptr;
    QAction* zoomOutAction_ = nullptr;
    QAction* fitAction_ = nullptr;
    QAction* mppAction_ = nullptr;
    QAction* settingsAction_ = nullptr;
    QAction* aboutAction_ = nullptr;
    QList<QAction*> presetActions_;
};

}  // namespace slidesight
