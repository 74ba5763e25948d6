#include "app/translationloader.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QDir>
#include <QtCore/QLibraryInfo>
#include <QtCore/QLocale>
#include <QtCore/QTranslator>

namespace slidesight {

QString TranslationLoader::install(QCoreApplication& app, const QString& language) {
    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    if (locale.language() == QLocale::English || locale.language() == QLocale::C) return QString();
    QLocale::setDefault(locale);

    auto* qt = new QTranslator(&app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;

    auto* own = new QTranslator(&app);
    const QStringList places = {
        QStringLiteral(":/i18n"),
        QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("../share/slidesight/translations")),
    };
    for (const QString& dir : places) {
        if (own->load(locale, QStringLiteral("slidesight"), QStringLiteral("_"), dir)) {
            QCoreApplication::installTranslator(own);
            return own->language();
        }
    }
    delete own;
    return QString();
}

}  // namespace slidesight
