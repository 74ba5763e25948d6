// LayerStack: rows top first, add / replace / remove / move with the model's signals, the
// editable roles applied to the layers, lookup by qualified id, status bar values, the model
// checked by QAbstractItemModelTester, and SlideView following the stack's order.
#include "common/suite.h"

#include "viewer/layers/heatmaplayer.h"
#include "viewer/layers/layerstack.h"
#include "viewer/view/slideview.h"

#include <QtCore/QPointer>
#include <QtTest/QAbstractItemModelTester>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

#include <memory>

using namespace slidesight;

namespace {

/// A layer that paints nothing, like a slide or a mask.
class PlainLayer : public Layer {
public:
    using Layer::Layer;
    QRectF levelZeroBounds() const override { return QRectF(0, 0, 100, 100); }
    void paint(QPainter&, const QRectF&, double) override {}
};

GridDataPtr grid(int channels, float value) {
    GridGeometry g;
    g.cellSize = QSizeF(10, 10);
    g.rows = 2;
    g.columns = 2;
    return std::make_shared<GridData>(g, channels, std::vector<float>(static_cast<size_t>(4 * channels), value),
                                      QStringLiteral("u"));
}

HeatmapLayer* heatmap(const QString& id, float value = 0.5f, int channels = 1) {
    return new HeatmapLayer(id, id.toUpper(), grid(channels, value));
}

QStringList ids(const LayerStack& stack) {
    QStringList out;
    for (int row = 0; row < stack.count(); ++row) out << stack.layerAt(row)->id();
    return out;
}

}  // namespace

class TestLayerStack : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void addReplaceRemove() {
        LayerStack stack;
        QAbstractItemModelTester tester(&stack, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy order(&stack, &LayerStack::orderChanged);
        QSignalSpy inserted(&stack, &QAbstractItemModel::rowsInserted);
        stack.addLayer(heatmap(QStringLiteral("a")));
        stack.addLayer(heatmap(QStringLiteral("b")));
        stack.addLayer(new PlainLayer(QStringLiteral("tissue"), QStringLiteral("Tissue")));
        QCOMPARE(ids(stack), QStringList({"tissue", "b", "a"}));  // top first
        QCOMPARE(inserted.count(), 3);
        QCOMPARE(order.count(), 3);
        QCOMPARE(stack.rowCount(), 3);
        std::vector<Layer*> bottomUp = stack.bottomToTop();
        QCOMPARE(bottomUp.front()->id(), QStringLiteral("a"));
        QCOMPARE(bottomUp.back()->id(), QStringLiteral("tissue"));

        // Same id: replaced where it was, the old layer deleted.
        QPointer<Layer> oldB = stack.layer(QStringLiteral("b"));
        QSignalSpy changed(&stack, &QAbstractItemModel::dataChanged);
        auto* newB = heatmap(QStringLiteral("b"), 0.9f);
        stack.addLayer(newB);
        QCOMPARE(ids(stack), QStringList({"tissue", "b", "a"}));
        QCOMPARE(stack.layerAt(1), newB);
        QVERIFY(oldB.isNull());
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.at(0).at(0).toModelIndex().row(), 1);
        QCOMPARE(newB->parent(), &stack);

        QSignalSpy removed(&stack, &QAbstractItemModel::rowsRemoved);
        QPointer<Layer> a = stack.layer(QStringLiteral("a"));
        QVERIFY(stack.removeLayer(QStringLiteral("a")));
        QVERIFY(a.isNull());
        QVERIFY(!stack.removeLayer(QStringLiteral("a")));
        QCOMPARE(removed.count(), 1);
        QCOMPARE(ids(stack), QStringList({"tissue", "b"}));

