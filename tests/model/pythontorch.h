#pragma once

// Finds a Python interpreter that can import torch and torchvision, for the cross-checks
// against PyTorch. Optional: tests skip those parts with a message when there is none.

#include <QtCore/QProcess>
#include <QtCore/QString>
#include <QtCore/QStringList>

namespace slidesight::test {

/// The first of $SLIDESIGHT_PYTHON, /usr/bin/python3 (Debian's python3-torch lives there,
/// whatever python3 comes first on PATH) and python3 that imports torch and torchvision; empty
/// when none does.
inline QString pythonWithTorch() {
    static const QString found = [] {
        QStringList candidates;
        const QString configured = qEnvironmentVariable("SLIDESIGHT_PYTHON");
        if (!configured.isEmpty()) candidates << configured;
        candidates << QStringLiteral("/usr/bin/python3") << QStringLiteral("python3");
        for (const QString& python : candidates) {
            QProcess process;
            process.start(python, {QStringLiteral("-c"), QStringLiteral("import torch, torchvision")});
            if (process.waitForFinished(120000) && process.exitStatus() == QProcess::NormalExit &&
                process.exitCode() == 0)
                return python;
        }
        return QString();
    }();
    return found;
}

/// Runs `python script args...`; returns "" on success or the failure text.
inline QString runPython(const QString& python, const QStringList& arguments) {
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(python, arguments);
    if (!process.waitForFinished(240000)) return QStringLiteral("python did not finish");
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        return QString::fromLocal8Bit(process.readAll());
    return QString();
}

}  // namespace slidesight::test
