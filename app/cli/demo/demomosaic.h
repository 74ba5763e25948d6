#pragma once

#include "app/cli/bench/tissuemosaic.h"
#include "viewer/common/expected.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QString>
#include <QtGui/QPolygonF>

#include <cstdint>
#include <functional>
#include <memory>

namespace slidesight::cli {

/// The two tissues a demo mosaic is made of, both resampled to the mosaic's µm/px: the
/// "negative" background tissue and the "positive" tissue of the region a positive mosaic
/// contains. Each is a TissueMosaic of square pieces cut from a real slide.
///
/// Immutable after construction; fill() is thread-safe.
class DemoTissues {
    Q_DECLARE_TR_FUNCTIONS(DemoTissues)
public:
    struct Options {
        QString negativeSlide;          ///< background tissue
        QString positiveSlide;          ///< the region's tissue
        double negativeMppAssumed = 0;  ///< µm/px when the slide records none (0: it must record it)
        double positiveMppAssumed = 0;
        double mpp = 1.0;               ///< the mosaics' µm/px
        int piece = 224;                ///< side of a piece, in mosaic pixels
        quint64 seed = 1;
    };

    /// Reads both slides whole at level 0 (they must be small: up to 8192 x 8192 px) and
    /// resamples them. Fails with one sentence naming the slide.
    static Expected<DemoTissues> load(const Options& options);

    /// Fills `rgb` with the pieces of one tissue (positive or not) at (x0, y0); `seed` picks
    /// the arrangement, so two mosaics with different seeds differ everywhere.
    void fill(bool positive, quint64 seed, int64_t x0, int64_t y0, int width, int height, uint8_t* rgb) const;

    double mpp() const { return mpp_; }
    int piece() const { return piece_; }

private:
    DemoTissues() = default;
    std::shared_ptr<const TissueMosaic> negative_, positive_;
    double mpp_ = 1.0;
    int piece_ = 224;
};

/// One mosaic slide, laid out like a real one: a tissue island of negative tissue on a white
/// background (so that the tissue box's edge cells are partly background, as on a scan), and,
/// for a positive slide, positive tissue inside `region` (level-0 pixels of the mosaic), which
/// lies inside the island.
struct DemoMosaic {
    int64_t width = 0, height = 0;
    bool positive = false;
    QPolygonF tissue;  ///< the tissue island; empty: tissue everywhere
    QPolygonF region;  ///< empty for a negative slide
    quint64 seed = 1;

    /// The background outside the island: the near-white of a scanned glass slide.
    static constexpr uint8_t kBackground = 242;

    /// A random blob-shaped region: centre at least `margin` px from the borders, mean radius
    /// drawn from [minRadius, maxRadius] px, 40 vertices with a wavy outline.
    static QPolygonF randomRegion(int64_t width, int64_t height, double margin, double minRadius, double maxRadius,
                                  quint64 seed);
    /// A random tissue island filling the mosaic but `margin` px (drawn from [minMargin,
    /// maxMargin] per side) of white at its widest: a wavy ellipse of 64 vertices.
    static QPolygonF randomIsland(int64_t width, int64_t height, double minMargin, double maxMargin, quint64 seed);
    /// A random blob region of mean radius in [minRadius, maxRadius] px whose centre lies in
    /// `island` at least its radius from the island's outline (the radius shrinks if nothing
    /// fits), clipped to the island: its outline is the exact truth.
    static QPolygonF randomRegionInside(const QPolygonF& island, double minRadius, double maxRadius, quint64 seed);

    /// Writes the mosaic as a pyramidal Aperio-style TIFF (µm/px and magnification recorded,
    /// levels 1, 4, 16, JPEG tiles) at `path` atomically, and, for a positive slide, the region
    /// as ASAP XML at `annotationPath` (group `group`). Pixels inside the region's polygon are
    /// positive tissue exactly.
    Expected<bool> write(const DemoTissues& tissues, const QString& path, const QString& annotationPath,
                         const QString& group) const;
};

}  // namespace slidesight::cli
