#pragma once

#include <QtCore/QAbstractListModel>
#include <QtCore/QPointF>
#include <QtCore/QStringList>

#include <vector>

namespace slidesight {

class Layer;

/// The overlay layers of a view, top first (row 0 is drawn last), as a list model for the
/// layer panel: name (DisplayRole), visibility (CheckStateRole, editable), and the roles below.
/// Owns its layers. The slide layer is not in the stack; it stays beneath every overlay.
///
/// GUI thread only.
class LayerStack : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role {
        IdRole = Qt::UserRole + 1,  ///< QString: the qualified id ("attention-max:7")
        OpacityRole,                ///< double 0..1, editable
        ColormapRole,               ///< QString colormap key, editable; invalid for non-heatmaps
        NormalisationRole,          ///< QString normalisation key, editable; invalid for non-heatmaps
        ThresholdRole,              ///< double or invalid (none), editable; invalid for non-heatmaps
        UntrainedRole,              ///< bool
        LayerRole,                  ///< Layer* as QObject*
    };

    explicit LayerStack(QObject* parent = nullptr);
    ~LayerStack() override;

    /// Adds `layer` on top and takes ownership; a layer with the same id() is replaced.
    void addLayer(Layer* layer);
    bool removeLayer(const QString& id);
    void clear();
    /// By id() ("attention-max"), or by qualified id ("attention-max:7").
    Layer* layer(const QString& id) const;
    Layer* layerAt(int row) const;
    int rowOf(const QString& id) const;
    int count() const { return static_cast<int>(layers_.size()); }
    bool moveLayer(int fromRow, int toRow);
    /// Paint order: the bottom layer first.
    std::vector<Layer*> bottomToTop() const;
    /// "Name: value" for every visible layer that has a value at the point, top first.
    QStringList valuesAt(const QPointF& levelZeroPoint) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role) override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QHash<int, QByteArray> roleNames() const override;

Q_SIGNALS:
    /// A layer was added, removed or moved: re-stack the view.
    void orderChanged();

private:
    std::vector<Layer*> layers_;  ///< top first
    const Layer* dying_ = nullptr;  ///< a layer deleted elsewhere, while its row is removed
};

}  // namespace slidesight
