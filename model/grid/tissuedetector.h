#pragma once

#include "model/grid/tissuemask.h"
#include "viewer/slide/argbimage.h"
#include "viewer/common/expected.h"
#include "viewer/slide/slidesource.h"

namespace slidesight::model {

/// Tissue detection parameters (spec, GFE step 1). Distances and areas are physical so that
/// the result does not depend on the slide's scan resolution.
struct TissueParameters {
    double maskMpp = 10.0;              ///< µm/px of the low-resolution image (spec: 8-16)
    /// Lower bound on Otsu's saturation threshold (0-255). Otsu always splits the histogram,
    /// even on an empty glass slide, where it would turn scanner noise into "tissue"; real
    /// H&E thresholds sit well above this floor.
    int minSaturation = 12;
    double closeRadiusUm = 30.0;        ///< morphological closing radius (fills small holes)
    double openRadiusUm = 20.0;         ///< morphological opening radius (removes specks)
    double minComponentAreaUm2 = 20000.0;  ///< smaller connected components are dropped (0.02 mm²)
};

/// Finds tissue on a slide: a low-resolution image read from the best pyramid level and
/// area-resampled to `maskMpp`, Otsu's threshold on the HSV saturation, closing then opening,
/// and removal of small components (spec, GFE step 1).
///
/// Stateless apart from its parameters; thread-safe (the slide source is thread-safe).
class TissueDetector {
public:
    explicit TissueDetector(TissueParameters parameters = {});

    const TissueParameters& parameters() const { return parameters_; }

    /// Detects tissue on the whole slide. Fails with a message when the slide's µm/px is
    /// unknown (a scale is never guessed here: the caller asks the user) or a read fails.
    Expected<TissueMask> detect(const SlideSource& slide) const;

    /// Detects tissue on an image that is already at low resolution. `levelZeroPerPixelX/Y`
    /// map its pixels to level-0 pixels, `imageMpp` is its µm/px (for the physical sizes).
    TissueMask detectInImage(const ArgbImage& image, double levelZeroPerPixelX,
                             double levelZeroPerPixelY, double imageMpp) const;

    /// The whole slide at about `maskMpp`, read from the best level at or finer than it in
    /// blocks (so a slide without a coarse level never needs one huge read) and area-resampled.
    /// Sets the level-0 pixels per image pixel.
    static Expected<ArgbImage> readLowResolution(const SlideSource& slide, double targetMpp,
                                                 double& levelZeroPerPixelX,
                                                 double& levelZeroPerPixelY);

private:
    TissueParameters parameters_;
};

}  // namespace slidesight::model
