#pragma once

#include "app/cli/command.h"

#include <QtCore/QCoreApplication>

namespace slidesight::cli {

/// `coverage SIDECAR --map RESULT.pt[:KEY] [--magnification X] [--dwell S] [--top-k N]
/// [--top-fraction F] [--json]`: what the viewer's Review dock says, from the files: how much
/// of the slide a reader saw at a magnification (the viewer's coverage sidecar) and how many of
/// the model's top regions (of a result file's map) they reviewed, region by region.
///
/// Main thread only.
class CoverageCommand final : public Command {
    Q_DECLARE_TR_FUNCTIONS(CoverageCommand)
public:
    QString name() const override { return QStringLiteral("coverage"); }
    QString summary() const override;
    int run(const QString& path, const QStringList& arguments) override;
};

}  // namespace slidesight::cli
