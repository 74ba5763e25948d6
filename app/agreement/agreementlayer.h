#pragma once

#include "model/evaluation/agreement.h"
#include "viewer/layers/griddata.h"
#include "viewer/layers/layer.h"

#include <QtGui/QColor>
#include <QtGui/QImage>

namespace slidesight {

/// The cells where a map and the annotations disagree at the agreement panel's threshold:
/// false positives (the map is at or above the threshold, the cell is not truth) and false
/// negatives (a truth cell below it), in two colours, on the map's grid. Id "agreement".
/// Its GridData holds 1 for a false positive, 2 for a false negative and NaN elsewhere.
///
/// GUI thread only.
class AgreementLayer : public Layer {
    Q_OBJECT
public:
    static QColor falsePositiveColour() { return QColor(255, 64, 0); }
    static QColor falseNegativeColour() { return QColor(0, 160, 255); }

    explicit AgreementLayer(QObject* parent = nullptr);

    /// Shows the FP/FN cells of `at` on `geometry`.
    void setCells(const GridGeometry& geometry, const model::AgreementAtThreshold& at);
    GridDataPtr data() const { return data_; }

    QRectF levelZeroBounds() const override;
    void paint(QPainter& painter, const QRectF& levelZeroExposed, double downsample) override;
    std::optional<QString> valueAt(const QPointF& levelZeroPoint) const override;

private:
    GridDataPtr data_;
    QImage image_;  ///< one pixel per cell, transparent where the cell agrees
};

}  // namespace slidesight
