#include "model/grid/gridgeometry.h"

#include <cmath>
#include <limits>

namespace slidesight::model {

namespace {

// ceil() that does not add a cell for a box that is a whole number of cells up to rounding
// error in the µm/px arithmetic.
int cellsCovering(double length, double cell) {
    const double cells = length / cell;
    return static_cast<int>(std::ceil(cells - 1e-9));
}

}  // namespace

Expected<GridGeometry> GridGeometry::create(const Mpp& slideMpp, const RectD& levelZeroBox,
                                            const GridParameters& parameters) {
    using Result = Expected<GridGeometry>;
    if (!slideMpp.known())
        return Result::failure("The slide's microns per pixel are unknown: set them before building the grid.");
    if (!(parameters.targetMpp > 0.0) || parameters.patchSize <= 0)
        return Result::failure("The grid needs a positive target µm/px and patch size.");
    if (parameters.originShiftX < 0.0 || parameters.originShiftY < 0.0)
        return Result::failure("The grid origin shift must not be negative.");
    if (levelZeroBox.isEmpty()) return Result::failure("No tissue was found on the slide.");

    GridGeometry g;
    g.parameters_ = parameters;
    g.downsampleX_ = parameters.targetMpp / slideMpp.x;
    g.downsampleY_ = parameters.targetMpp / slideMpp.y;
    g.content_ = RectD{levelZeroBox.x - parameters.originShiftX * g.downsampleX_,
                       levelZeroBox.y - parameters.originShiftY * g.downsampleY_,
                       levelZeroBox.width + parameters.originShiftX * g.downsampleX_,
                       levelZeroBox.height + parameters.originShiftY * g.downsampleY_};
    // M' = ceil(h / p), N' = ceil(w / p) with h, w the box measured in target pixels.
    g.rows_ = cellsCovering(g.content_.height / g.downsampleY_, parameters.patchSize);
    g.columns_ = cellsCovering(g.content_.width / g.downsampleX_, parameters.patchSize);
    if (static_cast<int64_t>(g.rows_) * g.columns_ > std::numeric_limits<int>::max())
        return Result::failure("The grid would have too many cells.");
    return g;
}

RectD GridGeometry::cellLevelZeroRect(int row, int column) const {
    const double w = cellLevelZeroWidth();
    const double h = cellLevelZeroHeight();
    return RectD{content_.x + column * w, content_.y + row * h, w, h};
}

bool GridGeometry::cellAt(double levelZeroX, double levelZeroY, int& row, int& column) const {
    const double c = std::floor((levelZeroX - content_.x) / cellLevelZeroWidth());
    const double r = std::floor((levelZeroY - content_.y) / cellLevelZeroHeight());
    if (c < 0 || r < 0 || c >= columns_ || r >= rows_) return false;
    row = static_cast<int>(r);
    column = static_cast<int>(c);
    return true;
}

}  // namespace slidesight::model
