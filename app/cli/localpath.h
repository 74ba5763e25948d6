#pragma once

// Paths between the command line (QString) and the model library (std::string in the
// file system's local 8-bit encoding, as QFile::encodeName gives it).

#include <QtCore/QByteArray>
#include <QtCore/QFile>
#include <QtCore/QString>

#include <string>

namespace slidesight::cli {

inline std::string localPath(const QString& path) { return QFile::encodeName(path).toStdString(); }
inline QString fromLocal(const std::string& path) { return QFile::decodeName(QByteArray::fromStdString(path)); }

}  // namespace slidesight::cli
