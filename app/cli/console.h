#pragma once

#include <QtCore/QString>

#include <string>

namespace slidesight::cli {

/// Writes UTF-8 text to the process's standard streams.
///
/// Thread-safe as far as stdio is: each call writes its text with one fwrite.
class Console {
public:
    /// Writes `text` to stdout as is (no newline added).
    static void out(const QString& text);
    /// Writes `line` and a newline to stdout.
    static void outLine(const QString& line = QString());
    /// Writes one error line to stderr: "slidesight-cli: <message>". Newlines inside the
    /// message are replaced by spaces, so an error is always exactly one line.
    static void error(const QString& message);
    /// Writes "slidesight-cli: <message>" on one line to stderr, for something the command
    /// repaired or chose on its own (a damaged cache entry rebuilt) that is not a failure.
    static void notice(const std::string& message) { error(QString::fromStdString(message)); }
    /// Writes `text` to stderr as is (progress bars).
    static void err(const QString& text);
    /// Whether stderr is a terminal (progress bars are only drawn then).
    static bool stderrIsTerminal();
    /// The width of the terminal on stderr, or 80 when unknown.
    static int terminalColumns();
};

}  // namespace slidesight::cli
