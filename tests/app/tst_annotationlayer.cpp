// AnnotationLayer: the grid index finds exactly the annotations touching a rectangle, outlines
// are simplified per zoom octave (ends kept, fewer vertices when zoomed out), a 20,000-vertex
// set paints in its colours where expected, the value under the cursor names the annotation;
// and the paint time of the Camelyon16 outlines is reported.
#include "common/keepingerror.h"
#include "common/testdata.h"
#include "common/suite.h"
#include "viewer/annotations/annotationio.h"
#include "viewer/layers/annotationgeometry.h"
#include "viewer/layers/annotationindex.h"
#include "viewer/layers/annotationlayer.h"

#include <QtCore/QElapsedTimer>
#include <QtCore/QRandomGenerator>
#include <QtGui/QImage>
#include <QtGui/QPainter>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

#include <cmath>

using namespace slidesight;

namespace {

/// A circle of `n` vertices with a little radial noise.
QPolygonF circle(const QPointF& centre, double radius, int n, double noise = 0.0, quint32 seed = 1) {
    QRandomGenerator rng(seed);
    QPolygonF p;
    for (int i = 0; i < n; ++i) {
        const double t = 2.0 * M_PI * i / n;
        const double r = radius + (noise > 0 ? (rng.generateDouble() - 0.5) * noise : 0.0);
        p << centre + QPointF(r * std::cos(t), r * std::sin(t));
    }
    return p;
}

Annotation area(const QPolygonF& outline, const QString& group, const QString& name = {}) {
    Annotation a;
    a.geometry = AnnotationGeometry::Polygon;
    a.group = group;
    a.name = name;
    a.parts.push_back({outline, {}});
    return a;
}

/// Paints `layer` into an image showing level-0 `rect` at `downsample`; returns the ms taken.
double paintInto(AnnotationLayer& layer, QImage& image, const QRectF& rect, double downsample) {
    image.fill(Qt::black);
    QPainter painter(&image);
    painter.scale(1.0 / downsample, 1.0 / downsample);
    painter.translate(-rect.topLeft());
    QElapsedTimer clock;
    clock.start();
    layer.paint(painter, rect, downsample);
    painter.end();
    return static_cast<double>(clock.nsecsElapsed()) / 1e6;
}

}  // namespace

