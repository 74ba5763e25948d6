// A stand-in for the viewer while annotations are being edited, for tst_annotationautosave's
// SIGKILL test: the application's own annotation document and autosave (the code the viewer
// runs), one new triangle every 20 ms, and on stdout one line per event, flushed at once:
//   "edit I T"    triangle I (named eI) was added at T
//   "saved N T"   the sidecar now holds N annotations (read back from the file), at T
// T is milliseconds on the monotonic clock (QElapsedTimer), the one the killing test reads too.
// Runs until killed.
//
//   autosave_editor SLIDE

#include "app/annotations/annotationautosave.h"
#include "app/annotations/annotationdocument.h"
#include "viewer/annotations/annotationio.h"
#include "common/monotonicclock.h"

#include <QtCore/QTimer>
#include <QtGui/QGuiApplication>

#include <cstdio>

using namespace slidesight;
using slidesight::test::monotonicMs;

namespace {

void say(const char* what, qint64 n) {
    std::printf("%s %lld %lld\n", what, static_cast<long long>(n), static_cast<long long>(monotonicMs()));
    std::fflush(stdout);
}

}  // namespace

int main(int argc, char** argv) {
    QGuiApplication app(argc, argv);
    if (argc != 2) {
        std::fprintf(stderr, "usage: autosave_editor SLIDE\n");
        return 2;
    }
    const QString slide = QString::fromLocal8Bit(argv[1]);
    AnnotationDocument document;
    AnnotationAutosave autosave(&document);
    QTimer editing;
    editing.setInterval(20);
    int next = 0;
    QObject::connect(&editing, &QTimer::timeout, [&] {
        Annotation a;
        a.geometry = AnnotationGeometry::Polygon;
        a.name = QStringLiteral("e%1").arg(next);
        const double x = 100.0 * next;
        a.parts.push_back({QPolygonF() << QPointF(x, 0) << QPointF(x + 80, 0) << QPointF(x + 40, 60), {}});
        document.addAnnotation(a);
        say("edit", next++);
    });
    QObject::connect(&autosave, &AnnotationAutosave::loaded, [&] { editing.start(); });
    QObject::connect(&autosave, &AnnotationAutosave::saved, [&](const QString& sidecar) {
        const auto set = AnnotationIO::read(sidecar);
        say("saved", set ? static_cast<qint64>(set->annotations().size()) : -1);
    });
    QObject::connect(&autosave, &AnnotationAutosave::failed, [](const QString& message) {
        std::fprintf(stderr, "%s\n", qPrintable(message));
        QCoreApplication::exit(1);
    });
    autosave.openSlide(slide);
    if (!autosave.isLoading()) editing.start();  // no sidecar to load
    return app.exec();
}
