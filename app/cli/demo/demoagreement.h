#pragma once

// One held-out positive mosaic of the demo against its region: each measured map's cell AUC
// and pointing game (the same statistics as `compare` and the agreement dock), for the
// attention classifier's maps through a whole-slide analysis and for the LRAN's through a
// session over the mosaic's tissue patches. evaluateDemo() gathers them into the report.

#include "app/cli/demo/demoevaluation.h"
#include "model/analysis/layerids.h"
#include "viewer/common/expected.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QString>

#include <atomic>
#include <limits>
#include <map>
#include <string>

namespace slidesight::model {
struct ModelBundle;
}  // namespace slidesight::model

namespace slidesight::cli {

/// The annotation group of the demo's regions.
inline const QString kDemoRegionGroup = QStringLiteral("foreign tissue");

/// The maps measured against the region, in the report's order: the layer id the viewer
/// gives each (the attention maps by their channel mean) and its name in the report.
struct MeasuredMap {
    const char* id;       ///< the layer id (model/analysis/layerids.h)
    const char* channel;  ///< the channel the viewer shows, or nothing
    const char* key;
    const char* title;
    bool classifier;      ///< a map of the attention classifier (a candidate for the first view)

    QString layer() const { return QString::fromLatin1(id) + QString::fromLatin1(channel); }
};
inline const MeasuredMap kDemoMaps[] = {
    {model::layerid::kAttentionMax, ":mean", "attention_max", QT_TRANSLATE_NOOP("DemoBuilder", "max attention (channel mean)"), true},
    {model::layerid::kAttentionMin, ":mean", "attention_min", QT_TRANSLATE_NOOP("DemoBuilder", "min attention (channel mean)"), true},
    {model::layerid::kGradCam, "", "gradcam", QT_TRANSLATE_NOOP("DemoBuilder", "Grad-CAM on G (centred) of the region's class"), true},
    {model::layerid::kLranProbability, ":1", "lran_probability", QT_TRANSLATE_NOOP("DemoBuilder", "LRAN probability of the region's class"), false},
    {model::layerid::kLranCam, "", "lran_cam", QT_TRANSLATE_NOOP("DemoBuilder", "LRAN class activation map on H"), false},
};

/// One map against the region on one mosaic.
struct MapAgreement {
    double auc = std::numeric_limits<double>::quiet_NaN();
    bool pointingDefined = false;
    bool pointing = false;  ///< the map's highest cell lies (partly) in the region
    int truthCells = 0;     ///< truth cells among the map's valid cells
};

struct SlideAgreement {
    std::map<std::string, MapAgreement> maps;  ///< by MeasuredMap::key
    int truthCells = 0, cells = 0;
};

/// Every map of kDemoMaps against the region of `slide` (a positive held-out mosaic).
Expected<SlideAgreement> measureHeldOut(const model::ModelBundle& bundle, const DemoEvaluationInput& in,
                                        const DemoHeldOut& slide, const std::atomic<bool>* cancel);

}  // namespace slidesight::cli
