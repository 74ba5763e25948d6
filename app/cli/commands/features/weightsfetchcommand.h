#pragma once

#include "app/cli/command.h"

#include <QtCore/QCoreApplication>

namespace slidesight::cli {

/// `weights fetch [--out DIR] [--url URL] [--sha256 HEX]`: downloads the official torchvision
/// ResNet-34 ImageNet weights (or another URL) and keeps them only when their SHA-256 checks.
///
/// Main thread only.
class WeightsFetchCommand final : public Command {
    Q_DECLARE_TR_FUNCTIONS(WeightsFetchCommand)
public:
    /// torchvision's ResNet-34 ImageNet weights (IMAGENET1K_V1).
    static constexpr const char* kDefaultUrl = "https://download.pytorch.org/models/resnet34-b627a593.pth";

    QString name() const override { return QStringLiteral("fetch"); }
    QString summary() const override;
    int run(const QString& path, const QStringList& arguments) override;

    /// ~/.local/share/slidesight/weights (the platform's generic data folder).
    static QString defaultFolder();
};

}  // namespace slidesight::cli
