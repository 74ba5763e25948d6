#include "app/shell/settings/appsettings.h"

#include "viewer/tiles/tilecache.h"

#include <QtCore/QSettings>

namespace slidesight {

qint64 AppSettings::tileCacheBytes() {
    const qint64 mb = QSettings().value(QStringLiteral("tiles/cacheMegabytes"),
                                        TileCache::kDefaultCapacityBytes / (1024 * 1024)).toLongLong();
    return qBound<qint64>(qint64(64), mb, qint64(64) * 1024) * 1024 * 1024;
}

void AppSettings::setTileCacheBytes(qint64 bytes) {
    QSettings().setValue(QStringLiteral("tiles/cacheMegabytes"), bytes / (1024 * 1024));
}

int AppSettings::tileThreads() {
    return qBound(0, QSettings().value(QStringLiteral("tiles/threads"), 0).toInt(), 64);
}

void AppSettings::setTileThreads(int threads) { QSettings().setValue(QStringLiteral("tiles/threads"), threads); }

QString AppSettings::lastDirectory() { return QSettings().value(QStringLiteral("files/lastDirectory")).toString(); }

void AppSettings::setLastDirectory(const QString& dir) { QSettings().setValue(QStringLiteral("files/lastDirectory"), dir); }

QString AppSettings::language() { return QSettings().value(QStringLiteral("ui/language")).toString(); }

void AppSettings::setLanguage(const QString& language) { QSettings().setValue(QStringLiteral("ui/language"), language); }

}  // namespace slidesight
