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

/// `evaluate --model BUNDLE --manifest CSV` (AUC or Spearman of a bundle on a manifest) and
/// `evaluate --compare RUN_A RUN_B` (Wilcoxon signed-rank test on two runs' per-fold scores).
///
/// Main thread only.
class EvaluateCommand final : public Command {
    Q_DECLARE_TR_FUNCTIONS(EvaluateCommand)
public:
    QString name() const override { return QStringLiteral("evaluate"); }
    QString summary() const override;
    int run(const QString& path, const QStringList& arguments) override;

private:
    int compare(const QString& runA, const QString& runB, bool json);
};

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
