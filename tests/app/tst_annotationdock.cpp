// AnnotationDock: groups with their annotations, visibility check boxes through the undo
// stack, choosing an annotation selects it and asks to centre on it, import of a real
// Camelyon16 file as one undoable step, export to both formats, and a bad file reported
// without a change.
#include "app/annotations/annotationdock.h"
#include "app/annotations/annotationdocument.h"
#include "common/keepingerror.h"
#include "common/testdata.h"
#include "common/suite.h"

#include <QtCore/QTemporaryDir>
#include <QtGui/QStandardItemModel>
#include <QtGui/QUndoStack>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>
#include <QtWidgets/QTreeView>

using namespace slidesight;

namespace {

Annotation square(double x, const QString& group, const QString& name) {
    Annotation a;
    a.geometry = AnnotationGeometry::Polygon;
    a.group = group;
    a.name = name;
    a.parts.push_back({QPolygonF() << QPointF(x, 0) << QPointF(x + 100, 0) << QPointF(x + 100, 100) << QPointF(x, 100), {}});
    return a;
}

}  // namespace

class TestAnnotationDock : public QObject {
    Q_OBJECT
private:
    AnnotationDocument doc_;

private Q_SLOTS:
    void init() {
        AnnotationSet set;
        set.setGroup({QStringLiteral("tumour"), QColor(255, 0, 0)});
        set.add(square(0, QStringLiteral("tumour"), QStringLiteral("a")));
        set.add(square(1000, QStringLiteral("tumour"), QStringLiteral("b")));
        set.add(square(2000, QStringLiteral("normal"), QStringLiteral("c")));
        doc_.reset(QStringLiteral("/slides/dock.svs"), set);
    }

    void listsGroupsAndFollowsTheDocument() {
        AnnotationDock dock(&doc_);
        auto* model = qobject_cast<QStandardItemModel*>(dock.tree()->model());
        QCOMPARE(model->rowCount(), 2);
        QCOMPARE(model->item(0)->text(), QStringLiteral("tumour (2)"));
        QCOMPARE(model->item(1)->child(0)->text(), QStringLiteral("c"));

        // Unticking a group hides it, undoably.
        model->item(0)->setCheckState(Qt::Unchecked);
        QVERIFY(!doc_.isGroupVisible(QStringLiteral("tumour")));
        doc_.undoStack()->undo();
        QVERIFY(doc_.isGroupVisible(QStringLiteral("tumour")));
        QTRY_COMPARE(model->item(0)->checkState(), Qt::Checked);

        // Choosing an annotation selects it and asks to centre the view on it.
        QSignalSpy centre(&dock, &AnnotationDock::centreRequested);
        dock.tree()->setCurrentIndex(model->item(0)->child(1)->index());
        QCOMPARE(doc_.selectedId(), doc_.annotations().annotations()[1].id);
        QCOMPARE(centre.count(), 1);
        QCOMPARE(centre.first().at(0).toPointF(), QPointF(1050, 50));
        QCOMPARE(dock.currentGroup(), QStringLiteral("tumour"));
        // Selecting in the document moves the tree's current row.
        doc_.setSelectedId(doc_.annotations().annotations()[2].id);
        QCOMPARE(dock.tree()->currentIndex().data().toString(), QStringLiteral("c"));
        // Deleting rebuilds the list.
        doc_.deleteAnnotations({doc_.annotations().annotations()[0].id});
        QTRY_COMPARE(model->item(0)->text(), QStringLiteral("tumour (1)"));
    }

    void importsAndExports() {
        SLIDESIGHT_REQUIRE_DATA();
        AnnotationDock dock(&doc_);
        QSignalSpy finished(&dock, &AnnotationDock::finished);
        dock.importFile(test::dataPath(QStringLiteral("annotations/camelyon16/tumor_009.xml")));
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10000);
        QCOMPARE(finished.first().at(0).toString(), QString());
        QCOMPARE(doc_.annotations().annotations().size(), std::size_t(3 + 6));
        QVERIFY(doc_.annotations().group(QStringLiteral("metastasis")));

        QTemporaryDir dir;
        for (const auto& [name, format] : {std::pair{QStringLiteral("out.geojson"), AnnotationFormat::GeoJson},
                                           std::pair{QStringLiteral("out.xml"), AnnotationFormat::AsapXml}}) {
            finished.clear();
            dock.exportFile(dir.filePath(name), format);
            QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10000);
            QCOMPARE(finished.first().at(0).toString(), QString());
            QString error;
            const auto back = test::keepingError(AnnotationIO::read(dir.filePath(name)), error);
            QVERIFY2(back, qPrintable(error));
            QCOMPARE(back->annotations().size(), std::size_t(9));
        }
        doc_.undoStack()->undo();
        QCOMPARE(doc_.annotations().annotations().size(), std::size_t(3));

        // A file that is not annotations: one sentence, nothing changed.
        finished.clear();
        dock.importFile(test::dataPath(QStringLiteral("slides/cmu-1-small-region.svs")));
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10000);
        QVERIFY(!finished.first().at(0).toString().isEmpty());
        QCOMPARE(doc_.annotations().annotations().size(), std::size_t(3));
    }
};

SLIDESIGHT_TEST_SUITE(TestAnnotationDock)
#include "tst_annotationdock.moc"
