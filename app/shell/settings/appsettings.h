#pragma once

#include <QtCore/QString>
#include <QtCore/QtGlobal>

namespace slidesight {

/// Typed access to the persistent settings (QSettings, organisation "SlideSight").
///
/// GUI thread only.
struct AppSettings {
    static qint64 tileCacheBytes();
    static void setTileCacheBytes(qint64 bytes);
    /// Tile reading threads; 0 means one per core.
    static int tileThreads();
    static void setTileThreads(int threads);
    static QString lastDirectory();
    static void setLastDirectory(const QString& dir);
    /// "" follows the system locale; otherwise a language code such as "it".
    static QString language();
    static void setLanguage(const QString& language);
};

}  // namespace slidesight
