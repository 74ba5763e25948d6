#pragma once

#include "model/extraction/patchreader.h"
#include "model/extraction/patchtransform.h"
#include "model/grid/gridgeometry.h"
#include "model/grid/tissuedetector.h"
#include "viewer/slide/slidesource.h"

#include <cstdint>
#include <string>

namespace slidesight::model {

/// Tissue-only grids hold the tissue cells and this ring of cells around them: n/2 of the
/// default 3 x 3 kernel, so that the 3DCL output at every tissue cell comes from real features
/// (spec, "3DCL borders"; model/tissueonly.h). A wider kernel treats cells beyond the ring as
/// missing (zero or centre padding, as configured).
constexpr int64_t kTissueOnlyRing = 1;

/// Everything a feature grid depends on (spec, GFE step 6): the slide, the µm/px used, the
/// extractor's weights, the grid and tissue parameters, the numeric precision and the program
/// version. It gives the grid cache its key and the grid file its JSON metadata.
///
/// Plain value type; thread-safe for reading.
struct GridProvenance {
    SlideIdentity slide;
    std::string vendor;
    int64_t slideWidth = 0;
    int64_t slideHeight = 0;
    Mpp slideMpp;                  ///< the µm/px in effect (its source tells whether it is assumed)
    std::string weights;           ///< as given: random:SEED or a file path
    std::string weightsSha256;     ///< of the weights file; empty for random weights
    std::string architecture;
    GridParameters grid;
    TissueParameters tissue;
    bool tissueOnly = false;
    PatchTransform patchTransform = PatchTransform::None;  ///< in the JSON only when not None
    std::string precision = "float32";  ///< the network's arithmetic: float32 or float16
    Normalisation normalisation;
    std::string programVersion;

    /// SHA-256 (hex) of a canonical text of all the fields above: equal keys, equal grids.
    std::string cacheKey() const;

    /// What the extraction found and used, recorded beside the inputs.
    struct Outcome {
        std::string extractor;       ///< the extractor's description
        bool trained = false;
        int64_t featureCount = 0;
        int readLevel = 0;           ///< pyramid level the patches were read from
        int saturationThreshold = 0; ///< the tissue detector's threshold
        RectD tissueBox;             ///< level-0 bounding box of all tissue
        int64_t cellsExtracted = 0;
        int64_t cellsSkipped = 0;
    };
    /// The grid file's metadata JSON.
    std::string metadataJson(const GridGeometry& geometry, const Outcome& outcome) const;

    /// The exact text metadataJson() writes for the cache key, to recognise a cache file.
    std::string cacheKeyField() const;
};

}  // namespace slidesight::model
