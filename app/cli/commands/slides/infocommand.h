#pragma once

#include "app/cli/command.h"

#include <QtCore/QCoreApplication>

namespace slidesight::cli {

/// `info SLIDE [--json] [--properties]`: what a slide file holds.
///
/// Main thread only.
class InfoCommand final : public Command {
    Q_DECLARE_TR_FUNCTIONS(InfoCommand)
public:
    QString name() const override { return QStringLiteral("info"); }
    QString summary() const override;
    int run(const QString& path, const QStringList& arguments) override;
};

}  // namespace slidesight::cli
