#include "annotationtestutil.h"
#include "common/keepingerror.h"
#include "common/testdata.h"
#include "common/suite.h"

#include "viewer/annotations/annotationio.h"
#include "viewer/annotations/rasterise.h"

#include <QtGui/QImage>
#include <QtGui/QPainter>
#include <QtGui/QPainterPath>
#include <QtTest/QTest>

using namespace slidesight;
using namespace slidesight::test;

namespace {

std::vector<float> cover(const std::vector<Annotation>& annotations, const RasterGrid& grid) {
    std::vector<const Annotation*> pointers;
    for (const Annotation& a : annotations) pointers.push_back(&a);
    return AnnotationRasteriser::coverage(pointers, grid);
}

Annotation polygon(const QPolygonF& outer, std::vector<QPolygonF> holes = {}) {
    return makeArea(QStringLiteral("p"), QString(), {{outer, std::move(holes)}});
}

void compareFractions(const std::vector<float>& actual, const std::vector<double>& expected) {
    QCOMPARE(actual.size(), expected.size());
    for (size_t i = 0; i < expected.size(); ++i)
        QVERIFY2(std::abs(actual[i] - expected[i]) < 1e-6,
                 qPrintable(QStringLiteral("cell %1: %2 instead of %3").arg(i).arg(actual[i]).arg(expected[i])));
}

}  // namespace

