// AnnotationAutosave: edits reach the sidecar within the delay and read back as the same
// shapes; a fresh document for the same slide (as after a killed process) recovers them; an
// unreadable sidecar is kept aside, never overwritten; the user data folder serves slides in
// folders that cannot be written.
#include "app/annotations/annotationautosave.h"
#include "app/annotations/annotationdocument.h"
#include "common/keepingerror.h"
#include "common/monotonicclock.h"
#include "common/suite.h"
#include "viewer/annotations/annotationio.h"

#include <QtCore/QDir>
#include <QtCore/QElapsedTimer>
#include <QtCore/QProcess>
#include <QtCore/QFile>
#include <QtCore/QStandardPaths>
#include <QtCore/QTemporaryDir>
#include <QtGui/QUndoStack>
#include <QtTest/QSignalSpy>
#include <QtTest/QTest>

#include <csignal>
#include <limits>
#include <map>

using namespace slidesight;
using slidesight::test::monotonicMs;

namespace {

Annotation triangle(double x, double y, const QString& group) {
    Annotation a;
    a.geometry = AnnotationGeometry::Polygon;
    a.group = group;
    a.name = QStringLiteral("t%1").arg(x);
    a.parts.push_back({QPolygonF() << QPointF(x, y) << QPointF(x + 100, y) << QPointF(x + 50, y + 75), {}});
    return a;
}

/// Outer rings and points of every annotation, in order.
std::vector<QPolygonF> shapes(const AnnotationSet& set) {
    std::vector<QPolygonF> out;
    for (const Annotation& a : set.annotations())
        out.push_back(a.isArea() ? a.parts.front().outer : a.points);
    return out;
}

QString touch(const QTemporaryDir& dir, const QString& name) {
    const QString path = dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly)) qFatal("cannot create %s", qPrintable(path));
    return path;
}

}  // namespace

