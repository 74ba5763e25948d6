#pragma once

// One test executable per folder holds all of that folder's Qt Test suites, so that the
// compiler parses the shared headers (the precompiled Torch header above all, about 18 s a
// translation unit) once per folder instead of once per suite. Each suite registers itself
// with one of the macros below, in place of Qt Test's QTEST_*MAIN; the executable's main
// (tests/common/suitemain.cpp) runs the suite its first argument names:
//
//     build/tests/model/model_tests tst_lran [Qt Test options and test functions]
//     build/tests/model/model_tests --list
//
// CTest keeps one entry per suite (tst_lran, ...), which runs exactly that.

#include <QtCore/QObject>

#include <memory>

namespace slidesight::test {

/// The application object a suite runs in, as Qt Test's three main macros choose it.
enum class SuiteApplication {
    Richest,  ///< QTEST_MAIN: QApplication with Qt Widgets linked, else QGuiApplication, else QCoreApplication
    Core,     ///< QTEST_GUILESS_MAIN: QCoreApplication
    None,     ///< QTEST_APPLESS_MAIN: no application object
};

using SuiteFactory = std::unique_ptr<QObject> (*)();

/// Records a suite under the base name of `sourceFile` (tst_lran for .../tst_lran.cpp).
bool registerSuite(const char* sourceFile, SuiteApplication application, SuiteFactory make);

}  // namespace slidesight::test

#define SLIDESIGHT_SUITE_IMPL(TestObject, application)                                        \
    namespace {                                                                                \
    [[maybe_unused]] const bool slidesightSuite##TestObject = ::slidesight::test::registerSuite( \
        __FILE__, application, []() -> std::unique_ptr<QObject> { return std::make_unique<TestObject>(); }); \
    }

/// In place of QTEST_MAIN(TestObject).
#define SLIDESIGHT_TEST_SUITE(TestObject) \
    SLIDESIGHT_SUITE_IMPL(TestObject, ::slidesight::test::SuiteApplication::Richest)
/// In place of QTEST_GUILESS_MAIN(TestObject).
#define SLIDESIGHT_GUILESS_TEST_SUITE(TestObject) \
    SLIDESIGHT_SUITE_IMPL(TestObject, ::slidesight::test::SuiteApplication::Core)
/// In place of QTEST_APPLESS_MAIN(TestObject).
#define SLIDESIGHT_APPLESS_TEST_SUITE(TestObject) \
    SLIDESIGHT_SUITE_IMPL(TestObject, ::slidesight::test::SuiteApplication::None)
