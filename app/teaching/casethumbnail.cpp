#include "app/teaching/casethumbnail.h"

#include <QtGui/QPainter>

namespace slidesight::CaseThumbnail {

QImage draw(const QImage& thumbnail, double levelZeroWidth, const std::vector<Annotation>& truth,
            const std::vector<Annotation>& marks, const TeachingScore& score) {
    QImage image = thumbnail.convertToFormat(QImage::Format_RGB32);
    if (image.isNull() || !(levelZeroWidth > 0)) return image;
    const double scale = image.width() / levelZeroWidth;
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.scale(scale, scale);
    const double pen = 2.0 / scale;
    const auto outline = [&painter, pen](const std::vector<Annotation>& annotations, const QColor& colour) {
        painter.setPen(QPen(colour, pen));
        painter.setBrush(Qt::NoBrush);
        for (const Annotation& a : annotations)
            for (const PolygonPart& part : a.parts) {
                painter.drawPolygon(part.outer);
                for (const QPolygonF& hole : part.holes) painter.drawPolygon(hole);
            }
    };
    outline(truth, kTruthColour);
    outline(marks, kMarksColour);
    const double arm = 6.0 / scale;
    if (const auto& point = score.trainee.pointingPoint) {
        painter.setPen(QPen(kMarksColour, pen));
        painter.drawLine(*point - QPointF(arm, 0), *point + QPointF(arm, 0));
        painter.drawLine(*point - QPointF(0, arm), *point + QPointF(0, arm));
    }
    if (const auto& point = score.model.pointingPoint) {
        painter.setPen(QPen(kModelColour, pen));
        painter.drawLine(*point - QPointF(arm, arm), *point + QPointF(arm, arm));
        painter.drawLine(*point - QPointF(arm, -arm), *point + QPointF(arm, -arm));
    }
    painter.end();
    return image;
}

}  // namespace slidesight::CaseThumbnail
