#include "app/review/reviewdock.h"

#include "app/review/reviewrecorder.h"
#include "viewer/layers/heatmaplayer.h"
#include "viewer/layers/layerstack.h"
#include "viewer/view/slideview.h"

#include <QtWidgets/QCheckBox>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QDoubleSpinBox>
#include <QtWidgets/QFormLayout>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QLabel>
#include <QtWidgets/QListWidget>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QSpinBox>
#include <QtWidgets/QVBoxLayout>

#include <algorithm>

namespace slidesight {

namespace {

/// The layers the review is measured against: every heatmap but the coverage itself.
bool isModelMap(const HeatmapLayer* layer) { return layer && layer->id() != QLatin1String("coverage"); }

}  // namespace

ReviewDock::ReviewDock(LayerStack* stack, ReviewRecorder* recorder, QWidget* parent)
    : QDockWidget(tr("Review"), parent), stack_(stack), recorder_(recorder) {
    setObjectName(QStringLiteral("reviewDock"));
    auto* body = new QWidget(this);
    recordBox_ = new QCheckBox(tr("Record where I look"), body);
    recordBox_->setObjectName(QStringLiteral("recordBox"));
    recordBox_->setChecked(recorder_->isRecording());
    recordBox_->setToolTip(tr("Keeps, per slide, which parts were seen at which magnification and for how long, "
                              "beside the annotations."));
    seenLabel_ = new QLabel(body);
    seenLabel_->setObjectName(QStringLiteral("seenLabel"));
    reportLabel_ = new QLabel(body);
    reportLabel_->setObjectName(QStringLiteral("reportLabel"));
    reportLabel_->setWordWrap(true);
    layerCombo_ = new QComboBox(body);
    layerCombo_->setObjectName(QStringLiteral("layerCombo"));
    magnificationCombo_ = new QComboBox(body);
    magnificationCombo_->setObjectName(QStringLiteral("magnificationCombo"));
    for (double preset : SlideView::kPresets) magnificationCombo_->addItem(tr("%1×").arg(preset), preset);
    magnificationCombo_->setCurrentIndex(magnificationCombo_->findData(10.0));
    topSpin_ = new QSpinBox(body);
    topSpin_->setObjectName(QStringLiteral("topSpin"));
    topSpin_->setRange(1, 100);
    topSpin_->setValue(ReviewOptions().topK);
    fractionSpin_ = new QDoubleSpinBox(body);
    fractionSpin_->setObjectName(QStringLiteral("fractionSpin"));
    fractionSpin_->setRange(0.1, 50.0);
    fractionSpin_->setDecimals(1);
    fractionSpin_->setSuffix(QStringLiteral(" %"));
    fractionSpin_->setValue(ReviewOptions().topFraction * 100.0);
    fractionSpin_->setToolTip(tr("The map's highest cells, as a share of its cells, make up the regions."));
    list_ = new QListWidget(body);
    list_->setObjectName(QStringLiteral("regionList"));
    list_->setMinimumHeight(90);
    previousButton_ = new QPushButton(tr("Previous"), body);
    previousButton_->setObjectName(QStringLiteral("previousButton"));
    nextButton_ = new QPushButton(tr("Next"), body);
    nextButton_->setObjectName(QStringLiteral("nextButton"));
    forgetButton_ = new QPushButton(tr("Forget this slide's review"), body);
    forgetButton_->setObjectName(QStringLiteral("forgetButton"));

    auto* form = new QFormLayout;
    form->addRow(tr("Model's map:"), layerCombo_);
    form->addRow(tr("Seen at least at:"), magnificationCombo_);
    form->addRow(tr("Top regions:"), topSpin_);
    form->addRow(tr("From the map's top:"), fractionSpin_);
    auto* navigation = new QHBoxLayout;
    navigation->addWidget(previousButton_);
    navigation->addWidget(nextButton_);
    auto* column = new QVBoxLayout(body);
    column->addWidget(recordBox_);
    column->addWidget(seenLabel_);
    column->addLayout(form);
    column->addWidget(reportLabel_);
    column->addWidget(new QLabel(tr("Not yet reviewed:"), body));
    column->addWidget(list_, 1);
    column->addLayout(navigation);
    column->addWidget(forgetButton_);
    setWidget(body);

    connect(recordBox_, &QCheckBox::toggled, recorder_, &ReviewRecorder::setRecording);
    connect(recorder_, &ReviewRecorder::recordingChanged, recordBox_, &QCheckBox::setChecked);
    connect(recorder_, &ReviewRecorder::coverageChanged, this, &ReviewDock::refresh);
    connect(layerCombo_, &QComboBox::currentIndexChanged, this, [this] {
        visited_ = -1;
        refresh();
    });
    connect(magnificationCombo_, &QComboBox::currentIndexChanged, this, &ReviewDock::refresh);
    connect(topSpin_, &QSpinBox::valueChanged, this, &ReviewDock::refresh);
    connect(fractionSpin_, &QDoubleSpinBox::valueChanged, this, &ReviewDock::refresh);
    connect(previousButton_, &QPushButton::clicked, this, &ReviewDock::previous);
    connect(nextButton_, &QPushButton::clicked, this, &ReviewDock::next);
    connect(forgetButton_, &QPushButton::clicked, recorder_, &ReviewRecorder::forget);
    connect(list_, &QListWidget::itemActivated, this, [this](QListWidgetItem* item) {
        const int rank = item->data(Qt::UserRole).toInt();
        for (const ReviewRegion& region : report_.regions)
            if (region.rank == rank) {
                visited_ = rank;
                Q_EMIT visitRequested(region.peak, options().minMagnification);
            }
    });
    for (auto signal : {&LayerStack::rowsInserted, &LayerStack::rowsRemoved})
        connect(stack_, signal, this, &ReviewDock::refreshLayers);
    connect(stack_, &LayerStack::modelReset, this, &ReviewDock::refreshLayers);
    refreshLayers();
}

ReviewOptions ReviewDock::options() const {
    ReviewOptions o;
    o.topK = topSpin_->value();
    o.topFraction = fractionSpin_->value() / 100.0;
    o.minMagnification = magnificationCombo_->currentData().toDouble();
    return o;
}

void ReviewDock::refreshLayers() {
    const QString current = layerCombo_->currentData().toString();
    QSignalBlocker block(layerCombo_);
    layerCombo_->clear();
    for (int row = 0; row < stack_->count(); ++row) {
        auto* heatmap = qobject_cast<HeatmapLayer*>(stack_->layerAt(row));
        if (!isModelMap(heatmap)) continue;
        layerCombo_->addItem(heatmap->name(), heatmap->id());
        connect(heatmap, &HeatmapLayer::displayChanged, this, &ReviewDock::refresh, Qt::UniqueConnection);
    }
    int index = layerCombo_->findData(current);
    if (index < 0) index = layerCombo_->findData(QStringLiteral("attention-max"));
    layerCombo_->setCurrentIndex(index >= 0 ? index : (layerCombo_->count() > 0 ? 0 : -1));
    refresh();
}

bool ReviewDock::selectLayer(const QString& id) {
    const int index = layerCombo_->findData(id);
    if (index < 0) return false;
    layerCombo_->setCurrentIndex(index);
    refresh();
    return true;
}

void ReviewDock::setMinimumMagnification(double magnification) {
    const int index = magnificationCombo_->findData(magnification);
    if (index >= 0) magnificationCombo_->setCurrentIndex(index);
}

void ReviewDock::setTopK(int regions) { topSpin_->setValue(regions); }

void ReviewDock::setTopFraction(double fraction) { fractionSpin_->setValue(fraction * 100.0); }

QString ReviewDock::reportLine() const {
    if (report_.regions.empty()) return {};
    const int k = static_cast<int>(report_.regions.size());
    return k == 1 ? tr("%1 of the model's top region reviewed").arg(report_.reviewed)
                  : tr("%1 of the model's top %2 regions reviewed").arg(report_.reviewed).arg(k);
}

void ReviewDock::refresh() {
    const ReviewOptions o = options();
    const ReviewCoverage& coverage = recorder_->coverage();
    auto* heatmap = qobject_cast<HeatmapLayer*>(stack_->layer(layerCombo_->currentData().toString()));
    if (heatmap && heatmap->data() && !coverage.isNull())
        report_ = reviewReport(heatmap->data()->geometry(), heatmap->data()->plane(heatmap->channel()), coverage, o);
    else
        report_ = ReviewReport{{}, 0, 0, 0.0, coverage.fractionSeen(o.minMagnification, o.minSeconds)};
    const bool hasSlide = recorder_->hasSlide();
    seenLabel_->setText(hasSlide ? tr("Seen at %1× or more: %2 % of the slide")
                                       .arg(o.minMagnification)
                                       .arg(report_.fractionSeen * 100.0, 0, 'f', 1)
                                 : tr("No slide open."));
    if (!hasSlide) reportLabel_->clear();
    else if (!heatmap) reportLabel_->setText(tr("Run an analysis to compare the review with the model's maps."));
    else reportLabel_->setText(reportLine());

    // Rebuilt only when it changes, so that the selection survives the refreshes each second.
    QStringList texts;
    QList<int> ranks;
    for (const ReviewRegion* region : unreviewed()) {
        texts << tr("#%1: value %2, %3 of %4 cells seen")
                     .arg(region->rank)
                     .arg(region->score, 0, 'g', 3)
                     .arg(region->seenCells)
                     .arg(region->cells);
        ranks << region->rank;
    }
    QStringList shown;
    for (int row = 0; row < list_->count(); ++row) shown << list_->item(row)->text();
    if (shown != texts) {
        list_->clear();
        for (int i = 0; i < texts.size(); ++i) {
            auto* item = new QListWidgetItem(texts[i], list_);
            item->setData(Qt::UserRole, ranks[i]);
            if (ranks[i] == visited_) list_->setCurrentItem(item);
        }
    }
    const bool any = list_->count() > 0;
    previousButton_->setEnabled(any);
    nextButton_->setEnabled(any);
    forgetButton_->setEnabled(hasSlide);
}

std::vector<const ReviewRegion*> ReviewDock::unreviewed() const {
    std::vector<const ReviewRegion*> out;
    for (const ReviewRegion& region : report_.regions)
        if (!region.reviewed) out.push_back(&region);
    return out;
}

void ReviewDock::next() { step(+1); }
void ReviewDock::previous() { step(-1); }

void ReviewDock::step(int direction) {
    const std::vector<const ReviewRegion*> open = unreviewed();
    if (open.empty()) return;
    // The first region after (or before) the one visited last, in rank order, wrapping round.
    const ReviewRegion* target = nullptr;
    if (direction > 0) {
        for (const ReviewRegion* r : open)
            if (r->rank > visited_) {
                target = r;
                break;
            }
        if (!target) target = open.front();
    } else {
        for (auto it = open.rbegin(); it != open.rend(); ++it)
            if ((*it)->rank < visited_ || visited_ < 0) {
                target = *it;
                break;
            }
        if (!target) target = open.back();
    }
    visited_ = target->rank;
    for (int row = 0; row < list_->count(); ++row)
        if (list_->item(row)->data(Qt::UserRole).toInt() == visited_) list_->setCurrentRow(row);
    Q_EMIT visitRequested(target->peak, options().minMagnification);
}

}  // namespace slidesight
