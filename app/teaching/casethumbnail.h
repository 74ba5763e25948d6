#pragma once

// A revealed case as the score sheet shows it: the slide's thumbnail with the truth's outline
// (green), the trainee's marks and pointing point (blue, +) and the model's highest cell
// (orange, ×). Pure; runs on a worker thread.

#include "app/teaching/teachingscore.h"
#include "viewer/annotations/annotation.h"

#include <QtGui/QColor>
#include <QtGui/QImage>

#include <vector>

namespace slidesight {

namespace CaseThumbnail {

inline const QColor kTruthColour{0x00, 0xc8, 0x53};
inline const QColor kMarksColour{0x29, 0x62, 0xff};
inline const QColor kModelColour{0xff, 0x6d, 0x00};
/// The slide's thumbnail is scaled to fit this square first.
constexpr int kSide = 360;

/// `thumbnail` shows the whole slide, `levelZeroWidth` px wide at level 0.
QImage draw(const QImage& thumbnail, double levelZeroWidth, const std::vector<Annotation>& truth,
            const std::vector<Annotation>& marks, const TeachingScore& score);

}  // namespace CaseThumbnail

}  // namespace slidesight
