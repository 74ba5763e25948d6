#pragma once

// A whole-slide analysis with a model bundle: tissue detection, feature extraction (or the
// cached grid), the attention classifier and Grad-CAM, with the maps returned in memory for
// the viewer's layers and written to a result file. Plain standard types only (no Torch, no
// Qt); analysis.cpp calls the extraction and classification code.

#include "model/bundle/bundle.h"
#include "viewer/common/expected.h"

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace slidesight::model {

struct AnalysisOptions {
    std::string slidePath;
    double slideMpp = 0.0;       ///< µm/px for a slide that records none (or to override); 0: the slide's
    double gridMpp = 0.0;        ///< the grid's µm/px; 0: the bundle's extractor mpp
    std::string device = "auto"; ///< auto, cpu or cuda
    bool tissueOnly = false;     ///< extract and attend to tissue cells only (also when the bundle says so)
    int64_t gradcamClass = -1;   ///< the class Grad-CAM explains; -1: the bundle's gradcam_class, else the predicted one
    int torchThreads = 0;        ///< 0: cores minus one, so the tile pool keeps a core
    std::string cacheFolder;     ///< grid cache; empty: the default
    std::string resultPath;      ///< where to write the result file (classification facade's format); empty: not written
    std::string programVersion;
};

enum class AnalysisStage { Tissue, Extraction, Classification, Done };

/// Called on the analysis thread: stage, units done, units to do (cells for extraction).
using AnalysisProgress = std::function<void(AnalysisStage stage, int64_t done, int64_t total)>;

/// One grid-aligned map: channels x rows x columns float32, row-major, NaN where no value
/// (cells outside the valid set). Cell (r, c) covers level-0
/// [originX + c*cellWidth, +cellWidth) x [originY + r*cellHeight, +cellHeight).
struct AnalysisMap {
    std::string id;        ///< tissue, attention-max, attention-min, attention-avg, gradcam
    std::string units;     ///< e.g. "fraction", "weight", "" (Grad-CAM: arbitrary units)
    int channels = 1;
    std::vector<float> values;
    /// The values are rounding noise (a Grad-CAM whose weights vanish, as on G'): show a
    /// notice, never a normalised picture of them.
    bool degenerate = false;
};

struct AnalysisResult {
    ModelBundle bundle;
    int rows = 0;                     ///< M'
    int columns = 0;                  ///< N'
    double originX = 0.0, originY = 0.0;        ///< level-0 corner of cell (0, 0)
    double cellWidth = 0.0, cellHeight = 0.0;   ///< level-0 size of a cell
    double slideMpp = 0.0;
    bool slideMppAssumed = false;
    std::vector<AnalysisMap> maps;    ///< tissue first, then the attention sets, then gradcam
    std::vector<double> logits;
    std::vector<double> probabilities;  ///< empty for regression
    int64_t predictedClass = 0;
    double score = 0.0;               ///< regression: the output; classification: max probability
    int64_t gradcamClass = 0;
    std::string gradcamTarget;
    bool gradcamCentred = false;      ///< Grad-CAM's sum over the channel-centred target
    bool gradcamDegenerate = false;   ///< Grad-CAM's weights are at rounding level (its map is noise)
    std::string convPadding;          ///< the 3DCL's padding: zeros or centre
    bool extractorTrained = false;
    bool classifierTrained = false;
    bool fromCache = false;           ///< the grid was reused: nothing was extracted
    std::string cacheNotice;          ///< why a damaged cached grid was not used, or ""
    std::string gridPath;
    std::string resultPath;           ///< empty when not written
    double extractionSeconds = 0.0;
    double seconds = 0.0;

    const AnalysisMap* map(const std::string& id) const;
    /// The prediction and the maps mean something: the classifier was trained (perhaps on the
    /// features of a seeded, untrained extractor: then extractorTrained is false).
    bool classifierMeaningful() const { return bundle.trained && classifierTrained; }
};

/// Runs the analysis on the calling thread. `cancel` (may be null) is checked between
/// batches; a cancelled run fails with kAnalysisCancelled and writes nothing. Fails with one
/// sentence (slide, µm/px, weights, device).
Expected<AnalysisResult> runAnalysis(const ModelBundle& bundle, const AnalysisOptions& options,
                                     const AnalysisProgress& progress = {},
                                     const std::atomic<bool>* cancel = nullptr);

extern const char* const kAnalysisCancelled;

/// Why an analysis failed, for callers that add advice of their own (the command line names its
/// --slide-mpp option for MppUnknown).
enum class AnalysisFailure { None, MppUnknown, Cancelled, Other };

/// As above, also telling why it failed.
Expected<AnalysisResult> runAnalysis(const ModelBundle& bundle, const AnalysisOptions& options,
                                     const AnalysisProgress& progress, const std::atomic<bool>* cancel,
                                     AnalysisFailure* failure);

}  // namespace slidesight::model
