#pragma once

#include "app/cli/command.h"

#include <QtCore/QCoreApplication>

namespace slidesight::cli {

/// `annotations FILE [--json] [--export OUT]`: what an annotation file (ASAP XML or QuPath
/// GeoJSON) holds — annotations per group and per geometry, vertices, bounds — and, with
/// --export, the same annotations written in the format OUT's extension names.
///
/// Main thread only.
class AnnotationsCommand final : public Command {
    Q_DECLARE_TR_FUNCTIONS(AnnotationsCommand)
public:
    QString name() const override { return QStringLiteral("annotations"); }
    QString summary() const override;
    int run(const QString& path, const QStringList& arguments) override;
};

}  // namespace slidesight::cli
