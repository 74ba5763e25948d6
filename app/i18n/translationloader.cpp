#include "app/i18n/translationloader.h"

#include "viewer/common/translate.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QDir>
#include <QtCore/QLibraryInfo>
#include <QtCore/QLocale>
#include <QtCore/QTranslator>

namespace slidesight {

namespace {
/// The Qt-free libraries' sentences (viewer/common/translate.h) through Qt's translators.
std::string qtTranslation(const char* context, const char* source) {
    return QCoreApplication::translate(context, source).toStdString();
}
}  // namespace

QString TranslationLoader::install(QCoreApplication& app, const QString& language) {
    setTranslator(&qtTranslation);
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

QString TranslationLoader::takeLanguageOption(QStringList& arguments, bool* ok) {
    static const QString option = QStringLiteral("--lang");
    QString language;
    if (ok) *ok = true;
    for (qsizetype i = 0; i < arguments.size();) {
        const QString& a = arguments.at(i);
        if (a == option) {
            if (i + 1 >= arguments.size()) {
                if (ok) *ok = false;
                arguments.removeAt(i);
                continue;
            }
            language = arguments.at(i + 1);
            arguments.remove(i, 2);
        } else if (a.startsWith(option + QLatin1Char('='))) {
            language = a.mid(option.size() + 1);
            arguments.removeAt(i);
        } else {
            ++i;
        }
    }
    return language;
}

}  // namespace slidesight
