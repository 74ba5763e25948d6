#include "app/cli/commandline.h"

#include "app/cli/command.h"

#include "app/cli/console.h"

#include <algorithm>

namespace slidesight::cli {

namespace {

const QString kHelpName = QStringLiteral("help");

/// Lays out "  name   description" rows with the descriptions in one column.
QString table(const QList<QPair<QString, QString>>& rows) {
    int width = 0;
    for (const auto& row : rows) width = std::max(width, static_cast<int>(row.first.size()));
    QString text;
    for (const auto& row : rows)
        text += QStringLiteral("  %1  %2\n").arg(row.first.leftJustified(width), row.second);
    return text;
}

}  // namespace

CommandLine::CommandLine(QString path, QString description)
    : path_(std::move(path)), description_(std::move(description)) {
    parser_.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    addOption(QCommandLineOption({QStringLiteral("h"), kHelpName}, tr("Show this help and exit.")));
    // Taken out of the arguments before any command runs (main.cpp), listed in every help.
    addOption(QCommandLineOption(QStringLiteral("lang"),
                                 tr("The language of the messages, for example it or en (default: the system's)."),
                                 QStringLiteral("CODE")));
}

void CommandLine::addOption(const QCommandLineOption& option) {
    parser_.addOption(option);
    options_.append(option);
}

void CommandLine::addPositional(const QString& name, const QString& description, const QString& syntax) {
    parser_.addPositionalArgument(name, description, syntax);
    positionals_.append(Positional{name, description, syntax});
}

void CommandLine::setPositionalCount(int minimum, int maximum) {
    minPositional_ = minimum;
    maxPositional_ = maximum;
}

CommandLine::Outcome CommandLine::parse(const QStringList& arguments) {
    if (!parser_.parse(QStringList{path_} + arguments)) {
        usageError(parser_.errorText());
        return Outcome::Error;
    }
    if (parser_.isSet(kHelpName)) {
        Console::out(helpText());
        return Outcome::HelpShown;
    }
    const int count = static_cast<int>(parser_.positionalArguments().size());
    const int minimum = minPositional_ >= 0 ? minPositional_ : static_cast<int>(positionals_.size());
    const int maximum = maxPositional_ >= 0 ? maxPositional_ : static_cast<int>(positionals_.size());
    if (count < minimum) {
        QStringList missing;
        for (int i = count; i < std::min(minimum, static_cast<int>(positionals_.size())); ++i)
            missing << positionals_[i].name;
        usageError(tr("Missing argument: %1.").arg(missing.join(QStringLiteral(", "))));
        return Outcome::Error;
    }
    if (count > maximum) {
        usageError(tr("Unexpected argument '%1'.").arg(parser_.positionalArguments().at(maximum)));
        return Outcome::Error;
    }
    return Outcome::Run;
}

std::optional<int> CommandLine::exitBeforeRun(const QStringList& arguments) {
    switch (parse(arguments)) {
    case Outcome::HelpShown: return ExitSuccess;
    case Outcome::Error: return ExitUsageError;
    case Outcome::Run: break;
    }
    return std::nullopt;
}

void CommandLine::addJsonOption() {
    addOption(QCommandLineOption(QStringLiteral("json"), tr("Print JSON instead of text.")));
}

void CommandLine::addThreadsOption(const QString& defaultValue, const QString& zeroMeans, const QString& what) {
    addOption(QCommandLineOption(QStringLiteral("threads"),
                                 tr("%1; 0: %2.").arg(what.isEmpty() ? tr("Torch threads") : what,
                                                      zeroMeans.isEmpty() ? tr("every core") : zeroMeans),
                                 QStringLiteral("N"), defaultValue));
}

std::optional<int> CommandLine::threads() const {
    const auto value = intValue(QStringLiteral("threads"), 0, 1024);
    if (!value) return std::nullopt;
    return static_cast<int>(*value);
}

void CommandLine::addDeviceOption() {
    addOption(QCommandLineOption(QStringLiteral("device"), tr("auto (CUDA when available), cpu or cuda."),
                                 QStringLiteral("NAME"), QStringLiteral("auto")));
}

std::optional<std::string> CommandLine::device() const {
    const QString name = parser_.value(QStringLiteral("device"));
    if (name != QLatin1String("auto") && name != QLatin1String("cpu") && name != QLatin1String("cuda")) {
        usageError(tr("--device must be auto, cpu or cuda, not '%1'.").arg(name));
        return std::nullopt;
    }
    return name.toStdString();
}

std::optional<qint64> CommandLine::intValue(const QString& name, qint64 minimum, qint64 maximum) const {
    bool ok = false;
    const qint64 v = parser_.value(name).toLongLong(&ok);
    if (!ok || v < minimum || v > maximum) {
        usageError(tr("--%1 needs a whole number from %2 to %3, not '%4'.")
                       .arg(name).arg(minimum).arg(maximum).arg(parser_.value(name)));
        return std::nullopt;
    }
    return v;
}

std::optional<double> CommandLine::positiveValue(const QString& name) const {
    bool ok = false;
    const double v = parser_.value(name).toDouble(&ok);
    if (!ok || !(v > 0.0)) {
        usageError(tr("--%1 needs a positive number, not '%2'.").arg(name, parser_.value(name)));
        return std::nullopt;
    }
    return v;
}

void CommandLine::usageError(const QString& message) const {
    Console::error(tr("%1 Try '%2 --help'.").arg(message, path_));
}

QString CommandLine::helpText() const {
    QStringList syntax;
    for (const Positional& p : positionals_) syntax << p.syntax;
    QString text = tr("Usage: %1 [options]").arg(path_);
    if (!syntax.isEmpty()) text += QLatin1Char(' ') + syntax.join(QLatin1Char(' '));
    text += QStringLiteral("\n\n") + description_ + QStringLiteral("\n");

    if (!positionals_.isEmpty()) {
        QList<QPair<QString, QString>> rows;
        for (const Positional& p : positionals_) rows.append({p.name, p.description});
        text += QStringLiteral("\n") + tr("Arguments:") + QStringLiteral("\n") + table(rows);
    }
    QList<QPair<QString, QString>> rows;
    for (const QCommandLineOption& option : options_) {
        QStringList names;
        for (const QString& n : option.names())
            names << (n.size() == 1 ? QStringLiteral("-") : QStringLiteral("--")) + n;
        QString left = names.join(QStringLiteral(", "));
        if (!option.valueName().isEmpty()) left += QLatin1Char(' ') + option.valueName();
        QString right = option.description();
        if (!option.defaultValues().isEmpty())
            right += QLatin1Char(' ') + tr("(default: %1)").arg(option.defaultValues().join(QLatin1Char(',')));
        rows.append({left, right});
    }
    text += QStringLiteral("\n") + tr("Options:") + QStringLiteral("\n") + table(rows);
    return text;
}

}  // namespace slidesight::cli
