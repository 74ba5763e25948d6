#pragma once

#include "viewer/annotations/annotation.h"

#include <QtCore/QPointF>
#include <QtCore/QSizeF>
#include <QtCore/QString>

#include <vector>

namespace slidesight {

/// A grid in level-0 pixels: cell (row, column) covers [origin.x + column * cellSize.width,
/// + cellSize.width) x [origin.y + row * cellSize.height, + cellSize.height). The same fields
/// as GridGeometry of the layers.
struct RasterGrid {
    QPointF origin;
    QSizeF cellSize;
    int rows = 0;
    int columns = 0;
};

/// The fraction of each grid cell covered by annotation areas (Polygon and Rectangle; points
/// and lines cover nothing), rows x columns, row-major, each in [0, 1].
///
/// Each annotation's outlines are filled with the even-odd rule (holes subtract, as in
/// GeoJSON and Qt's OddEvenFill) and the annotations are then united, so overlapping shapes
/// count once.
///
/// Method: exact area, no sampling. A sweep over y cuts the plane into horizontal bands at
/// every vertex, every row boundary and every crossing of two edges; inside a band the edges
/// do not cross, so the covered part between two neighbouring edges is a trapezoid, and its
/// area in each cell column has a closed form. The result is exact up to double-precision
/// rounding (errors around 1e-12 of a cell for slide-sized coordinates), whatever the cell
/// size. Cost: O(V log V) for V vertices, plus the bands times the columns they cover, plus
/// O(k^2) for each band of k edges in which edges cross.
///
/// Reentrant; run it on a worker thread for large grids.
class AnnotationRasteriser {
public:
    /// Coverage by the given annotations (those that are not areas are ignored).
    static std::vector<float> coverage(const std::vector<const Annotation*>& annotations, const RasterGrid& grid);
    /// Coverage by the annotations of `group` in `set`.
    static std::vector<float> coverage(const AnnotationSet& set, const QString& group, const RasterGrid& grid);
};

}  // namespace slidesight
