#pragma once

#include "app/cli/command.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QJsonObject>

namespace slidesight::model {
struct ExtractionSummary;
}

namespace slidesight::cli {

/// `extract SLIDE --weights FILE|random:SEED [--out GRID.pt] ...`: the slide's grid of patch
/// features (paper 000's GFE) written as a file Python's torch.load reads, reusing the grid
/// cache when the same slide was extracted with the same settings before. Ctrl-C cancels
/// and leaves no file.
///
/// Main thread only.
class ExtractCommand final : public Command {
    Q_DECLARE_TR_FUNCTIONS(ExtractCommand)
public:
    QString name() const override { return QStringLiteral("extract"); }
    QString summary() const override;
    int run(const QString& path, const QStringList& arguments) override;

private:
    static QJsonObject toJson(const model::ExtractionSummary& summary);
    static QString toText(const model::ExtractionSummary& summary);
};

}  // namespace slidesight::cli
