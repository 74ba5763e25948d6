#pragma once

#include "app/cli/command.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QString>
#include <QtCore/QStringList>

#include <memory>
#include <vector>

namespace slidesight::cli {

/// A set of commands selected by their first argument: the top level of slidesight-cli, and
/// command groups such as `bench`. Answers --help with the list of commands and reports an
/// unknown command as one usage error.
///
/// Main thread only.
class CommandRegistry {
    Q_DECLARE_TR_FUNCTIONS(CommandRegistry)
public:
    /// `description` heads the --help of this level.
    explicit CommandRegistry(QString description);

    void add(std::unique_ptr<Command> command);
    const Command* find(const QString& name) const;

    /// Selects the command named by the first argument and runs it with the rest. `path` is
    /// how this level was invoked ("slidesight-cli", "slidesight-cli bench").
    int dispatch(const QString& path, const QStringList& arguments);
    QString helpText(const QString& path) const;

private:
    QString description_;
    std::vector<std::unique_ptr<Command>> commands_;
};

}  // namespace slidesight::cli
