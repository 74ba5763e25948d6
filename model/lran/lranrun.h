#pragma once

// Running LRAN (or RAN) over a slide region, behind a header with plain standard types only (no
// Torch, no Qt): slidesight-cli's `lran run` (Qt) calls it; lranrun.cpp holds the Torch code,
// so Torch headers never share a translation unit with Qt's.

#include "model/grid/tissuedetector.h"
#include "model/lran/lransession.h"
#include "viewer/common/expected.h"

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace slidesight::model {

/// What to run and where (spec, "LRAN": "run per tissue patch at the patch classifier's mpp"):
/// the slide, network, weights, patch grid and device as an LranSession opens them, and what a
/// whole-slide run adds.
struct LranRunOptions {
    LranSessionOptions session;
    bool allPatches = false;           ///< also run patches without tissue (by default they are skipped)
    int batchSize = 0;                 ///< 0: the device's default
    std::string outputPath;            ///< required
    std::string programVersion;
};

/// What a run did. The maps are in the output file, a torch.save dict with, for a grid of
/// rows x columns patches and maps of h x w per patch (8 x 8 for 256 px patches):
///   probabilities [rows, columns, C] float32 (softmax; 0 for patches not run),
///   predicted and cam_class [rows, columns] int64 (-1 for patches not run),
///   valid [rows, columns] bool (patches run), tissue [rows, columns] float32 (tissue fraction),
///   mask_mean and mask_max [rows*h, columns*w]: the global mask M's channel mean and maximum,
///   gate_<s> [rows*s, columns*s] for each attention gate (s = 4 and 8; LRAN only),
///   cam [rows*h, columns*w]: the class activation map (raw), by default on H = B * M + B
///   (fc's class weights on H at each position, over h*w; cam_target "h"), or Grad-CAM on the
///   base's layer4 B with the mask detached (cam_target "b"),
///   origin and cell_size float64 [2]: level-0 (x, y) of patch (0, 0) and a patch's level-0
///   (width, height), so map pixel (i, j) of a map with s pixels per patch covers level-0
///   x + j * width / s, y + i * height / s,
///   metadata: JSON str (slide, µm/px, region, network, widths, weights, class names, cam and
///   cam_target, map sizes).
struct LranRunSummary {
    int rows = 0;
    int columns = 0;
    int64_t patchesRun = 0;
    int64_t patchesSkipped = 0;       ///< without tissue (allPatches off)
    int64_t classes = 0;
    std::vector<std::string> classNames;  ///< BACH's four for 4 classes, else "class 0", ...
    std::vector<double> meanProbabilities;  ///< over the patches run
    std::vector<int64_t> predictedCounts;   ///< patches run per predicted class
    std::string network;              ///< lran or ran
    std::string widths;               ///< torchvision, paper or custom
    std::string camTarget;            ///< h or b
    std::string weights;              ///< description: the file, or "random:SEED (untrained)"
    bool trained = false;
    std::string weightsSha256;
    double slideMpp = 0.0;
    bool slideMppAssumed = false;
    double patchMpp = 0.0;
    double region[4] = {0, 0, 0, 0};  ///< the level-0 region covered
    bool regionFromTissue = false;
    double origin[2] = {0, 0};        ///< level-0
    double cellSize[2] = {0, 0};      ///< level-0
    std::string device;
    int batchSize = 0;
    int torchThreads = 0;
    double seconds = 0.0;
    double patchesPerSecond = 0.0;
    std::string outputPath;
};

/// Called on the calling thread after every batch: patches done, patches to do.
using LranProgress = std::function<void(int64_t done, int64_t total)>;

/// The message of a run stopped through its cancellation token.
extern const char* const kLranCancelled;

/// Tiles the region into patches at `mpp`, runs the network and Grad-CAM batch by batch,
/// stitches the maps and writes the output file atomically. `cancel` (may be null) is checked
/// between batches; a cancelled or failed run writes nothing. Fails with one sentence. Call it
/// from one thread at a time (it sets Torch's thread count for its duration).
Expected<LranRunSummary> runLranOnSlide(const LranRunOptions& options, const LranProgress& progress = {},
                                        const std::atomic<bool>* cancel = nullptr);

}  // namespace slidesight::model
