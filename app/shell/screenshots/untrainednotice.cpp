#include "app/shell/screenshots/untrainednotice.h"

#include <QtGui/QFontMetrics>
#include <QtGui/QPainter>

#include <algorithm>

namespace slidesight {

QString UntrainedNotice::untrainedModel() { return tr("Untrained model: these layers are not meaningful."); }

QString UntrainedNotice::untrainedExtractor() {
    return tr("Teaching model: features from a seeded, untrained ResNet-34.");
}

namespace {

QFont bannerFont(const QSize& size) {
    QFont font;
    font.setBold(true);
    font.setPixelSize(std::clamp(size.height() / 45, 11, 28));
    return font;
}

}  // namespace

QRect UntrainedNotice::box(const QSize& size, const QString& text) {
    const QFontMetrics metrics(bannerFont(size));
    const int pad = metrics.height() / 3;
    const QRect textRect =
        metrics.boundingRect(QRect(0, 0, std::max(1, size.width() - 4 * pad - 16), size.height()), Qt::TextWordWrap, text);
    return QRect(8, 8, textRect.width() + 2 * pad, textRect.height() + 2 * pad);
}

QImage UntrainedNotice::stamped(QImage image, const QString& text) {
    if (image.isNull() || text.isEmpty()) return image;
    if (image.format() != QImage::Format_ARGB32_Premultiplied && image.format() != QImage::Format_RGB32)
        image = image.convertToFormat(QImage::Format_ARGB32_Premultiplied);
    const QRect banner = box(image.size(), text);
    const int pad = QFontMetrics(bannerFont(image.size())).height() / 3;
    QPainter painter(&image);
    painter.setFont(bannerFont(image.size()));
    painter.fillRect(banner, QColor(248, 215, 218, 235));
    painter.setPen(QColor(0x84, 0x20, 0x29));
    painter.drawText(banner.adjusted(pad, pad, -pad, -pad), Qt::TextWordWrap, text);
    return image;
}

}  // namespace slidesight
