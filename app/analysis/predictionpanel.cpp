#include "app/analysis/predictionpanel.h"

#include <QtWidgets/QLabel>
#include <QtWidgets/QProgressBar>
#include <QtWidgets/QVBoxLayout>

#include <cmath>

namespace slidesight {

namespace {
constexpr int kBarSteps = 1000;
}

PredictionPanel::PredictionPanel(QWidget* parent) : QWidget(parent) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    summary_ = new QLabel(this);
    summary_->setObjectName(QStringLiteral("predictionSummary"));
    summary_->setWordWrap(true);
    score_ = new QLabel(this);
    score_->setObjectName(QStringLiteral("predictionScore"));
    bars_ = new QVBoxLayout;
    layout->addWidget(summary_);
    layout->addLayout(bars_);
    layout->addWidget(score_);
    clear();
}

void PredictionPanel::clear() {
    for (QProgressBar* bar : barWidgets_) delete bar;
    barWidgets_.clear();
    probabilities_.clear();
    summary_->setText(tr("No prediction yet."));
    score_->clear();
    score_->hide();
}

QString PredictionPanel::summaryText() const { return summary_->text(); }

void PredictionPanel::setResult(const model::AnalysisResult& result) {
    clear();
    const model::ModelBundle& bundle = result.bundle;
    const bool trained = result.classifierMeaningful();
    const QString name = QString::fromStdString(bundle.name);
    if (bundle.task == "regression") {
        summary_->setText(trained ? tr("%1 (trained)").arg(name) : tr("%1 (untrained: the score is not meaningful)").arg(name));
        score_->setText(tr("Score: %1").arg(result.score, 0, 'g', 4));
        score_->show();
        return;
    }
    const auto predicted = static_cast<std::size_t>(result.predictedClass);
    const QString predictedName = predicted < bundle.classes.size() ? QString::fromStdString(bundle.classes[predicted])
                                                                    : QString::number(result.predictedClass);
    if (!trained)
        summary_->setText(tr("%1 (untrained: the prediction is not meaningful): %2").arg(name, predictedName));
    else if (!result.extractorTrained)
        summary_->setText(tr("%1 (classifier trained on the features of a seeded, untrained extractor): %2").arg(name, predictedName));
    else
        summary_->setText(tr("%1 (trained): %2").arg(name, predictedName));
    probabilities_ = result.probabilities;
    for (std::size_t c = 0; c < probabilities_.size(); ++c) {
        auto* bar = new QProgressBar(this);
        bar->setRange(0, kBarSteps);
        bar->setValue(static_cast<int>(std::lround(probabilities_[c] * kBarSteps)));
        const QString className = c < bundle.classes.size() ? QString::fromStdString(bundle.classes[c]) : QString::number(c);
        bar->setFormat(tr("%1: %2%").arg(className).arg(probabilities_[c] * 100.0, 0, 'f', 1));
        bar->setToolTip(bar->format());
        bars_->addWidget(bar);
        barWidgets_.push_back(bar);
    }
}

}  // namespace slidesight
