#pragma once

#include "app/teaching/teachingcases.h"
#include "app/teaching/teachingprogress.h"
#include "viewer/annotations/annotation.h"
#include "viewer/common/expected.h"

#include <QtCore/QElapsedTimer>
#include <QtCore/QFuture>
#include <QtCore/QObject>
#include <QtGui/QImage>

#include <optional>

class QAction;

namespace slidesight {

class AnalysisModule;
class AnnotationsModule;
class DemoModule;
class Shell;
class TeachingDock;

/// The teaching mode (`slidesight --teach CASES`, File > Open Teaching Cases…): a trainee goes
/// through a case list. Each case opens as the slide alone; the trainee marks what they think
/// is lesional with the annotation tools (their marks are kept apart from the slide's own
/// annotations, in the progress folder); Reveal shows the truth's outline, runs the case's
/// bundle and shows its map under both, and puts the figures of the trainee and of the model
/// side by side (TeachingScoring). The figures at the reveal are kept in the progress, with a
/// thumbnail for the score sheet (CSV and printable HTML). A revealed case reopens revealed.
///
/// GUI thread only; reading the truth, running the model, scoring and every write run off it.
/// The reveal is in teachingreveal.cpp.
class TeachingModule : public QObject {
    Q_OBJECT
public:
    static constexpr const char* kTruthLayer = "truth";

    TeachingModule(Shell& shell, AnalysisModule* analysis, AnnotationsModule* annotations, DemoModule* demo,
                   QObject* parent = nullptr);
    ~TeachingModule() override;

    /// Reads a case list (TeachingCaseList::read) and opens its first case not yet revealed;
    /// the progress is kept in `progressFolder` (default: TeachingProgress::defaultFolderFor).
    /// Fails with one sentence, changing nothing.
    Check open(const QString& cases, const QString& progressFolder = {});
    /// The same for a case list read already.
    Check open(TeachingCaseList list, const QString& progressFolder = {});
    void openCase(int index);
    void next();
    void previous();
    /// Reveals the open case (nothing while a reveal runs or when it is revealed already).
    void reveal();
    /// Writes the score sheet (BASE.csv and BASE.html).
    Check exportScoreSheet(const QString& path) const;

    TeachingDock* dock() const { return dock_; }
    QAction* revealAction() const { return reveal_; }
    const std::optional<TeachingCaseList>& caseList() const { return list_; }
    const TeachingProgress& progress() const { return progress_; }
    int currentCase() const { return current_; }
    bool isRevealing() const { return revealing_; }

Q_SIGNALS:
    /// The case's reveal is complete: truth shown, model run (or failed), figures recorded.
    void revealed(int index);

private:
    const TeachingCase* openCaseOrNull() const;
    void onSlideOpened(const QString& path);
    void leaveCase();
    void refresh();
    /// Writes the progress off the GUI thread.
    void saveProgress();
    /// Shows the truth and the model's map; `record` scores the case and keeps the figures.
    void startReveal(bool record);
    void showTruth(const AnnotationSet& truth);
    void runModel(const TeachingCase& c, bool record);
    /// What the model's run says of the model, kept with the figures.
    struct ModelNotes {
        bool untrained = false;
        bool extractorUntrained = false;
        QString problem;  ///< why there are no model figures
    };
    void score(const TeachingCase& c, std::vector<float> map, const GridGeometry& grid, bool callsLesional,
               double probability, const ModelNotes& notes);
    void finishReveal(const TeachingCase& c, const TeachingScore& score, const ModelNotes& notes);
    void writeThumbnail(const TeachingCase& c, const TeachingScore& score);
    void chooseAndOpen();
    void chooseAndExport();

    Shell& shell_;
    AnalysisModule* analysis_;
    AnnotationsModule* annotations_;
    DemoModule* demo_;
    TeachingDock* dock_ = nullptr;
    QAction* open_ = nullptr;
    QAction* reveal_ = nullptr;
    QAction* next_ = nullptr;
    QAction* previous_ = nullptr;
    std::optional<TeachingCaseList> list_;
    TeachingProgress progress_;
    int current_ = -1;
    bool revealing_ = false;
    quint64 revealRun_ = 0;
    QElapsedTimer openedAt_;
    QFuture<void> saving_;  ///< the progress write in flight
    bool saveAgain_ = false;
    QImage thumbnail_;
    std::optional<std::pair<QString, TeachingScore>> pendingThumbnail_;  ///< case id, its figures
    AnnotationSet truth_;
    std::vector<Annotation> marks_;  ///< the trainee's, at the reveal
};

}  // namespace slidesight
