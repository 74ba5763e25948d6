#include "viewer/layers/layerstack.h"

#include "viewer/layers/heatmaplayer.h"
#include "viewer/layers/layer.h"

#include <algorithm>

namespace slidesight {

namespace {

/// "attention-max:7" -> "attention-max"; ids without a channel stay as they are.
QString baseId(const QString& id) {
    const int colon = id.lastIndexOf(QLatin1Char(':'));
    return colon > 0 ? id.left(colon) : id;
}

}  // namespace

LayerStack::LayerStack(QObject* parent) : QAbstractListModel(parent) {}

LayerStack::~LayerStack() {
    const std::vector<Layer*> layers = std::move(layers_);
    layers_.clear();
    for (Layer* layer : layers) {
        disconnect(layer, nullptr, this, nullptr);
        delete layer;
    }
}

void LayerStack::addLayer(Layer* layer) {
    if (!layer) return;
    const int existing = rowOf(layer->id());
    if (existing >= 0 && layers_[static_cast<size_t>(existing)] == layer) return;
    layer->setParent(this);
    const auto changed = [this, layer] {
        const int row = static_cast<int>(std::find(layers_.begin(), layers_.end(), layer) - layers_.begin());
        if (row < count()) Q_EMIT dataChanged(index(row), index(row));
    };
    connect(layer, &Layer::appearanceChanged, this, changed);
    if (auto* heatmap = qobject_cast<HeatmapLayer*>(layer)) connect(heatmap, &HeatmapLayer::displayChanged, this, changed);
    connect(layer, &QObject::destroyed, this, [this, layer] {
        // Deleted by someone else: forget it.
        const auto it = std::find(layers_.begin(), layers_.end(), layer);
        if (it == layers_.end()) return;
        const int row = static_cast<int>(it - layers_.begin());
        // It is only a QObject by now: while the views hear of the removal, its row answers
        // nothing and no lookup touches it.
        dying_ = layer;
        beginRemoveRows({}, row, row);
        layers_.erase(layers_.begin() + row);
        endRemoveRows();
        dying_ = nullptr;
        Q_EMIT orderChanged();
    });
    if (existing >= 0) {
        // Replaced in place: the new layer keeps the old one's position.
        Layer* old = layers_[static_cast<size_t>(existing)];
        disconnect(old, nullptr, this, nullptr);
        layers_[static_cast<size_t>(existing)] = layer;
        delete old;
        Q_EMIT dataChanged(index(existing), index(existing));
    } else {
        beginInsertRows({}, 0, 0);
        layers_.insert(layers_.begin(), layer);
        endInsertRows();
    }
    Q_EMIT orderChanged();
}

bool LayerStack::removeLayer(const QString& id) {
    const int row = rowOf(id);
    if (row < 0) return false;
    Layer* layer = layers_[static_cast<size_t>(row)];
    disconnect(layer, nullptr, this, nullptr);
    beginRemoveRows({}, row, row);
    layers_.erase(layers_.begin() + row);
    endRemoveRows();
    delete layer;
    Q_EMIT orderChanged();
    return true;
}

void LayerStack::clear() {
    if (layers_.empty()) return;
    beginResetModel();
    const std::vector<Layer*> layers = std::move(layers_);
    layers_.clear();
    for (Layer* layer : layers) {
        disconnect(layer, nullptr, this, nullptr);
        delete layer;
    }
    endResetModel();
    Q_EMIT orderChanged();
}

Layer* LayerStack::layer(const QString& id) const {
    const int row = rowOf(id);
    return row >= 0 ? layers_[static_cast<size_t>(row)] : nullptr;
}

Layer* LayerStack::layerAt(int row) const {
    return row >= 0 && row < count() && layers_[static_cast<size_t>(row)] != dying_ ? layers_[static_cast<size_t>(row)] : nullptr;
}

int LayerStack::rowOf(const QString& id) const {
    const auto named = [this](int row, const QString& wanted) {
        const Layer* layer = layers_[static_cast<size_t>(row)];
        return layer != dying_ && layer->id() == wanted;
    };
    for (int row = 0; row < count(); ++row)
        if (named(row, id)) return row;
    const QString base = baseId(id);
    for (int row = 0; row < count(); ++row)
        if (named(row, base)) return row;
    return -1;
}

bool LayerStack::moveLayer(int fromRow, int toRow) {
    if (fromRow < 0 || fromRow >= count() || toRow < 0 || toRow >= count() || fromRow == toRow) return false;
    // Qt's destination is the row the item goes before, counted before the move.
    if (!beginMoveRows({}, fromRow, fromRow, {}, toRow > fromRow ? toRow + 1 : toRow)) return false;
    Layer* layer = layers_[static_cast<size_t>(fromRow)];
    layers_.erase(layers_.begin() + fromRow);
    layers_.insert(layers_.begin() + toRow, layer);
    endMoveRows();
    Q_EMIT orderChanged();
    return true;
}

std::vector<Layer*> LayerStack::bottomToTop() const { return {layers_.rbegin(), layers_.rend()}; }

QStringList LayerStack::valuesAt(const QPointF& levelZeroPoint) const {
    QStringList out;
    for (Layer* layer : layers_) {
        if (!layer->isVisible()) continue;
        if (const auto value = layer->valueAt(levelZeroPoint))
            out << tr("%1: %2", "layer name: value").arg(layer->name(), *value);
    }
    return out;
}

int LayerStack::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : count(); }

