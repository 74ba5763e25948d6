// Expected, the project's one error convention: a value or one user-facing sentence, and a
// value() that refuses to read a failure.

#include "common/suite.h"

#include "viewer/common/expected.h"

#include <QtTest/QtTest>

#include <memory>
#include <stdexcept>
#include <string>
#include <type_traits>

using slidesight::Check;
using slidesight::Expected;

// `return "sentence";` from a function returning Check must not compile as success.
static_assert(!std::is_convertible_v<const char*, Check>);
static_assert(std::is_convertible_v<bool, Check>);

class TestExpected : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void holdsAValue() {
        Expected<int> e = 7;
        QVERIFY(e.ok() && bool(e));
        QCOMPARE(e.value(), 7);
        QCOMPARE(*e, 7);
        QVERIFY(e.error().empty());
        Expected<std::unique_ptr<int>> moved = std::make_unique<int>(3);
        const std::unique_ptr<int> taken = std::move(moved).value();
        QCOMPARE(*taken, 3);
    }

    void holdsAnErrorSentence() {
        const auto e = Expected<std::string>::failure("The slide is truncated.");
        QVERIFY(!e.ok() && !bool(e));
        QCOMPARE(e.error(), std::string("The slide is truncated."));
    }

    void valueOfAFailureThrows() {
        auto e = Expected<int>::failure("No tissue was found.");
        try {
            (void)e.value();
            QFAIL("value() of a failure returned");
        } catch (const std::logic_error& error) {
            QVERIFY2(std::string(error.what()).find("No tissue was found.") != std::string::npos, error.what());
        }
        QVERIFY_THROWS_EXCEPTION(std::logic_error, (void)std::move(e).value());
    }

    void aCheckPassesOrSaysWhy() {
        const Check passed = true;
        QVERIFY(passed.ok());
        const Check failed = Check::failure("The batch size must be at least 2.");
        QVERIFY(!failed);
        QCOMPARE(failed.error(), std::string("The batch size must be at least 2."));
    }
};

SLIDESIGHT_GUILESS_TEST_SUITE(TestExpected)
#include "tst_expected.moc"
