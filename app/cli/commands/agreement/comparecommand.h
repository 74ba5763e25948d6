#pragma once

#include "app/cli/command.h"

#include <QtCore/QCoreApplication>

namespace slidesight::cli {

/// `compare --map RESULT.pt[:KEY] --annotations FILE [--group NAME] [--threshold T]
/// [--truth-fraction F] [--json]`: how well a map of a result file (attention, Grad-CAM)
/// agrees with annotated regions. The annotations are rasterised at the map's grid (the
/// fraction of each cell inside) and model::Agreement gives cell AUC, Dice and IoU at the
/// threshold, the pointing game and the Camelyon16 FROC, as the viewer's agreement panel does.
///
/// Main thread only.
class CompareCommand final : public Command {
    Q_DECLARE_TR_FUNCTIONS(CompareCommand)
public:
    QString name() const override { return QStringLiteral("compare"); }
    QString summary() const override;
    int run(const QString& path, const QStringList& arguments) override;
};

}  // namespace slidesight::cli
