#pragma once

#include "app/cli/command.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QJsonObject>

#include <memory>

namespace slidesight::model {
struct ModelBundle;
}

namespace slidesight::cli {

/// `bundle check PATH [--json]`: reads a model bundle (folder, model.json or .zip), loads every
/// weights file and checks its shapes against the manifest, and prints what the bundle holds.
/// The work is model/bundle.h's (Torch-free header).
///
/// Main thread only.
class BundleCheckCommand final : public Command {
    Q_DECLARE_TR_FUNCTIONS(BundleCheckCommand)
public:
    QString name() const override { return QStringLiteral("check"); }
    QString summary() const override;
    int run(const QString& path, const QStringList& arguments) override;

    static QJsonObject toJson(const model::ModelBundle& bundle);
    static QString toText(const model::ModelBundle& bundle);
};

/// `bundle create OUT_FOLDER [...]`: writes an untrained bundle (random weights, named and
/// marked untrained) for trying the pipeline out.
///
/// Main thread only.
class BundleCreateCommand final : public Command {
    Q_DECLARE_TR_FUNCTIONS(BundleCreateCommand)
public:
    QString name() const override { return QStringLiteral("create"); }
    QString summary() const override;
    int run(const QString& path, const QStringList& arguments) override;
};

/// The `bundle` command group (bundle check, bundle create).
std::unique_ptr<Command> makeBundleCommand();

}  // namespace slidesight::cli
