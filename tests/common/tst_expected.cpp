// Expected, the project's one error convention: a value or one user-facing sentence, and a
// value() that refuses to read a failure.

#include "viewer/common/expected.h"

#include <QtTest/QtTest>

#include <memory>
#include <stdexcept>
#include <string>

using slidesight::Expected;

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
};

QTEST_GUILESS_MAIN(TestExpected)
#include "tst_expected.moc"