class TestAnnotationAutosave : public QObject {
    Q_OBJECT
private:
    QTemporaryDir data_;

private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        qputenv("XDG_DATA_HOME", data_.path().toUtf8());
    }

    void savesAfterTheDelayAndRecoversInAFreshDocument() {
        QTemporaryDir dir;
        const QString slide = touch(dir, QStringLiteral("slide.svs"));
        auto* doc = new AnnotationDocument;
        auto* autosave = new AnnotationAutosave(doc);
        autosave->openSlide(slide);
        QCOMPARE(autosave->sidecarPath(), AnnotationAutosave::besideSlidePath(slide));
        QVERIFY(autosave->sidecarPath().endsWith(QStringLiteral("slide.svs.slidesight-annotations.geojson")));
        QSignalSpy saved(autosave, &AnnotationAutosave::saved);
        doc->addAnnotation(triangle(10, 20, QStringLiteral("tumour")));
        doc->addAnnotation(triangle(500, 20, QStringLiteral("normal")));
        doc->moveAnnotations({doc->annotations().annotations().front().id}, QPointF(1, 2));
        // Nothing is written at once; within the delay (plus slack) it is.
        QVERIFY(!QFile::exists(autosave->sidecarPath()));
        QTRY_VERIFY_WITH_TIMEOUT(saved.count() >= 1, AnnotationAutosave::kDelayMs + 5000);
        QString error;
        const auto reread = test::keepingError(AnnotationIO::read(autosave->sidecarPath()), error);
        QVERIFY2(reread, qPrintable(error));
        QCOMPARE(shapes(*reread), shapes(doc->annotations()));
        QCOMPARE(reread->annotations().at(1).group, QStringLiteral("normal"));

        // "Killed": the first document is never closed; a fresh one opens the same slide.
        AnnotationDocument fresh;
        AnnotationAutosave recovering(&fresh);
        QSignalSpy loaded(&recovering, &AnnotationAutosave::loaded);
        recovering.openSlide(slide);
        QVERIFY(recovering.isLoading());
        QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, 10000);
        QCOMPARE(loaded.first().at(1).toInt(), 2);
        QCOMPARE(shapes(fresh.annotations()), shapes(doc->annotations()));
        QCOMPARE(fresh.undoStack()->count(), 0);  // recovered, not an edit

        // Closing writes what the delay has not written yet.
        doc->deleteAnnotations({doc->annotations().annotations().front().id});
        autosave->closeSlide();
        QVERIFY(autosave->waitForIdle());
        const auto closed = test::keepingError(AnnotationIO::read(AnnotationAutosave::besideSlidePath(slide)), error);
        QVERIFY2(closed, qPrintable(error));
        QCOMPARE(closed->annotations().size(), std::size_t(1));
        delete autosave;
        delete doc;
    }

    void killedViewerLosesOnlyTheLastDelay() {
        // The viewer's document and autosave in their own process (autosave_editor), adding a
        // triangle every 20 ms, killed with SIGKILL 1.5 s after its third save: no handler runs, no
        // destructor saves. The next start recovers every edit the last save held (in order,
        // from a whole file), so nothing older than the autosave delay plus one write is lost.
        QTemporaryDir dir;
        const QString slide = touch(dir, QStringLiteral("killed.svs"));
        QProcess editor;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        editor.setProcessEnvironment(environment);
        editor.start(QStringLiteral(SLIDESIGHT_AUTOSAVE_EDITOR), {slide});
        QVERIFY2(editor.waitForStarted(), qPrintable(editor.errorString()));
        std::map<int, qint64> editedAt;  // edit index -> when
        int saves = 0, lastSaved = -1;
        QByteArray pending;
        // Killed between two saves: three quarters of a delay after the third.
        qint64 killAt = std::numeric_limits<qint64>::max();
        while (monotonicMs() < killAt && editor.state() == QProcess::Running) {
            editor.waitForReadyRead(100);
            pending += editor.readAllStandardOutput();
            for (int newline; (newline = pending.indexOf('\n')) >= 0; pending.remove(0, newline + 1)) {
                const QList<QByteArray> words = pending.left(newline).split(' ');
                if (words.size() != 3) continue;
                if (words[0] == "edit") editedAt[words[1].toInt()] = words[2].toLongLong();
                if (words[0] == "saved") ++saves, lastSaved = words[1].toInt();
                if (saves == 3 && killAt == std::numeric_limits<qint64>::max())
                    killAt = monotonicMs() + AnnotationAutosave::kDelayMs * 3 / 4;
            }
        }
        QVERIFY2(editor.state() == QProcess::Running, editor.readAllStandardError().constData());
        ::kill(static_cast<pid_t>(editor.processId()), SIGKILL);
        const qint64 killedAt = monotonicMs();
        QVERIFY(editor.waitForFinished());
        QCOMPARE(editor.exitStatus(), QProcess::CrashExit);
        pending += editor.readAllStandardOutput();
        for (const QByteArray& line : pending.split('\n')) {
            const QList<QByteArray> words = line.split(' ');
            if (words.size() == 3 && words[0] == "edit") editedAt[words[1].toInt()] = words[2].toLongLong();
        }
        QVERIFY(lastSaved > 0);

        // The next start: a fresh document for the same slide.
        AnnotationDocument fresh;
        AnnotationAutosave recovering(&fresh);
        QSignalSpy loaded(&recovering, &AnnotationAutosave::loaded);
        recovering.openSlide(slide);
        QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, 10000);
        const auto& recovered = fresh.annotations().annotations();
        const int count = static_cast<int>(recovered.size());
        QVERIFY2(count >= lastSaved, qPrintable(QStringLiteral("%1 recovered, %2 saved").arg(count).arg(lastSaved)));
        QVERIFY(count <= static_cast<int>(editedAt.size()));
        for (int i = 0; i < count; ++i) QCOMPARE(recovered[static_cast<size_t>(i)].name, QStringLiteral("e%1").arg(i));
        // What was lost is the newest edits only; how old the oldest of them was at the kill.
        const auto firstLost = editedAt.find(count);
        const qint64 lostAge = firstLost == editedAt.end() ? 0 : killedAt - firstLost->second;
        qInfo("SIGKILL after %d edits and %d saves: %d recovered, %d lost, the oldest lost edit %lld ms old "
              "(autosave delay %d ms)",
              static_cast<int>(editedAt.size()), saves, count, static_cast<int>(editedAt.size()) - count,
              static_cast<long long>(lostAge), AnnotationAutosave::kDelayMs);
    }

    void destroyingTheDocumentSaves() {
        QTemporaryDir dir;
        const QString slide = touch(dir, QStringLiteral("other.svs"));
        {
            AnnotationDocument doc;
            AnnotationAutosave autosave(&doc);
            autosave.openSlide(slide);
            doc.addAnnotation(triangle(1, 1, {}));
            QVERIFY(autosave.hasUnsavedChanges());
        }
        QString error;
        const auto reread = test::keepingError(AnnotationIO::read(AnnotationAutosave::besideSlidePath(slide)), error);
        QVERIFY2(reread, qPrintable(error));
        QCOMPARE(reread->annotations().size(), std::size_t(1));
    }

    void unreadableSidecarIsKeptAside() {
        QTemporaryDir dir;
        const QString slide = touch(dir, QStringLiteral("broken.svs"));
        const QString sidecar = AnnotationAutosave::besideSlidePath(slide);
        QFile f(sidecar);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{ this is not json");
        f.close();
        AnnotationDocument doc;
        AnnotationAutosave autosave(&doc);
        QSignalSpy failed(&autosave, &AnnotationAutosave::failed);
        autosave.openSlide(slide);
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 10000);
        QVERIFY(failed.first().at(0).toString().contains(QStringLiteral("unreadable")));
        const QStringList kept = QDir(dir.path()).entryList({QStringLiteral("*.unreadable-*")});
        QCOMPARE(kept.size(), 1);
        QFile keptFile(dir.filePath(kept.first()));
        QVERIFY(keptFile.open(QIODevice::ReadOnly));
        QCOMPARE(keptFile.readAll(), QByteArray("{ this is not json"));
        // New edits are saved to a fresh sidecar.
        doc.addAnnotation(triangle(5, 5, {}));
        autosave.saveNow();
        QVERIFY(autosave.waitForIdle());
        QVERIFY(QFile::exists(sidecar));
    }

    void readOnlyFolderUsesTheUserDataFolder() {
        QTemporaryDir dir;
        const QString slide = touch(dir, QStringLiteral("ro.svs"));
        QFile::setPermissions(dir.path(), QFile::ReadOwner | QFile::ExeOwner);
        const bool writable = QFileInfo(dir.path()).isWritable();
        const QString target = AnnotationAutosave::sidecarPathFor(slide);
        QFile::setPermissions(dir.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        if (writable) QSKIP("running as a user who may write anywhere: the read-only case cannot be made");
        QCOMPARE(target, AnnotationAutosave::userDataPath(slide));
        QVERIFY(target.startsWith(data_.path()));
        QVERIFY(target != AnnotationAutosave::userDataPath(dir.filePath(QStringLiteral("ro2.svs"))));
    }
};

SLIDESIGHT_TEST_SUITE(TestAnnotationAutosave)
#include "tst_annotationautosave.moc"
