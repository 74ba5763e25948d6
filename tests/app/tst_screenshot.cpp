// `slidesight --open SLIDE --screenshot OUT.png`: renders without a window, shows tissue,
// fails with one message on bad input.
#include "common/testdata.h"
#include "common/processoutput.h"
#include "common/suite.h"

#include <QtCore/QProcess>
#include <QtCore/QRegularExpression>
#include <QtGui/QImage>
#include <QtTest/QTest>

using namespace slidesight;

namespace {

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
};

/// Runs the viewer; `withoutDisplay` takes away every way to reach a display, as over ssh.
Run runGui(const QStringList& args, bool withoutDisplay = false) {
    QProcess p;
    if (withoutDisplay) {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        for (const char* name : {"QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"}) environment.remove(QString::fromLatin1(name));
        p.setProcessEnvironment(environment);
    }
    p.start(QStringLiteral(SLIDESIGHT_GUI), args);
    if (!p.waitForFinished(120000)) return {};
    Run r;
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

using slidesight::test::ownLines;

/// Fraction of pixels that look like H&E-stained tissue (pink/purple, not white, not grey).
double tissueFraction(const QImage& image) {
    int tissue = 0, total = 0;
    for (int y = 0; y < image.height(); y += 4)
        for (int x = 0; x < image.width(); x += 4) {
            const QColor c = image.pixelColor(x, y);
            ++total;
            if (c.red() > c.green() + 30 && c.blue() > c.green() + 10 && c.value() < 245) ++tissue;
        }
    return total ? double(tissue) / total : 0.0;
}

}  // namespace