QVariant LayerStack::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) return {};
    const Layer* layer = layers_[static_cast<size_t>(index.row())];
    if (layer == dying_) return {};
    const auto* heatmap = qobject_cast<const HeatmapLayer*>(layer);
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole: return layer->name();
    case Qt::ToolTipRole: return heatmap ? heatmap->legend().title : layer->name();
    case Qt::CheckStateRole: return layer->isVisible() ? Qt::Checked : Qt::Unchecked;
    case IdRole: return heatmap ? heatmap->qualifiedId() : layer->id();
    case OpacityRole: return layer->opacity();
    case ColormapRole: return heatmap ? QVariant(colormapKey(heatmap->display().colormap)) : QVariant();
    case NormalisationRole:
        return heatmap ? QVariant(normalisationKey(heatmap->display().normalisation)) : QVariant();
    case ThresholdRole:
        return heatmap && heatmap->display().threshold ? QVariant(*heatmap->display().threshold) : QVariant();
    case UntrainedRole: return heatmap ? heatmap->isUntrained() : false;
    case LayerRole: return QVariant::fromValue(static_cast<QObject*>(const_cast<Layer*>(layer)));
    default: return {};
    }
}

bool LayerStack::setData(const QModelIndex& index, const QVariant& value, int role) {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) return false;
    Layer* layer = layers_[static_cast<size_t>(index.row())];
    if (layer == dying_) return false;
    auto* heatmap = qobject_cast<HeatmapLayer*>(layer);
    bool ok = true;
    switch (role) {
    case Qt::CheckStateRole:
        layer->setVisible(value.toInt() == Qt::Checked);
        return true;
    case OpacityRole: {
        const double opacity = value.toDouble(&ok);
        if (!ok) return false;
        layer->setOpacity(opacity);
        return true;
    }
    default: break;
    }
    if (!heatmap) return false;
    DisplaySettings display = heatmap->display();
    switch (role) {
    case ColormapRole: {
        const auto colormap = colormapFromKey(value.toString());
        if (!colormap) return false;
        display.colormap = *colormap;
        break;
    }
    case NormalisationRole: {
        const auto normalisation = normalisationFromKey(value.toString());
        if (!normalisation) return false;
        display.normalisation = *normalisation;
        break;
    }
    case ThresholdRole:
        if (!value.isValid() || value.isNull()) {
            display.threshold.reset();
        } else {
            const double threshold = value.toDouble(&ok);
            if (!ok) return false;
            display.threshold = threshold;
        }
        break;
    default: return false;
    }
    heatmap->setDisplay(display);
    return true;
}

Qt::ItemFlags LayerStack::flags(const QModelIndex& index) const {
    if (!index.isValid()) return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable | Qt::ItemNeverHasChildren;
}

QHash<int, QByteArray> LayerStack::roleNames() const {
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(IdRole, "layerId");
    names.insert(OpacityRole, "opacity");
    names.insert(ColormapRole, "colormap");
    names.insert(NormalisationRole, "normalisation");
    names.insert(ThresholdRole, "threshold");
    names.insert(UntrainedRole, "untrained");
    names.insert(LayerRole, "layer");
    return names;
}

}  // namespace slidesight
