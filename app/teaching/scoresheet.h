#pragma once

// The score sheet of a teaching session: a CSV file (one row per case, for spreadsheets) and
// a printable HTML page (one self-contained file: the summary, then per case its thumbnail
// with the truth, the trainee's marks and both pointing points, and the two columns of
// figures). Unrevealed cases are listed without figures.

#include "app/teaching/teachingcases.h"
#include "app/teaching/teachingprogress.h"
#include "viewer/common/expected.h"

#include <QtCore/QByteArray>
#include <QtCore/QCoreApplication>
#include <QtCore/QString>

namespace slidesight {

/// One reader's totals over the revealed cases it was scored on.
struct ReaderTotals {
    int calls = 0;
    int callsRight = 0;  ///< slide calls that agree with the truth
    int pointing = 0;    ///< cases where the pointing game is defined
    int pointingHits = 0;
    double meanAuc = 0.0;   ///< NaN when no case defines it
    double meanDice = 0.0;  ///< likewise
};

struct ScoreSummary {
    int cases = 0;
    int revealed = 0;
    ReaderTotals trainee;
    ReaderTotals model;
};

class ScoreSheet {
    Q_DECLARE_TR_FUNCTIONS(ScoreSheet)
public:
    static ScoreSummary summary(const TeachingCaseList& list, const TeachingProgress& progress);
    static QByteArray csv(const TeachingCaseList& list, const TeachingProgress& progress);
    /// `thumbnails` are read from the progress folder (CASE.png) and embedded.
    static QByteArray html(const TeachingCaseList& list, const TeachingProgress& progress);
    /// Writes BASE.csv and BASE.html (`path` with or without either suffix), atomically.
    static Check write(const TeachingCaseList& list, const TeachingProgress& progress, const QString& path);
    /// A number as the sheet shows it: three decimals, "–" when undefined.
    static QString figure(double value);
};

}  // namespace slidesight
