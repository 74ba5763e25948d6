// GridData and its geometry: cell rectangles and lookup at borders, channel planes (mean and
// maximum ignore NaN), channel selection text.
#include "common/gridfixtures.h"
#include "common/suite.h"

#include "viewer/layers/griddata.h"

#include <QtTest/QTest>

#include <cmath>
#include <limits>

using namespace slidesight;

namespace {

using slidesight::test::kNaN;

GridGeometry geometry() {
    GridGeometry g;
    g.origin = QPointF(100.5, 37.0);
    g.cellSize = QSizeF(224.0, 112.0);
    g.rows = 2;
    g.columns = 3;
    return g;
}

bool sameFloats(const std::vector<float>& a, const std::vector<float>& b) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i)
        if (!(a[i] == b[i] || (std::isnan(a[i]) && std::isnan(b[i])))) return false;
    return true;
}

}  // namespace

class TestGridData : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void geometryRects() {
        const GridGeometry g = geometry();
        QCOMPARE(g.bounds(), QRectF(100.5, 37.0, 672.0, 224.0));
        QCOMPARE(g.cellRect(0, 0), QRectF(100.5, 37.0, 224.0, 112.0));
        QCOMPARE(g.cellRect(1, 2), QRectF(100.5 + 448.0, 149.0, 224.0, 112.0));
        QVERIFY(g == geometry());
        GridGeometry other = geometry();
        other.columns = 4;
        QVERIFY(!(g == other));
    }

    void cellAtBorders_data() {
        QTest::addColumn<QPointF>("point");
        QTest::addColumn<int>("row");
        QTest::addColumn<int>("column");  // -1: outside
        QTest::newRow("origin") << QPointF(100.5, 37.0) << 0 << 0;
        QTest::newRow("just left of origin") << QPointF(100.4999, 37.0) << -1 << -1;
        QTest::newRow("just above origin") << QPointF(100.5, 36.999) << -1 << -1;
        QTest::newRow("last of cell 0") << QPointF(324.4999, 148.999) << 0 << 0;
        QTest::newRow("first of cell 1") << QPointF(324.5, 148.999) << 0 << 1;
        QTest::newRow("second row") << QPointF(324.5, 149.0) << 1 << 1;
        QTest::newRow("bottom-right cell") << QPointF(772.0, 260.9) << 1 << 2;
        QTest::newRow("right edge is outside") << QPointF(772.5, 100.0) << -1 << -1;
        QTest::newRow("bottom edge is outside") << QPointF(200.0, 261.0) << -1 << -1;
    }
    void cellAtBorders() {
        QFETCH(QPointF, point);
        QFETCH(int, row);
        QFETCH(int, column);
        const auto cell = geometry().cellAt(point);
        if (column < 0) {
            QVERIFY(!cell);
            return;
        }
        QVERIFY(cell);
        QCOMPARE(cell->first, row);
        QCOMPARE(cell->second, column);
        QVERIFY(geometry().cellRect(row, column).contains(point));
    }

    void cellAtAgreesWithCellRectEverywhere() {
        // A fractional origin and cell size: lookup and rectangles must never disagree.
        GridGeometry g;
        g.origin = QPointF(0.3, 1.7);
        g.cellSize = QSizeF(7.1, 3.3);
        g.rows = 20;
        g.columns = 20;
        for (int r = 0; r < g.rows; ++r)
            for (int c = 0; c < g.columns; ++c) {
                const QRectF rect = g.cellRect(r, c);
                for (const QPointF& p : {rect.topLeft(), rect.center(),
                                         QPointF(std::nextafter(rect.right(), 0.0), std::nextafter(rect.bottom(), 0.0))}) {
                    const auto cell = g.cellAt(p);
                    QVERIFY(cell);
                    QCOMPARE(*cell, std::make_pair(r, c));
                }
            }
    }

    void planes() {
        // 3 channels x 2 x 3.
        std::vector<float> v = {
            1, 2, 3, 4, kNaN, 6,          // channel 0
            3, 2, kNaN, 0, kNaN, 9,       // channel 1
            5, 5, kNaN, -4, kNaN, 0,      // channel 2
        };
        const GridData d(geometry(), 3, v, QStringLiteral("p"));
        QCOMPARE(d.at(1, 1, 2), 9.0f);
        QCOMPARE(d.at(0, 0, 2), 3.0f);
        QVERIFY(std::isnan(d.at(3, 0, 0)));
        QVERIFY(std::isnan(d.at(0, 2, 0)));
        QVERIFY(sameFloats(d.plane(ChannelSelection::channel(1)), {3, 2, kNaN, 0, kNaN, 9}));
        QVERIFY(sameFloats(d.plane(ChannelSelection::mean()), {3, 3, 3, 0, kNaN, 5}));
        QVERIFY(sameFloats(d.plane(ChannelSelection::maximum()), {5, 5, 3, 4, kNaN, 9}));
        QVERIFY(sameFloats(d.plane(ChannelSelection::channel(7)), std::vector<float>(6, kNaN)));
        QCOMPARE(d.units(), QStringLiteral("p"));
    }

    void serialsAreUnique() {
        const GridData a(geometry(), 1, std::vector<float>(6, 0.f), {});
        const GridData b(geometry(), 1, std::vector<float>(6, 0.f), {});
        QVERIFY(a.serial() != b.serial());
    }

    void wrongValueCountIsRefused() {
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, GridData(geometry(), 2, std::vector<float>(6, 0.f), {}));
    }

    void channelSelectionText_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<QString>("canonical");
        QTest::newRow("7") << "7" << true << "7";
        QTest::newRow("0") << "0" << true << "0";
        QTest::newRow("mean") << "mean" << true << "mean";
        QTest::newRow("MAX") << "MAX" << true << "max";
        QTest::newRow("negative") << "-1" << false << "";
        QTest::newRow("word") << "median" << false << "";
        QTest::newRow("empty") << "" << false << "";
        QTest::newRow("fraction") << "1.5" << false << "";
    }
    void channelSelectionText() {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        QFETCH(QString, canonical);
        const auto s = ChannelSelection::parse(text);
        QCOMPARE(s.has_value(), valid);
        if (valid) QCOMPARE(s->toString(), canonical);
    }

    void channelSelectionKinds() {
        QCOMPARE(ChannelSelection::parse(QStringLiteral("7")), std::optional(ChannelSelection::channel(7)));
        QCOMPARE(ChannelSelection::parse(QStringLiteral("mean")), std::optional(ChannelSelection::mean()));
        QCOMPARE(ChannelSelection::parse(QStringLiteral("max")), std::optional(ChannelSelection::maximum()));
        QVERIFY(!(ChannelSelection::channel(1) == ChannelSelection::channel(2)));
    }
};

SLIDESIGHT_GUILESS_TEST_SUITE(TestGridData)
#include "tst_griddata.moc"
