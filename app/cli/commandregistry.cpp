#include "app/cli/commandregistry.h"

#include "app/cli/console.h"

#include <algorithm>

namespace slidesight::cli {

CommandRegistry::CommandRegistry(QString description) : description_(std::move(description)) {}

void CommandRegistry::add(std::unique_ptr<Command> command) { commands_.push_back(std::move(command)); }

const Command* CommandRegistry::find(const QString& name) const {
    for (const auto& c : commands_)
        if (c->name() == name) return c.get();
    return nullptr;
}

int CommandRegistry::dispatch(const QString& path, const QStringList& arguments) {
    if (arguments.isEmpty()) {
        Console::error(tr("No command given. Try '%1 --help'.").arg(path));
        return ExitUsageError;
    }
    const QString& first = arguments.first();
    if (first == QLatin1String("--help") || first == QLatin1String("-h") || first == QLatin1String("help")) {
        // "help COMMAND" is the same as "COMMAND --help".
        if (first == QLatin1String("help") && arguments.size() > 1)
            return dispatch(path, QStringList{arguments.at(1), QStringLiteral("--help")});
        Console::out(helpText(path));
        return ExitSuccess;
    }
    for (const auto& c : commands_)
        if (c->name() == first) return c->run(path + QLatin1Char(' ') + first, arguments.mid(1));
    if (first.startsWith(QLatin1Char('-')))
        Console::error(tr("Unknown option '%1'. Try '%2 --help'.").arg(first, path));
    else
        Console::error(tr("Unknown command '%1'. Try '%2 --help'.").arg(first, path));
    return ExitUsageError;
}

QString CommandRegistry::helpText(const QString& path) const {
    QString text = tr("Usage: %1 COMMAND [options] [arguments]").arg(path) + QStringLiteral("\n\n") +
                   description_ + QStringLiteral("\n\n") + tr("Commands:") + QStringLiteral("\n");
    int width = 0;
    for (const auto& c : commands_) width = std::max(width, static_cast<int>(c->name().size()));
    for (const auto& c : commands_)
        text += QStringLiteral("  %1  %2\n").arg(c->name().leftJustified(width), c->summary());
    text += QStringLiteral("\n") + tr("Run '%1 COMMAND --help' for a command's options.").arg(path) +
            QStringLiteral("\n");
    return text;
}

}  // namespace slidesight::cli
