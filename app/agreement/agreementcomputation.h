#pragma once

#include "model/evaluation/agreement.h"
#include "viewer/annotations/annotation.h"
#include "viewer/layers/griddata.h"

#include <QtCore/QString>

#include <memory>
#include <vector>

namespace slidesight {

/// A map against annotated regions, as the agreement dock and a scripted screenshot compute
/// it: the annotations rasterised at the map's grid (the fraction of each cell inside) and
/// model::Agreement over the chosen plane. Pure: runs on a worker thread with copies.
struct AgreementComputation {
    std::shared_ptr<const model::Agreement> agreement;  ///< null on failure
    GridGeometry geometry;
    QString error;  ///< one sentence when the computation failed

    static AgreementComputation compute(const GridDataPtr& data, const ChannelSelection& channel,
                                        const std::vector<Annotation>& annotations);
    /// The threshold a new comparison starts at: halfway up the map's range.
    double midThreshold() const;
};

}  // namespace slidesight
