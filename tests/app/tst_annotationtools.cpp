// AnnotationTools on an offscreen SlideView: synthesised mouse events draw a rectangle, polygons
// (Enter and double-click), a point and a freehand outline with the expected level-0 vertices;
// select and drag moves; Delete removes; Esc cancels; undo takes everything back; without a
// tool a drag still pans.
#include "common/suite.h"

#include "app/annotations/annotationdocument.h"
#include "app/annotations/annotationtools.h"
#include "viewer/layers/annotationlayer.h"
#include "viewer/view/slideview.h"

#include <QtGui/QMouseEvent>
#include <QtGui/QUndoStack>
#include <QtTest/QTest>

using namespace slidesight;

namespace {

void send(QWidget* w, QEvent::Type type, const QPoint& pos, Qt::MouseButtons buttons) {
    QMouseEvent e(type, QPointF(pos), w->mapToGlobal(QPointF(pos)), Qt::LeftButton, buttons, Qt::NoModifier);
    QApplication::sendEvent(w, &e);
}

void drag(QWidget* w, const QPoint& from, const QPoint& to, int steps = 4) {
    send(w, QEvent::MouseButtonPress, from, Qt::LeftButton);
    for (int i = 1; i <= steps; ++i) send(w, QEvent::MouseMove, from + (to - from) * i / steps, Qt::LeftButton);
    send(w, QEvent::MouseButtonRelease, to, Qt::NoButton);
}

void click(QWidget* w, const QPoint& p) {
    send(w, QEvent::MouseButtonPress, p, Qt::LeftButton);
    send(w, QEvent::MouseButtonRelease, p, Qt::NoButton);
}

bool near(const QPolygonF& actual, const QPolygonF& expected) {
    if (actual.size() != expected.size()) return false;
    for (int i = 0; i < actual.size(); ++i)
        if (QLineF(actual[i], expected[i]).length() > 1e-6) return false;
    return true;
}

}  // namespace

class TestAnnotationTools : public QObject {
    Q_OBJECT
private:
    SlideView* view_ = nullptr;
    AnnotationDocument* doc_ = nullptr;
    AnnotationLayer* layer_ = nullptr;
    AnnotationTools* tools_ = nullptr;

    QPointF l0(const QPoint& p) const { return view_->viewportTransform().inverted().map(QPointF(p)); }
    QWidget* vp() const { return view_->viewport(); }
    const Annotation& last() const { return doc_->annotations().annotations().back(); }

private Q_SLOTS:
    void init() {
        view_ = new SlideView;
        view_->setAnimated(false);
        view_->resize(800, 600);
        view_->show();
        QVERIFY(QTest::qWaitForWindowExposed(view_));
        view_->setSlideGeometry(QSizeF(8000, 6000), Mpp{}, std::nullopt);
        view_->setDownsample(4.0);
        doc_ = new AnnotationDocument;
        doc_->reset(QStringLiteral("/slides/tools.svs"));
        layer_ = new AnnotationLayer;
        doc_->attachLayer(layer_);
        view_->addLayer(layer_);
        tools_ = new AnnotationTools(view_, doc_, layer_);
    }

    void cleanup() {
        delete tools_;
        delete view_;
        delete layer_;
        delete doc_;
    }

