// The model library's small JSON writer: output that QJsonDocument parses back to the same
// values (escapes, numbers under a decimal-comma locale), and the field lookups used to
// recognise the program's own metadata.

#include "common/suite.h"

#include "model/common/jsonwriter.h"

#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtTest/QtTest>

#include <clocale>
#include <limits>

using slidesight::model::JsonWriter;

class TestJsonWriter : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void parsesBackToTheSameValues();
    void numbersIgnoreTheLocale();
    void fieldLookups();
};

void TestJsonWriter::parsesBackToTheSameValues() {
    JsonWriter inner;
    inner.add("n", int64_t{1} << 40).add("flag", false);
    JsonWriter w;
    const std::string tricky = "quote \" backslash \\ newline \n tab \t bell \x07 µm/px";
    w.add("text", tricky).add("pi", 3.141592653589793).add("small", 1e-300).add("nan", std::nan("")).add("inner", inner).addNull("none");
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(w.text()), &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    const QJsonObject o = doc.object();
    QCOMPARE(o.value("text").toString(), QString::fromStdString(tricky));
    QCOMPARE(o.value("pi").toDouble(), 3.141592653589793);
    QCOMPARE(o.value("small").toDouble(), 1e-300);
    QVERIFY(o.value("nan").isNull());
    QVERIFY(o.value("none").isNull());
    QCOMPARE(o.value("inner").toObject().value("n").toInteger(), qint64(1) << 40);
    QCOMPARE(o.value("inner").toObject().value("flag").toBool(true), false);
    QCOMPARE(o.keys(), (QStringList{"inner", "nan", "none", "pi", "small", "text"}));
}

void TestJsonWriter::numbersIgnoreTheLocale() {
    // Qt applications take LC_NUMERIC from the environment; under it_IT printf writes "0,5".
    const char* italian = std::setlocale(LC_NUMERIC, "it_IT.UTF-8");
    if (!italian) italian = std::setlocale(LC_NUMERIC, "de_DE.UTF-8");
    JsonWriter w;
    w.add("half", 0.5);
    std::setlocale(LC_NUMERIC, "C");
    QCOMPARE(QString::fromStdString(w.text()), QStringLiteral("{\"half\":0.5}"));
    if (!italian) QSKIP("No decimal-comma locale is installed; checked under C only.");
}

void TestJsonWriter::fieldLookups() {
    JsonWriter inner;
    inner.add("description", "resnet34 \"x\" \\ (untrained)").add("trained", false);
    JsonWriter w;
    w.add("path", "/a/\"description\":\"fake\"").add("extractor", inner).add("ok", true);
    const std::string text = w.text();
    QCOMPARE(slidesight::model::jsonStringField(text, "description").value_or("?"),
             std::string("resnet34 \"x\" \\ (untrained)"));
    QCOMPARE(slidesight::model::jsonBoolField(text, "trained"), std::optional<bool>(false));
    QCOMPARE(slidesight::model::jsonBoolField(text, "ok"), std::optional<bool>(true));
    QVERIFY(!slidesight::model::jsonStringField(text, "missing"));
    QVERIFY(!slidesight::model::jsonBoolField(text, "path"));
}

SLIDESIGHT_APPLESS_TEST_SUITE(TestJsonWriter)
#include "tst_jsonwriter.moc"
