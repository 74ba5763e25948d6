#pragma once

// Runs the built slidesight-cli (SLIDESIGHT_CLI_PATH) the way users and scripts do, for the
// command-line tests.

#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QProcess>
#include <QtCore/QString>
#include <QtCore/QStringList>

namespace slidesight::test {

struct CliResult {
    int exitCode = -1;
    bool crashed = false;
    QString out;
    QString err;
};

inline CliResult runCli(const QStringList& arguments,
                        const QProcessEnvironment& environment = QProcessEnvironment::systemEnvironment(),
                        int timeoutMs = 120000) {
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(SLIDESIGHT_CLI_PATH), arguments);
    CliResult result;
    if (!process.waitForStarted() || !process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        result.crashed = true;
        return result;
    }
    result.crashed = process.exitStatus() != QProcess::NormalExit;
    result.exitCode = process.exitCode();
    result.out = QString::fromUtf8(process.readAllStandardOutput());
    result.err = QString::fromUtf8(process.readAllStandardError());
    return result;
}

/// The object printed on stdout, or an empty object when it is not one.
inline QJsonObject parseJson(const QString& text) {
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject()) return {};
    return doc.object();
}

/// Whether stderr holds exactly one "slidesight-cli: ..." line of some substance.
inline bool isOneErrorLine(const QString& err) {
    return err.startsWith(QLatin1String("slidesight-cli: ")) && err.endsWith(QLatin1Char('\n')) &&
           err.count(QLatin1Char('\n')) == 1 && err.trimmed().size() > 20;
}

}  // namespace slidesight::test
