#pragma once

#include "app/cli/command.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QJsonObject>

namespace slidesight::model {
struct AnalysisResult;
}

namespace slidesight::cli {

/// `analyze SLIDE --model BUNDLE [--out RESULT.pt] ...`: the whole-slide analysis with a model
/// bundle (tissue, the cached or freshly extracted feature grid, the attention classifier and
/// Grad-CAM). The work is model/analysis.h's (Torch-free header). Ctrl-C cancels and leaves no
/// file.
///
/// Main thread only.
class AnalyzeCommand final : public Command {
    Q_DECLARE_TR_FUNCTIONS(AnalyzeCommand)
public:
    QString name() const override { return QStringLiteral("analyze"); }
    QString summary() const override;
    int run(const QString& path, const QStringList& arguments) override;

private:
    static QJsonObject toJson(const model::AnalysisResult& result);
    static QString toText(const model::AnalysisResult& result);
};

}  // namespace slidesight::cli