    void drawsShapesWithTheirLevelZeroVertices() {
        tools_->setTool(AnnotationTools::Tool::Rectangle);
        QCOMPARE(view_->dragMode(), QGraphicsView::NoDrag);
        drag(vp(), QPoint(300, 250), QPoint(100, 100));
        QCOMPARE(doc_->annotations().annotations().size(), std::size_t(1));
        QCOMPARE(last().geometry, AnnotationGeometry::Rectangle);
        const QPointF a = l0({100, 100}), b = l0({300, 250});
        QVERIFY(near(last().parts.front().outer,
                     QPolygonF() << a << QPointF(b.x(), a.y()) << b << QPointF(a.x(), b.y())));
        QCOMPARE(doc_->selectedId(), last().id);
        QCOMPARE(layer_->selectedId(), last().id);
        QVERIFY(!layer_->preview());

        // Polygon closed by Enter; a preview follows while drawing.
        tools_->setTool(AnnotationTools::Tool::Polygon);
        const QPoint p1(400, 100), p2(600, 120), p3(520, 300);
        click(vp(), p1);
        click(vp(), p2);
        send(vp(), QEvent::MouseMove, QPoint(500, 200), Qt::NoButton);
        QVERIFY(layer_->preview());
        click(vp(), p3);
        QTest::keyClick(view_, Qt::Key_Return);
        QCOMPARE(doc_->annotations().annotations().size(), std::size_t(2));
        QCOMPARE(last().geometry, AnnotationGeometry::Polygon);
        QVERIFY(near(last().parts.front().outer, QPolygonF() << l0(p1) << l0(p2) << l0(p3)));

        // Polygon closed by a double-click on its last vertex.
        const QPoint q1(100, 400), q2(250, 380), q3(200, 550);
        click(vp(), q1);
        click(vp(), q2);
        click(vp(), q3);  // a real double-click: press, release, double-click, release
        send(vp(), QEvent::MouseButtonDblClick, q3, Qt::LeftButton);
        send(vp(), QEvent::MouseButtonRelease, q3, Qt::NoButton);
        QCOMPARE(doc_->annotations().annotations().size(), std::size_t(3));
        QVERIFY(near(last().parts.front().outer, QPolygonF() << l0(q1) << l0(q2) << l0(q3)));

        // Esc drops an unfinished polygon.
        click(vp(), QPoint(700, 500));
        QVERIFY(tools_->isBusy());
        QTest::keyClick(view_, Qt::Key_Escape);
        QVERIFY(!tools_->isBusy());
        QCOMPARE(doc_->annotations().annotations().size(), std::size_t(3));

        // Point and freehand.
        tools_->setTool(AnnotationTools::Tool::Point);
        click(vp(), QPoint(650, 450));
        QCOMPARE(last().geometry, AnnotationGeometry::Point);
        QCOMPARE(last().points.front(), l0({650, 450}));
        tools_->setTool(AnnotationTools::Tool::Freehand);
        send(vp(), QEvent::MouseButtonPress, QPoint(600, 500), Qt::LeftButton);
        for (int i = 1; i <= 40; ++i)
            send(vp(), QEvent::MouseMove, QPoint(600 + i * 3, 500 + (i < 20 ? i * 2 : (40 - i) * 2)), Qt::LeftButton);
        send(vp(), QEvent::MouseButtonRelease, QPoint(600, 502), Qt::NoButton);
        QCOMPARE(last().geometry, AnnotationGeometry::Polygon);
        const QPolygonF outline = last().parts.front().outer;
        QCOMPARE(outline.front(), l0({600, 500}));
        QVERIFY2(outline.size() >= 3 && outline.size() < 20, qPrintable(QString::number(outline.size())));

        // Undo takes every shape back, redo brings them again.
        QCOMPARE(doc_->undoStack()->count(), 5);
        while (doc_->undoStack()->canUndo()) doc_->undoStack()->undo();
        QVERIFY(doc_->annotations().isEmpty());
        while (doc_->undoStack()->canRedo()) doc_->undoStack()->redo();
        QCOMPARE(doc_->annotations().annotations().size(), std::size_t(5));
    }

    void selectMoveAndDelete() {
        tools_->setTool(AnnotationTools::Tool::Rectangle);
        drag(vp(), QPoint(100, 100), QPoint(200, 200));
        const quint64 id = last().id;
        const QPointF before = last().parts.front().outer.front();
        tools_->setTool(AnnotationTools::Tool::Select);
        QCOMPARE(view_->dragMode(), QGraphicsView::ScrollHandDrag);
        doc_->setSelectedId(0);
        drag(vp(), QPoint(150, 150), QPoint(250, 170));
        QCOMPARE(doc_->selectedId(), id);
        const QPointF moved = last().parts.front().outer.front();
        QVERIFY(QLineF(moved - before, l0({250, 170}) - l0({150, 150})).length() < 1e-6);
        QTest::keyClick(view_, Qt::Key_Delete);
        QVERIFY(doc_->annotations().isEmpty());
        doc_->undoStack()->undo();
        doc_->undoStack()->undo();
        QCOMPARE(last().parts.front().outer.front(), before);
    }

    void panningWithoutATool() {
        tools_->setTool(AnnotationTools::Tool::None);
        const QRectF before = view_->visibleLevelZeroRect();
        drag(vp(), QPoint(400, 300), QPoint(300, 250), 8);
        const QRectF after = view_->visibleLevelZeroRect();
        QVERIFY2(std::abs((after.left() - before.left()) - 100 * 4.0) < 8.0,
                 qPrintable(QStringLiteral("%1 -> %2").arg(before.left()).arg(after.left())));
        QVERIFY(doc_->annotations().isEmpty());
    }

    /// In a view turned by 90 degrees at downsample 4 a screen offset (dx, dy) from the centre
    /// is the level-0 offset 4 x (dy, -dx): a polygon drawn there has those vertices.
    void drawsInATurnedView() {
        view_->setRotation(90);
        view_->centerOnLevelZero(QPointF(4000, 3000));
        const QPointF centre = view_->centreLevelZero();
        QVERIFY(QLineF(centre, QPointF(4000, 3000)).length() <= 6.0);
        tools_->setTool(AnnotationTools::Tool::Polygon);
        for (const QPoint p : {QPoint(500, 300), QPoint(400, 400), QPoint(300, 300)}) click(vp(), p);
        QTest::keyClick(view_, Qt::Key_Return);
        const QPolygonF& outer = last().parts.front().outer;
        QCOMPARE(outer.size(), 3);
        const QPointF expected[] = {centre + QPointF(0, -400), centre + QPointF(400, 0), centre + QPointF(0, 400)};
        for (int i = 0; i < 3; ++i)
            QVERIFY2(QLineF(outer[i], expected[i]).length() < 1e-6,
                     qPrintable(QStringLiteral("%1: %2,%3").arg(i).arg(outer[i].x()).arg(outer[i].y())));
    }
};

SLIDESIGHT_TEST_SUITE(TestAnnotationTools)
#include "tst_annotationtools.moc"
