#pragma once

#include "app/cli/command.h"

#include <QtCore/QCoreApplication>

namespace slidesight::cli {

/// `thumbnail SLIDE --out PNG [--map RESULT.pt[:KEY]] [--size PX] [--opacity F] [--colormap
/// NAME] [--json]`: the whole slide as a small picture, with a result file's map drawn over it
/// as the viewer draws a heatmap layer (one cell per grid cell, min-max normalised). The cohort
/// report shows one per slide.
///
/// Main thread only.
class ThumbnailCommand final : public Command {
    Q_DECLARE_TR_FUNCTIONS(ThumbnailCommand)
public:
    QString name() const override { return QStringLiteral("thumbnail"); }
    QString summary() const override;
    int run(const QString& path, const QStringList& arguments) override;
};

}  // namespace slidesight::cli
