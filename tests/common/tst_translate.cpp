// translate() and fill(): the Qt-free libraries' sentences, through the installed translator
// or in English, with their values put in once.
#include "common/suite.h"

#include "viewer/common/translate.h"

#include <QtTest/QtTest>

#include <string>

using slidesight::fill;
using slidesight::setTranslator;
using slidesight::translate;

namespace {
std::string shouting(const char* context, const char* source) { return std::string(context) + ": " + source + "!"; }
}  // namespace

class TestTranslate : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void englishWithoutATranslator() {
        setTranslator(nullptr);
        QCOMPARE(translate("SlideError", "Level %1 does not exist."), std::string("Level %1 does not exist."));
    }

    void throughTheInstalledTranslator() {
        setTranslator(&shouting);
        QCOMPARE(translate("SlideError", "Gone."), std::string("SlideError: Gone.!"));
        setTranslator(nullptr);
        QCOMPARE(translate("SlideError", "Gone."), std::string("Gone."));
    }

    void fillsEachPlaceholderOnce() {
        QCOMPARE(fill("A region of %1x%2 pixels cannot be read.", {"640", "480"}),
                 std::string("A region of 640x480 pixels cannot be read."));
        // Order in the text need not follow the values' order (a translation may swap them).
        QCOMPARE(fill("%2 before %1", {"one", "two"}), std::string("two before one"));
        // A value holding a placeholder stays as it is; so do placeholders without a value.
        QCOMPARE(fill("\"%1\" is damaged: %2.", {"%2 notes.svs", "bad tile"}),
                 std::string("\"%2 notes.svs\" is damaged: bad tile."));
        QCOMPARE(fill("%1 and %3, 100%", {"a"}), std::string("a and %3, 100%"));
    }
};

SLIDESIGHT_GUILESS_TEST_SUITE(TestTranslate)
#include "tst_translate.moc"
