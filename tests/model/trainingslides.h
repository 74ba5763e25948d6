#pragma once

// A training manifest of real slides for the training tests: the small CMU slide from the
// shared data, once per label, so that exact augmentation and the extra scale have slides to
// re-extract. Qt Core only (the tests that use it do not link Qt Gui, unlike testdata.h).

#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QString>

#include <vector>

namespace slidesight::test {

/// The small CMU slide in SLIDESIGHT_TEST_DATA, or "" when the data is not there.
inline QString smallDataSlide() {
    const QString data = qEnvironmentVariable("SLIDESIGHT_TEST_DATA");
    const QString slide = QDir(data).filePath(QStringLiteral("slides/cmu-1-small-region.svs"));
    return !data.isEmpty() && QFile::exists(slide) ? slide : QString();
}

/// Writes "folder/slides.csv" with one line "SLIDE,label" per label; "" without the data.
inline QString writeSlideManifest(const QString& folder, const std::vector<int>& labels) {
    const QString slide = smallDataSlide();
    QFile manifest(QDir(folder).filePath(QStringLiteral("slides.csv")));
    if (slide.isEmpty() || !manifest.open(QIODevice::WriteOnly)) return {};
    for (const int label : labels) manifest.write(QStringLiteral("%1,%2\n").arg(slide).arg(label).toUtf8());
    return manifest.fileName();
}

}  // namespace slidesight::test
