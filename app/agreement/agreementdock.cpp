#include "app/agreement/agreementdock.h"

#include "app/agreement/agreementcomputation.h"
#include "app/agreement/agreementlayer.h"
#include "app/annotations/annotationdocument.h"
#include "viewer/common/background.h"
#include "viewer/layers/heatmaplayer.h"
#include "viewer/layers/layerstack.h"

#include <QtWidgets/QComboBox>
#include <QtWidgets/QFormLayout>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QLabel>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QSlider>
#include <QtWidgets/QVBoxLayout>

#include <cmath>

namespace slidesight {

namespace {

constexpr int kSteps = 1000;

QString number(double value) {
    return std::isfinite(value) ? QString::number(value, 'f', 3) : AgreementDock::tr("undefined");
}

QLabel* valueLabel(const QString& objectName, QWidget* parent) {
    auto* label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

}  // namespace

AgreementDock::AgreementDock(LayerStack* stack, AnnotationDocument* document, QWidget* parent)
    : QDockWidget(tr("Agreement"), parent), stack_(stack), document_(document) {
    setObjectName(QStringLiteral("agreementDock"));
    auto* body = new QWidget(this);
    auto* form = new QFormLayout;
    layerCombo_ = new QComboBox(body);
    layerCombo_->setObjectName(QStringLiteral("layerCombo"));
    groupCombo_ = new QComboBox(body);
    groupCombo_->setObjectName(QStringLiteral("groupCombo"));
    slider_ = new QSlider(Qt::Horizontal, body);
    slider_->setObjectName(QStringLiteral("thresholdSlider"));
    slider_->setRange(0, kSteps);
    thresholdLabel_ = valueLabel(QStringLiteral("thresholdLabel"), body);
    aucLabel_ = valueLabel(QStringLiteral("aucLabel"), body);
    diceLabel_ = valueLabel(QStringLiteral("diceLabel"), body);
    iouLabel_ = valueLabel(QStringLiteral("iouLabel"), body);
    countsLabel_ = valueLabel(QStringLiteral("countsLabel"), body);
    pointingLabel_ = valueLabel(QStringLiteral("pointingLabel"), body);
    form->addRow(tr("Heatmap:"), layerCombo_);
    form->addRow(tr("Annotations:"), groupCombo_);
    form->addRow(tr("Threshold:"), slider_);
    form->addRow(QString(), thresholdLabel_);
    form->addRow(tr("Cell AUC:"), aucLabel_);
    form->addRow(tr("Dice:"), diceLabel_);
    form->addRow(tr("IoU:"), iouLabel_);
    form->addRow(tr("Cells:"), countsLabel_);
    form->addRow(tr("Pointing game:"), pointingLabel_);
    const QString rates[] = {tr("FROC at 1/4 FP:"), tr("FROC at 1/2 FP:"), tr("FROC at 1 FP:"),
                             tr("FROC at 2 FP:"),   tr("FROC at 4 FP:"),   tr("FROC at 8 FP:")};
    for (size_t i = 0; i < frocLabels_.size(); ++i) {
        frocLabels_[i] = valueLabel(QStringLiteral("froc%1").arg(i), body);
        form->addRow(rates[i], frocLabels_[i]);
    }
    frocScoreLabel_ = valueLabel(QStringLiteral("frocScoreLabel"), body);
    form->addRow(tr("FROC score:"), frocScoreLabel_);
    problemLabel_ = valueLabel(QStringLiteral("problemLabel"), body);
    problemLabel_->setWordWrap(true);

    navigateCombo_ = new QComboBox(body);
    navigateCombo_->setObjectName(QStringLiteral("navigateCombo"));
    navigateCombo_->addItem(tr("False positives"));
    navigateCombo_->addItem(tr("False negatives"));
    previousButton_ = new QPushButton(tr("Previous"), body);
    previousButton_->setObjectName(QStringLiteral("previousButton"));
    nextButton_ = new QPushButton(tr("Next"), body);
    nextButton_->setObjectName(QStringLiteral("nextButton"));
    positionLabel_ = valueLabel(QStringLiteral("positionLabel"), body);
    auto* navigation = new QHBoxLayout;
    navigation->addWidget(navigateCombo_);
    navigation->addWidget(previousButton_);
    navigation->addWidget(nextButton_);
    auto* column = new QVBoxLayout(body);
    column->addLayout(form);
    column->addWidget(problemLabel_);
    column->addLayout(navigation);
    column->addWidget(positionLabel_);
    column->addStretch(1);
    setWidget(body);

    connect(layerCombo_, &QComboBox::currentIndexChanged, this, [this] { recompute(); });
    connect(groupCombo_, &QComboBox::currentIndexChanged, this, [this] { recompute(); });
    connect(slider_, &QSlider::valueChanged, this, &AgreementDock::thresholdMoved);
    connect(navigateCombo_, &QComboBox::currentIndexChanged, this, [this] {
        navigationIndex_ = -1;
        positionLabel_->clear();
    });
    connect(previousButton_, &QPushButton::clicked, this, &AgreementDock::previous);
    connect(nextButton_, &QPushButton::clicked, this, &AgreementDock::next);
    for (auto signal : {&LayerStack::rowsInserted, &LayerStack::rowsRemoved})
        connect(stack_, signal, this, &AgreementDock::refreshLayers);
    connect(stack_, &LayerStack::modelReset, this, &AgreementDock::refreshLayers);
    connect(document_, &AnnotationDocument::changed, this, [this] {
        refreshGroups();
        recompute();
    });
    refreshGroups();
    refreshLayers();
}

AgreementDock::~AgreementDock() = default;

void AgreementDock::refreshLayers() {
    const QString current = layerCombo_->currentData().toString();
    QSignalBlocker block(layerCombo_);
    layerCombo_->clear();
    for (int row = 0; row < stack_->count(); ++row) {
        auto* heatmap = qobject_cast<HeatmapLayer*>(stack_->layerAt(row));
        if (!heatmap) continue;
        layerCombo_->addItem(heatmap->name(), heatmap->id());
        // A new map in the layer (a new analysis) or another channel is a new comparison.
        connect(heatmap, &HeatmapLayer::displayChanged, this, &AgreementDock::layerDisplayChanged, Qt::UniqueConnection);
    }
    const int index = layerCombo_->findData(current);
    layerCombo_->setCurrentIndex(index >= 0 ? index : (layerCombo_->count() > 0 ? 0 : -1));
    if (layerCombo_->currentData().toString() != current || !agreement_) recompute();
}

void AgreementDock::refreshGroups() {
    const int currentIndex = groupCombo_->currentIndex();
    const QString current = groupCombo_->currentData().toString();
    QSignalBlocker block(groupCombo_);
    groupCombo_->clear();
    groupCombo_->addItem(tr("All annotations"), QString());
    for (const AnnotationGroup& g : document_->annotations().groups()) groupCombo_->addItem(g.name, g.name);
    const int index = currentIndex > 0 ? groupCombo_->findData(current) : 0;
    groupCombo_->setCurrentIndex(std::max(index, 0));
}

bool AgreementDock::selectLayer(const QString& qualifiedId) {
    Layer* layer = stack_->layer(qualifiedId);
    const int index = layer ? layerCombo_->findData(layer->id()) : -1;
    if (index < 0) return false;
    if (index == layerCombo_->currentIndex()) recompute();
    layerCombo_->setCurrentIndex(index);
    return true;
}

bool AgreementDock::selectGroup(const QString& group) {
    const int index = group.isEmpty() ? 0 : groupCombo_->findData(group);
    if (index < 0) return false;
    groupCombo_->setCurrentIndex(index);
    return true;
}

QString AgreementDock::layerKey() const {
    auto* heatmap = qobject_cast<HeatmapLayer*>(stack_->layer(layerCombo_->currentData().toString()));
    if (!heatmap || !heatmap->data()) return {};
    return heatmap->id() + QLatin1Char('/') + QString::number(heatmap->data()->serial()) + QLatin1Char('/') +
           heatmap->channel().toString();
}

void AgreementDock::layerDisplayChanged() {
    if (layerKey() != computedKey_) recompute();
}

void AgreementDock::recompute() {
    const quint64 generation = ++generation_;
    computedKey_ = layerKey();
    auto* heatmap = qobject_cast<HeatmapLayer*>(stack_->layer(layerCombo_->currentData().toString()));
    if (!heatmap || !heatmap->data()) {
        computing_ = false;
        agreement_.reset();
        clearLayer();
        showReport();
        return;
    }
    std::vector<Annotation> annotations;
    const QString group = groupCombo_->currentIndex() > 0 ? groupCombo_->currentData().toString() : QString();
    for (const Annotation& a : document_->annotations().annotations())
        if (group.isEmpty() || a.group == group) annotations.push_back(a);
    computing_ = true;
    runInBackground(
        this,
        [data = heatmap->data(), channel = heatmap->channel(), annotations = std::move(annotations)] {
            return AgreementComputation::compute(data, channel, annotations);
        },
        [this, generation](const AgreementComputation& c) { finished(generation, c.agreement, c.geometry, c.error); });
}

void AgreementDock::finished(quint64 generation, std::shared_ptr<const model::Agreement> agreement,
                             const GridGeometry& geometry, const QString& error) {
    if (generation != generation_) return;  // a newer comparison is on its way
    computing_ = false;
    const bool sameGrid = agreement_ && geometry_ == geometry;
    agreement_ = std::move(agreement);
    geometry_ = geometry;
    showReport();
    if (!error.isEmpty()) problemLabel_->setText(error);
    if (!agreement_) return;
    // A new grid starts halfway up the map's range; new annotations keep the threshold.
    const double mid = AgreementComputation{agreement_, geometry_, {}}.midThreshold();
    setThreshold(sameGrid && std::isfinite(threshold_) ? threshold_ : mid);
}

void AgreementDock::setThreshold(double threshold) {
    threshold_ = threshold;
    if (agreement_) {
        const double low = agreement_->minimum(), high = agreement_->maximum();
        const int step = high > low ? static_cast<int>(std::lround((threshold - low) / (high - low) * kSteps)) : 0;
        QSignalBlocker block(slider_);
        slider_->setValue(std::clamp(step, 0, kSteps));
    }
    showThreshold();
}

void AgreementDock::thresholdMoved(int step) {
    if (!agreement_) return;
    const double low = agreement_->minimum(), high = agreement_->maximum();
    threshold_ = low + (high - low) * step / kSteps;
    showThreshold();
}

void AgreementDock::showReport() {
    const bool ready = agreement_ != nullptr;
    slider_->setEnabled(ready);
    previousButton_->setEnabled(ready);
    nextButton_->setEnabled(ready);
    if (!ready) {
        for (QLabel* label : {thresholdLabel_, aucLabel_, diceLabel_, iouLabel_, countsLabel_, pointingLabel_, frocScoreLabel_, positionLabel_})
            label->clear();
        for (QLabel* label : frocLabels_) label->clear();
        problemLabel_->setText(layerCombo_->count() == 0 ? tr("No heatmap layer: run an analysis first.") : QString());
        return;
    }
    const model::AgreementReport& r = agreement_->report();
    aucLabel_->setText(number(r.auc));
    if (!r.pointingDefined)
        pointingLabel_->setText(tr("undefined"));
    else
        pointingLabel_->setText((r.pointingHit ? tr("hit (row %1, column %2)") : tr("miss (row %1, column %2)"))
                                    .arg(r.pointingCell.row)
                                    .arg(r.pointingCell.column));
    for (size_t i = 0; i < frocLabels_.size(); ++i) frocLabels_[i]->setText(number(r.frocSensitivity[i]));
    frocScoreLabel_->setText(tr("%1 (%2 lesions, %3 detections)").arg(number(r.frocScore)).arg(r.lesions).arg(r.detections));
    problemLabel_->setText(QString::fromStdString(r.problem));
}

void AgreementDock::showThreshold() {
    if (!agreement_) return;
    at_ = agreement_->at(threshold_);
    thresholdLabel_->setText(number(threshold_));
    diceLabel_->setText(number(at_.dice));
    iouLabel_->setText(number(at_.iou));
    countsLabel_->setText(tr("TP %1, FP %2, FN %3, TN %4")
                              .arg(at_.truePositives)
                              .arg(at_.falsePositives)
                              .arg(at_.falseNegatives)
                              .arg(at_.trueNegatives));
    navigationIndex_ = -1;
    positionLabel_->clear();
    if (!layer_) {
        layer_ = new AgreementLayer;
        stack_->addLayer(layer_);  // the stack owns it
    }
    layer_->setCells(geometry_, at_);
}

void AgreementDock::clearLayer() {
    if (!layer_) return;
    const QString id = layer_->id();
    layer_ = nullptr;
    stack_->removeLayer(id);
}

void AgreementDock::setNavigation(Navigate what) { navigateCombo_->setCurrentIndex(what == Navigate::FalsePositives ? 0 : 1); }

void AgreementDock::next() { step(1); }
void AgreementDock::previous() { step(-1); }

void AgreementDock::step(int direction) {
    if (!agreement_) return;
    const bool positives = navigateCombo_->currentIndex() == 0;
    const std::vector<model::AgreementCell>& cells = positives ? at_.falsePositiveCells : at_.falseNegativeCells;
    if (cells.empty()) {
        positionLabel_->setText(positives ? tr("No false positive at this threshold.") : tr("No false negative at this threshold."));
        return;
    }
    const int n = static_cast<int>(cells.size());
    navigationIndex_ = navigationIndex_ < 0 ? (direction > 0 ? 0 : n - 1) : ((navigationIndex_ + direction) % n + n) % n;
    const model::AgreementCell& c = cells[static_cast<size_t>(navigationIndex_)];
    positionLabel_->setText(tr("%1 of %2: row %3, column %4, value %5")
                                .arg(navigationIndex_ + 1)
                                .arg(n)
                                .arg(c.row)
                                .arg(c.column)
                                .arg(number(c.value)));
    Q_EMIT centreRequested(geometry_.cellRect(c.row, c.column).center());
}

}  // namespace slidesight
