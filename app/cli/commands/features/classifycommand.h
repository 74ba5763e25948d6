#pragma once

#include "app/cli/command.h"

#include <QtCore/QCoreApplication>

namespace slidesight::cli {

/// `classify GRID --classifier FILE|random:SEED --out RESULT [...]`: runs the attention-based
/// classifier (paper 000) on a feature grid and writes its logits, attention maps and Grad-CAM
/// map. The work is model/classification.h's (Torch-free header).
///
/// Main thread only.
class ClassifyCommand final : public Command {
    Q_DECLARE_TR_FUNCTIONS(ClassifyCommand)
public:
    QString name() const override { return QStringLiteral("classify"); }
    QString summary() const override;
    int run(const QString& path, const QStringList& arguments) override;
};

}  // namespace slidesight::cli
