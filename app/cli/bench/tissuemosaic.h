#pragma once

#include "viewer/slide/argbimage.h"
#include "viewer/common/expected.h"
#include "viewer/slide/slidesource.h"

#include <QtCore/QCoreApplication>

#include <cstdint>
#include <vector>

namespace slidesight::cli {

/// An endless, deterministic mosaic of real tissue: square cells, each a window cut from a
/// real slide at a seeded position where the slide shows tissue, in one of eight
/// orientations. A pixel source for SyntheticSlideWriter, so a large benchmark slide
/// compresses and decodes like a real one.
///
/// Immutable after construction; fill() is thread-safe.
class TissueMosaic {
    Q_DECLARE_TR_FUNCTIONS(TissueMosaic)
public:
    /// Reads up to 4096 x 4096 level-0 pixels from the centre of `slide` and finds the windows
    /// that are mostly tissue. Fails when the slide is too small or cannot be read.
    static Expected<TissueMosaic> fromSlide(const SlideSource& slide, quint64 seed);
    /// A mosaic of `cellSize` x `cellSize` windows cut from `source` (already at the scale the
    /// mosaic is wanted at). Fails when the image is smaller than one cell.
    static Expected<TissueMosaic> fromImage(ArgbImage source, int cellSize, quint64 seed);

    /// Fills `rgb` (width * height * 3 bytes) with the mosaic's pixels at (x0, y0).
    void fill(int64_t x0, int64_t y0, int width, int height, uint8_t* rgb) const;

    int cellSize() const { return cell_; }
    size_t candidateCount() const { return candidates_.size(); }

private:
    struct Window {
        int x = 0, y = 0;
    };
    TissueMosaic() = default;
    void findTissueWindows();

    ArgbImage source_;
    std::vector<Window> candidates_;
    int cell_ = 512;
    quint64 seed_ = 0;
};

}  // namespace slidesight::cli
