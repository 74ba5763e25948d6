// LranController on the real CMU slide with a random LRAN, its worker on an analysis thread:
// the layers appear and fill, the patches in view come first, cancelling keeps what was run
// (NaN elsewhere), and starting again runs only the patches not yet run.

#include "app/analysis/lrancontroller.h"
#include "model/lran/lransession.h"
#include "viewer/layers/heatmaplayer.h"
#include "viewer/layers/layerstack.h"

#include "common/testdata.h"
#include "common/suite.h"

#include <QtCore/QSet>
#include <QtCore/QThread>
#include <QtTest/QSignalSpy>
#include <QtTest/QtTest>

#include <cmath>

using namespace slidesight;

namespace {

constexpr int kLranTimeoutMs = 240000;

model::ModelBundle lranBundle(const std::string& network = "lran") {
    model::ModelBundle bundle;
    bundle.name = "test bundle";
    bundle.trained = false;
    model::BundleLran lran;
    lran.network = network;
    lran.weights = "random:5";
    bundle.lran = lran;
    return bundle;
}

HeatmapLayer* heatmap(const LayerStack& stack, const char* id) {
    return qobject_cast<HeatmapLayer*>(stack.layer(QString::fromLatin1(id)));
}

/// The patches with a probability in the layer, as (column, row).
QSet<QPoint> patchesWithValues(const LayerStack& stack) {
    QSet<QPoint> cells;
    const HeatmapLayer* layer = heatmap(stack, "lran-probability");
    if (!layer || !layer->data()) return cells;
    const GridData& data = *layer->data();
    for (int r = 0; r < data.rows(); ++r)
        for (int c = 0; c < data.columns(); ++c)
            if (!std::isnan(data.at(0, r, c))) cells.insert(QPoint(c, r));
    return cells;
}

}  // namespace

class TestLranController : public QObject {
    Q_OBJECT

private:
    QThread thread_;
    QString slide_;
    std::shared_ptr<model::LranSession> grid_;  ///< the same grid, opened here to pick a view
    QSet<QPoint> tissue_;                       ///< (column, row)

    QRectF cellRect(const QPoint& cell) const {
        const auto& i = grid_->info();
        return QRectF(i.origin[0] + cell.x() * i.cellSize[0], i.origin[1] + cell.y() * i.cellSize[1], i.cellSize[0],
                      i.cellSize[1]);
    }

private Q_SLOTS:
    void initTestCase() {
        SLIDESIGHT_REQUIRE_DATA();
        slide_ = test::dataPath(QStringLiteral("slides/cmu-1-small-region.svs"));
        model::LranSessionOptions o;
        o.slidePath = slide_.toStdString();
        o.device = "cpu";
        auto session = model::LranSession::open(o);
        QVERIFY2(session, session.error().c_str());
        grid_ = *session;
        for (const auto& [row, column] : grid_->tissueCells()) tissue_.insert(QPoint(column, row));
        QVERIFY2(tissue_.size() >= 3, "the CMU tissue box should hold a few patches");
        thread_.setObjectName(QStringLiteral("analysis"));
        thread_.start();
    }

    void cleanupTestCase() {
        thread_.quit();
        thread_.wait();
    }

