#include "app/review/coveragelayer.h"

#include "viewer/coverage/reviewregions.h"
#include "viewer/layers/heatmaplayer.h"

#include <QtCore/QCoreApplication>

namespace slidesight::CoverageLayer {

namespace {

DisplaySettings display() {
    DisplaySettings d;
    d.colormap = Colormap::Plasma;
    d.normalisation = Normalisation::Raw;
    d.rawLow = 0.0;
    d.rawHigh = 40.0;
    return d;
}

GridDataPtr data(const ReviewCoverage& coverage) {
    return std::make_shared<const GridData>(coverage.geometry(), 1,
                                            coverage.highestMagnificationPlane(ReviewOptions().minSeconds),
                                            QStringLiteral("×"));
}

}  // namespace

HeatmapLayer* create(const ReviewCoverage& coverage) {
    auto* layer = new HeatmapLayer(kId, QCoreApplication::translate("CoverageLayer", "Review coverage"), data(coverage), display());
    layer->setVisible(false);
    return layer;
}

void update(HeatmapLayer& layer, const ReviewCoverage& coverage) { layer.setData(data(coverage)); }

}  // namespace slidesight::CoverageLayer
