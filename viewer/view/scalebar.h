#pragma once

#include <QtCore/QString>

class QPainter;
class QRect;

namespace slidesight {

/// A scale bar of a "nice" length (1, 2 or 5 times a power of ten, in µm or mm).
///
/// Pure value computations plus a painter helper; thread-safe.
struct ScaleBar {
    double lengthPixels = 0.0;  ///< on screen
    double lengthMicrons = 0.0;
    QString label;              ///< e.g. "200 µm", "1 mm"

    bool isValid() const { return lengthPixels > 0.0; }

    /// The longest nice length that fits in `maxPixels` at `micronsPerScreenPixel`.
    static ScaleBar choose(double micronsPerScreenPixel, double maxPixels);
    /// "250 µm", "1.5 mm", ...
    static QString formatLength(double microns);

    /// Draws the bar with its label at the bottom-left of `viewport`; `assumed` adds a note.
    void paint(QPainter& painter, const QRect& viewport, bool assumed) const;
};

}  // namespace slidesight
