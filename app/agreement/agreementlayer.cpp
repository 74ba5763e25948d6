#include "app/agreement/agreementlayer.h"

#include <QtGui/QPainter>

#include <cmath>
#include <limits>

namespace slidesight {

AgreementLayer::AgreementLayer(QObject* parent)
    : Layer(QStringLiteral("agreement"), tr("Agreement (false positives and negatives)"), parent) {}

void AgreementLayer::setCells(const GridGeometry& geometry, const model::AgreementAtThreshold& at) {
    const size_t n = static_cast<size_t>(std::max(geometry.rows, 0)) * static_cast<size_t>(std::max(geometry.columns, 0));
    std::vector<float> values(n, std::numeric_limits<float>::quiet_NaN());
    QImage image(std::max(geometry.columns, 1), std::max(geometry.rows, 1), QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    const auto mark = [&](const std::vector<model::AgreementCell>& cells, float code, const QColor& colour) {
        for (const model::AgreementCell& c : cells) {
            if (c.row < 0 || c.row >= geometry.rows || c.column < 0 || c.column >= geometry.columns) continue;
            values[static_cast<size_t>(c.row) * static_cast<size_t>(geometry.columns) + static_cast<size_t>(c.column)] = code;
            image.setPixelColor(c.column, c.row, colour);
        }
    };
    mark(at.falsePositiveCells, 1.0f, falsePositiveColour());
    mark(at.falseNegativeCells, 2.0f, falseNegativeColour());
    const QRectF before = levelZeroBounds();
    data_ = std::make_shared<const GridData>(geometry, 1, std::move(values), QString());
    image_ = std::move(image);
    Q_EMIT contentChanged(before.united(levelZeroBounds()));
}

QRectF AgreementLayer::levelZeroBounds() const { return data_ ? data_->geometry().bounds() : QRectF(); }

void AgreementLayer::paint(QPainter& painter, const QRectF& levelZeroExposed, double) {
    if (!data_ || data_->rows() <= 0 || data_->columns() <= 0) return;
    const QRectF area = levelZeroExposed.intersected(data_->geometry().bounds());
    if (area.isEmpty()) return;
    painter.save();
    painter.setRenderHint(QPainter::SmoothPixmapTransform, false);
    painter.setClipRect(area, Qt::IntersectClip);
    painter.drawImage(data_->geometry().bounds(), image_);
    painter.restore();
}

std::optional<QString> AgreementLayer::valueAt(const QPointF& levelZeroPoint) const {
    if (!data_) return std::nullopt;
    const auto cell = data_->geometry().cellAt(levelZeroPoint);
    if (!cell) return std::nullopt;
    const float code = data_->at(0, cell->first, cell->second);
    if (std::isnan(code)) return std::nullopt;
    return code == 1.0f ? tr("false positive") : tr("false negative");
}

}  // namespace slidesight
