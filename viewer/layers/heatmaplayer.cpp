#include "viewer/layers/heatmaplayer.h"

#include "viewer/layers/colourcache.h"

#include <QtGui/QFontMetrics>
#include <QtGui/QPainter>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>

namespace slidesight {

namespace {

/// For each device pixel of [first, first + count) along one axis, the grid cell under the
/// pixel's centre, or -1 outside the grid. Computed in double from the exact transform, so
/// cell borders fall on the device pixel whose centre crosses them at every zoom.
void cellsAlong(std::vector<int>& out, int first, int count, double scale, double offset, double origin,
                double cellSize, int cells) {
    out.resize(static_cast<size_t>(std::max(count, 0)));
    for (int i = 0; i < count; ++i) {
        const double levelZero = (first + i + 0.5 - offset) / scale;
        const double cell = std::floor((levelZero - origin) / cellSize);
        out[static_cast<size_t>(i)] = (cell >= 0.0 && cell < cells) ? static_cast<int>(cell) : -1;
    }
}

/// The device-resolution picture of the visible cells, reused from frame to frame.
QImage& scratch(int width, int height) {
    static QImage image;
    if (image.width() < width || image.height() < height)
        image = QImage(std::max(width, image.width()), std::max(height, image.height()),
                       QImage::Format_ARGB32_Premultiplied);
    return image;
}

QString formatValue(double v) {
    const double a = std::abs(v);
    if (a >= 1000.0 && a < 1e6) return QString::number(v, 'f', 0);
    return QString::number(v, 'g', 3);
}

}  // namespace

HeatmapLayer::HeatmapLayer(const QString& id, const QString& name, GridDataPtr data, DisplaySettings display,
                           QObject* parent)
    : Layer(id, name, parent), data_(std::move(data)), display_(std::move(display)) {}

void HeatmapLayer::setData(GridDataPtr data) {
    if (data == data_) return;
    const QRectF before = levelZeroBounds();
    data_ = std::move(data);
    Q_EMIT contentChanged(before.united(levelZeroBounds()));
    Q_EMIT displayChanged();
}

void HeatmapLayer::setDisplay(const DisplaySettings& display) {
    if (display == display_) return;
    display_ = display;
    Q_EMIT contentChanged(levelZeroBounds());
    Q_EMIT displayChanged();
}

void HeatmapLayer::setChannel(const ChannelSelection& channel) {
    if (channel == channel_) return;
    channel_ = channel;
    Q_EMIT contentChanged(levelZeroBounds());
    Q_EMIT displayChanged();
}

void HeatmapLayer::setUntrained(bool untrained) {
    if (untrained == untrained_) return;
    untrained_ = untrained;
    Q_EMIT displayChanged();
}

void HeatmapLayer::setNotice(const QString& notice) {
    if (notice == notice_) return;
    notice_ = notice;
    Q_EMIT contentChanged(levelZeroBounds());
    Q_EMIT displayChanged();
}

QString HeatmapLayer::qualifiedId() const {
    if (data_ && data_->channels() > 1) return id() + QLatin1Char(':') + channel_.toString();
    return id();
}

QImage HeatmapLayer::image() const {
    if (!data_) return {};
    return colourcache::lookup(*data_, channel_, display_)->image;
}

Legend HeatmapLayer::legend() const {
    Legend legend;
    legend.title = name();
    if (data_ && data_->channels() > 1) {
        switch (channel_.kind) {
        case ChannelSelection::Kind::Index: legend.title = tr("%1 (channel %2)").arg(name()).arg(channel_.index); break;
        case ChannelSelection::Kind::Mean: legend.title = tr("%1 (mean over channels)").arg(name()); break;
        case ChannelSelection::Kind::Max: legend.title = tr("%1 (maximum over channels)").arg(name()); break;
        }
    }
    legend.colormap = display_.colormap;
    legend.normalisation = display_.normalisation;
    legend.threshold = display_.threshold;
    legend.untrained = untrained_;
    legend.notice = notice_;
    if (data_ && notice_.isEmpty()) {
        legend.units = data_->units();
        const ColouredGridPtr coloured = colourcache::lookup(*data_, channel_, display_);
        legend.low = coloured->low;
        legend.high = coloured->high;
    }
    return legend;
}

std::optional<double> HeatmapLayer::rawValueAt(const QPointF& p) const {
    if (!data_) return std::nullopt;
    const auto cell = data_->geometry().cellAt(p);
    if (!cell) return std::nullopt;
    const auto [row, column] = *cell;
    double value = std::numeric_limits<double>::quiet_NaN();
    if (channel_.kind == ChannelSelection::Kind::Index) {
        value = data_->at(channel_.index, row, column);
    } else {
        double sum = 0.0;
        double best = -std::numeric_limits<double>::infinity();
        int count = 0;
        for (int c = 0; c < data_->channels(); ++c) {
            const float v = data_->at(c, row, column);
            if (std::isnan(v)) continue;
            sum += v;
            best = std::max(best, static_cast<double>(v));
            ++count;
        }
        if (count > 0) value = channel_.kind == ChannelSelection::Kind::Mean ? sum / count : best;
    }
    if (std::isnan(value)) return std::nullopt;
    return value;
}

QRectF HeatmapLayer::levelZeroBounds() const { return data_ ? data_->geometry().bounds() : QRectF(); }

void HeatmapLayer::paint(QPainter& painter, const QRectF& levelZeroExposed, double) {
    if (!data_ || data_->rows() <= 0 || data_->columns() <= 0) return;
    const GridGeometry& g = data_->geometry();
    const QRectF area = levelZeroExposed.intersected(g.bounds());
    if (area.isEmpty()) return;
    if (!notice_.isEmpty()) {
        paintNotice(painter, area);
        return;
    }
    // A cache hit except when the data, channel or display settings changed.
    if (!current_ || !current_->matches(data_->serial(), channel_, display_))
        current_ = colourcache::lookup(*data_, channel_, display_);
    const QImage& cells = current_->image;
    const QTransform t = painter.worldTransform();
    if (t.type() > QTransform::TxScale || t.m11() <= 0.0 || t.m22() <= 0.0) {
        // Rotated (a rotated view) or mirrored: let Qt map the cells.
        painter.save();
        painter.setRenderHint(QPainter::SmoothPixmapTransform, false);
        painter.setClipRect(area, Qt::IntersectClip);
        painter.drawImage(g.bounds(), cells);
        painter.restore();
        return;
    }
    // Whole device pixels whose centres lie in the exposed part of the grid.
    const QRectF device = t.mapRect(area);
    const int x0 = static_cast<int>(std::ceil(device.left() - 0.5));
    const int y0 = static_cast<int>(std::ceil(device.top() - 0.5));
    const int x1 = static_cast<int>(std::ceil(device.right() - 0.5));
    const int y1 = static_cast<int>(std::ceil(device.bottom() - 0.5));
    const int width = x1 - x0;
    const int height = y1 - y0;
    if (width <= 0 || height <= 0) return;

    static std::vector<int> columnOf;
    static std::vector<int> rowOf;
    cellsAlong(columnOf, x0, width, t.m11(), t.dx(), g.origin.x(), g.cellSize.width(), g.columns);
    cellsAlong(rowOf, y0, height, t.m22(), t.dy(), g.origin.y(), g.cellSize.height(), g.rows);

    QImage& out = scratch(width, height);
    const qsizetype lineBytes = static_cast<qsizetype>(width) * 4;
    int previousRow = std::numeric_limits<int>::min();
    for (int y = 0; y < height; ++y) {
        auto* line = reinterpret_cast<QRgb*>(out.scanLine(y));
        const int row = rowOf[static_cast<size_t>(y)];
        if (row == previousRow && y > 0) {
            std::memcpy(line, out.constScanLine(y - 1), static_cast<size_t>(lineBytes));
            continue;
        }
        previousRow = row;
        if (row < 0) {
            std::memset(line, 0, static_cast<size_t>(lineBytes));
            continue;
        }
        const auto* source = reinterpret_cast<const QRgb*>(cells.constScanLine(row));
        for (int x = 0; x < width; ++x) {
            const int column = columnOf[static_cast<size_t>(x)];
            line[x] = column < 0 ? 0u : source[column];
        }
    }
    // The item's opacity (the layer's) is already on the painter.
    painter.save();
    painter.resetTransform();
    painter.setRenderHint(QPainter::SmoothPixmapTransform, false);
    painter.drawImage(QPoint(x0, y0), out, QRect(0, 0, width, height));
    painter.restore();
}

void HeatmapLayer::paintNotice(QPainter& painter, const QRectF& area) const {
    // In device pixels at the top-left of the visible part of the grid, readable at any zoom.
    const QRectF device = painter.worldTransform().mapRect(area);
    painter.save();
    painter.resetTransform();
    QFont font = painter.font();
    font.setPointSizeF(std::max(9.0, font.pointSizeF()));
    painter.setFont(font);
    const QFontMetrics metrics(font);
    const int width = static_cast<int>(std::min(420.0, std::max(0.0, device.width() - 16.0)));
    if (width > 40) {
        const QRect text = metrics.boundingRect(QRect(0, 0, width, 10000), Qt::TextWordWrap, notice_);
        const QRect box(static_cast<int>(device.left()) + 8, static_cast<int>(device.top()) + 8, text.width() + 12,
                        text.height() + 8);
        painter.fillRect(box, QColor(255, 255, 255, 230));
        painter.setPen(QColor(0x84, 0x20, 0x29));
        painter.drawRect(box.adjusted(0, 0, -1, -1));
        painter.drawText(box.adjusted(6, 4, -6, -4), Qt::TextWordWrap, notice_);
    }
    painter.restore();
}

std::optional<QString> HeatmapLayer::valueAt(const QPointF& p) const {
    if (!notice_.isEmpty()) return data_ && data_->geometry().cellAt(p) ? std::optional<QString>(notice_) : std::nullopt;
    const std::optional<double> v = rawValueAt(p);
    if (!v) return std::nullopt;
    QString text = formatValue(*v);
    const QString units = data_->units();
    if (!units.isEmpty()) text = tr("%1 %2", "value and units").arg(text, units);
    if (untrained_) text = tr("%1 (untrained)", "a value from a model that was never trained").arg(text);
    return text;
}

quint64 HeatmapLayer::colourisationCount() { return colourcache::misses(); }

}  // namespace slidesight
