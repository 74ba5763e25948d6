#include "app/teaching/teachingdock.h"

#include "app/teaching/scoresheet.h"

#include <QtWidgets/QBoxLayout>
#include <QtWidgets/QHeaderView>
#include <QtWidgets/QLabel>
#include <QtWidgets/QListWidget>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QTableWidget>

#include <cmath>

namespace slidesight {

namespace {

enum FigureRow { CallRow, AucRow, DiceRow, PointingRow, RowCount };

}  // namespace

TeachingDock::TeachingDock(QWidget* parent) : QDockWidget(tr("Teaching"), parent) {
    setObjectName(QStringLiteral("teachingDock"));
    auto* body = new QWidget(this);
    auto* layout = new QVBoxLayout(body);
    title_ = new QLabel(body);
    title_->setWordWrap(true);
    QFont bold = title_->font();
    bold.setBold(true);
    title_->setFont(bold);
    progress_ = new QLabel(body);
    cases_ = new QListWidget(body);
    cases_->setObjectName(QStringLiteral("teachingCases"));
    instructions_ = new QLabel(body);
    instructions_->setWordWrap(true);
    figures_ = new QTableWidget(RowCount, 2, body);
    figures_->setObjectName(QStringLiteral("teachingFigures"));
    figures_->setHorizontalHeaderLabels({tr("You"), tr("Model")});
    figures_->setVerticalHeaderLabels({tr("Slide call"), tr("Cell AUC"), tr("Dice"), tr("Pointing game")});
    figures_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    figures_->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    figures_->setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents);
    figures_->setWordWrap(false);
    figures_->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    figures_->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    notes_ = new QLabel(body);
    notes_->setWordWrap(true);
    auto* buttons = new QHBoxLayout;
    previous_ = new QPushButton(tr("Previous"), body);
    reveal_ = new QPushButton(tr("Reveal"), body);
    reveal_->setToolTip(tr("Show the truth, the model's maps and both sets of figures (Ctrl+Shift+Return)"));
    next_ = new QPushButton(tr("Next"), body);
    for (QPushButton* b : {previous_, reveal_, next_}) buttons->addWidget(b);
    export_ = new QPushButton(tr("Export score sheet…"), body);
    layout->addWidget(title_);
    layout->addWidget(progress_);
    layout->addWidget(cases_, 1);
    layout->addWidget(instructions_);
    layout->addLayout(buttons);
    layout->addWidget(figures_);
    layout->addWidget(notes_);
    layout->addWidget(export_);
    setWidget(body);

    connect(cases_, &QListWidget::currentRowChanged, this, [this](int row) {
        if (!updating_ && row >= 0) Q_EMIT caseChosen(row);
    });
    connect(previous_, &QPushButton::clicked, this, &TeachingDock::previousRequested);
    connect(next_, &QPushButton::clicked, this, &TeachingDock::nextRequested);
    connect(reveal_, &QPushButton::clicked, this, &TeachingDock::revealRequested);
    connect(export_, &QPushButton::clicked, this, &TeachingDock::exportRequested);
}

void TeachingDock::present(const TeachingCaseList& list, const TeachingProgress& progress, int current) {
    updating_ = true;
    title_->setText(list.title);
    progress_->setText(tr("%1 of %2 cases revealed").arg(progress.revealedCount()).arg(list.cases.size()));
    if (cases_->count() != static_cast<int>(list.cases.size())) {
        cases_->clear();
        for (size_t i = 0; i < list.cases.size(); ++i) cases_->addItem(QString());
    }
    int row = 0;
    for (const TeachingCase& c : list.cases) {
        const CaseProgress& p = progress.of(c.id);
        QString line = c.title;
        switch (p.state) {
        case CaseProgress::State::New: break;
        case CaseProgress::State::Marked: line += QStringLiteral(" · ") + tr("marked"); break;
        case CaseProgress::State::Revealed:
            line += QStringLiteral(" · ") + (p.score.trainee.callsLesional == p.score.truthLesional ? tr("✓ right call") : tr("✗ wrong call"));
            break;
        }
        cases_->item(row++)->setText(line);
    }
    cases_->setCurrentRow(current);
    updating_ = false;
    previous_->setEnabled(current > 0);
    next_->setEnabled(current >= 0 && current + 1 < static_cast<int>(list.cases.size()));
    const bool revealed = current >= 0 && progress.of(list.cases[static_cast<size_t>(current)].id).state == CaseProgress::State::Revealed;
    reveal_->setEnabled(current >= 0 && !revealed);
    export_->setEnabled(progress.revealedCount() > 0);
    figures_->setVisible(revealed);
    notes_->setVisible(revealed);
    if (current < 0) {
        instructions_->setText(tr("Choose a case."));
    } else if (!revealed) {
        instructions_->setText(tr("Mark the regions you think are lesional with the rectangle, polygon or freehand tool "
                                  "(a point marks where you would look first; no mark says the slide has no lesion), "
                                  "then reveal."));
    } else {
        const CaseProgress& p = progress.of(list.cases[static_cast<size_t>(current)].id);
        instructions_->setText(tr("Green: the truth; your marks as you drew them; the model's map below them (%1).")
                                   .arg(p.map.isEmpty() ? tr("no model") : p.map));
        showFigures(p);
    }
}

void TeachingDock::setBusy(const QString& message) {
    reveal_->setEnabled(false);
    instructions_->setText(message);
}

void TeachingDock::showFigures(const CaseProgress& p) {
    const auto put = [this](int row, int column, const QString& text) {
        auto* item = new QTableWidgetItem(text);
        figures_->setItem(row, column, item);
    };
    const TeachingScore& s = p.score;
    int column = 0;
    for (const ReaderFigures* r : {&s.trainee, &s.model}) {
        if (!r->scored) {
            for (int row = 0; row < RowCount; ++row) put(row, column, QString());
            ++column;
            continue;
        }
        QString call = r->callsLesional ? tr("lesional") : tr("no lesion");
        if (std::isfinite(r->lesionProbability)) call += QStringLiteral(" (p = %1)").arg(ScoreSheet::figure(r->lesionProbability));
        call += r->callsLesional == s.truthLesional ? QStringLiteral(" ✓") : QStringLiteral(" ✗");
        put(CallRow, column, call);
        put(AucRow, column, ScoreSheet::figure(r->cellAuc));
        put(DiceRow, column, ScoreSheet::figure(r->dice));
        put(PointingRow, column, !r->pointingDefined ? QStringLiteral("–") : r->pointingHit ? tr("hit") : tr("miss"));
        ++column;
    }
    figures_->resizeRowsToContents();
    figures_->setFixedHeight(figures_->horizontalHeader()->sizeHint().height() + figures_->verticalHeader()->length() +
                             2 * figures_->frameWidth());
    QStringList notes;
    notes << tr("Truth: %1 (%2 of %3 cells).").arg(s.truthLesional ? tr("lesional") : tr("no lesion")).arg(s.truthCells).arg(s.validCells);
    if (!p.modelProblem.isEmpty()) notes << p.modelProblem;
    else if (p.modelUntrained) notes << tr("The model was never trained: its figures show the method, not a skill.");
    else if (p.extractorUntrained) notes << tr("The model's features come from a never-trained extractor.");
    notes_->setText(notes.join(QLatin1Char(' ')));
}

}  // namespace slidesight