    void layersFillViewFirst() {
        LayerStack stack;
        LranController controller(&thread_, &stack);
        controller.setBatchSize(2);
        // The view shows the inside of the last tissue patch only (far from the grid's centre).
        QPoint target(-1, -1);
        for (const auto& [row, column] : grid_->tissueCells()) target = QPoint(column, row);
        const QRectF cell = cellRect(target);
        controller.setVisibleRect(cell.adjusted(cell.width() / 4, cell.height() / 4, -cell.width() / 4, -cell.height() / 4));
        QSignalSpy finished(&controller, &LranController::finished);
        QSignalSpy failed(&controller, &LranController::failed);
        QSignalSpy completed(&controller, &LranController::patchesCompleted);
        QSignalSpy progress(&controller, &LranController::progress);
        controller.start(lranBundle(), slide_, 0.0, QStringLiteral("cpu"));
        QVERIFY(controller.isRunning());
        QVERIFY(stack.count() == 0);  // nothing was waited for

        QTRY_VERIFY_WITH_TIMEOUT(heatmap(stack, "lran-cam") != nullptr || !failed.isEmpty(), kLranTimeoutMs);
        QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.first().first().toString()));
        for (const char* id : {"lran-probability", "lran-mask", "lran-gates", "lran-cam"}) {
            const HeatmapLayer* layer = heatmap(stack, id);
            QVERIFY2(layer, id);
            QVERIFY(layer->isUntrained());
        }
        const HeatmapLayer* probability = heatmap(stack, "lran-probability");
        QCOMPARE(probability->data()->channels(), 4);
        QCOMPARE(probability->data()->rows(), grid_->info().rows);
        QVERIFY(probability->channel() == ChannelSelection::channel(1));  // Benign: the first abnormal class
        QCOMPARE(probability->name(), QStringLiteral("LRAN class probabilities"));
        QCOMPARE(heatmap(stack, "lran-mask")->data()->channels(), 512);
        QCOMPARE(heatmap(stack, "lran-mask")->data()->rows(), grid_->info().rows * 8);
        QCOMPARE(heatmap(stack, "lran-gates")->data()->channels(), 2);

        QVERIFY(finished.wait(kLranTimeoutMs) || !finished.isEmpty());
        QVERIFY(failed.isEmpty());
        QVERIFY(!controller.isRunning());
        // The patch in view came first; every tissue patch ran once, and only those have values.
        QVERIFY(!completed.isEmpty());
        const auto first = completed.first().first().value<QVector<QPoint>>();
        QCOMPARE(first.size(), 2);
        QCOMPARE(first.first(), target);
        QSet<QPoint> seen;
        for (const auto& signal : completed)
            for (const QPoint& p : signal.first().value<QVector<QPoint>>()) {
                QVERIFY(!seen.contains(p));
                seen.insert(p);
            }
        QCOMPARE(seen, tissue_);
        QCOMPARE(controller.patchesReceived(), qint64(tissue_.size()));
        QCOMPARE(patchesWithValues(stack), tissue_);
        QCOMPARE(progress.last().at(0).toLongLong(), qint64(tissue_.size()));
        QCOMPARE(progress.last().at(1).toLongLong(), qint64(tissue_.size()));
        // Finer maps: the values of a patch that ran fill its 8 x 8 block.
        const GridData& cam = *heatmap(stack, "lran-cam")->data();
        for (int i = 0; i < 8; ++i)
            for (int j = 0; j < 8; ++j) QVERIFY(!std::isnan(cam.at(0, target.y() * 8 + i, target.x() * 8 + j)));
        // The 4 x 4 gate is shown nearest-upsampled: each 2 x 2 block holds one value.
        const GridData& gates = *heatmap(stack, "lran-gates")->data();
        QCOMPARE(gates.at(0, target.y() * 8, target.x() * 8), gates.at(0, target.y() * 8 + 1, target.x() * 8 + 1));
    }

    void cancelKeepsWhatRanAndStartResumes() {
        LayerStack stack;
        LranController controller(&thread_, &stack);
        controller.setBatchSize(2);
        QSignalSpy cancelled(&controller, &LranController::cancelled);
        QSignalSpy finished(&controller, &LranController::finished);
        QList<QPoint> order;
        connect(&controller, &LranController::patchesCompleted, this, [&](const QVector<QPoint>& cells) {
            order += QList<QPoint>(cells.begin(), cells.end());
            controller.cancel();  // after the first batch
        });
        controller.start(lranBundle(), slide_, 0.0, QStringLiteral("cpu"));
        QVERIFY(cancelled.wait(kLranTimeoutMs) || !cancelled.isEmpty());
        QVERIFY(finished.isEmpty());
        QVERIFY(!controller.isRunning());
        const qint64 firstRun = controller.patchesReceived();
        QVERIFY(firstRun >= 2 && firstRun < qint64(tissue_.size()));
        QCOMPARE(qint64(order.size()), firstRun);
        // The layers keep the patches run, and NaN elsewhere.
        QCOMPARE(patchesWithValues(stack), QSet<QPoint>(order.begin(), order.end()));

        disconnect(&controller, &LranController::patchesCompleted, this, nullptr);
        connect(&controller, &LranController::patchesCompleted, this,
                [&](const QVector<QPoint>& cells) { order += QList<QPoint>(cells.begin(), cells.end()); });
        controller.start(lranBundle(), slide_, 0.0, QStringLiteral("cpu"));
        QVERIFY(finished.wait(kLranTimeoutMs) || !finished.isEmpty());
        QCOMPARE(cancelled.size(), 1);
        // Both runs together ran every tissue patch exactly once.
        QCOMPARE(controller.patchesReceived(), qint64(tissue_.size()));
        QCOMPARE(qint64(order.size()), qint64(tissue_.size()));
        QCOMPARE(QSet<QPoint>(order.begin(), order.end()), tissue_);
        QCOMPARE(patchesWithValues(stack), tissue_);
    }

    void ranHasNoGateLayer() {
        LayerStack stack;
        LranController controller(&thread_, &stack);
        QSignalSpy cancelled(&controller, &LranController::cancelled);
        controller.start(lranBundle("ran"), slide_, 0.0, QStringLiteral("cpu"));
        QTRY_VERIFY_WITH_TIMEOUT(heatmap(stack, "lran-cam") != nullptr, kLranTimeoutMs);
        controller.cancel();
        QVERIFY(cancelled.wait(kLranTimeoutMs) || !cancelled.isEmpty());
        QVERIFY(heatmap(stack, "lran-probability") && heatmap(stack, "lran-mask"));
        QVERIFY(!heatmap(stack, "lran-gates"));
        QCOMPARE(heatmap(stack, "lran-cam")->name(), QStringLiteral("RAN class activation map"));
    }

    void bundleWithoutLranFails() {
        LayerStack stack;
        LranController controller(&thread_, &stack);
        QSignalSpy failed(&controller, &LranController::failed);
        model::ModelBundle bundle = lranBundle();
        bundle.lran.reset();
        controller.start(bundle, slide_, 0.0, QStringLiteral("cpu"));
        QCOMPARE(failed.size(), 1);
        QVERIFY(failed.first().first().toString().contains(QLatin1String("no LRAN")));
        QVERIFY(!controller.isRunning());
        QCOMPARE(stack.count(), 0);
    }

    void unreadableSlideFails() {
        LayerStack stack;
        LranController controller(&thread_, &stack);
        QSignalSpy failed(&controller, &LranController::failed);
        controller.start(lranBundle(), test::dataPath(QStringLiteral("slides/negative/broken.svs")), 0.0,
                         QStringLiteral("cpu"));
        QVERIFY(failed.wait(kLranTimeoutMs) || !failed.isEmpty());
        QVERIFY(!failed.first().first().toString().isEmpty());
        QVERIFY(!controller.isRunning());
        QCOMPARE(stack.count(), 0);
    }
};

SLIDESIGHT_TEST_SUITE(TestLranController)
#include "tst_lrancontroller.moc"
