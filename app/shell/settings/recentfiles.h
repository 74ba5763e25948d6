#pragma once

#include <QtCore/QStringList>

namespace slidesight {

/// The most recently opened slides, newest first, kept in QSettings.
///
/// GUI thread only.
class RecentFiles {
public:
    static constexpr int kMaximum = 10;

    static QStringList list();
    /// Moves `path` to the front (adding it if new) and trims the list.
    static void add(const QString& path);
    static void remove(const QString& path);
    static void clear();
};

}  // namespace slidesight
