#pragma once

// Tiny labelled patch sets for the LRAN trainer's tests: class folders of noisy solid-colour
// PNG images that a network separates in a few steps.

#include <QtCore/QDir>
#include <QtCore/QRandomGenerator>
#include <QtCore/QString>
#include <QtGui/QImage>

#include <algorithm>

namespace slidesight::test {

/// Writes `count` size x size PNGs of colour (r, g, b) with +-40 noise per channel into
/// `root`/`name`; returns whether every file was written.
inline bool writeNoisyClass(const QString& root, const QString& name, int count, QRgb colour, quint32 seed,
                            int size = 64) {
    if (!QDir(root).mkpath(name)) return false;
    QRandomGenerator random(seed);
    const auto noisy = [&random](int v) { return std::clamp(v + int(random.bounded(81)) - 40, 0, 255); };
    for (int i = 0; i < count; ++i) {
        QImage image(size, size, QImage::Format_RGB32);
        for (int y = 0; y < size; ++y)
            for (int x = 0; x < size; ++x)
                image.setPixel(x, y, qRgb(noisy(qRed(colour)), noisy(qGreen(colour)), noisy(qBlue(colour))));
        if (!image.save(QDir(root).filePath(name + QStringLiteral("/%1.png").arg(i, 2, 10, QLatin1Char('0')))))
            return false;
    }
    return true;
}

/// Two classes, "blue" and "red" (logits 0 and 1 in sorted order), of `count` images each.
inline bool writeRedBlueSet(const QString& root, int count) {
    return writeNoisyClass(root, QStringLiteral("red"), count, qRgb(200, 60, 60), 11) &&
           writeNoisyClass(root, QStringLiteral("blue"), count, qRgb(60, 60, 200), 12);
}

}  // namespace slidesight::test
