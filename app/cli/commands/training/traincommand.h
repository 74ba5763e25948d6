#pragma once

#include "app/cli/command.h"

#include <QtCore/QCoreApplication>

namespace slidesight::cli {

/// `train --manifest CSV --out BUNDLE [...]`: trains the attention classifier with the
/// paper's protocols (k-fold cross-validation x initialisations, augmentation, checkpoints
/// and --resume) and writes a trained bundle plus a run folder. The work is
/// model/training.h's (Torch-free header).
///
/// Main thread only.
class TrainCommand final : public Command {
    Q_DECLARE_TR_FUNCTIONS(TrainCommand)
public:
    QString name() const override { return QStringLiteral("train"); }
    QString summary() const override;
    int run(const QString& path, const QStringList& arguments) override;
};

}  // namespace slidesight::cli
