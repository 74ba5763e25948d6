#pragma once

// LRAN (or RAN) on one slide, patch by patch, behind a header with plain standard types only
// (no Torch, no Qt): the viewer runs the patches nearest the view first and may stop and go on
// later; `lran run` (runLranOnSlide) runs every patch of a region. lransession.cpp holds the
// Torch code, so Torch headers never share a translation unit with Qt's.

#include "model/grid/tissuedetector.h"
#include "viewer/common/expected.h"
#include "viewer/slide/slidesource.h"

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace slidesight::model {

/// What to open (spec, "LRAN": "run per tissue patch at the patch classifier's mpp").
struct LranSessionOptions {
    std::string slidePath;
    std::string network = "lran";      ///< lran or ran
    std::string weights = "random:1";  ///< an LRAN/RAN state dict (model/lran.h keys) or random:SEED
    int64_t classes = 0;               ///< 0: the weights file's (fc.weight rows), 4 for random weights
    /// torchvision or paper (LranWidths); empty: the weights file's (from its shapes),
    /// torchvision for random weights.
    std::string widths;
    std::vector<std::string> classNames;  ///< one per class; empty: BACH's four for 4 classes, else "class 0", ...
    /// µm/px of the patches. The paper resizes BACH's 2048 x 1536 images (0.42 µm/px) to
    /// 256 x 256, about 3.4 x 2.5 µm/px; 2.0 (the grid's) is the default, give the scale the
    /// weights were trained at.
    double mpp = 2.0;
    int patchSize = 256;
    double slideMpp = 0.0;             ///< µm/px for a slide that records none (or to override); 0: the slide's
    bool hasRegion = false;            ///< false: the tissue bounding box
    double region[4] = {0, 0, 0, 0};   ///< level-0 x, y, width, height
    int64_t camClass = -1;             ///< the class the CAM explains; -1: each patch's predicted class
    std::string camTarget = "h";       ///< h: the CAM on H = B * M + B; b: on B, the mask detached (LranCamTarget)
    TissueParameters tissue;
    std::string device = "auto";       ///< auto, cpu or cuda
    int torchThreads = 0;              ///< 0: every core
};

/// Why opening failed, for callers that add advice of their own (the command line names its
/// --slide-mpp and --region options).
enum class LranOpenFailure { None, MppUnknown, NoTissue, Other };

/// The patch grid and the network, known once the session is open. The grid covers the region
/// with rows x columns patches of patchSize pixels at patchMpp; patch (r, c) covers level-0
/// [origin[0] + c * cellSize[0], + cellSize[0]) x [origin[1] + r * cellSize[1], + cellSize[1]).
/// Every per-patch map is mapHeight x mapWidth (8 x 8 for 256 px patches: B's resolution).
struct LranSessionInfo {
    int rows = 0;
    int columns = 0;
    double origin[2] = {0, 0};        ///< level-0
    double cellSize[2] = {0, 0};      ///< level-0
    int mapHeight = 0;
    int mapWidth = 0;
    int64_t maskChannels = 0;         ///< the global mask's channels (B's: 512 at torchvision's widths)
    int64_t classes = 0;
    std::vector<std::string> classNames;
    std::string network;              ///< lran or ran
    std::string widths;               ///< torchvision, paper or custom (LranConfig::widthsName())
    std::string camTarget;            ///< h or b (LranCamTarget)
    bool gated = false;               ///< LRAN: the results carry gate maps
    std::string weights;              ///< description: the file, or "lran random:SEED (untrained)"
    std::string weightsSha256;        ///< empty for random weights
    bool trained = false;
    double slideMpp = 0.0;
    bool slideMppAssumed = false;
    double patchMpp = 0.0;
    int patchSize = 0;
    double region[4] = {0, 0, 0, 0};  ///< the level-0 region covered
    bool regionFromTissue = false;
    std::vector<float> tissue;        ///< rows x columns, row-major: each patch's tissue fraction
    int tissueSaturationThreshold = 0;
    SlideIdentity slide;
    std::string device;               ///< cpu or cuda
    int batchSize = 0;                ///< the device's default batch
    int torchThreads = 0;
};

/// One gate map of a patch: height x width, row-major, in (0, 1).
struct LranGateMap {
    int height = 0;
    int width = 0;
    std::vector<float> values;
};

/// One patch's outputs; maps are row-major with the session's mapHeight x mapWidth.
struct LranPatchResult {
    int row = 0;
    int column = 0;
    std::vector<float> probabilities;  ///< [classes]: softmax of the logits
    int64_t predicted = -1;
    int64_t camClass = -1;             ///< the class the CAM explains
    std::vector<float> mask;           ///< [maskChannels, h, w]: the global mask M
    std::vector<LranGateMap> gates;    ///< coarse to fine (4 x 4, 8 x 8 for 256 px); empty for RAN
    std::vector<float> cam;            ///< [h, w]: the class activation map on the session's CAM target (H or B), raw
};

/// One batch's patches, in the order they were asked for.
struct LranBatchResult {
    int mapHeight = 0;
    int mapWidth = 0;
    int64_t maskChannels = 0;
    std::vector<LranPatchResult> patches;
};

/// Called on the running thread after every batch.
using LranBatchCallback = std::function<void(const LranBatchResult& batch)>;

/// A slide's patch grid with an LRAN/RAN network ready to run any of its patches. Tissue is
/// detected at open; the grid covers the tissue bounding box (or the given region). Patches
/// run are remembered: run() skips them, so a stopped run goes on where it stopped.
///
/// Not thread-safe: one thread at a time (the network belongs to the thread that runs it).
class LranSession {
public:
    /// Opens the slide, detects tissue, plans the grid, loads the network and picks the device.
    /// Fails with one sentence and, if `failure` is given, its kind.
    static Expected<std::shared_ptr<LranSession>> open(const LranSessionOptions& options,
                                                       LranOpenFailure* failure = nullptr);
    ~LranSession();
    LranSession(const LranSession&) = delete;
    LranSession& operator=(const LranSession&) = delete;

    const LranSessionInfo& info() const;
    float tissueFraction(int row, int column) const;
    /// The patches with tissue (fraction > 0), row by row.
    std::vector<std::pair<int, int>> tissueCells() const;
    bool isDone(int row, int column) const;
    int64_t doneCount() const;

    /// Runs `cells` in the order given, `batchSize` at a time (0: the device's default), and
    /// hands each batch to `callback`. Cells already done (and repeats) are skipped. `cancel`
    /// (may be null) is checked before each batch; cancelling is not a failure. Returns the
    /// patches run by this call; fails with one sentence for a cell outside the grid, a read
    /// or network error (the batches before it stay done).
    Expected<int64_t> run(const std::vector<std::pair<int, int>>& cells, int batchSize,
                          const LranBatchCallback& callback, const std::atomic<bool>* cancel = nullptr);

private:
    struct State;
    explicit LranSession(std::unique_ptr<State> state);
    std::unique_ptr<State> state_;
};

}  // namespace slidesight::model
