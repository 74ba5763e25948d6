#pragma once

// Helpers shared by the test suites: where the real data lives, and synthetic slides.

#include "viewer/slide/syntheticslidewriter.h"

#include <QtCore/QDir>
#include <QtCore/QString>
#include <QtCore/QTemporaryDir>
#include <QtGui/QRgb>

#include <cstdlib>
#include <QtTest/QTest>

namespace slidesight::test {

/// The shared data folder (SLIDESIGHT_TEST_DATA), or "" when unset.
inline QString dataDir() { return qEnvironmentVariable("SLIDESIGHT_TEST_DATA"); }

/// A path inside the shared data folder.
inline QString dataPath(const QString& relative) { return QDir(dataDir()).filePath(relative); }

/// Skips the calling test with a message when the real data is not available.
#define SLIDESIGHT_REQUIRE_DATA()                                                              \
    do {                                                                                       \
        if (slidesight::test::dataDir().isEmpty())                                             \
            QSKIP("SLIDESIGHT_TEST_DATA is not set: skipping the real-slide test.");           \
        if (!QDir(slidesight::test::dataDir()).exists())                                       \
            QSKIP("SLIDESIGHT_TEST_DATA does not name a folder: skipping the real-slide test."); \
    } while (false)

/// Writes a synthetic Aperio-style pattern slide into `dir` and returns its path.
inline QString writePatternSlide(const QTemporaryDir& dir, const QString& name = QStringLiteral("pattern.svs"),
                                 qint64 width = 4096, qint64 height = 3072, double mpp = 0.25) {
    SyntheticSlideWriter::Options o;
    o.width = width;
    o.height = height;
    o.mpp = mpp;
    o.objectivePower = mpp > 0 ? 10.0 / mpp : 0.0;
    o.flavour = mpp > 0 ? SyntheticSlideWriter::Flavour::Aperio : SyntheticSlideWriter::Flavour::GenericTiff;
    const QString path = dir.filePath(name);
    const auto written = SyntheticSlideWriter::write(path.toStdString(), o, &SyntheticSlideWriter::patternSource);
    if (!written) qFatal("cannot write a synthetic slide: %s", written.error().c_str());
    return path;
}

/// Whether two RGB colours differ by at most `tolerance` in every channel.
inline bool colourNear(QRgb a, QRgb b, int tolerance) {
    return std::abs(qRed(a) - qRed(b)) <= tolerance && std::abs(qGreen(a) - qGreen(b)) <= tolerance &&
           std::abs(qBlue(a) - qBlue(b)) <= tolerance;
}

}  // namespace slidesight::test
