// AnnotationDocument: every command's undo restores the exact state (ids, order, vertices,
// groups, colours, visibility) and its redo the exact edited state; a macro of several
// commands undoes as one.
#include "common/suite.h"

#include "app/annotations/annotationdocument.h"

#include <QtGui/QUndoStack>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

#include <functional>

using namespace slidesight;

namespace {

QString polygonText(const QPolygonF& p) {
    QStringList out;
    for (const QPointF& v : p) out << QStringLiteral("%1,%2").arg(v.x(), 0, 'g', 17).arg(v.y(), 0, 'g', 17);
    return out.join(QLatin1Char(' '));
}

/// Everything the document holds, as text.
QString dump(const AnnotationDocument& doc) {
    QStringList lines;
    for (const Annotation& a : doc.annotations().annotations()) {
        QString line = QStringLiteral("#%1 '%2' [%3] g%4 %5 c%6 pts(%7)")
                           .arg(a.id).arg(a.name, a.group).arg(int(a.geometry)).arg(a.sourceType)
                           .arg(a.colour ? a.colour->name(QColor::HexArgb) : QStringLiteral("-"))
                           .arg(polygonText(a.points));
        for (const PolygonPart& part : a.parts) {
            line += QStringLiteral(" outer(%1)").arg(polygonText(part.outer));
            for (const QPolygonF& hole : part.holes) line += QStringLiteral(" hole(%1)").arg(polygonText(hole));
        }
        lines << line;
    }
    for (const AnnotationGroup& g : doc.annotations().groups())
        lines << QStringLiteral("group '%1' %2").arg(g.name, g.colour.name(QColor::HexArgb));
    QStringList hidden(doc.hiddenGroups().begin(), doc.hiddenGroups().end());
    hidden.sort();
    lines << QStringLiteral("hidden %1").arg(hidden.join(QLatin1Char(',')));
    return lines.join(QLatin1Char('\n'));
}

Annotation polygon(double x, double y, const QString& group, const QString& name) {
    Annotation a;
    a.geometry = AnnotationGeometry::Polygon;
    a.group = group;
    a.name = name;
    a.parts.push_back({QPolygonF() << QPointF(x, y) << QPointF(x + 100.5, y) << QPointF(x + 50.25, y + 80.125), {}});
    return a;
}

/// A document with three annotations in two groups, a point among them, one with a hole.
void fill(AnnotationDocument& doc) {
    AnnotationSet set;
    set.setGroup({QStringLiteral("tumour"), QColor(200, 0, 0)});
    set.setGroup({QStringLiteral("normal"), QColor(0, 160, 0)});
    set.add(polygon(0, 0, QStringLiteral("tumour"), QStringLiteral("a")));
    Annotation point;
    point.geometry = AnnotationGeometry::Point;
    point.group = QStringLiteral("normal");
    point.points << QPointF(500.5, 600.25);
    set.add(point);
    Annotation holed = polygon(1000, 1000, QStringLiteral("tumour"), QStringLiteral("c"));
    holed.parts.front().holes.push_back(QPolygonF() << QPointF(1040, 1010) << QPointF(1060, 1010) << QPointF(1050, 1030));
    holed.colour = QColor(10, 20, 30);
    set.add(holed);
    doc.reset(QStringLiteral("/slides/a.svs"), set);
}

}  // namespace

