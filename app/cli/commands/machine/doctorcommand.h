#pragma once

#include "app/cli/command.h"

#include <QtCore/QCoreApplication>

namespace slidesight::cli {

/// `doctor [--json] [--no-self-test] [--patches N]`: what this machine and build offer
/// (model::checkSystem): library versions, CPU threads, CUDA and each GPU, a short self-test of
/// the extractor on each device with the batch sizes tried and the one chosen, what extraction
/// uses by default, and each problem in one sentence. Exits 1 when there is a problem (no CUDA
/// on a CPU-only build is none).
///
/// Main thread only.
class DoctorCommand final : public Command {
    Q_DECLARE_TR_FUNCTIONS(DoctorCommand)
public:
    QString name() const override { return QStringLiteral("doctor"); }
    QString summary() const override;
    int run(const QString& path, const QStringList& arguments) override;
};

}  // namespace slidesight::cli
