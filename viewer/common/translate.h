#pragma once

// User-facing sentences of the Qt-free libraries, translated where they are written.
//
// The slide library (and anything else below Qt) writes a sentence as
//
//     fill(translate("SlideError", "The file \"%1\" does not exist."), {path})
//
// lupdate collects translate("Context", "text") calls as it does QCoreApplication::translate,
// so the text is in the .ts files under that context. At run time translate() asks the
// translator the application installed (Qt's, see app/i18n/translationloader.cpp) and falls
// back to the English text when none is installed; fill() then puts the values in. The
// values are never translated and never scanned again for %N.

#include <initializer_list>
#include <string>

namespace slidesight {

/// Returns the translation of `source` in `context`, in UTF-8.
using Translator = std::string (*)(const char* context, const char* source);

/// Installs the translator for every later translate() call, from any thread; nullptr
/// removes it. The translator itself must be thread-safe (QCoreApplication::translate is).
void setTranslator(Translator translator);

/// `source` in the interface language (UTF-8), or as it is when no translator is installed.
std::string translate(const char* context, const char* source);

/// `text` with %1 ... %9 replaced by values[0] ... values[8], in one pass.
std::string fill(const std::string& text, std::initializer_list<std::string> values);

}  // namespace slidesight
