#pragma once

#include <QtCore/QString>
#include <QtGui/QImage>

namespace slidesight {

/// Writes an image atomically (a temporary file renamed into place), so a failed or cancelled
/// write never leaves a truncated file. Returns an empty string on success, else one sentence.
QString saveImageAtomically(const QImage& image, const QString& path);

}  // namespace slidesight
