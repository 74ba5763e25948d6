#pragma once

#include "app/cli/command.h"

#include <QtCore/QCoreApplication>

#include <memory>

namespace slidesight::cli {

/// `demo build [DIR]`: builds the offline teaching demo (app/cli/demobuilder.h) from the
/// real slides of the test data.
///
/// Main thread only.
class DemoBuildCommand final : public Command {
    Q_DECLARE_TR_FUNCTIONS(DemoBuildCommand)
public:
    QString name() const override { return QStringLiteral("build"); }
    QString summary() const override;
    int run(const QString& path, const QStringList& arguments) override;
};

/// The `demo` command group (demo build).
std::unique_ptr<Command> makeDemoCommand();

}  // namespace slidesight::cli
