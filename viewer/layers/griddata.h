#pragma once

#include <QtCore/QPointF>
#include <QtCore/QRectF>
#include <QtCore/QSizeF>
#include <QtCore/QString>
#include <QtCore/QStringList>

#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

namespace slidesight {

/// Where a grid-aligned map lies on the slide: cell (row, column) covers the level-0 rectangle
/// [origin.x + column * cellSize.width, + cellSize.width) x [origin.y + row * cellSize.height,
/// + cellSize.height). Maps finer than the feature grid (LRAN's 8 x 8 per patch) are grids too.
struct GridGeometry {
    QPointF origin;
    QSizeF cellSize;
    int rows = 0;
    int columns = 0;

    QRectF bounds() const;
    QRectF cellRect(int row, int column) const;
    /// The (row, column) of the cell holding a level-0 point; empty outside the grid.
    std::optional<std::pair<int, int>> cellAt(const QPointF& levelZeroPoint) const;
    bool operator==(const GridGeometry& other) const;
};

/// Which channel of a multi-channel map a layer shows: one channel, or the mean or maximum
/// over channels. Written after the layer id on the command line: "7", "mean", "max".
struct ChannelSelection {
    enum class Kind { Index, Mean, Max };
    Kind kind = Kind::Index;
    int index = 0;

    static ChannelSelection channel(int index) { return {Kind::Index, index}; }
    static ChannelSelection mean() { return {Kind::Mean, 0}; }
    static ChannelSelection maximum() { return {Kind::Max, 0}; }
    /// "7", "mean" or "max"; empty for text that is none of these.
    static std::optional<ChannelSelection> parse(const QString& text);
    QString toString() const;
    bool operator==(const ChannelSelection& other) const { return kind == other.kind && index == other.index; }
};

/// The raw values of a grid-aligned map: channels x rows x columns float32, row-major, NaN
/// where there is no value. Immutable once made and shared between layers, the inspector and
/// worker threads; every instance has its own serial, so caches key on the serial.
class GridData {
public:
    /// Throws std::invalid_argument when values.size() != channels * rows * columns.
    GridData(GridGeometry geometry, int channels, std::vector<float> values, QString units);

    const GridGeometry& geometry() const { return geometry_; }
    int channels() const { return channels_; }
    int rows() const { return geometry_.rows; }
    int columns() const { return geometry_.columns; }
    const std::vector<float>& values() const { return values_; }
    QString units() const { return units_; }
    quint64 serial() const { return serial_; }

    float at(int channel, int row, int column) const;
    /// One rows x columns plane: the selected channel, or the mean / maximum over channels
    /// (NaN where every channel is NaN).
    std::vector<float> plane(const ChannelSelection& selection) const;

private:
    GridGeometry geometry_;
    int channels_;
    std::vector<float> values_;
    QString units_;
    quint64 serial_;
};

using GridDataPtr = std::shared_ptr<const GridData>;

}  // namespace slidesight
