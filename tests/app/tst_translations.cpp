// The translations are complete and current: lupdate, run over the sources into a temporary
// copy of each .ts file (the source tree is never written), finds no message left without a
// translation (so a string added later without its translation fails here), no stale message
// in the .ts, and every translation keeps the %N placeholders of its source text.
#include "common/suite.h"

#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QFileInfo>
#include <QtCore/QProcess>
#include <QtCore/QRegularExpression>
#include <QtCore/QSet>
#include <QtCore/QTemporaryDir>
#include <QtCore/QXmlStreamReader>
#include <QtTest/QTest>

#include <algorithm>

namespace {

struct Message {
    QString context, source, comment;
    bool unfinished = false;
    QStringList translations;  ///< one, or one per plural form

    QString where() const {
        QString text = context + QStringLiteral(": \"") + source + QLatin1Char('"');
        if (!comment.isEmpty()) text += QStringLiteral(" (") + comment + QLatin1Char(')');
        return text.replace(QLatin1Char('\n'), QStringLiteral("\\n"));
    }
    QString key() const { return context + QChar(0) + source + QChar(0) + comment; }
};

/// The messages of a .ts file, without obsolete and vanished ones; none (and a warning) when
/// the file cannot be read or parsed.
QList<Message> readTs(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        qWarning("%s: %s", qPrintable(path), qPrintable(file.errorString()));
        return {};
    }
    QList<Message> messages;
    QString context;
    Message current;
    bool skip = false;
    QXmlStreamReader xml(&file);
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement) continue;
        const auto name = xml.name();
        if (name == QLatin1String("context")) {
            context.clear();
        } else if (name == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (name == QLatin1String("message")) {
            current = Message{context, {}, {}, false, {}};
        } else if (name == QLatin1String("source")) {
            current.source = xml.readElementText();
        } else if (name == QLatin1String("comment")) {
            current.comment = xml.readElementText();
        } else if (name == QLatin1String("translation")) {
            const QString type = xml.attributes().value(QLatin1String("type")).toString();
            skip = type == QLatin1String("obsolete") || type == QLatin1String("vanished");
            current.unfinished = type == QLatin1String("unfinished");
            // Plural messages hold <numerusform> children; others the text itself.
            QString text;
            while (!xml.atEnd()) {
                const auto token = xml.readNext();
                if (token == QXmlStreamReader::Characters) text += xml.text();
                else if (token == QXmlStreamReader::StartElement) current.translations << xml.readElementText();
                else if (token == QXmlStreamReader::EndElement) break;
            }
            if (current.translations.isEmpty()) current.translations << text;
            if (!skip) messages.append(current);
        }
    }
    if (xml.hasError()) {
        qWarning("%s: %s at line %lld", qPrintable(path), qPrintable(xml.errorString()), xml.lineNumber());
        return {};
    }
    return messages;
}

/// The placeholders of a text: %1 to %99 (also as %L1) and %n.
QSet<QString> placeholders(const QString& text) {
    static const QRegularExpression pattern(QStringLiteral("%L?(?:\\d{1,2}|n)"));
    QSet<QString> found;
    for (auto it = pattern.globalMatch(text); it.hasNext();) found.insert(it.next().captured());
    return found;
}

QString sorted(const QSet<QString>& set) {
    QStringList list(set.begin(), set.end());
    list.sort();
    return list.join(QLatin1Char(' '));
}

}  // namespace

class TestTranslations : public QObject {
    Q_OBJECT
private:
    QTemporaryDir work_;

