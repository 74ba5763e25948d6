#pragma once

#include <QtCore/QCommandLineOption>
#include <QtCore/QCommandLineParser>
#include <QtCore/QCoreApplication>
#include <QtCore/QList>
#include <QtCore/QString>
#include <QtCore/QStringList>

#include <optional>
#include <string>

namespace slidesight::cli {

/// A command's options and positional arguments: parsing (through QCommandLineParser), the
/// --help text, and the one-line usage errors.
///
/// Main thread only.
class CommandLine {
    Q_DECLARE_TR_FUNCTIONS(CommandLine)
public:
    /// `path` is the invocation shown in help and errors ("slidesight-cli info").
    CommandLine(QString path, QString description);

    void addOption(const QCommandLineOption& option);
    /// A positional argument. `syntax` is how the usage line shows it ("SLIDE", "[SLIDE]").
    void addPositional(const QString& name, const QString& description, const QString& syntax);
    /// Positional arguments allowed (defaults: exactly the number declared).
    void setPositionalCount(int minimum, int maximum);

    enum class Outcome {
        Run,        ///< parsed: run the command
        HelpShown,  ///< --help was given and printed: exit with success
        Error,      ///< a usage error was printed: exit with ExitUsageError
    };
    Outcome parse(const QStringList& arguments);
    /// parse() as a command's first step: nullopt to run, else the exit code to return at once
    /// (ExitSuccess after --help, ExitUsageError after a usage error, both already printed).
    std::optional<int> exitBeforeRun(const QStringList& arguments);

    /// The options many commands share, named and worded once.
    void addJsonOption();    ///< --json: print JSON instead of text
    void addDeviceOption();  ///< --device NAME: auto (the default), cpu or cuda
    /// --threads N: how many threads `what` uses (default wording: Torch threads), 0 meaning
    /// `zeroMeans` (default: every core). --lang CODE is in every command's help by itself.
    void addThreadsOption(const QString& defaultValue = QStringLiteral("0"), const QString& zeroMeans = {},
                          const QString& what = {});
    /// The --threads value; prints a usage error and returns nullopt when it is not a whole
    /// number from 0 to 1024.
    std::optional<int> threads() const;
    bool json() const { return parser_.isSet(QStringLiteral("json")); }
    /// The --device value; prints a usage error and returns nullopt when it is not auto, cpu or cuda.
    std::optional<std::string> device() const;

    bool isSet(const QString& name) const { return parser_.isSet(name); }
    QString value(const QString& name) const { return parser_.value(name); }
    QStringList positional() const { return parser_.positionalArguments(); }

    /// Reads an integer option within [minimum, maximum]; prints a usage error and returns
    /// nullopt when the value is not one.
    std::optional<qint64> intValue(const QString& name, qint64 minimum, qint64 maximum) const;
    /// Reads a positive number option; prints a usage error and returns nullopt otherwise.
    std::optional<double> positiveValue(const QString& name) const;

    /// Prints "<message> Try '<path> --help'." as a usage error.
    void usageError(const QString& message) const;
    QString helpText() const;

private:
    struct Positional {
        QString name, description, syntax;
    };
    QString path_;
    QString description_;
    QCommandLineParser parser_;
    QList<QCommandLineOption> options_;
    QList<Positional> positionals_;
    int minPositional_ = -1;
    int maxPositional_ = -1;
};

}  // namespace slidesight::cli