class TestScreenshot : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void realSlideShowsTissue() {
        SLIDESIGHT_REQUIRE_DATA();
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("cmu.png"));
        const Run r = runGui({QStringLiteral("--open"), test::dataPath(QStringLiteral("slides/cmu-1-small-region.svs")),
                              QStringLiteral("--screenshot"), out, QStringLiteral("--size"), QStringLiteral("640x480")});
        QCOMPARE(r.exitCode, 0);
        QImage image(out);
        QCOMPARE(image.size(), QSize(640, 480));
        const double f = tissueFraction(image);
        QVERIFY2(f > 0.10, qPrintable(QStringLiteral("tissue fraction %1").arg(f)));
    }

    void magnificationAndAssumedMpp() {
        SLIDESIGHT_REQUIRE_DATA();
        QTemporaryDir dir;
        const QString slide = test::dataPath(QStringLiteral("slides/tcga-cr-7395-01a-01-ts1.svs"));
        const QString out = dir.filePath(QStringLiteral("tcga.png"));
        // No µm/px in the slide: a magnification needs one, and the error says so.
        Run r = runGui({QStringLiteral("--open"), slide, QStringLiteral("--screenshot"), out,
                        QStringLiteral("--magnification"), QStringLiteral("10")});
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(ownLines(r.err).size(), 1);
        QVERIFY(ownLines(r.err).first().contains(QStringLiteral("--mpp")));
        QVERIFY(!QFile::exists(out));
        r = runGui({QStringLiteral("--open"), slide, QStringLiteral("--screenshot"), out, QStringLiteral("--magnification"),
                    QStringLiteral("10"), QStringLiteral("--mpp"), QStringLiteral("0.5"), QStringLiteral("--size"),
                    QStringLiteral("400x300")});
        QCOMPARE(r.exitCode, 0);
        const QImage image(out);
        QCOMPARE(image.size(), QSize(400, 300));
        QVERIFY(tissueFraction(image) > 0.3);  // 10x in the middle of the section: all tissue
    }

    void syntheticSlidePixelsExact() {
        QTemporaryDir dir;
        const QString slide = test::writePatternSlide(dir, QStringLiteral("p.svs"), 2048, 2048);
        const QString out = dir.filePath(QStringLiteral("p.png"));
        // 40x native, 40x requested: 1 screen px = 1 level-0 px, centred at (1024, 1024).
        const Run r = runGui({QStringLiteral("--open"), slide, QStringLiteral("--screenshot"), out,
                              QStringLiteral("--size"), QStringLiteral("256x256"), QStringLiteral("--magnification"),
                              QStringLiteral("40"), QStringLiteral("--center"), QStringLiteral("1024,1024")});
        QCOMPARE(r.exitCode, 0);
        const QImage image(out);
        for (int y = 16; y < 160; y += 64)  // the scale bar covers the bottom-left corner
            for (int x = 16; x < 256; x += 64) {
                const QRgb expected = SyntheticSlideWriter::patternRgb(1024 - 128 + x + 16, 1024 - 128 + y + 16);
                QVERIFY2(test::colourNear(image.pixel(x + 16, y + 16), expected | 0xFF000000u, 20),
                         qPrintable(QStringLiteral("at %1,%2").arg(x).arg(y)));
            }
    }

    void badInputsFailWithOneMessage_data() {
        QTest::addColumn<QString>("slide");
        QTest::newRow("corrupt svs") << QStringLiteral("slides/negative/broken.svs");
        QTest::newRow("plain tiff") << QStringLiteral("slides/negative/kidney-48-5.tif");
        QTest::newRow("missing") << QStringLiteral("slides/does-not-exist.svs");
    }
    void badInputsFailWithOneMessage() {
        QFETCH(QString, slide);
        SLIDESIGHT_REQUIRE_DATA();
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("bad.png"));
        const Run r = runGui({QStringLiteral("--open"), test::dataPath(slide), QStringLiteral("--screenshot"), out});
        QCOMPARE(r.exitCode, 1);
        const QStringList lines = ownLines(r.err);
        QCOMPARE(lines.size(), 1);
        QVERIFY(lines.first().contains(QFileInfo(slide).fileName()));
        QVERIFY(!QFile::exists(out));
    }

    void helpAndVersionNeedNoDisplay() {
        const Run help = runGui({QStringLiteral("--help")}, true);
        QCOMPARE(help.exitCode, 0);
        QVERIFY2(help.out.contains(QStringLiteral("--screenshot")) && help.out.contains(QStringLiteral("--analyze")),
                 qPrintable(help.out + help.err));
        const Run version = runGui({QStringLiteral("--version")}, true);
        QCOMPARE(version.exitCode, 0);
        QVERIFY2(QRegularExpression(QStringLiteral("^SlideSight \\d+\\.\\d+\\.\\d+$")).match(version.out.trimmed()).hasMatch(),
                 qPrintable(version.out));
    }

    void noDisplayIsOneMessage() {
        // A window without a display: one line that says so and how to render without one.
        const Run r = runGui({}, true);
        QCOMPARE(r.exitCode, 2);
        const QStringList lines = ownLines(r.err);
        QCOMPARE(lines.size(), 1);
        QVERIFY2(lines.first().contains(QStringLiteral("DISPLAY")) && lines.first().contains(QStringLiteral("--screenshot")),
                 qPrintable(lines.first()));
        // Rendering to a file still works without one.
        SLIDESIGHT_REQUIRE_DATA();
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("cmu.png"));
        const Run shot = runGui({QStringLiteral("--open"), test::dataPath(QStringLiteral("slides/cmu-1-small-region.svs")),
                                 QStringLiteral("--screenshot"), out, QStringLiteral("--size"), QStringLiteral("320x240")},
                                true);
        QCOMPARE(shot.exitCode, 0);
        QCOMPARE(QImage(out).size(), QSize(320, 240));
    }

    void badArguments() {
        const Run r = runGui({QStringLiteral("--screenshot"), QStringLiteral("/tmp/x.png")});
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(ownLines(r.err).size(), 1);
    }
};

SLIDESIGHT_GUILESS_TEST_SUITE(TestScreenshot)
#include "tst_screenshot.moc"