class TestAnnotationLayer : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void indexReturnsExactlyTheTouchingRectangles() {
        QRandomGenerator rng(7);
        std::vector<QRectF> bounds;
        for (int i = 0; i < 3000; ++i) {
            const double x = rng.bounded(100000.0), y = rng.bounded(60000.0);
            const int kind = i % 10;
            // Mostly small, some points (no area) and lines, a few very large.
            const double w = kind == 0 ? 0.0 : kind == 1 ? rng.bounded(50000.0) : rng.bounded(800.0);
            const double h = kind == 0 || kind == 2 ? 0.0 : kind == 1 ? rng.bounded(30000.0) : rng.bounded(800.0);
            bounds.emplace_back(x, y, w, h);
        }
        AnnotationIndex index;
        index.build(bounds);
        QVERIFY(index.columns() > 1 && index.rows() > 1);
        for (int q = 0; q < 400; ++q) {
            const QRectF query(rng.bounded(110000.0) - 5000, rng.bounded(70000.0) - 5000, rng.bounded(20000.0),
                               q % 7 == 0 ? 0.0 : rng.bounded(12000.0));
            std::vector<int> expected;
            for (int i = 0; i < static_cast<int>(bounds.size()); ++i)
                if (rectsTouch(bounds[static_cast<std::size_t>(i)], query)) expected.push_back(i);
            QCOMPARE(index.query(query), expected);
        }
        // A point found by a query that only touches it.
        QVERIFY(!index.query(bounds[0]).empty());
        QCOMPARE(index.query(QRectF(-9000, -9000, 10, 10)), std::vector<int>{});
    }

    void layerQueriesByIds() {
        AnnotationSet set;
        const quint64 a = set.add(area(circle({1000, 1000}, 100, 50), QStringLiteral("tumour")));
        const quint64 b = set.add(area(circle({5000, 1000}, 100, 50), QStringLiteral("tumour")));
        AnnotationLayer layer;
        layer.setAnnotationSet(&set);
        QCOMPARE(layer.idsIntersecting(QRectF(0, 0, 2000, 2000)), std::vector<quint64>{a});
        QCOMPARE(layer.idsIntersecting(QRectF(0, 0, 6000, 2000)), (std::vector<quint64>{a, b}));
        QVERIFY(layer.levelZeroBounds().contains(QRectF(900, 900, 4200, 200)));
    }

    void simplificationKeepsEndsAndThinsWhenZoomedOut() {
        // An open line: ends kept, every dropped vertex within the tolerance.
        QPolygonF line;
        for (int i = 0; i <= 10000; ++i) line << QPointF(i, 40.0 * std::sin(i / 300.0) + (i % 2) * 0.4);
        const QPolygonF simple = simplifyPolyline(line, 8.0);
        QCOMPARE(simple.front(), line.front());
        QCOMPARE(simple.back(), line.back());
        QVERIFY(simple.size() < line.size() / 20);
        for (int i = 0; i < line.size(); i += 37) QVERIFY(distanceToPolyline(line[i], simple, false) <= 8.0 + 1e-9);

        // A 10,000-vertex ring drawn by the layer: fewer vertices the further out, first kept.
        AnnotationSet set;
        set.add(area(circle({50000, 50000}, 20000, 10000, 6.0), QStringLiteral("g")));
        AnnotationLayer layer;
        layer.setAnnotationSet(&set);
        const Annotation& a = set.annotations().front();
        const auto near = layer.drawnOutlines(a, 0.5);  // zoomed in beyond level 0: as it is
        const auto mid = layer.drawnOutlines(a, 2.0);
        const auto far = layer.drawnOutlines(a, 64.0);
        QCOMPARE(near.front().size(), 10000);
        QVERIFY(mid.front().size() < near.front().size());
        QVERIFY2(far.front().size() < 400, qPrintable(QString::number(far.front().size())));
        QVERIFY(far.front().size() >= 3);
        QCOMPARE(far.front().front(), a.parts.front().outer.front());
        QCOMPARE(far.front().back(), a.parts.front().outer.back());
        // Cached per zoom octave, dropped when the annotation changes.
        QCOMPARE(layer.cachedOutlineCount(), 2);
        layer.drawnOutlines(a, 70.0);  // same octave as 64
        QCOMPARE(layer.cachedOutlineCount(), 2);
        QSignalSpy changed(&layer, &Layer::contentChanged);
        layer.annotationsChanged(a.bounds());
        QCOMPARE(layer.cachedOutlineCount(), 0);
        QCOMPARE(changed.count(), 1);
    }

    void paintsTwentyThousandVerticesInTheirColours() {
        AnnotationSet set;
        set.setGroup({QStringLiteral("red"), QColor(255, 0, 0)});
        set.setGroup({QStringLiteral("blue"), QColor(0, 0, 255)});
        // 20 rings of 1,000 vertices on a 5x4 grid, alternating groups.
        for (int i = 0; i < 20; ++i) {
            const QPointF centre(2000.0 + 4000.0 * (i % 5), 2000.0 + 4000.0 * (i / 5));
            set.add(area(circle(centre, 1500, 1000), i % 2 ? QStringLiteral("blue") : QStringLiteral("red"),
                         QStringLiteral("ring %1").arg(i)));
        }
        int vertices = 0;
        for (const Annotation& a : set.annotations()) vertices += a.vertexCount();
        QCOMPARE(vertices, 20000);
        AnnotationLayer layer;
        layer.setAnnotationSet(&set);
        const double ds = 20.0;
        QImage image(1000, 800, QImage::Format_ARGB32_Premultiplied);
        paintInto(layer, image, QRectF(0, 0, 20000, 16000), ds);
        // On ring 0's outline (red) and ring 1's (blue); inside ring 0 a faint red fill;
        // far from every ring nothing.
        auto at = [&](double x, double y) { return image.pixel(int(x / ds), int(y / ds)); };
        // The brightest pixel next to a point of a one-pixel antialiased outline.
        auto onOutline = [&](double x, double y) {
            QRgb best = 0;
            for (int dy = -1; dy <= 1; ++dy)
                for (int dx = -1; dx <= 1; ++dx) {
                    const QRgb c = image.pixel(int(x / ds) + dx, int(y / ds) + dy);
                    if (qRed(c) + qGreen(c) + qBlue(c) > qRed(best) + qGreen(best) + qBlue(best)) best = c;
                }
            return best;
        };
        const QRgb red = onOutline(2000 + 1500, 2000), blue = onOutline(6000 + 1500, 2000);
        QVERIFY2(qRed(red) > 150 && qBlue(red) < 80, qPrintable(QString::number(red, 16)));
        QVERIFY2(qBlue(blue) > 150 && qRed(blue) < 80, qPrintable(QString::number(blue, 16)));
        const QRgb fill = at(2000, 2000);
        QVERIFY(qRed(fill) > 10 && qRed(fill) < 120 && qBlue(fill) == 0);
        QCOMPARE(at(19900, 15900), qRgb(0, 0, 0));
        // Hiding the red group leaves ring 0 unpainted.
        layer.setHiddenGroups({QStringLiteral("red")});
        paintInto(layer, image, QRectF(0, 0, 20000, 16000), ds);
        QCOMPARE(at(2000 + 1500, 2000), qRgb(0, 0, 0));
        QVERIFY(qBlue(onOutline(6000 + 1500, 2000)) > 150);
        // Under the cursor: area by containment.
        layer.setHiddenGroups({});
        QCOMPARE(layer.valueAt(QPointF(2000, 2100)).value_or(QString()), QStringLiteral("ring 0 (red)"));
        QVERIFY(!layer.valueAt(QPointF(19900, 15900)));
        // Painting only a part exposes only what is there, without a crash at any zoom.
        for (double d : {0.25, 1.0, 4.0, 300.0}) paintInto(layer, image, QRectF(1000, 1000, 1000 * d, 800 * d), d);
    }

    void reportsCamelyonPaintTime() {
        SLIDESIGHT_REQUIRE_DATA();
        for (const char* file : {"annotations/camelyon16/tumor_009.xml", "annotations/camelyon16/tumor_076.xml"}) {
            QString error;
            const auto set = test::keepingError(AnnotationIO::read(test::dataPath(QString::fromLatin1(file))), error);
            QVERIFY2(set, qPrintable(error));
            int vertices = 0;
            for (const Annotation& a : set->annotations()) vertices += a.vertexCount();
            AnnotationLayer layer;
            layer.setAnnotationSet(&*set);
            const QSize viewport(1920, 1080);
            QImage image(viewport, QImage::Format_ARGB32_Premultiplied);
            const QRectF b = set->bounds();
            // Fit: the annotated region fills the viewport; 10x: 4 level-0 px per screen px
            // (a 40x scan), centred on the largest annotation.
            const double fit = std::max(b.width() / viewport.width(), b.height() / viewport.height()) * 1.02;
            const Annotation* largest = &set->annotations().front();
            for (const Annotation& a : set->annotations())
                if (a.vertexCount() > largest->vertexCount()) largest = &a;
            struct View { const char* name; double ds; QPointF centre; } views[] = {
                {"fit", fit, b.center()}, {"10x", 4.0, largest->bounds().center()}};
            for (const View& v : views) {
                const QRectF rect(v.centre - QPointF(viewport.width() * v.ds / 2, viewport.height() * v.ds / 2),
                                  QSizeF(viewport.width() * v.ds, viewport.height() * v.ds));
                const double first = paintInto(layer, image, rect, v.ds);  // simplifies and caches
                double best = 1e9;
                for (int i = 0; i < 5; ++i) best = std::min(best, paintInto(layer, image, rect, v.ds));
                qInfo("%s: %d annotations, %d vertices, %s (downsample %.1f): first paint %.2f ms, then %.2f ms",
                      file, static_cast<int>(set->annotations().size()), vertices, v.name, v.ds, first, best);
                QVERIFY(first > 0.0);
            }
        }
    }
};

SLIDESIGHT_TEST_SUITE(TestAnnotationLayer)
#include "tst_annotationlayer.moc"
