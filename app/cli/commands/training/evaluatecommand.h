#pragma once

#include "app/cli/command.h"

#include <QtCore/QCoreApplication>

namespace slidesight::cli {

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

}  // namespace slidesight::cli
