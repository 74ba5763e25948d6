// The layer panel: its controls change the selected HeatmapLayer, and the buttons reorder the
// stack.
#include "app/layers/layerpaneldock.h"
#include "app/layers/legendwidget.h"
#include "common/gridfixtures.h"
#include "common/suite.h"
#include "viewer/layers/heatmaplayer.h"
#include "viewer/layers/layerstack.h"

#include <QtTest/QTest>
#include <QtWidgets/QCheckBox>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QDoubleSpinBox>
#include <QtWidgets/QListView>
#include <QtWidgets/QSlider>
#include <QtWidgets/QToolButton>

#include <memory>

using namespace slidesight;

namespace {
GridDataPtr panelGrid(int channels) {
    std::vector<float> values;
    for (int i = 0; i < channels * 4; ++i) values.push_back(static_cast<float>(i));
    return test::makeGridData(QPointF(0, 0), QSizeF(100, 100), 2, 2, channels, values);
}

void choose(QComboBox* combo, const QString& data) {
    const int index = combo->findData(data);
    QVERIFY2(index >= 0, qPrintable(data));
    combo->setCurrentIndex(index);
}
}  // namespace

class TestLayerPanel : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<LayerStack> stack_;
    HeatmapLayer* single_ = nullptr;
    HeatmapLayer* multi_ = nullptr;

