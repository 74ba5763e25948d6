#pragma once

#include <QtCore/QString>
#include <QtCore/QStringList>

namespace slidesight::cli {

/// Exit statuses shared by every command.
enum ExitCode : int {
    ExitSuccess = 0,
    ExitFailure = 1,     ///< the command ran and failed (unreadable slide, write error)
    ExitUsageError = 2,  ///< bad command line: unknown command or option, missing argument
    ExitInterrupted = 130,  ///< stopped by Ctrl-C (128 + SIGINT, as shells report it)
};

/// One subcommand of slidesight-cli (`info`, `bench tiles`, `synth`, ...).
///
/// A command parses its own arguments, answers --help, writes its results to stdout and a
/// single error line to stderr (through Console::error) when it fails. GUI-free; runs in the
/// main thread.
class Command {
public:
    virtual ~Command() = default;
    /// The word that selects the command, e.g. "info".
    virtual QString name() const = 0;
    /// One line for the command list in the parent's --help.
    virtual QString summary() const = 0;
    /// Runs with the arguments that follow the command's name; returns an ExitCode.
    /// `path` is how the command was invoked, e.g. "slidesight-cli bench tiles", for help
    /// and error texts.
    virtual int run(const QString& path, const QStringList& arguments) = 0;
};

}  // namespace slidesight::cli
