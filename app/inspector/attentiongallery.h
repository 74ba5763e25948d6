#pragma once

#include <QtCore/QHash>
#include <QtCore/QTimer>
#include <QtWidgets/QScrollArea>

class QToolButton;

namespace slidesight {

class HeatmapLayer;
class LayerStack;

/// Small multiples of the attention maps: every channel of the max-attention and the
/// min-attention layers as a thumbnail in the layer's colormap, labelled with its channel, in
/// a scrollable grid (H is up to 64). A click shows that channel on its layer and makes the
/// layer visible. Follows the stack: thumbnails are redrawn when a layer's data or colouring
/// changes, and the tile of the channel shown is checked.
///
/// GUI thread only.
class AttentionGallery : public QScrollArea {
    Q_OBJECT
public:
    explicit AttentionGallery(LayerStack* stack, QWidget* parent = nullptr);

    /// The ids of the layers shown, in order.
    static QStringList layerIds();
    /// Thumbnail edge in pixels.
    static constexpr int kThumbnailSize = 56;

    /// The tiles of one layer, channel 0 first; empty when the layer is not in the stack.
    QList<QToolButton*> tiles(const QString& layerId) const;
    /// Redraws now instead of at the next event-loop pass.
    void rebuildNow();

Q_SIGNALS:
    /// The user chose `channel` of layer `layerId`.
    void channelChosen(const QString& layerId, int channel);

private:
    void scheduleRebuild();
    void updateChecks();
    void choose(const QString& layerId, int channel);
    QString keyOf(const HeatmapLayer* layer) const;

    LayerStack* stack_;
    QTimer rebuildTimer_;
    QString builtKey_;
    QHash<QString, QList<QToolButton*>> tiles_;
};

}  // namespace slidesight