private Q_SLOTS:
    void init() {
        stack_ = std::make_unique<LayerStack>();
        single_ = new HeatmapLayer(QStringLiteral("tissue"), QStringLiteral("Tissue"), panelGrid(1));
        multi_ = new HeatmapLayer(QStringLiteral("attention-max"), QStringLiteral("Max attention"), panelGrid(4));
        stack_->addLayer(single_);
        stack_->addLayer(multi_);  // on top: row 0
    }
    void cleanup() { stack_.reset(); }

    void controlsChangeTheSelectedLayer() {
        LayerPanelDock dock(stack_.get());
        dock.selectRow(stack_->rowOf(QStringLiteral("attention-max")));
        QCOMPARE(dock.selectedLayer(), multi_);
        QCOMPARE(dock.legend()->layer(), multi_);

        choose(dock.colormapCombo(), QStringLiteral("magma"));
        QCOMPARE(multi_->display().colormap, Colormap::Magma);
        choose(dock.colormapCombo(), QStringLiteral("gray"));
        QCOMPARE(multi_->display().colormap, Colormap::Gray);

        choose(dock.normalisationCombo(), QStringLiteral("rank"));
        QCOMPARE(multi_->display().normalisation, Normalisation::Rank);
        QVERIFY(!dock.rawLowSpin()->isVisibleTo(&dock));
        choose(dock.normalisationCombo(), QStringLiteral("raw"));
        QCOMPARE(multi_->display().normalisation, Normalisation::Raw);
        QVERIFY(dock.rawLowSpin()->isVisibleTo(&dock));
        dock.rawLowSpin()->setValue(0.25);
        dock.rawHighSpin()->setValue(7.5);
        QCOMPARE(multi_->display().rawLow, 0.25);
        QCOMPARE(multi_->display().rawHigh, 7.5);
        QCOMPARE(dock.legend()->lowText(), QStringLiteral("0.25"));

        dock.thresholdSpin()->setValue(3.0);
        QVERIFY(!multi_->display().threshold.has_value());
        dock.thresholdCheck()->setChecked(true);
        QVERIFY(multi_->display().threshold.has_value());
        QCOMPARE(*multi_->display().threshold, 3.0);
        dock.thresholdSpin()->setValue(4.5);
        QCOMPARE(*multi_->display().threshold, 4.5);
        dock.thresholdCheck()->setChecked(false);
        QVERIFY(!multi_->display().threshold.has_value());

        dock.opacitySlider()->setValue(40);
        QCOMPARE(multi_->opacity(), 0.4);

        QVERIFY(dock.channelCombo()->isVisibleTo(&dock));
        QCOMPARE(dock.channelCombo()->count(), 4 + 2);  // channels 0..3, mean, max
        choose(dock.channelCombo(), QStringLiteral("2"));
        QCOMPARE(multi_->channel(), ChannelSelection::channel(2));
        choose(dock.channelCombo(), QStringLiteral("max"));
        QCOMPARE(multi_->channel(), ChannelSelection::maximum());
        choose(dock.channelCombo(), QStringLiteral("mean"));
        QCOMPARE(multi_->channel(), ChannelSelection::mean());
        QCOMPARE(multi_->data()->channels(), 4);  // the data never change
    }

    void controlsFollowTheLayer() {
        LayerPanelDock dock(stack_.get());
        dock.selectRow(stack_->rowOf(QStringLiteral("attention-max")));
        DisplaySettings d = multi_->display();
        d.colormap = Colormap::Jet;
        d.normalisation = Normalisation::Percentile;
        multi_->setDisplay(d);
        QCOMPARE(dock.colormapCombo()->currentData().toString(), QStringLiteral("jet"));
        QCOMPARE(dock.normalisationCombo()->currentData().toString(), QStringLiteral("percentile"));
        multi_->setChannel(ChannelSelection::channel(3));
        QCOMPARE(dock.channelCombo()->currentData().toString(), QStringLiteral("3"));
        multi_->setOpacity(0.7);
        QCOMPARE(dock.opacitySlider()->value(), 70);

        // A single-channel layer has no channel selector.
        dock.selectRow(stack_->rowOf(QStringLiteral("tissue")));
        QCOMPARE(dock.selectedLayer(), single_);
        QVERIFY(!dock.channelCombo()->isVisibleTo(&dock));
        QCOMPARE(dock.legend()->layer(), single_);
    }

    void buttonsReorderTheStack() {
        LayerPanelDock dock(stack_.get());
        QCOMPARE(stack_->layerAt(0), multi_);
        dock.selectRow(1);
        QCOMPARE(dock.selectedLayer(), single_);
        QVERIFY(dock.upButton()->isEnabled());
        QVERIFY(!dock.downButton()->isEnabled());
        dock.upButton()->click();
        QCOMPARE(stack_->layerAt(0), single_);
        QCOMPARE(stack_->layerAt(1), multi_);
        QCOMPARE(dock.selectedLayer(), single_);  // the selection moves with the layer
        QCOMPARE(dock.selectedRow(), 0);
        QVERIFY(!dock.upButton()->isEnabled());
        dock.downButton()->click();
        QCOMPARE(stack_->layerAt(0), multi_);
        QCOMPARE(stack_->layerAt(1), single_);
    }

    void checkBoxesToggleVisibility() {
        LayerPanelDock dock(stack_.get());
        const QModelIndex index = stack_->index(stack_->rowOf(QStringLiteral("tissue")), 0);
        QVERIFY(dock.listView()->model()->flags(index) & Qt::ItemIsUserCheckable);
        QVERIFY(dock.listView()->model()->setData(index, Qt::Unchecked, Qt::CheckStateRole));
        QVERIFY(!single_->isVisible());
        QVERIFY(dock.listView()->model()->setData(index, Qt::Checked, Qt::CheckStateRole));
        QVERIFY(single_->isVisible());
    }

    void removedLayerClearsTheSelection() {
        LayerPanelDock dock(stack_.get());
        dock.selectRow(stack_->rowOf(QStringLiteral("attention-max")));
        QVERIFY(stack_->removeLayer(QStringLiteral("attention-max")));
        QTRY_VERIFY(dock.selectedLayer() != multi_);
        QCOMPARE(dock.legend()->layer(), dock.selectedLayer() ? static_cast<HeatmapLayer*>(single_) : nullptr);
    }
};

SLIDESIGHT_TEST_SUITE(TestLayerPanel)
#include "tst_layerpanel.moc"
