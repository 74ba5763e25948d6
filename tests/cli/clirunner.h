#pragma once

// Runs the built slidesight-cli (SLIDESIGHT_CLI_PATH) the way users and scripts do, for the
// command-line tests.

#include <QtCore/QElapsedTimer>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QProcess>
#include <QtCore/QString>
#include <QtCore/QStringList>
#include <QtCore/QThread>

#include <csignal>

namespace slidesight::test {

struct CliResult {
    int exitCode = -1;
    bool crashed = false;
    QString out;
    QString err;
};

/// What a started process left: its exit and output once `finished`; when it did not finish
/// in time it is killed and reported as crashed.
inline CliResult collect(QProcess& process, bool finished) {
    CliResult result;
    if (!finished) {
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

inline CliResult runCli(const QStringList& arguments,
                        const QProcessEnvironment& environment = QProcessEnvironment::systemEnvironment(),
                        int timeoutMs = 120000) {
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(SLIDESIGHT_CLI_PATH), arguments);
    return collect(process, process.waitForStarted() && process.waitForFinished(timeoutMs));
}

/// Starts the CLI, sends it SIGINT (Ctrl-C) after `delayMs` and waits for it to end.
/// `wasRunning` tells whether it was still running when the signal went out (if not, the
/// work was too short to test interruption).
inline CliResult runCliInterrupted(const QStringList& arguments, int delayMs, bool& wasRunning) {
    QProcess process;
    process.start(QStringLiteral(SLIDESIGHT_CLI_PATH), arguments);
    wasRunning = false;
    if (!process.waitForStarted()) return collect(process, false);
    QThread::msleep(static_cast<unsigned long>(delayMs));
    wasRunning = process.state() == QProcess::Running;
    if (wasRunning) ::kill(static_cast<pid_t>(process.processId()), SIGINT);
    return collect(process, process.waitForFinished(120000));
}

/// Starts the CLI and kills it with SIGKILL (no handler runs, as in a power cut or the OOM
/// killer) as soon as `ready` says so, polled every 5 ms. `wasRunning` tells whether it was
/// still running then (if not, the work ended before the moment the test wanted).
template <typename Ready>
inline CliResult runCliKilledWhen(const QStringList& arguments, Ready ready, bool& wasRunning, int timeoutMs = 300000) {
    QProcess process;
    process.start(QStringLiteral(SLIDESIGHT_CLI_PATH), arguments);
    wasRunning = false;
    if (!process.waitForStarted()) return collect(process, false);
    QElapsedTimer clock;
    clock.start();
    while (process.state() == QProcess::Running && !ready() && clock.elapsed() < timeoutMs)
        process.waitForFinished(5);
    wasRunning = process.state() == QProcess::Running;
    if (wasRunning) ::kill(static_cast<pid_t>(process.processId()), SIGKILL);
    return collect(process, process.waitForFinished(120000));
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
