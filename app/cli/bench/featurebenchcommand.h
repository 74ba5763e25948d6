#pragma once

#include "app/cli/command.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QJsonObject>

namespace slidesight::cli {

/// `bench features SLIDE [--python] [--json] ...`: end-to-end patches/s of the feature
/// extraction and, in the same run, the bare network's patches/s at the same batch size;
/// with --python also a plain Python implementation on the same cells. Not a test: it
/// measures and reports.
///
/// Main thread only.
class FeatureBenchCommand final : public Command {
    Q_DECLARE_TR_FUNCTIONS(FeatureBenchCommand)
public:
    QString name() const override { return QStringLiteral("features"); }
    QString summary() const override;
    int run(const QString& path, const QStringList& arguments) override;

private:
    static QString toText(const QJsonObject& report);
};

}  // namespace slidesight::cli
