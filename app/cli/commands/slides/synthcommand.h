#pragma once

#include "app/cli/command.h"

#include <QtCore/QCoreApplication>

#include <cstdint>

namespace slidesight::cli {

/// `synth OUT.tiff [--size WxH] [--flavour aperio|generic] [--mpp X]`: writes a synthetic
/// pyramidal slide with a known colour pattern, for demos and tests.
///
/// Main thread only.
class SynthCommand final : public Command {
    Q_DECLARE_TR_FUNCTIONS(SynthCommand)
public:
    QString name() const override { return QStringLiteral("synth"); }
    QString summary() const override;
    int run(const QString& path, const QStringList& arguments) override;

    /// Parses "WxH" or "N" (a square) into a size; false when it is not one.
    static bool parseSize(const QString& text, int64_t& width, int64_t& height);
};

}  // namespace slidesight::cli
