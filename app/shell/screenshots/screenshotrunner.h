#pragma once

#include "app/analysis/analysiscontroller.h"
#include "app/analysis/analysislayers.h"

#include <QtCore/QObject>
#include <QtCore/QPointF>
#include <QtCore/QSize>
#include <QtCore/QString>
#include <QtCore/QTimer>

#include <memory>
#include <optional>

namespace slidesight {

class AnalysisController;
class LayerStack;
class SlideController;
class ScreenshotLayers;
class SlideView;

/// Renders a slide view to an image file without showing a window, for scripted screenshots
/// and teaching material: opens the slide, zooms and rotates, waits until every tile the view
/// needs is loaded (never saves a half-loaded view), saves atomically and reports an exit
/// code. With a model bundle it first runs the analysis; `show` names exactly the layers shown,
/// any the viewer has (ScreenshotLayers: analysis, LRAN, annotations, agreement, coverage); the
/// image is written only once they exist and the tiles are sharp.
///
/// GUI thread only.
class ScreenshotRunner : public QObject {
    Q_OBJECT
public:
    struct Options {
        QString slide;
        QString output;
        QSize size{1280, 800};
        double magnification = 0.0;          ///< 0: zoom to fit
        std::optional<QPointF> centre;       ///< level-0 point; the slide's centre if unset
        double userMpp = 0.0;                ///< µm/px to assume when the slide has none
        int timeoutMs = 120000;
        QString bundle;                      ///< model bundle to analyse the slide with; empty: none
        QString show;                        ///< layers to show, e.g. "attention-max:mean,gradcam"
        QString annotations;                 ///< annotation file for the annotations and agreement layers; empty: the sidecar
        double rotation = 0.0;               ///< degrees, clockwise
        double layerOpacity = 0.5;           ///< of the shown layers
        double gridMpp = 0.0;                ///< 0: the bundle's
        QString device = QStringLiteral("auto");
        QString cacheFolder;                 ///< grid cache; empty: the default
    };

    explicit ScreenshotRunner(Options options, QObject* parent = nullptr);
    ~ScreenshotRunner() override;

    /// Starts; finished() follows with 0 on success or 1 after printing one message.
    void start();

    SlideView* view() const { return view_.get(); }
    LayerStack* layerStack() const { return stack_; }
    /// The analysis shown, once it has finished.
    AnalysisResultPtr analysisResult() const { return result_; }

Q_SIGNALS:
    void finished(int exitCode);

private:
    void onOpened();
    void startAnalysisWhenReady();
    void onAnalysed(const AnalysisResultPtr& result);
    /// Shows the requested layers once the analysis (if any) and every other layer are there.
    void finishLayers();
    void poll();
    void fail(const QString& message);
    bool anyLayerVisible() const;

    Options options_;
    std::unique_ptr<SlideView> view_;
    SlideController* controller_ = nullptr;
    LayerStack* stack_ = nullptr;
    AnalysisController* analysis_ = nullptr;
    ScreenshotLayers* extraLayers_ = nullptr;
    QList<AnalysisLayers::Request> requests_;
    std::optional<model::ModelBundle> bundle_;
    AnalysisResultPtr result_;
    bool opened_ = false;
    bool layersReady_ = false;
    QTimer pollTimer_;
    QTimer timeout_;
    bool done_ = false;
};

}  // namespace slidesight
