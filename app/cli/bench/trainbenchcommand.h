#pragma once

#include "app/cli/command.h"

#include <QtCore/QCoreApplication>

namespace slidesight::cli {

/// `bench train`: seconds per training epoch of the attention classifier on random features.
///
/// Main thread only.
class TrainBenchCommand final : public Command {
    Q_DECLARE_TR_FUNCTIONS(TrainBenchCommand)
public:
    QString name() const override { return QStringLiteral("train"); }
    QString summary() const override;
    int run(const QString& path, const QStringList& arguments) override;
};

}  // namespace slidesight::cli
