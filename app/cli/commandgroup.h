#pragma once

#include "app/cli/command.h"
#include "app/cli/commandregistry.h"

#include <memory>

namespace slidesight::cli {

/// A command whose first argument selects a subcommand, e.g. `bench tiles`.
///
/// Main thread only.
class CommandGroup final : public Command {
public:
    CommandGroup(QString name, QString summary, QString description);

    void add(std::unique_ptr<Command> command) { registry_.add(std::move(command)); }

    QString name() const override { return name_; }
    QString summary() const override { return summary_; }
    int run(const QString& path, const QStringList& arguments) override;

private:
    QString name_;
    QString summary_;
    CommandRegistry registry_;
};

}  // namespace slidesight::cli
