#pragma once

#include "app/teaching/teachingcases.h"
#include "app/teaching/teachingprogress.h"

#include <QtWidgets/QDockWidget>

class QLabel;
class QListWidget;
class QPushButton;
class QTableWidget;

namespace slidesight {

/// The Teaching dock: the case list with each case's state and the progress through it, what
/// to do now (mark, then reveal), and after the reveal the figures of the trainee and of the
/// model side by side (slide call, cell AUC, Dice, pointing game), with Previous / Next case and
/// the export of the score sheet. It shows; TeachingModule decides.
///
/// GUI thread only.
class TeachingDock : public QDockWidget {
    Q_OBJECT
public:
    explicit TeachingDock(QWidget* parent = nullptr);

    /// Shows a case list and its progress; `current` is the open case's index (-1: none).
    void present(const TeachingCaseList& list, const TeachingProgress& progress, int current);
    /// While the model's maps are computed after a reveal.
    void setBusy(const QString& message);

    QListWidget* caseList() const { return cases_; }
    QTableWidget* figures() const { return figures_; }
    QPushButton* revealButton() const { return reveal_; }
    QLabel* progressLabel() const { return progress_; }
    QLabel* instructions() const { return instructions_; }

Q_SIGNALS:
    void caseChosen(int index);
    void revealRequested();
    void nextRequested();
    void previousRequested();
    void exportRequested();

private:
    void showFigures(const CaseProgress& progress);

    QLabel* title_;
    QLabel* progress_;
    QListWidget* cases_;
    QLabel* instructions_;
    QTableWidget* figures_;
    QLabel* notes_;
    QPushButton* previous_;
    QPushButton* reveal_;
    QPushButton* next_;
    QPushButton* export_;
    bool updating_ = false;
};

}  // namespace slidesight
