// `slidesight-cli weights fetch` against a loopback HTTP server (never the internet): the file
// is kept when its SHA-256 matches the hash prefix in its name or --sha256, refused with one
// line and nothing left behind when it does not, not downloaded again when present, and
// server errors and usage errors are reported.

#include "common/suite.h"

#include "clirunner.h"
#include "loopbackserver.h"

#include <QtCore/QDir>
#include <QtCore/QFileInfo>
#include <QtCore/QTemporaryDir>
#include <QtTest/QtTest>

using namespace slidesight::test;

class TestWeightsFetch : public QObject {
    Q_OBJECT

private:
    LoopbackServer server_;
    QTemporaryDir dir_;
    QByteArray weights_;  // stands in for the real file: 300 kB that are not all alike
    QString folder(const QString& name) const { return dir_.filePath(name); }
    QStringList fetch(const QString& url, const QString& out, const QStringList& extra = {}) const {
        return QStringList{QStringLiteral("weights"), QStringLiteral("fetch"), QStringLiteral("--url"), url,
                           QStringLiteral("--out"), folder(out), QStringLiteral("--json")} +
               extra;
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY2(QFileInfo::exists(QStringLiteral(SLIDESIGHT_CLI_PATH)), SLIDESIGHT_CLI_PATH);
        QVERIFY(server_.listen());
        for (quint32 i = 0; i < 300000; ++i) weights_.append(static_cast<char>((i * 7919u) >> 3));
    }

    void help() {
        const CliResult r = runCli({QStringLiteral("weights"), QStringLiteral("fetch"), QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(QLatin1String("resnet34-b627a593.pth")));
        for (const char* option : {"--out", "--url", "--sha256", "--json"}) QVERIFY2(r.out.contains(QLatin1String(option)), option);
    }

    void verifiedByNamePrefix() {
        const QString name = QStringLiteral("/models/resnet34-%1.pth").arg(sha256(weights_).left(8));
        server_.serve(name, weights_);
        const CliResult r = runServed(fetch(server_.url(name), QStringLiteral("good")));
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.err.isEmpty(), qPrintable(r.err));
        const QJsonObject o = parseJson(r.out);
        const QString file = folder(QStringLiteral("good")) + QFileInfo(name).fileName().prepend(QLatin1Char('/'));
        QCOMPARE(o.value("path").toString(), file);
        QCOMPARE(o.value("sha256").toString(), sha256(weights_));
        QCOMPARE(o.value("bytes").toInteger(), qint64(weights_.size()));
        QCOMPARE(o.value("downloaded").toBool(), true);
        QFile saved(file);
        QVERIFY(saved.open(QIODevice::ReadOnly));
        QCOMPARE(saved.readAll(), weights_);
        QCOMPARE(QDir(folder(QStringLiteral("good"))).entryList(QDir::Files | QDir::Hidden).size(), 1);

        // Present and verified: no second download.
        const int before = server_.requests;
        const CliResult again = runServed(fetch(server_.url(name), QStringLiteral("good")));
        QCOMPARE(again.exitCode, 0);
        QCOMPARE(parseJson(again.out).value("downloaded").toBool(true), false);
        QCOMPARE(server_.requests, before);
    }

    void wrongFileIsRefused() {
        QByteArray other = weights_;
        other[1000] = static_cast<char>(other[1000] ^ 1);
        const QString name = QStringLiteral("/models/resnet34-%1.pth").arg(sha256(weights_).left(8));
        server_.serve(QStringLiteral("/wrong") + name, other);
        const CliResult r = runServed(fetch(server_.url(QStringLiteral("/wrong") + name), QStringLiteral("wrong")));
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(isOneErrorLine(r.err) && r.err.contains(QLatin1String("failed verification")), qPrintable(r.err));
        QVERIFY(r.err.contains(sha256(other)));
        QVERIFY(QDir(folder(QStringLiteral("wrong"))).entryList(QDir::Files | QDir::Hidden).isEmpty());
    }

    void fullHashGiven() {
        server_.serve(QStringLiteral("/plain/extractor.pth"), weights_);
        const QString url = server_.url(QStringLiteral("/plain/extractor.pth"));
        const CliResult refused = runServed(fetch(url, QStringLiteral("plain")));
        QCOMPARE(refused.exitCode, 2);  // the name carries no hash: --sha256 is needed
        QVERIFY2(isOneErrorLine(refused.err) && refused.err.contains(QLatin1String("--sha256")), qPrintable(refused.err));
        const CliResult r = runServed(fetch(url, QStringLiteral("plain"), {QStringLiteral("--sha256"), sha256(weights_).toUpper()}));
        QCOMPARE(r.exitCode, 0);
        QVERIFY(QFileInfo::exists(folder(QStringLiteral("plain/extractor.pth"))));
        QString wrong = sha256(weights_);
        wrong[0] = wrong[0] == QLatin1Char('0') ? QLatin1Char('1') : QLatin1Char('0');
        const CliResult mismatch = runServed(fetch(url, QStringLiteral("plain2"), {QStringLiteral("--sha256"), wrong}));
        QCOMPARE(mismatch.exitCode, 1);
        QVERIFY(!QFileInfo::exists(folder(QStringLiteral("plain2/extractor.pth"))));
    }

    void serverErrors() {
        const CliResult missing = runServed(fetch(server_.url(QStringLiteral("/missing-0123abcd.pth")), QStringLiteral("missing")));
        QCOMPARE(missing.exitCode, 1);
        QVERIFY2(isOneErrorLine(missing.err) && missing.err.contains(QLatin1String("missing-0123abcd.pth")), qPrintable(missing.err));
        QVERIFY(QDir(folder(QStringLiteral("missing"))).entryList(QDir::Files | QDir::Hidden).isEmpty());
        // Nothing listens on port 1.
        const CliResult refused = runServed(fetch(QStringLiteral("http://127.0.0.1:1/x-0123abcd.pth"), QStringLiteral("refused")));
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(isOneErrorLine(refused.err), qPrintable(refused.err));
    }

    void usageErrors() {
        const CliResult badUrl = runCli({QStringLiteral("weights"), QStringLiteral("fetch"), QStringLiteral("--url"), QStringLiteral("not a url")});
        QCOMPARE(badUrl.exitCode, 2);
        QVERIFY2(isOneErrorLine(badUrl.err), qPrintable(badUrl.err));
        const CliResult badHash = runServed(fetch(server_.url(QStringLiteral("/a-0123abcd.pth")), QStringLiteral("hash"),
                                                  {QStringLiteral("--sha256"), QStringLiteral("xyz")}));
        QCOMPARE(badHash.exitCode, 1);
        QVERIFY2(isOneErrorLine(badHash.err) && badHash.err.contains(QLatin1String("hexadecimal")), qPrintable(badHash.err));
    }
};

SLIDESIGHT_GUILESS_TEST_SUITE(TestWeightsFetch)
#include "tst_weightsfetch.moc"
