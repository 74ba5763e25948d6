#include "app/layers/layerpaneldock.h"

#include "app/layers/legendwidget.h"
#include "viewer/layers/heatmaplayer.h"
#include "viewer/layers/layerstack.h"

#include <QtWidgets/QCheckBox>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QDoubleSpinBox>
#include <QtWidgets/QFormLayout>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QLabel>
#include <QtWidgets/QListView>
#include <QtWidgets/QSlider>
#include <QtWidgets/QToolButton>
#include <QtWidgets/QVBoxLayout>


namespace slidesight {

namespace {
QDoubleSpinBox* valueSpin(QWidget* parent) {
    auto* spin = new QDoubleSpinBox(parent);
    spin->setRange(-1e12, 1e12);
    spin->setDecimals(4);
    spin->setSingleStep(0.01);
    spin->setKeyboardTracking(false);
    return spin;
}
}  // namespace

LayerPanelDock::LayerPanelDock(LayerStack* stack, QWidget* parent)
    : QDockWidget(tr("Layers"), parent), stack_(stack) {
    setObjectName(QStringLiteral("layerPanelDock"));
    auto* body = new QWidget(this);
    auto* layout = new QVBoxLayout(body);
    layout->setContentsMargins(4, 4, 4, 4);

    list_ = new QListView(body);
    list_->setModel(stack_);
    list_->setSelectionMode(QAbstractItemView::SingleSelection);
    list_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    list_->setMinimumHeight(80);
    layout->addWidget(list_, 1);

    auto* buttons = new QHBoxLayout;
    up_ = new QToolButton(body);
    up_->setArrowType(Qt::UpArrow);
    up_->setToolTip(tr("Move the layer up (drawn later)"));
    down_ = new QToolButton(body);
    down_->setArrowType(Qt::DownArrow);
    down_->setToolTip(tr("Move the layer down (drawn earlier)"));
    buttons->addWidget(up_);
    buttons->addWidget(down_);
    buttons->addStretch(1);
    layout->addLayout(buttons);
    connect(up_, &QToolButton::clicked, this, [this] { move(-1); });
    connect(down_, &QToolButton::clicked, this, [this] { move(+1); });

    controls_ = createControls();
    layout->addWidget(controls_);
    legend_ = new LegendWidget(body);
    layout->addWidget(legend_);
    setWidget(body);

    connect(list_->selectionModel(), &QItemSelectionModel::currentChanged, this, &LayerPanelDock::onCurrentChanged);
    connect(stack_, &QAbstractItemModel::dataChanged, this, &LayerPanelDock::refreshControls);
    for (auto signal : {&QAbstractItemModel::rowsRemoved, &QAbstractItemModel::rowsInserted})
        connect(stack_, signal, this, &LayerPanelDock::onCurrentChanged, Qt::QueuedConnection);
    connect(stack_, &QAbstractItemModel::rowsMoved, this, &LayerPanelDock::onCurrentChanged, Qt::QueuedConnection);
    connect(stack_, &QAbstractItemModel::modelReset, this, &LayerPanelDock::onCurrentChanged);
    onCurrentChanged();
}

QWidget* LayerPanelDock::createControls() {
    auto* box = new QWidget(this);
    auto* form = new QFormLayout(box);
    form->setContentsMargins(0, 0, 0, 0);

    opacity_ = new QSlider(Qt::Horizontal, box);
    opacity_->setRange(0, 100);
    form->addRow(tr("Opacity"), opacity_);
    connect(opacity_, &QSlider::valueChanged, this,
            [this](int v) { setRole(LayerStack::OpacityRole, v / 100.0); });

    heatmapControls_ = new QWidget(box);
    auto* heat = new QFormLayout(heatmapControls_);
    heatmapForm_ = heat;
    heat->setContentsMargins(0, 0, 0, 0);
    colormap_ = new QComboBox(heatmapControls_);
    for (Colormap c : allColormaps()) colormap_->addItem(colormapDisplayName(c), colormapKey(c));
    heat->addRow(tr("Colormap"), colormap_);
    connect(colormap_, &QComboBox::currentIndexChanged, this,
            [this] { setRole(LayerStack::ColormapRole, colormap_->currentData()); });

    normalisation_ = new QComboBox(heatmapControls_);
    for (Normalisation n : allNormalisations()) normalisation_->addItem(normalisationDisplayName(n), normalisationKey(n));
    heat->addRow(tr("Scale"), normalisation_);
    connect(normalisation_, &QComboBox::currentIndexChanged, this,
            [this] { setRole(LayerStack::NormalisationRole, normalisation_->currentData()); });

    rawRow_ = new QWidget(heatmapControls_);
    auto* rawLayout = new QHBoxLayout(rawRow_);
    rawLayout->setContentsMargins(0, 0, 0, 0);
    rawLow_ = valueSpin(rawRow_);
    rawHigh_ = valueSpin(rawRow_);
    rawLow_->setToolTip(tr("Raw value drawn with the low end of the colormap"));
    rawHigh_->setToolTip(tr("Raw value drawn with the high end of the colormap"));
    rawLayout->addWidget(rawLow_);
    rawLayout->addWidget(new QLabel(tr("to"), rawRow_));
    rawLayout->addWidget(rawHigh_);
    heat->addRow(tr("Range"), rawRow_);
    connect(rawLow_, &QDoubleSpinBox::valueChanged, this, &LayerPanelDock::applyRawRange);
    connect(rawHigh_, &QDoubleSpinBox::valueChanged, this, &LayerPanelDock::applyRawRange);

    auto* thresholdRow = new QWidget(heatmapControls_);
    auto* thresholdLayout = new QHBoxLayout(thresholdRow);
    thresholdLayout->setContentsMargins(0, 0, 0, 0);
    thresholdCheck_ = new QCheckBox(tr("Hide below"), thresholdRow);
    threshold_ = valueSpin(thresholdRow);
    threshold_->setToolTip(tr("Cells whose raw value is below this are not drawn"));
    thresholdLayout->addWidget(thresholdCheck_);
    thresholdLayout->addWidget(threshold_, 1);
    heat->addRow(tr("Threshold"), thresholdRow);
    connect(thresholdCheck_, &QCheckBox::toggled, this, &LayerPanelDock::applyThreshold);
    connect(threshold_, &QDoubleSpinBox::valueChanged, this, &LayerPanelDock::applyThreshold);

    channel_ = new QComboBox(heatmapControls_);
    heat->addRow(tr("Channel"), channel_);
    connect(channel_, &QComboBox::currentIndexChanged, this, &LayerPanelDock::applyChannel);

    form->addRow(heatmapControls_);
    return box;
}

int LayerPanelDock::selectedRow() const { return selected_ ? stack_->rowOf(selected_->id()) : -1; }

void LayerPanelDock::selectRow(int row) {
    list_->setCurrentIndex(stack_->index(row, 0));
    onCurrentChanged();
}

HeatmapLayer* LayerPanelDock::selectedHeatmap() const { return qobject_cast<HeatmapLayer*>(selected_.data()); }

void LayerPanelDock::onCurrentChanged() {
    int row = list_->currentIndex().row();
    if (row < 0 && stack_->count() > 0) {
        // Nothing chosen: the top layer, so the controls are never idle while there are layers.
        row = 0;
        list_->setCurrentIndex(stack_->index(0, 0));
    }
    Layer* layer = stack_->layerAt(row);
    if (layer != selected_) {
        disconnect(selectedConnection_);
        disconnect(displayConnection_);
        selected_ = layer;
        if (layer) {
            selectedConnection_ = connect(layer, &Layer::appearanceChanged, this, &LayerPanelDock::refreshControls);
            if (auto* heat = selectedHeatmap())
                displayConnection_ = connect(heat, &HeatmapLayer::displayChanged, this, &LayerPanelDock::refreshControls);
        }
        legend_->setLayer(selectedHeatmap());
    }
    refreshControls();
}

void LayerPanelDock::refreshControls() {
    updating_ = true;
    const int row = selectedRow();
    controls_->setEnabled(selected_ != nullptr);
    up_->setEnabled(row > 0);
    down_->setEnabled(row >= 0 && row + 1 < stack_->count());
    HeatmapLayer* heat = selectedHeatmap();
    heatmapControls_->setVisible(heat != nullptr);
    if (selected_) opacity_->setValue(qRound(selected_->opacity() * 100.0));
    if (heat) {
        const DisplaySettings& d = heat->display();
        colormap_->setCurrentIndex(colormap_->findData(colormapKey(d.colormap)));
        normalisation_->setCurrentIndex(normalisation_->findData(normalisationKey(d.normalisation)));
        heatmapForm_->setRowVisible(rawRow_, d.normalisation == Normalisation::Raw);
        rawLow_->setValue(d.rawLow);
        rawHigh_->setValue(d.rawHigh);
        thresholdCheck_->setChecked(d.threshold.has_value());
        threshold_->setEnabled(d.threshold.has_value());
        if (d.threshold) threshold_->setValue(*d.threshold);
        const int channels = heat->data() ? heat->data()->channels() : 1;
        heatmapForm_->setRowVisible(channel_, channels > 1);
        if (channel_->count() != channels + 2) {
            channel_->clear();
            channel_->addItem(tr("Mean of the channels"), ChannelSelection::mean().toString());
            channel_->addItem(tr("Maximum of the channels"), ChannelSelection::maximum().toString());
            for (int i = 0; i < channels; ++i)
                channel_->addItem(tr("Channel %1").arg(i), ChannelSelection::channel(i).toString());
        }
        channel_->setCurrentIndex(channel_->findData(heat->channel().toString()));
    }
    updating_ = false;
}

void LayerPanelDock::move(int delta) {
    const int row = selectedRow();
    if (row < 0) return;
    const QString id = selected_->id();
    if (!stack_->moveLayer(row, row + delta)) return;
    list_->setCurrentIndex(stack_->index(stack_->rowOf(id), 0));
    refreshControls();
}

void LayerPanelDock::setRole(int role, const QVariant& value) {
    if (updating_) return;
    const int row = selectedRow();
    if (row >= 0) stack_->setData(stack_->index(row, 0), value, role);
}

void LayerPanelDock::applyRawRange() {
    HeatmapLayer* heat = selectedHeatmap();
    if (updating_ || !heat) return;
    DisplaySettings d = heat->display();
    d.rawLow = rawLow_->value();
    d.rawHigh = rawHigh_->value();
    heat->setDisplay(d);
}

void LayerPanelDock::applyThreshold() {
    if (updating_) return;
    threshold_->setEnabled(thresholdCheck_->isChecked());
    setRole(LayerStack::ThresholdRole, thresholdCheck_->isChecked() ? QVariant(threshold_->value()) : QVariant());
}

void LayerPanelDock::applyChannel() {
    HeatmapLayer* heat = selectedHeatmap();
    if (updating_ || !heat) return;
    if (const auto selection = ChannelSelection::parse(channel_->currentData().toString()))
        heat->setChannel(*selection);
}

}  // namespace slidesight
