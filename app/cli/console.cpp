#include "app/cli/console.h"

#include <QtCore/QByteArray>

#include <cstdio>

#include <sys/ioctl.h>
#include <unistd.h>

namespace slidesight::cli {

namespace {

void write(FILE* stream, const QString& text) {
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, static_cast<size_t>(bytes.size()), stream);
    std::fflush(stream);
}

}  // namespace

void Console::out(const QString& text) { write(stdout, text); }

void Console::outLine(const QString& line) { write(stdout, line + QLatin1Char('\n')); }

void Console::error(const QString& message) {
    QString oneLine = message.trimmed();
    oneLine.replace(QLatin1Char('\r'), QLatin1Char(' '));
    oneLine.replace(QLatin1Char('\n'), QLatin1Char(' '));
    write(stderr, QStringLiteral("slidesight-cli: ") + oneLine + QLatin1Char('\n'));
}

void Console::err(const QString& text) { write(stderr, text); }

bool Console::stderrIsTerminal() { return ::isatty(STDERR_FILENO) == 1; }

int Console::terminalColumns() {
    struct winsize size {};
    if (::ioctl(STDERR_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) return size.ws_col;
    return 80;
}

}  // namespace slidesight::cli
