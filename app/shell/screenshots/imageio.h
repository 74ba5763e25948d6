#pragma once

#include "viewer/common/expected.h"

#include <QtCore/QString>
#include <QtGui/QImage>

namespace slidesight {

/// Writes an image atomically (a temporary file renamed into place), so a failed or cancelled
/// write never leaves a truncated file. A failure carries one sentence for the user.
Check saveImageAtomically(const QImage& image, const QString& path);

/// Writes bytes atomically, likewise.
Check saveBytesAtomically(const QByteArray& bytes, const QString& path);

/// The failure of a file that could not be written: "Cannot write "PATH": WHY."
Check cannotWrite(const QString& path, const QString& why);

}  // namespace slidesight