    /// The .ts file after lupdate over today's sources: a copy in the temporary folder.
    QList<Message> updated(const QString& ts) {
        const QString copy = work_.filePath(QFileInfo(ts).fileName());
        QFile::remove(copy);
        if (!QFile::copy(ts, copy)) {
            qWarning("cannot copy %s", qPrintable(ts));
            return {};
        }
        QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);
        QProcess lupdate;
        lupdate.setWorkingDirectory(QStringLiteral(SLIDESIGHT_SOURCE_DIR));
        QStringList args{QStringLiteral("-I"), QStringLiteral(SLIDESIGHT_SOURCE_DIR), QStringLiteral("-no-obsolete"),
                         QStringLiteral("-locations"), QStringLiteral("none")};
        args << QStringLiteral(SLIDESIGHT_I18N_DIRS).split(QLatin1Char(','));
        args << QStringLiteral("-ts") << copy;
        lupdate.start(QStringLiteral(SLIDESIGHT_LUPDATE), args);
        if (!lupdate.waitForFinished(120000) || lupdate.exitStatus() != QProcess::NormalExit || lupdate.exitCode() != 0) {
            qWarning("lupdate failed: %s", lupdate.readAllStandardError().constData());
            return {};
        }
        return readTs(copy);
    }

    /// One data row per .ts file.
    static void tsRows() {
        QTest::addColumn<QString>("ts");
        for (const QString& ts : QStringLiteral(SLIDESIGHT_TS_FILES).split(QLatin1Char(',')))
            QTest::newRow(qPrintable(QFileInfo(ts).fileName())) << ts;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(work_.isValid()); }

    void everyMessageTranslated_data() { tsRows(); }
    void everyMessageTranslated() {
        QFETCH(QString, ts);
        const QList<Message> messages = updated(ts);
        QVERIFY2(messages.size() > 100, qPrintable(QStringLiteral("lupdate found only %1 messages").arg(messages.size())));
        QStringList missing;
        for (const Message& m : messages) {
            const bool empty = std::any_of(m.translations.begin(), m.translations.end(),
                                           [](const QString& t) { return t.isEmpty(); });
            if (m.unfinished || empty) missing << m.where();
        }
        QVERIFY2(missing.isEmpty(),
                 qPrintable(QStringLiteral("%1 message(s) without a translation in %2 (translate them and "
                                           "run the slidesight_lupdate target):\n  %3")
                                .arg(missing.size())
                                .arg(QFileInfo(ts).fileName(), missing.join(QStringLiteral("\n  ")))));
    }

    void noStaleMessages_data() { tsRows(); }
    void noStaleMessages() {
        QFETCH(QString, ts);
        const QList<Message> stored = readTs(ts);
        QVERIFY(!stored.isEmpty());
        QSet<QString> current;
        for (const Message& m : updated(ts)) current.insert(m.key());
        QVERIFY(!current.isEmpty());
        QStringList stale;
        for (const Message& m : stored)
            if (!current.contains(m.key())) stale << m.where();
        QVERIFY2(stale.isEmpty(), qPrintable(QStringLiteral("messages no source uses any more (run the "
                                                            "slidesight_lupdate target):\n  %1")
                                                 .arg(stale.join(QStringLiteral("\n  ")))));
    }

    void placeholdersKept_data() { tsRows(); }
    void placeholdersKept() {
        QFETCH(QString, ts);
        const QList<Message> messages = readTs(ts);
        QVERIFY(!messages.isEmpty());
        QStringList wrong;
        for (const Message& m : messages) {
            const QSet<QString> expected = placeholders(m.source);
            for (const QString& t : m.translations) {
                if (t.isEmpty() || placeholders(t) == expected) continue;
                wrong << QStringLiteral("%1 has {%2}, the translation {%3}")
                             .arg(m.where(), sorted(expected), sorted(placeholders(t)));
            }
        }
        QVERIFY2(wrong.isEmpty(), qPrintable(wrong.join(QLatin1Char('\n'))));
    }

    // The checks above would pass on an empty file; this one makes sure they see real messages.
    void parserSeesTranslations() {
        const QList<Message> messages = readTs(QStringLiteral(SLIDESIGHT_TS_FILES).split(QLatin1Char(',')).first());
        const auto menu = std::find_if(messages.begin(), messages.end(), [](const Message& m) {
            return m.context == QLatin1String("slidesight::MainWindow") && m.source == QLatin1String("&View");
        });
        QVERIFY(menu != messages.end());
        QVERIFY(!menu->unfinished);
        QVERIFY(!menu->translations.value(0).isEmpty());
        QCOMPARE(placeholders(QStringLiteral("%1 of %L2, %n file(s), 100% done")),
                 (QSet<QString>{QStringLiteral("%1"), QStringLiteral("%L2"), QStringLiteral("%n")}));
    }
};

SLIDESIGHT_GUILESS_TEST_SUITE(TestTranslations)
#include "tst_translations.moc"
