#pragma once

// Where a trainee stands in a case list, kept across sessions: per case whether it was
// marked or revealed, the time spent on it before the reveal and the scores at the reveal.
// Kept in one folder per case list (under the user's data folder, named by a hash of the
// list's path): progress.json, each case's marks (CASE.marks.geojson, saved by the annotation
// autosave) and its thumbnail for the score sheet (CASE.png). Written atomically.

#include "app/teaching/teachingcases.h"
#include "app/teaching/teachingscore.h"
#include "viewer/common/expected.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QDateTime>
#include <QtCore/QHash>
#include <QtCore/QJsonObject>
#include <QtCore/QString>

namespace slidesight {

struct CaseProgress {
    enum class State { New, Marked, Revealed };
    State state = State::New;
    int marks = 0;              ///< the trainee's marks at the reveal (or when last left)
    double secondsSpent = 0.0;  ///< with the case open, before the reveal
    QDateTime revealedAt;
    QString map;                ///< the model's map that was scored
    bool modelUntrained = false;      ///< the classifier was never trained: its maps mean nothing
    bool extractorUntrained = false;  ///< its features come from a seeded, never-trained extractor
    QString modelProblem;       ///< why the model was not scored; empty when it was or there is none
    TeachingScore score;        ///< at the reveal
};

class TeachingProgress {
    Q_DECLARE_TR_FUNCTIONS(TeachingProgress)
public:
    static constexpr const char* kFileName = "progress.json";

    /// The folder of a case list's progress under the user's data folder.
    static QString defaultFolderFor(const TeachingCaseList& list);

    TeachingProgress() = default;
    /// Reads `folder`/progress.json when there is one (creating the folder otherwise); an
    /// unreadable file is kept as progress.json.unreadable and the progress starts over, with
    /// the reason in `notice`.
    static Expected<TeachingProgress> open(const QString& folder, const TeachingCaseList& list, QString* notice = nullptr);

    QString folder() const { return folder_; }
    /// progress.json
    QString filePath() const;
    QString marksPath(const QString& caseId) const;
    QString thumbnailPath(const QString& caseId) const;

    const CaseProgress& of(const QString& caseId) const;
    CaseProgress& of(const QString& caseId);
    int revealedCount() const;

    QJsonObject toJson() const;
    /// Writes progress.json atomically.
    Check save() const;

private:
    QString folder_;
    QString source_;
    QHash<QString, CaseProgress> cases_;
};

}  // namespace slidesight
