#include "viewer/view/scalebar.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QRect>
#include <QtGui/QFontMetrics>
#include <QtGui/QPainter>

#include <cmath>

namespace slidesight {

ScaleBar ScaleBar::choose(double micronsPerScreenPixel, double maxPixels) {
    ScaleBar bar;
    if (!(micronsPerScreenPixel > 0.0) || !(maxPixels > 0.0)) return bar;
    const double maxMicrons = micronsPerScreenPixel * maxPixels;
    const double decade = std::pow(10.0, std::floor(std::log10(maxMicrons)));
    double nice = decade;
    for (double m : {5.0, 2.0, 1.0}) {
        if (m * decade <= maxMicrons) {
            nice = m * decade;
            break;
        }
    }
    bar.lengthMicrons = nice;
    bar.lengthPixels = nice / micronsPerScreenPixel;
    bar.label = formatLength(nice);
    return bar;
}

QString ScaleBar::formatLength(double microns) {
    if (microns >= 1000.0)
        return QCoreApplication::translate("ScaleBar", "%1 mm").arg(QString::number(microns / 1000.0, 'g', 4));
    if (microns >= 1.0)
        return QCoreApplication::translate("ScaleBar", "%1 µm").arg(QString::number(microns, 'g', 4));
    return QCoreApplication::translate("ScaleBar", "%1 nm").arg(QString::number(microns * 1000.0, 'g', 4));
}

void ScaleBar::paint(QPainter& painter, const QRect& viewport, bool assumed) const {
    if (!isValid()) return;
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, false);
    const QString text = assumed ? QCoreApplication::translate("ScaleBar", "%1 (assumed µm/px)").arg(label) : label;
    const QFontMetrics fm(painter.font());
    const int margin = 12;
    const int barHeight = 6;
    const int w = static_cast<int>(std::lround(lengthPixels));
    const QRect box(viewport.left() + margin - 6, viewport.bottom() - margin - barHeight - fm.height() - 10,
                    std::max(w, fm.horizontalAdvance(text)) + 12, barHeight + fm.height() + 14);
    painter.fillRect(box, QColor(255, 255, 255, 200));
    const QRect barRect(viewport.left() + margin, viewport.bottom() - margin - barHeight, w, barHeight);
    painter.fillRect(barRect, Qt::black);
    painter.setPen(assumed ? QColor(160, 60, 0) : QColor(Qt::black));
    painter.drawText(QPoint(barRect.left(), barRect.top() - 4), text);
    painter.restore();
}

}  // namespace slidesight