        // A layer deleted elsewhere leaves the stack.
        delete stack.layer(QStringLiteral("tissue"));
        QCOMPARE(ids(stack), QStringList({"b"}));
        stack.clear();
        QCOMPARE(stack.count(), 0);
    }

    void lookupByQualifiedId() {
        LayerStack stack;
        stack.addLayer(heatmap(QStringLiteral("attention-max"), 0.5f, 4));
        stack.addLayer(heatmap(QStringLiteral("attention"), 0.5f, 1));
        Layer* found = stack.layer(QStringLiteral("attention-max:7"));
        QVERIFY(found);
        QCOMPARE(found->id(), QStringLiteral("attention-max"));
        QCOMPARE(stack.layer(QStringLiteral("attention"))->id(), QStringLiteral("attention"));
        QCOMPARE(stack.rowOf(QStringLiteral("attention-max:mean")), 1);
        QVERIFY(!stack.layer(QStringLiteral("missing")));
        QVERIFY(!stack.layerAt(5));
        const QModelIndex row1 = stack.index(1);
        QCOMPARE(stack.data(row1, LayerStack::IdRole).toString(), QStringLiteral("attention-max:0"));
    }

    void moveRows() {
        LayerStack stack;
        QAbstractItemModelTester tester(&stack, QAbstractItemModelTester::FailureReportingMode::QtTest);
        for (const char* id : {"d", "c", "b", "a"}) stack.addLayer(heatmap(QString::fromLatin1(id)));
        QCOMPARE(ids(stack), QStringList({"a", "b", "c", "d"}));
        QSignalSpy moved(&stack, &QAbstractItemModel::rowsMoved);
        QSignalSpy order(&stack, &LayerStack::orderChanged);
        QVERIFY(stack.moveLayer(0, 2));
        QCOMPARE(ids(stack), QStringList({"b", "c", "a", "d"}));
        QVERIFY(stack.moveLayer(3, 0));
        QCOMPARE(ids(stack), QStringList({"d", "b", "c", "a"}));
        QVERIFY(stack.moveLayer(1, 2));
        QCOMPARE(ids(stack), QStringList({"d", "c", "b", "a"}));
        QVERIFY(!stack.moveLayer(1, 1));
        QVERIFY(!stack.moveLayer(-1, 1));
        QVERIFY(!stack.moveLayer(0, 4));
        QCOMPARE(moved.count(), 3);
        QCOMPARE(order.count(), 3);
        // rowsMoved(parent, start, end, destination, row): row is counted before the move.
        QCOMPARE(moved.at(0).at(4).toInt(), 3);
        QCOMPARE(moved.at(1).at(4).toInt(), 0);
    }

    void roles() {
        LayerStack stack;
        QAbstractItemModelTester tester(&stack, QAbstractItemModelTester::FailureReportingMode::QtTest);
        auto* h = heatmap(QStringLiteral("h"));
        stack.addLayer(h);
        stack.addLayer(new PlainLayer(QStringLiteral("plain"), QStringLiteral("Plain")));
        const QModelIndex plain = stack.index(0);
        const QModelIndex heat = stack.index(1);
        QCOMPARE(stack.data(heat, Qt::DisplayRole).toString(), QStringLiteral("H"));
        QCOMPARE(stack.data(heat, Qt::CheckStateRole).toInt(), int(Qt::Checked));
        QCOMPARE(stack.data(heat, LayerStack::ColormapRole).toString(), QStringLiteral("viridis"));
        QCOMPARE(stack.data(heat, LayerStack::NormalisationRole).toString(), QStringLiteral("min-max"));
        QVERIFY(!stack.data(heat, LayerStack::ThresholdRole).isValid());
        QVERIFY(!stack.data(plain, LayerStack::ColormapRole).isValid());
        QCOMPARE(stack.data(heat, LayerStack::LayerRole).value<QObject*>(), h);
        QVERIFY(stack.flags(heat).testFlag(Qt::ItemIsUserCheckable));
        QVERIFY(stack.roleNames().contains(LayerStack::OpacityRole));

        QSignalSpy changed(&stack, &QAbstractItemModel::dataChanged);
        QVERIFY(stack.setData(heat, Qt::Unchecked, Qt::CheckStateRole));
        QVERIFY(!h->isVisible());
        QVERIFY(stack.setData(heat, 0.25, LayerStack::OpacityRole));
        QCOMPARE(h->opacity(), 0.25);
        QVERIFY(stack.setData(heat, QStringLiteral("magma"), LayerStack::ColormapRole));
        QCOMPARE(h->display().colormap, Colormap::Magma);
        QVERIFY(stack.setData(heat, QStringLiteral("rank"), LayerStack::NormalisationRole));
        QCOMPARE(h->display().normalisation, Normalisation::Rank);
        QVERIFY(stack.setData(heat, 0.3, LayerStack::ThresholdRole));
        QCOMPARE(h->display().threshold, std::optional<double>(0.3));
        QCOMPARE(stack.data(heat, LayerStack::ThresholdRole).toDouble(), 0.3);
        QVERIFY(stack.setData(heat, QVariant(), LayerStack::ThresholdRole));
        QVERIFY(!h->display().threshold);
        QCOMPARE(changed.count(), 6);
        for (const auto& args : changed) QCOMPARE(args.at(0).toModelIndex(), heat);

        QVERIFY(!stack.setData(heat, QStringLiteral("rainbow"), LayerStack::ColormapRole));
        QVERIFY(!stack.setData(heat, QStringLiteral("zscore"), LayerStack::NormalisationRole));
        QVERIFY(!stack.setData(plain, QStringLiteral("magma"), LayerStack::ColormapRole));
        QCOMPARE(h->display().colormap, Colormap::Magma);

        // Changes made on the layer itself reach the model too.
        h->setUntrained(true);
        QVERIFY(stack.data(heat, LayerStack::UntrainedRole).toBool());
        QCOMPARE(changed.count(), 7);
    }

    void valuesForTheStatusBar() {
        LayerStack stack;
        stack.addLayer(heatmap(QStringLiteral("low"), 0.25f));
        stack.addLayer(heatmap(QStringLiteral("high"), 0.75f));
        stack.addLayer(new PlainLayer(QStringLiteral("plain"), QStringLiteral("Plain")));
        QCOMPARE(stack.valuesAt(QPointF(5, 5)), QStringList({"HIGH: 0.75 u", "LOW: 0.25 u"}));
        stack.layer(QStringLiteral("high"))->setVisible(false);
        QCOMPARE(stack.valuesAt(QPointF(5, 5)), QStringList({"LOW: 0.25 u"}));
        QVERIFY(stack.valuesAt(QPointF(500, 5)).isEmpty());
    }

    void viewFollowsTheStack() {
        SlideView view;
        view.setAttribute(Qt::WA_DontShowOnScreen);
        view.resize(200, 200);
        view.show();
        view.setSlideGeometry(QSizeF(100, 100), Mpp{}, std::nullopt);
        PlainLayer slide(QStringLiteral("slide"), QStringLiteral("Slide"));
        view.addLayer(&slide);
        LayerStack stack;
        stack.addLayer(heatmap(QStringLiteral("a")));
        view.setLayerStack(&stack);
        QCOMPARE(view.layerStack(), &stack);
        stack.addLayer(heatmap(QStringLiteral("b")));
        const auto names = [&view] {
            QStringList out;
            for (Layer* l : view.layers()) out << l->id();
            return out;
        };
        QCOMPARE(names(), QStringList({"slide", "a", "b"}));
        QVERIFY(stack.moveLayer(0, 1));
        QCOMPARE(names(), QStringList({"slide", "b", "a"}));
        // A layer the view adds itself stays beneath the overlays.
        PlainLayer mask(QStringLiteral("mask"), QStringLiteral("Mask"));
        view.addLayer(&mask);
        QCOMPARE(names(), QStringList({"slide", "mask", "b", "a"}));
        stack.removeLayer(QStringLiteral("b"));
        QCOMPARE(names(), QStringList({"slide", "mask", "a"}));
        stack.addLayer(heatmap(QStringLiteral("a"), 0.1f));  // replaced
        QCOMPARE(names(), QStringList({"slide", "mask", "a"}));
        QCOMPARE(view.layers().back(), stack.layer(QStringLiteral("a")));
        view.setLayerStack(nullptr);
        QCOMPARE(names(), QStringList({"slide", "mask"}));
        view.setLayerStack(&stack);
        QCOMPARE(names(), QStringList({"slide", "mask", "a"}));
        stack.clear();
        QCOMPARE(names(), QStringList({"slide", "mask"}));
        view.removeLayer(&mask);
    }
};

SLIDESIGHT_TEST_SUITE(TestLayerStack)
#include "tst_layerstack.moc"