class TestRasterise : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void squareOverOneAndAHalfCells() {
        compareFractions(cover({polygon(QPolygonF{QPointF(0, 0), QPointF(15, 0), QPointF(15, 10), QPointF(0, 10)})},
                               {QPointF(0, 0), QSizeF(10, 10), 1, 3}),
                         {1.0, 0.5, 0.0});
    }

    void triangleOverTwoByTwo() {
        // x + y <= 20: the top-left cell is full, its neighbours half, the last one empty.
        compareFractions(cover({polygon(QPolygonF{QPointF(0, 0), QPointF(20, 0), QPointF(0, 20)})}, {QPointF(0, 0), QSizeF(10, 10), 2, 2}),
                         {1.0, 0.5, 0.5, 0.0});
        // The same triangle seen by a grid that starts elsewhere and has oblong cells.
        compareFractions(cover({polygon(QPolygonF{QPointF(100, 50), QPointF(120, 50), QPointF(100, 70)})},
                               {QPointF(100, 50), QSizeF(20, 10), 2, 1}),
                         {0.75, 0.25});
    }

    void holeSubtracts() {
        compareFractions(cover({polygon(square(0, 0, 20), {square(5, 5, 10)})}, {QPointF(0, 0), QSizeF(10, 10), 2, 2}),
                         {0.75, 0.75, 0.75, 0.75});
    }

    void overlapsCountOnce() {
        const std::vector<double> expected{1.0, 0.5};
        const RasterGrid grid{QPointF(0, 0), QSizeF(10, 10), 1, 2};
        compareFractions(cover({polygon(square(0, 0, 10)), polygon(square(5, 0, 10))}, grid), expected);
        // Two parts of one annotation, and the same square twice.
        compareFractions(cover({makeArea(QStringLiteral("two"), QString(), {{square(0, 0, 10), {}}, {square(5, 0, 10), {}}})}, grid), expected);
        compareFractions(cover({polygon(square(0, 0, 10)), polygon(square(0, 0, 10))}, grid), {1.0, 0.0});
        // One shape fills another's hole.
        compareFractions(cover({polygon(square(0, 0, 20), {square(5, 5, 10)}), polygon(square(5, 5, 10))},
                               {QPointF(0, 0), QSizeF(10, 10), 2, 2}),
                         {1.0, 1.0, 1.0, 1.0});
    }

    void crossingEdges() {
        // A bow tie: two triangles meeting at (10, 10); each cell holds half of one.
        compareFractions(cover({polygon(QPolygonF{QPointF(0, 0), QPointF(20, 20), QPointF(20, 0), QPointF(0, 20)})},
                               {QPointF(0, 0), QSizeF(10, 10), 2, 2}),
                         {0.5, 0.5, 0.5, 0.5});
    }

    void outsideTheGridAndNonAreas() {
        // Half of the square lies left of the grid; points and lines cover nothing.
        std::vector<Annotation> annotations{polygon(square(-10, 0, 20)),
                                            makePoints(QStringLiteral("l"), QString(), AnnotationGeometry::Line,
                                                       {QPointF(0, 15), QPointF(20, 15)})};
        compareFractions(cover(annotations, {QPointF(0, 0), QSizeF(10, 10), 2, 2}), {1.0, 0.0, 1.0, 0.0});
        QVERIFY(cover(annotations, {QPointF(0, 0), QSizeF(10, 10), 0, 4}).empty());
    }

    void byGroup() {
        AnnotationSet set;
        set.add(makeArea(QStringLiteral("a"), QStringLiteral("tumour"), {{square(0, 0, 10), {}}}));
        set.add(makeArea(QStringLiteral("b"), QStringLiteral("normal"), {{square(10, 0, 10), {}}}));
        const RasterGrid grid{QPointF(0, 0), QSizeF(10, 10), 1, 2};
        compareFractions(AnnotationRasteriser::coverage(set, QStringLiteral("tumour"), grid), {1.0, 0.0});
        compareFractions(AnnotationRasteriser::coverage(set, QStringLiteral("normal"), grid), {0.0, 1.0});
    }

    // The Camelyon16 outlines against Qt's own rasteriser at 32 x 32 samples per cell, and
    // their total area against the shoelace formula.
    void camelyonAgainstSampling() {
        SLIDESIGHT_REQUIRE_DATA();
        QString error;
        const auto set = test::keepingError(AnnotationIO::read(dataPath(QStringLiteral("annotations/camelyon16/tumor_009.xml"))), error);
        QVERIFY2(set, qPrintable(error));
        const double cell = 2048, samples = 32;
        const QRectF box = set->bounds();
        const RasterGrid grid{box.topLeft() - QPointF(1000, 1000), QSizeF(cell, cell),
                              static_cast<int>(std::ceil((box.height() + 2000) / cell)),
                              static_cast<int>(std::ceil((box.width() + 2000) / cell))};
        const std::vector<float> exact = AnnotationRasteriser::coverage(*set, QStringLiteral("metastasis"), grid);

        QImage image(grid.columns * static_cast<int>(samples), grid.rows * static_cast<int>(samples), QImage::Format_Grayscale8);
        image.fill(0);
        QPainter painter(&image);
        painter.scale(samples / cell, samples / cell);
        painter.translate(-grid.origin);
        for (const Annotation& a : set->annotations()) {
            QPainterPath path;
            path.setFillRule(Qt::OddEvenFill);
            path.addPolygon(a.parts.front().outer);
            painter.fillPath(path, Qt::white);
        }
        painter.end();
        double worst = 0;
        int covered = 0;
        for (int r = 0; r < grid.rows; ++r)
            for (int c = 0; c < grid.columns; ++c) {
                int inside = 0;
                for (int y = 0; y < samples; ++y) {
                    const uchar* line = image.constScanLine(r * static_cast<int>(samples) + y) + c * static_cast<int>(samples);
                    for (int x = 0; x < samples; ++x) inside += line[x] > 127;
                }
                const double fraction = exact[static_cast<size_t>(r) * grid.columns + c];
                worst = std::max(worst, std::abs(fraction - inside / (samples * samples)));
                covered += fraction > 0;
            }
        QVERIFY2(worst < 0.03, qPrintable(QString::number(worst)));
        QVERIFY(covered > 20);
        // Outlines 0, 1 and 4 neither cross themselves nor overlap, so their area is the
        // shoelace formula's (2, 3 and 5 make small twisted loops, which the even-odd rule
        // fills and the shoelace formula subtracts).
        std::vector<const Annotation*> simple;
        double shoelace = 0;
        for (const size_t i : {0, 1, 4}) {
            const QPolygonF& ring = set->annotations()[i].parts.front().outer;
            double twice = 0;
            for (qsizetype v = 0; v < ring.size(); ++v)
                twice += ring[v].x() * ring[(v + 1) % ring.size()].y() - ring[(v + 1) % ring.size()].x() * ring[v].y();
            shoelace += std::abs(twice) / 2;
            simple.push_back(&set->annotations()[i]);
        }
        double total = 0;
        for (const float fraction : AnnotationRasteriser::coverage(simple, grid)) total += double(fraction) * cell * cell;
        QVERIFY2(std::abs(total - shoelace) < 1e-6 * shoelace, qPrintable(QStringLiteral("%1 vs %2").arg(total, 0, 'f', 3).arg(shoelace, 0, 'f', 3)));
    }
};

SLIDESIGHT_GUILESS_TEST_SUITE(TestRasterise)
#include "tst_rasterise.moc"
