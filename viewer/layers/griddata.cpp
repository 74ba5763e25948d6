#include "viewer/layers/griddata.h"

#include <atomic>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace slidesight {

namespace {

std::atomic<quint64> nextSerial{1};

}  // namespace

QRectF GridGeometry::bounds() const {
    return QRectF(origin, QSizeF(cellSize.width() * columns, cellSize.height() * rows));
}

QRectF GridGeometry::cellRect(int row, int column) const {
    // Edges computed like cellAt()'s borders, so neighbouring cells share them exactly.
    return QRectF(QPointF(origin.x() + column * cellSize.width(), origin.y() + row * cellSize.height()),
                  QPointF(origin.x() + (column + 1) * cellSize.width(), origin.y() + (row + 1) * cellSize.height()));
}

std::optional<std::pair<int, int>> GridGeometry::cellAt(const QPointF& p) const {
    if (rows <= 0 || columns <= 0 || cellSize.width() <= 0.0 || cellSize.height() <= 0.0) return std::nullopt;
    const double fx = std::floor((p.x() - origin.x()) / cellSize.width());
    const double fy = std::floor((p.y() - origin.y()) / cellSize.height());
    if (!(fx >= 0.0 && fy >= 0.0 && fx < columns && fy < rows)) return std::nullopt;
    int column = static_cast<int>(fx);
    int row = static_cast<int>(fy);
    // Division may round a point just left of a border into the next cell: the cell
    // rectangles are the reference.
    if (column > 0 && p.x() < origin.x() + column * cellSize.width()) --column;
    if (row > 0 && p.y() < origin.y() + row * cellSize.height()) --row;
    if (column + 1 < columns && p.x() >= origin.x() + (column + 1) * cellSize.width()) ++column;
    if (row + 1 < rows && p.y() >= origin.y() + (row + 1) * cellSize.height()) ++row;
    return std::make_pair(row, column);
}

bool GridGeometry::operator==(const GridGeometry& other) const {
    return origin == other.origin && cellSize == other.cellSize && rows == other.rows && columns == other.columns;
}

std::optional<ChannelSelection> ChannelSelection::parse(const QString& text) {
    const QString t = text.trimmed().toLower();
    if (t == QLatin1String("mean")) return mean();
    if (t == QLatin1String("max")) return maximum();
    bool ok = false;
    const int index = t.toInt(&ok, 10);
    if (!ok || index < 0 || t.startsWith(QLatin1Char('+'))) return std::nullopt;
    return channel(index);
}

QString ChannelSelection::toString() const {
    switch (kind) {
    case Kind::Mean: return QStringLiteral("mean");
    case Kind::Max: return QStringLiteral("max");
    case Kind::Index: break;
    }
    return QString::number(index);
}

GridData::GridData(GridGeometry geometry, int channels, std::vector<float> values, QString units)
    : geometry_(geometry), channels_(channels), values_(std::move(values)), units_(std::move(units)),
      serial_(nextSerial.fetch_add(1)) {
    const size_t expected = static_cast<size_t>(std::max(channels_, 0)) * static_cast<size_t>(std::max(rows(), 0)) *
                            static_cast<size_t>(std::max(columns(), 0));
    if (channels_ < 0 || geometry_.rows < 0 || geometry_.columns < 0 || values_.size() != expected)
        throw std::invalid_argument("GridData: the number of values does not match channels x rows x columns");
}

float GridData::at(int channel, int row, int column) const {
    if (channel < 0 || channel >= channels_ || row < 0 || row >= rows() || column < 0 || column >= columns())
        return std::numeric_limits<float>::quiet_NaN();
    return values_[(static_cast<size_t>(channel) * rows() + row) * columns() + column];
}

std::vector<float> GridData::plane(const ChannelSelection& selection) const {
    const size_t n = static_cast<size_t>(rows()) * static_cast<size_t>(columns());
    const float nan = std::numeric_limits<float>::quiet_NaN();
    if (selection.kind == ChannelSelection::Kind::Index) {
        if (selection.index < 0 || selection.index >= channels_) return std::vector<float>(n, nan);
        const auto first = values_.begin() + static_cast<std::ptrdiff_t>(selection.index * n);
        return std::vector<float>(first, first + static_cast<std::ptrdiff_t>(n));
    }
    std::vector<float> out(n, nan);
    const bool isMean = selection.kind == ChannelSelection::Kind::Mean;
    for (size_t i = 0; i < n; ++i) {
        double sum = 0.0;
        float best = -std::numeric_limits<float>::infinity();
        int count = 0;
        for (int c = 0; c < channels_; ++c) {
            const float v = values_[static_cast<size_t>(c) * n + i];
            if (std::isnan(v)) continue;
            sum += v;
            best = std::max(best, v);
            ++count;
        }
        if (count > 0) out[i] = isMean ? static_cast<float>(sum / count) : best;
    }
    return out;
}

}  // namespace slidesight
