#pragma once

// What the viewer benchmarks paint over a slide: three heatmap layers of smooth "attention"
// channels, as an analysis gives (slidesight-bench-paint, slidesight-bench-memory).

#include "viewer/layers/griddata.h"
#include "viewer/layers/heatmaplayer.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QSizeF>

#include <cmath>
#include <limits>
#include <memory>
#include <vector>

namespace slidesight::bench {

/// Three smooth "attention" channels over a rows x columns grid covering the slide.
inline GridDataPtr attentionGrid(const QSizeF& slide, int rows, int columns) {
    GridGeometry g;
    g.cellSize = QSizeF(slide.width() / columns, slide.height() / rows);
    g.rows = rows;
    g.columns = columns;
    std::vector<float> v;
    v.reserve(static_cast<size_t>(3 * rows * columns));
    for (int c = 0; c < 3; ++c)
        for (int r = 0; r < rows; ++r)
            for (int k = 0; k < columns; ++k) {
                const double x = k / double(columns) * (3 + c);
                const double y = r / double(rows) * (2 + c);
                // Every seventh cell without a value, as outside tissue.
                v.push_back((r * columns + k) % 7 == 3 ? std::numeric_limits<float>::quiet_NaN() : float(std::sin(6.28 * x) * std::cos(6.28 * y)));
            }
    return std::make_shared<GridData>(g, 3, std::move(v), QString());
}

/// Three heatmap layers, one per channel of `grid`, at half opacity (viridis, magma, jet).
inline std::vector<std::unique_ptr<HeatmapLayer>> threeHeatmaps(const GridDataPtr& grid) {
    std::vector<std::unique_ptr<HeatmapLayer>> heatmaps;
    const Colormap maps[] = {Colormap::Viridis, Colormap::Magma, Colormap::Jet};
    for (int c = 0; c < 3; ++c) {
        DisplaySettings d;
        d.colormap = maps[c];
        d.normalisation = c == 2 ? Normalisation::Percentile : Normalisation::MinMax;
        auto layer = std::make_unique<HeatmapLayer>(QStringLiteral("attention-%1").arg(c),
                                                    QCoreApplication::translate("Bench", "Attention %1").arg(c), grid, d);
        layer->setChannel(ChannelSelection::channel(c));
        layer->setOpacity(0.5);
        heatmaps.push_back(std::move(layer));
    }
    return heatmaps;
}

}  // namespace slidesight::bench
