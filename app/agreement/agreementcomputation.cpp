#include "app/agreement/agreementcomputation.h"

#include "viewer/annotations/rasterise.h"

namespace slidesight {

AgreementComputation AgreementComputation::compute(const GridDataPtr& data, const ChannelSelection& channel,
                                                   const std::vector<Annotation>& annotations) {
    AgreementComputation out;
    out.geometry = data->geometry();
    const GridGeometry& g = out.geometry;
    std::vector<const Annotation*> chosen;
    chosen.reserve(annotations.size());
    for (const Annotation& a : annotations) chosen.push_back(&a);
    try {
        std::vector<float> truth = AnnotationRasteriser::coverage(chosen, RasterGrid{g.origin, g.cellSize, g.rows, g.columns});
        out.agreement = std::make_shared<const model::Agreement>(g.rows, g.columns, data->plane(channel), std::move(truth));
    } catch (const std::exception& e) {
        out.error = QString::fromStdString(e.what());
    }
    return out;
}

double AgreementComputation::midThreshold() const {
    return agreement ? (agreement->minimum() + agreement->maximum()) / 2.0 : 0.0;
}

}  // namespace slidesight
