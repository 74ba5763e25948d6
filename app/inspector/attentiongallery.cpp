#include "app/inspector/attentiongallery.h"

#include "model/analysis/layerids.h"
#include "viewer/layers/heatmaplayer.h"
#include "viewer/layers/layerstack.h"

#include <QtGui/QPainter>
#include <QtWidgets/QGridLayout>
#include <QtWidgets/QLabel>
#include <QtWidgets/QToolButton>
#include <QtWidgets/QVBoxLayout>

namespace slidesight {

namespace {
constexpr int kChannelColumns = 6;

/// One channel colourised as the layer would show it, fitted into a square tile.
QPixmap thumbnail(HeatmapLayer& scratch, int channel, int size) {
    scratch.setChannel(ChannelSelection::channel(channel));
    const QImage cells = scratch.image();
    QImage tile(size, size, QImage::Format_ARGB32_Premultiplied);
    tile.fill(QColor(0x60, 0x60, 0x60));
    if (!cells.isNull()) {
        const QImage scaled = cells.scaled(size, size, Qt::KeepAspectRatio, Qt::FastTransformation);
        QPainter p(&tile);
        p.drawImage((size - scaled.width()) / 2, (size - scaled.height()) / 2, scaled);
    }
    return QPixmap::fromImage(tile);
}
}  // namespace

AttentionGallery::AttentionGallery(LayerStack* stack, QWidget* parent) : QScrollArea(parent), stack_(stack) {
    setObjectName(QStringLiteral("attentionGallery"));
    setWidgetResizable(true);
    rebuildTimer_.setSingleShot(true);
    rebuildTimer_.setInterval(0);
    connect(&rebuildTimer_, &QTimer::timeout, this, &AttentionGallery::rebuildNow);
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(stack_, signal, this, &AttentionGallery::scheduleRebuild);
    connect(stack_, &QAbstractItemModel::modelReset, this, &AttentionGallery::scheduleRebuild);
    connect(stack_, &QAbstractItemModel::dataChanged, this, &AttentionGallery::scheduleRebuild);
    rebuildNow();
}

QStringList AttentionGallery::layerIds() { return {QString::fromLatin1(model::layerid::kAttentionMax), QString::fromLatin1(model::layerid::kAttentionMin)}; }

QList<QToolButton*> AttentionGallery::tiles(const QString& layerId) const { return tiles_.value(layerId); }

void AttentionGallery::scheduleRebuild() { rebuildTimer_.start(); }

QString AttentionGallery::keyOf(const HeatmapLayer* layer) const {
    if (!layer || !layer->data()) return QStringLiteral("-");
    const DisplaySettings& d = layer->display();
    return QStringLiteral("%1/%2/%3/%4/%5/%6/%7/%8")
        .arg(layer->data()->serial())
        .arg(colormapKey(d.colormap), normalisationKey(d.normalisation))
        .arg(d.rawLow)
        .arg(d.rawHigh)
        .arg(d.lowPercentile)
        .arg(d.highPercentile)
        .arg(d.threshold ? QString::number(*d.threshold) : QString());
}

void AttentionGallery::rebuildNow() {
    rebuildTimer_.stop();
    QString key;
    std::vector<HeatmapLayer*> layers;
    for (const QString& id : layerIds()) {
        auto* layer = qobject_cast<HeatmapLayer*>(stack_->layer(id));
        layers.push_back(layer);
        key += keyOf(layer) + QLatin1Char(';');
        if (layer) connect(layer, &HeatmapLayer::displayChanged, this, &AttentionGallery::scheduleRebuild, Qt::UniqueConnection);
    }
    if (key == builtKey_ && widget()) {
        updateChecks();
        return;
    }
    builtKey_ = key;
    tiles_.clear();
    auto* content = new QWidget;
    auto* layout = new QVBoxLayout(content);
    bool any = false;
    for (HeatmapLayer* layer : layers) {
        if (!layer || !layer->data()) continue;
        any = true;
        auto* title = new QLabel(layer->isUntrained() ? tr("%1 (untrained model)").arg(layer->name()) : layer->name(), content);
        QFont bold = title->font();
        bold.setBold(true);
        title->setFont(bold);
        layout->addWidget(title);
        auto* grid = new QGridLayout;
        grid->setSpacing(2);
        HeatmapLayer scratch(layer->id(), layer->name(), layer->data(), layer->display());
        const QString id = layer->id();
        const int channels = layer->data()->channels();
        for (int j = 0; j < channels; ++j) {
            auto* tile = new QToolButton(content);
            tile->setObjectName(QStringLiteral("%1:%2").arg(id).arg(j));
            tile->setToolButtonStyle(Qt::ToolButtonTextUnderIcon);
            tile->setIcon(thumbnail(scratch, j, kThumbnailSize));
            tile->setIconSize(QSize(kThumbnailSize, kThumbnailSize));
            tile->setText(QString::number(j));
            tile->setToolTip(tr("%1, channel %2: click to show it").arg(layer->name()).arg(j));
            tile->setCheckable(true);
            tile->setAutoRaise(true);
            connect(tile, &QToolButton::clicked, this, [this, id, j] { choose(id, j); });
            grid->addWidget(tile, j / kChannelColumns, j % kChannelColumns);
            tiles_[id].append(tile);
        }
        layout->addLayout(grid);
    }
    if (!any) {
        auto* empty = new QLabel(tr("Run an attention analysis to see its maps here."), content);
        empty->setWordWrap(true);
        layout->addWidget(empty);
    }
    layout->addStretch(1);
    setWidget(content);  // deletes the previous content
    updateChecks();
}

void AttentionGallery::updateChecks() {
    for (auto it = tiles_.cbegin(); it != tiles_.cend(); ++it) {
        auto* layer = qobject_cast<HeatmapLayer*>(stack_->layer(it.key()));
        const ChannelSelection shown = layer ? layer->channel() : ChannelSelection::mean();
        for (int j = 0; j < it.value().size(); ++j)
            it.value()[j]->setChecked(shown.kind == ChannelSelection::Kind::Index && shown.index == j);
    }
}

void AttentionGallery::choose(const QString& layerId, int channel) {
    auto* layer = qobject_cast<HeatmapLayer*>(stack_->layer(layerId));
    if (!layer) return;
    layer->setChannel(ChannelSelection::channel(channel));
    const int row = stack_->rowOf(layerId);
    if (row >= 0) stack_->setData(stack_->index(row, 0), Qt::Checked, Qt::CheckStateRole);
    if (!layer->isVisible()) layer->setVisible(true);
    updateChecks();
    Q_EMIT channelChosen(layerId, channel);
}

}  // namespace slidesight
