#include "app/inspector/cellgallery.h"

#include "app/layers/legendwidget.h"
#include "model/analysis/layerids.h"
#include "viewer/common/background.h"
#include "viewer/layers/heatmaplayer.h"
#include "viewer/layers/layerstack.h"
#include "viewer/slide/slidesource.h"
#include "viewer/view/slideview.h"

#include <QtWidgets/QComboBox>
#include <QtWidgets/QFormLayout>
#include <QtWidgets/QGridLayout>
#include <QtWidgets/QLabel>
#include <QtWidgets/QScrollArea>
#include <QtWidgets/QSpinBox>
#include <QtWidgets/QToolButton>
#include <QtWidgets/QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace slidesight {

namespace {
constexpr int kCellColumns = 4;
constexpr int kMaxReadEdge = 1024;  ///< never read more than this many pixels across per picture

QPixmap placeholder() {
    QPixmap pixmap(CellGallery::kPictureSize, CellGallery::kPictureSize);
    pixmap.fill(QColor(0xD0, 0xD0, 0xD0));
    return pixmap;
}

QLabel* heading(const QString& text, QWidget* parent) {
    auto* label = new QLabel(text, parent);
    QFont bold = label->font();
    bold.setBold(true);
    label->setFont(bold);
    return label;
}
}  // namespace

std::vector<QImage> readCellPictures(const SlideSource& source, const std::vector<QRectF>& rects, int size) {
    std::vector<QImage> pictures;
    pictures.reserve(rects.size());
    const auto& levels = source.info().levels;
    for (const QRectF& rect : rects) {
        const double edge = std::max(rect.width(), rect.height());
        if (levels.empty() || edge <= 0.0) {
            pictures.emplace_back();
            continue;
        }
        const int level = source.bestLevelForDownsample(edge / size);
        const double ds = levels[static_cast<size_t>(level)].downsample;
        const int w = std::clamp(static_cast<int>(std::ceil(rect.width() / ds)), 1, kMaxReadEdge);
        const int h = std::clamp(static_cast<int>(std::ceil(rect.height() / ds)), 1, kMaxReadEdge);
        const auto region = source.readRegion(level, static_cast<int64_t>(std::floor(rect.x())),
                                              static_cast<int64_t>(std::floor(rect.y())), w, h);
        if (!region) {
            pictures.emplace_back();
            continue;
        }
        const QImage wrapped(reinterpret_cast<const uchar*>(region->pixels.data()), region->width, region->height,
                             QImage::Format_ARGB32);
        pictures.push_back(wrapped.scaled(size, size, Qt::KeepAspectRatio, Qt::SmoothTransformation));
    }
    return pictures;
}

