#pragma once

#include "viewer/common/expected.h"
#include "viewer/slide/pyramidgeometry.h"
#include "viewer/slide/slidesource.h"

#include <cstdint>

namespace slidesight::model {

/// What the feature grid is cut at (spec, GFE steps 2-3).
struct GridParameters {
    double targetMpp = 2.0;   ///< µm/px of the patches (the paper's 2.0; 4.0 for the extra scale)
    int patchSize = 224;      ///< p: patch side in target pixels
    /// Moves the grid origin up and left by this many target pixels (translation
    /// augmentation: p/3 and 2p/3); the grid grows so that it still covers the whole box.
    double originShiftX = 0.0;
    double originShiftY = 0.0;
};

/// The grid of non-overlapping p x p cells at the target resolution that covers a tissue box:
/// M' = ceil(box height / p) rows and N' = ceil(box width / p) columns, both measured in
/// target pixels, and each cell's rectangle in level-0 pixels.
///
/// Immutable value type; thread-safe.
class GridGeometry {
public:
    GridGeometry() = default;

    /// Fails with a message when the µm/px is unknown, the box is empty or the parameters are
    /// out of range.
    static Expected<GridGeometry> create(const Mpp& slideMpp, const RectD& levelZeroBox,
                                         const GridParameters& parameters);

    const GridParameters& parameters() const { return parameters_; }
    int rows() const { return rows_; }        ///< M'
    int columns() const { return columns_; }  ///< N'
    int64_t cellCount() const { return static_cast<int64_t>(rows_) * columns_; }
    int patchSize() const { return parameters_.patchSize; }
    double targetMpp() const { return parameters_.targetMpp; }

    /// Level-0 pixels per target pixel, horizontally and vertically.
    double targetDownsampleX() const { return downsampleX_; }
    double targetDownsampleY() const { return downsampleY_; }
    /// A cell's side in level-0 pixels (p times the target downsample).
    double cellLevelZeroWidth() const { return parameters_.patchSize * downsampleX_; }
    double cellLevelZeroHeight() const { return parameters_.patchSize * downsampleY_; }
    /// The top-left corner of cell (0, 0) in level-0 pixels.
    double originX() const { return content_.x; }
    double originY() const { return content_.y; }

    /// The image the grid is cut from, in level-0 pixels: the tissue box extended up and left
    /// by the origin shift. Cells reach past its right and bottom edges by less than one cell;
    /// those parts are padded with the background colour (the box is the image, as in the paper).
    const RectD& levelZeroContentRect() const { return content_; }

    /// Cell (row, column) in level-0 pixels; row and column are not range-checked.
    RectD cellLevelZeroRect(int row, int column) const;

    /// The cell containing a level-0 point, or false when the point is outside the grid.
    bool cellAt(double levelZeroX, double levelZeroY, int& row, int& column) const;

private:
    GridParameters parameters_;
    RectD content_;
    double downsampleX_ = 1.0;
    double downsampleY_ = 1.0;
    int rows_ = 0;
    int columns_ = 0;
};

}  // namespace slidesight::model
