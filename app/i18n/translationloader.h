#pragma once

#include <QtCore/QString>
#include <QtCore/QStringList>

class QCoreApplication;

namespace slidesight {

/// Installs the translations for a language: Qt's own and SlideSight's (embedded in the
/// binary under :/i18n, with the installed share/slidesight/translations as a fallback), and
/// makes the Qt-free libraries' sentences (viewer/common/translate.h) go through them.
///
/// Call once from the GUI thread before creating widgets.
struct TranslationLoader {
    /// `language` "" picks the system locale; "en" installs none. Returns the language whose
    /// SlideSight translation was installed, or "" when none was.
    static QString install(QCoreApplication& app, const QString& language);
    /// Removes every "--lang CODE" and "--lang=CODE" from `arguments` and returns the last
    /// CODE given ("" when there is none). `ok` is false when "--lang" ends the list without
    /// a code.
    static QString takeLanguageOption(QStringList& arguments, bool* ok = nullptr);
};

}  // namespace slidesight
