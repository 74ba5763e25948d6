#include "app/layers/legendwidget.h"

#include <QtGui/QFontMetrics>
#include <QtGui/QPainter>

#include <cmath>

namespace slidesight {

namespace {
constexpr int kMargin = 4;
constexpr int kRampHeight = 14;
}  // namespace

LegendWidget::LegendWidget(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("legend"));
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
}

void LegendWidget::setLayer(HeatmapLayer* layer) {
    if (layer == layer_) {
        refresh();
        return;
    }
    disconnect(connection_);
    layer_ = layer;
    if (layer) connection_ = connect(layer, &HeatmapLayer::displayChanged, this, &LegendWidget::refresh);
    refresh();
}

void LegendWidget::refresh() {
    legend_ = layer_ ? std::optional<Legend>(layer_->legend()) : std::nullopt;
    setToolTip(legend_ ? legend_->title : QString());
    updateGeometry();
    update();
}

QString LegendWidget::formatValue(double value, const QString& units) {
    const QString number = QString::number(value, 'g', 4);
    return units.isEmpty() ? number : tr("%1 %2").arg(number, units);
}

QString LegendWidget::lowText() const { return legend_ ? formatValue(legend_->low, legend_->units) : QString(); }
QString LegendWidget::highText() const { return legend_ ? formatValue(legend_->high, legend_->units) : QString(); }

QSize LegendWidget::sizeHint() const {
    const int line = fontMetrics().height();
    int height = 2 * kMargin + kRampHeight + 2 * line + 4;
    if (legend_ && legend_->threshold) height += line;
    if (legend_ && legend_->untrained) height += line;
    if (legend_ && !legend_->notice.isEmpty()) height += line;
    return {220, height};
}

QSize LegendWidget::minimumSizeHint() const { return {120, sizeHint().height()}; }

void LegendWidget::paintEvent(QPaintEvent*) {
    QPainter p(this);
    const QFontMetrics fm = fontMetrics();
    const int line = fm.height();
    const int width = this->width() - 2 * kMargin;
    int y = kMargin;
    if (!legend_) {
        p.setPen(palette().color(QPalette::PlaceholderText));
        p.drawText(QRect(kMargin, y, width, line), Qt::AlignLeft | Qt::AlignVCenter, tr("No heatmap layer selected"));
        return;
    }
    const Legend& l = *legend_;
    p.setPen(palette().color(QPalette::WindowText));
    p.drawText(QRect(kMargin, y, width, line), Qt::AlignLeft | Qt::AlignVCenter,
               fm.elidedText(l.title, Qt::ElideRight, width));
    y += line + 2;

    // The ramp: one column per table entry, stretched over the width.
    const QRect ramp(kMargin, y, width, kRampHeight);
    QImage strip(256, 1, QImage::Format_RGB32);
    const auto& table = colormapTable(l.colormap);
    for (int i = 0; i < 256; ++i) strip.setPixel(i, 0, table[static_cast<size_t>(i)]);
    p.drawImage(ramp, strip);
    p.setPen(palette().color(QPalette::Mid));
    p.drawRect(ramp.adjusted(0, 0, -1, -1));

    const bool linear = l.normalisation != Normalisation::Rank;
    if (l.threshold && linear && l.high > l.low) {
        const double f = (*l.threshold - l.low) / (l.high - l.low);
        if (f >= 0.0 && f <= 1.0) {
            const double x = ramp.left() + f * ramp.width();
            p.setRenderHint(QPainter::Antialiasing);
            p.setPen(QPen(Qt::black, 2));
            p.drawLine(QPointF(x, ramp.top() - 2), QPointF(x, ramp.bottom() + 2));
            p.setPen(QPen(Qt::white, 1));
            p.drawLine(QPointF(x, ramp.top()), QPointF(x, ramp.bottom()));
            p.setRenderHint(QPainter::Antialiasing, false);
        }
    }
    y += kRampHeight + 2;

    p.setPen(palette().color(QPalette::WindowText));
    p.drawText(QRect(kMargin, y, width, line), Qt::AlignLeft | Qt::AlignVCenter, lowText());
    p.drawText(QRect(kMargin, y, width, line), Qt::AlignRight | Qt::AlignVCenter, highText());
    y += line;
    if (l.threshold) {
        p.drawText(QRect(kMargin, y, width, line), Qt::AlignLeft | Qt::AlignVCenter,
                   tr("Hidden below %1").arg(formatValue(*l.threshold, l.units)));
        y += line;
    }
    if (!l.notice.isEmpty()) {
        p.setPen(QColor(0xB0, 0x20, 0x20));
        p.drawText(QRect(kMargin, y, width, line), Qt::AlignLeft | Qt::AlignVCenter,
                   fm.elidedText(l.notice, Qt::ElideRight, width));
        y += line;
    }
    if (l.untrained) {
        p.setPen(QColor(0xB0, 0x20, 0x20));
        p.drawText(QRect(kMargin, y, width, line), Qt::AlignLeft | Qt::AlignVCenter,
                   fm.elidedText(tr("Untrained model: the values carry no meaning"), Qt::ElideRight, width));
    }
}

}  // namespace slidesight
