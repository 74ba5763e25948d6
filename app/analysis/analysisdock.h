#pragma once

#include "app/analysis/analysiscontroller.h"

#include <QtWidgets/QDockWidget>

#include <optional>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QProgressBar;
class QPushButton;

namespace slidesight {

class BundlePicker;
class GuiStallMonitor;
class LayerStack;
class LranController;
class PredictionPanel;

/// Runs the AI from the viewer: pick a model bundle, choose the device, the grid's µm/px and
/// tissue-only, run or cancel, follow the progress (stage, cells, ETA), read the prediction and
/// export the result file. A finished analysis replaces the analysis layers of the window's
/// LayerStack and, for bundles with an LRAN, starts the LRAN layers. An untrained bundle is
/// flagged by a coloured banner.
///
/// GUI thread only.
class AnalysisDock : public QDockWidget {
    Q_OBJECT
public:
    enum class State { NoBundle, LoadingBundle, Ready, Running };

    AnalysisDock(AnalysisController* controller, LayerStack* stack, QWidget* parent = nullptr);
    ~AnalysisDock() override;

    /// The slide to analyse (empty path: none). `slideMpp` overrides the slide's µm/px when > 0.
    void setSlide(const QString& path, double slideMpp);
    /// Starts LRAN runs after each analysis of a bundle that has one (may be null).
    void setLranController(LranController* lran);

    /// Loads a bundle (folder, .zip or model.json) off the GUI thread.
    void loadBundle(const QString& path);
    /// Starts the analysis with the current settings; returns false (and says why) when it cannot.
    bool run();
    void cancel();
    /// Copies the latest result file to `path` atomically, off the GUI thread; exportFinished() follows.
    void exportResultTo(const QString& path);

    /// Where grids are cached (empty: the default) and where result files are written.
    void setCacheFolder(const QString& folder) { cacheFolder_ = folder; }
    void setResultFolder(const QString& folder) { resultFolder_ = folder; }
    QString resultFolder() const { return resultFolder_; }

    State state() const;
    QString message() const;
    AnalysisResultPtr lastResult() const { return result_; }
    const GuiStallMonitor* stallMonitor() const { return stallMonitor_; }
    BundlePicker* bundlePicker() const { return picker_; }
    PredictionPanel* predictionPanel() const { return prediction_; }
    QDoubleSpinBox* gridMppBox() const { return gridMpp_; }
    QComboBox* deviceBox() const { return device_; }
    QCheckBox* tissueOnlyBox() const { return tissueOnly_; }
    QPushButton* runButton() const { return runButton_; }
    QPushButton* cancelButton() const { return cancelButton_; }
    QProgressBar* progressBar() const { return progress_; }
    QLabel* untrainedBanner() const { return banner_; }

Q_SIGNALS:
    void bundleReady();
    void bundleFailed(const QString& message);
    void runFinished();
    void runCancelled();
    void runFailed(const QString& message);
    void exportFinished(const QString& error);

private:
    void onBundleLoaded(const model::ModelBundle& bundle);
    void onProgress(const AnalysisProgressInfo& info);
    void onFinished(const AnalysisResultPtr& result);
    void onRunEnded();
    void startLran(const model::AnalysisResult& result);
    void chooseExportPath();
    void setMessage(const QString& text);
    void updateState();
    QString newResultPath() const;

    AnalysisController* controller_;
    LayerStack* stack_;
    LranController* lran_ = nullptr;
    GuiStallMonitor* stallMonitor_;
    BundlePicker* picker_;
    QLabel* bundleInfo_;
    QLabel* banner_;
    QComboBox* device_;
    QDoubleSpinBox* gridMpp_;
    QCheckBox* tissueOnly_;
    QPushButton* runButton_;
    QPushButton* cancelButton_;
    QProgressBar* progress_;
    QLabel* status_;
    QProgressBar* lranProgress_;
    PredictionPanel* prediction_;
    QPushButton* exportButton_;

    QString slidePath_;
    double slideMpp_ = 0.0;
    QString cacheFolder_;
    QString resultFolder_;
    QString runResultPath_;
    AnalysisResultPtr result_;
    bool exporting_ = false;
};

}  // namespace slidesight