CellGallery::CellGallery(LayerStack* stack, SlideView* view, QWidget* parent)
    : QWidget(parent), stack_(stack), view_(view) {
    setObjectName(QStringLiteral("cellGallery"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    auto* form = new QFormLayout;
    layerCombo_ = new QComboBox(this);
    count_ = new QSpinBox(this);
    count_->setRange(1, 64);
    count_->setValue(kDefaultCount);
    form->addRow(tr("Layer"), layerCombo_);
    form->addRow(tr("Cells each"), count_);
    layout->addLayout(form);
    note_ = new QLabel(this);
    note_->setWordWrap(true);
    layout->addWidget(note_);

    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    auto* content = new QWidget(scroll);
    auto* inner = new QVBoxLayout(content);
    inner->addWidget(heading(tr("Highest values"), content));
    topGrid_ = new QGridLayout;
    inner->addLayout(topGrid_);
    inner->addWidget(heading(tr("Lowest values"), content));
    bottomGrid_ = new QGridLayout;
    inner->addLayout(bottomGrid_);
    inner->addStretch(1);
    scroll->setWidget(content);
    layout->addWidget(scroll, 1);

    refreshTimer_.setSingleShot(true);
    refreshTimer_.setInterval(0);
    connect(&refreshTimer_, &QTimer::timeout, this, &CellGallery::refreshNow);
    connect(layerCombo_, &QComboBox::currentIndexChanged, this, &CellGallery::scheduleRefresh);
    connect(count_, &QSpinBox::valueChanged, this, &CellGallery::scheduleRefresh);
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(stack_, signal, this, &CellGallery::updateLayerChoices);
    connect(stack_, &QAbstractItemModel::modelReset, this, &CellGallery::updateLayerChoices);
    updateLayerChoices();
    refreshNow();
}

CellGallery::~CellGallery() = default;

void CellGallery::setSlideSource(std::shared_ptr<const SlideSource> source) {
    source_ = std::move(source);
    scheduleRefresh();
}

HeatmapLayer* CellGallery::currentLayer() const {
    return qobject_cast<HeatmapLayer*>(stack_->layer(layerCombo_->currentData().toString()));
}

void CellGallery::scheduleRefresh() { refreshTimer_.start(); }

void CellGallery::updateLayerChoices() {
    const QString current = layerCombo_->currentData().toString();
    const QSignalBlocker block(layerCombo_);
    layerCombo_->clear();
    for (int row = 0; row < stack_->count(); ++row)
        if (auto* layer = qobject_cast<HeatmapLayer*>(stack_->layerAt(row)))
            layerCombo_->addItem(layer->name(), layer->id());
    int index = layerCombo_->findData(current);
    if (index < 0) index = layerCombo_->findData(QString::fromLatin1(model::layerid::kAttentionMax));
    layerCombo_->setCurrentIndex(std::max(index, layerCombo_->count() > 0 ? 0 : -1));
    scheduleRefresh();
}

QList<QToolButton*> CellGallery::fillGrid(QGridLayout* grid, const std::vector<RankedCell>& cells, const QString& units) {
    while (QLayoutItem* item = grid->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    QList<QToolButton*> tiles;
    const QPixmap empty = placeholder();
    for (size_t i = 0; i < cells.size(); ++i) {
        const RankedCell cell = cells[i];
        auto* tile = new QToolButton(grid->parentWidget());
        tile->setToolButtonStyle(Qt::ToolButtonTextUnderIcon);
        tile->setIcon(empty);
        tile->setIconSize(QSize(kPictureSize, kPictureSize));
        tile->setText(LegendWidget::formatValue(cell.value, units));
        tile->setToolTip(tr("Row %1, column %2: click to show it at 10×").arg(cell.row).arg(cell.column));
        tile->setAutoRaise(true);
        connect(tile, &QToolButton::clicked, this, [this, cell] { showCell(cell); });
        grid->addWidget(tile, static_cast<int>(i) / kCellColumns, static_cast<int>(i) % kCellColumns);
        tiles.append(tile);
    }
    return tiles;
}

void CellGallery::refreshNow() {
    refreshTimer_.stop();
    ++generation_;
    HeatmapLayer* layer = currentLayer();
    if (layer != watched_) {
        if (watched_) disconnect(watched_, nullptr, this, nullptr);
        watched_ = layer;
        if (layer) connect(layer, &HeatmapLayer::displayChanged, this, &CellGallery::scheduleRefresh);
    }
    top_.clear();
    bottom_.clear();
    QString units;
    if (layer && layer->data()) {
        const GridData& data = *layer->data();
        const std::vector<float> plane = data.plane(layer->channel());
        top_ = topCells(plane, data.rows(), data.columns(), count_->value());
        bottom_ = bottomCells(plane, data.rows(), data.columns(), count_->value());
        units = data.units();
        note_->setText(layer->isUntrained() ? tr("%1, %2 (untrained model: the values carry no meaning)")
                                                  .arg(layer->name(), layer->channel().toString())
                                            : tr("%1, %2").arg(layer->name(), layer->channel().toString()));
    } else {
        note_->setText(tr("No map to rank: run an analysis first."));
    }
    topTiles_ = fillGrid(topGrid_, top_, units);
    bottomTiles_ = fillGrid(bottomGrid_, bottom_, units);
    requestPictures();
}

void CellGallery::requestPictures() {
    HeatmapLayer* layer = currentLayer();
    if (!source_ || !layer || !layer->data() || (top_.empty() && bottom_.empty())) return;
    const GridGeometry& geometry = layer->data()->geometry();
    std::vector<QRectF> rects;
    for (const auto* cells : {&top_, &bottom_})
        for (const RankedCell& cell : *cells) rects.push_back(geometry.cellRect(cell.row, cell.column));
    const quint64 generation = generation_;
    runInBackground(
        this, [source = source_, rects] { return readCellPictures(*source, rects, kPictureSize); },
        [this, generation](const std::vector<QImage>& pictures) { applyPictures(generation, pictures); });
}

void CellGallery::applyPictures(quint64 generation, const std::vector<QImage>& pictures) {
    if (generation != generation_) return;  // the cells changed meanwhile
    QList<QToolButton*> tiles = topTiles_ + bottomTiles_;
    for (int i = 0; i < tiles.size() && i < static_cast<int>(pictures.size()); ++i)
        if (!pictures[static_cast<size_t>(i)].isNull())
            tiles[i]->setIcon(QPixmap::fromImage(pictures[static_cast<size_t>(i)]));
    Q_EMIT picturesReady();
}

void CellGallery::showCell(const RankedCell& cell) {
    HeatmapLayer* layer = currentLayer();
    if (!view_ || !layer || !layer->data()) return;
    const QRectF rect = layer->data()->geometry().cellRect(cell.row, cell.column);
    view_->setMagnification(kMagnification);
    view_->centerOnLevelZero(rect.center());
}

}  // namespace slidesight
