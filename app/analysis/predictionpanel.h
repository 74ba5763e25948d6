#pragma once

#include "model/analysis/analysis.h"

#include <QtWidgets/QWidget>

#include <vector>

class QLabel;
class QProgressBar;
class QVBoxLayout;

namespace slidesight {

/// The outcome of an analysis: one bar per class probability (or the regression score), the
/// bundle's name and whether its networks were trained.
///
/// GUI thread only.
class PredictionPanel : public QWidget {
    Q_OBJECT
public:
    explicit PredictionPanel(QWidget* parent = nullptr);

    void setResult(const model::AnalysisResult& result);
    void clear();

    /// The probabilities shown, in class order (empty for regression or no result).
    const std::vector<double>& shownProbabilities() const { return probabilities_; }
    /// The summary line: bundle name, predicted class or score, trained or untrained.
    QString summaryText() const;

private:
    QLabel* summary_;
    QLabel* score_;
    QVBoxLayout* bars_;
    std::vector<QProgressBar*> barWidgets_;
    std::vector<double> probabilities_;
};

}  // namespace slidesight
