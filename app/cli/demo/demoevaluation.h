#pragma once

#include "app/cli/demo/demobuilder.h"

#include <QtCore/QString>

#include <utility>
#include <vector>

class QElapsedTimer;

namespace slidesight::model {
struct TrainingSummary;
struct LranTrainingSummary;
}  // namespace slidesight::model

namespace slidesight::cli {

/// A held-out mosaic: the slide, its region's ASAP XML (empty for a negative slide), its label.
struct DemoHeldOut {
    QString slide;
    QString annotations;
    bool positive = false;
};

/// What the demo's last step needs from the earlier ones.
struct DemoEvaluationInput {
    QString folder;        ///< the demo folder
    QString bundle;        ///< the trained bundle's folder
    QString testManifest;
    QString cacheFolder;
    std::vector<DemoHeldOut> heldOut;
    int threads = 0;
    const model::TrainingSummary* training = nullptr;
    const model::LranTrainingSummary* lran = nullptr;
    std::vector<std::pair<QString, double>> timings;  ///< seconds per earlier stage
    const DemoOptions* options = nullptr;
    const QElapsedTimer* elapsed = nullptr;
};

/// Measures the bundle on the held-out mosaics: slide-level AUC, and per positive mosaic the
/// cell-level AUC of the max-attention map (mean of its channels) and of Grad-CAM against the
/// region (a cell is truth when at least half of it lies inside). Writes the metrics into the
/// bundle's manifest, report.json, report.md and demo.json (all atomically).
Expected<DemoReport> evaluateDemo(const DemoEvaluationInput& input, const std::atomic<bool>* cancel);

}  // namespace slidesight::cli