class TestAnnotationDocument : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void eachCommandUndoesAndRedoesExactly_data() {
        QTest::addColumn<int>("which");
        const char* names[] = {"add",        "delete first", "delete middle", "delete last", "delete all",
                               "move",       "edit vertices", "new group",    "known group", "group colour",
                               "new group colour", "hide group", "import"};
        for (int i = 0; i < int(std::size(names)); ++i) QTest::newRow(names[i]) << i;
    }

    void eachCommandUndoesAndRedoesExactly() {
        QFETCH(int, which);
        AnnotationDocument doc;
        fill(doc);
        const auto ids = [&doc] {
            std::vector<quint64> out;
            for (const Annotation& a : doc.annotations().annotations()) out.push_back(a.id);
            return out;
        }();
        const std::function<void()> edits[] = {
            [&] { doc.addAnnotation(polygon(7, 8, QStringLiteral("tumour"), QStringLiteral("new"))); },
            [&] { doc.deleteAnnotations({ids[0]}); },
            [&] { doc.deleteAnnotations({ids[1]}); },
            [&] { doc.deleteAnnotations({ids[2]}); },
            [&] { doc.deleteAnnotations(ids); },
            [&] { doc.moveAnnotations({ids[0], ids[1]}, QPointF(0.1, -33.3)); },
            [&] {
                Annotation a = *doc.annotations().find(ids[2]);
                a.parts.front().outer << QPointF(999.9, 1234.5);
                a.parts.front().holes.clear();
                doc.editAnnotation(a);
            },
            [&] { doc.setAnnotationsGroup({ids[0]}, QStringLiteral("stroma")); },
            [&] { doc.setAnnotationsGroup({ids[0], ids[2]}, QStringLiteral("normal")); },
            [&] { doc.setGroupColour(QStringLiteral("tumour"), QColor(1, 2, 3)); },
            [&] { doc.setGroupColour(QStringLiteral("necrosis"), QColor(4, 5, 6)); },
            [&] { doc.setGroupVisible(QStringLiteral("normal"), false); },
            [&] {
                AnnotationSet other;
                other.setGroup({QStringLiteral("tumour"), QColor(9, 9, 9)});
                other.setGroup({QStringLiteral("immune"), QColor(0, 0, 9)});
                other.add(polygon(3, 3, QStringLiteral("immune"), QStringLiteral("i1")));
                other.add(polygon(4, 4, QStringLiteral("tumour"), QStringLiteral("t1")));
                doc.importAnnotations(other, QStringLiteral("Import"));
            },
        };
        const QString before = dump(doc);
        QSignalSpy changed(&doc, &AnnotationDocument::changed);
        QSignalSpy hidden(&doc, &AnnotationDocument::hiddenGroupsChanged);
        edits[which]();
        QCOMPARE(doc.undoStack()->count(), 1);
        QVERIFY(changed.count() + hidden.count() > 0);
        const QString after = dump(doc);
        QVERIFY(after != before);
        doc.undoStack()->undo();
        QCOMPARE(dump(doc), before);
        doc.undoStack()->redo();
        QCOMPARE(dump(doc), after);
        doc.undoStack()->undo();
        QCOMPARE(dump(doc), before);
    }

    void deletedAnnotationComesBackWithItsIdAndPlace() {
        AnnotationDocument doc;
        fill(doc);
        const quint64 middle = doc.annotations().annotations()[1].id;
        doc.setSelectedId(middle);
        doc.deleteAnnotations({middle});
        QCOMPARE(doc.selectedId(), quint64(0));
        QVERIFY(!doc.annotations().find(middle));
        doc.undoStack()->undo();
        QCOMPARE(doc.annotations().annotations()[1].id, middle);
        // An add after an undone add gets the same id again on redo.
        const quint64 added = doc.addAnnotation(polygon(1, 1, {}, {}));
        doc.undoStack()->undo();
        doc.undoStack()->redo();
        QCOMPARE(doc.annotations().annotations().back().id, added);
        // The dirty rectangle of a move covers the old and the new place.
        QSignalSpy changed(&doc, &AnnotationDocument::changed);
        doc.moveAnnotations({added}, QPointF(5000, 0));
        const QRectF dirty = changed.last().at(0).toRectF();
        QVERIFY(dirty.contains(QPointF(1, 1)) && dirty.contains(QPointF(5100, 50)));
    }

    void macroOfSeveralUndoesAsOne() {
        AnnotationDocument doc;
        fill(doc);
        const QString before = dump(doc);
        const quint64 first = doc.annotations().annotations().front().id;
        doc.undoStack()->beginMacro(QStringLiteral("several"));
        const quint64 added = doc.addAnnotation(polygon(20, 20, QStringLiteral("tumour"), QStringLiteral("x")));
        doc.moveAnnotations({added, first}, QPointF(3, 4));
        doc.setAnnotationsGroup({added}, QStringLiteral("fresh"));
        doc.setGroupColour(QStringLiteral("fresh"), QColor(7, 7, 7));
        doc.deleteAnnotations({first});
        doc.setGroupVisible(QStringLiteral("tumour"), false);
        doc.undoStack()->endMacro();
        const QString after = dump(doc);
        QCOMPARE(doc.undoStack()->count(), 1);
        doc.undoStack()->undo();
        QCOMPARE(dump(doc), before);
        doc.undoStack()->redo();
        QCOMPARE(dump(doc), after);
        QVERIFY(after.contains(QStringLiteral("group 'fresh' #ff070707")));
    }

    void resetForgetsHistory() {
        AnnotationDocument doc;
        fill(doc);
        doc.addAnnotation(polygon(1, 1, {}, {}));
        QSignalSpy aboutToReset(&doc, &AnnotationDocument::aboutToReset);
        doc.reset(QStringLiteral("/slides/b.svs"));
        QCOMPARE(aboutToReset.count(), 1);
        QCOMPARE(doc.undoStack()->count(), 0);
        QVERIFY(doc.annotations().isEmpty());
        QCOMPARE(doc.slidePath(), QStringLiteral("/slides/b.svs"));
    }
};

SLIDESIGHT_TEST_SUITE(TestAnnotationDocument)
#include "tst_annotationdocument.moc"
