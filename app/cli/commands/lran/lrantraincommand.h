#pragma once

#include "app/cli/command.h"

#include <QtCore/QCoreApplication>

namespace slidesight::cli {

/// `lran train --data DIR|CSV --out BUNDLE [...]`: trains LRAN (or RAN) on labelled patches
/// with the spec's protocol and writes a bundle with an "lran" section, its weights and a
/// report with the held-out accuracy and confusion matrix. The work is model/lrantraining.h's
/// (Torch-free header).
///
/// Main thread only.
class LranTrainCommand final : public Command {
    Q_DECLARE_TR_FUNCTIONS(LranTrainCommand)
public:
    QString name() const override { return QStringLiteral("train"); }
    QString summary() const override;
    int run(const QString& path, const QStringList& arguments) override;
};

}  // namespace slidesight::cli
