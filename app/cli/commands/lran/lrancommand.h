#pragma once

#include "app/cli/command.h"

#include <QtCore/QCoreApplication>

#include <memory>

namespace slidesight::cli {

/// `lran run SLIDE --weights FILE|random:SEED --out FILE [...]`: runs LRAN (paper 002) or RAN
/// over a slide region patch by patch and writes slide-aligned maps (class probabilities,
/// global mask, attention gates, CAM). The work is model/lranrun.h's (Torch-free header).
///
/// Main thread only.
class LranRunCommand final : public Command {
    Q_DECLARE_TR_FUNCTIONS(LranRunCommand)
public:
    QString name() const override { return QStringLiteral("run"); }
    QString summary() const override;
    int run(const QString& path, const QStringList& arguments) override;
};

/// The `lran` command group (lran run, lran train).
std::unique_ptr<Command> makeLranCommand();

}  // namespace slidesight::cli
