#include "app/teaching/scoresheet.h"

#include "app/shell/screenshots/imageio.h"

#include <QtCore/QFile>
#include <QtCore/QFileInfo>
#include <QtCore/QLocale>

#include <cmath>

namespace slidesight {

namespace {

constexpr qint64 kMaxThumbnailBytes = 4 * 1024 * 1024;

QString csvField(QString s) {
    if (s.contains(QLatin1Char(',')) || s.contains(QLatin1Char('"')) || s.contains(QLatin1Char('\n')))
        s = QLatin1Char('"') + s.replace(QLatin1Char('"'), QStringLiteral("\"\"")) + QLatin1Char('"');
    return s;
}

QString csvNumber(double v) { return std::isfinite(v) ? QString::number(v, 'f', 4) : QString(); }

QString pointingWord(const ReaderFigures& r) {
    if (!r.scored || !r.pointingDefined) return {};
    return r.pointingHit ? QStringLiteral("hit") : QStringLiteral("miss");
}

double meanOf(double sum, int n) { return n > 0 ? sum / n : std::nan(""); }

}  // namespace

QString ScoreSheet::figure(double value) {
    return std::isfinite(value) ? QLocale().toString(value, 'f', 3) : QStringLiteral("–");
}

ScoreSummary ScoreSheet::summary(const TeachingCaseList& list, const TeachingProgress& progress) {
    ScoreSummary s;
    struct Sums {
        double auc = 0, dice = 0;
        int aucs = 0, dices = 0;
    } trainee, model;
    const auto add = [](ReaderTotals& totals, Sums& sums, const ReaderFigures& r, bool truthLesional) {
        if (!r.scored) return;
        ++totals.calls;
        totals.callsRight += r.callsLesional == truthLesional ? 1 : 0;
        if (r.pointingDefined) {
            ++totals.pointing;
            totals.pointingHits += r.pointingHit ? 1 : 0;
        }
        if (std::isfinite(r.cellAuc)) {
            sums.auc += r.cellAuc;
            ++sums.aucs;
        }
        if (std::isfinite(r.dice)) {
            sums.dice += r.dice;
            ++sums.dices;
        }
    };
    for (const TeachingCase& c : list.cases) {
        ++s.cases;
        const CaseProgress& p = progress.of(c.id);
        if (p.state != CaseProgress::State::Revealed) continue;
        ++s.revealed;
        add(s.trainee, trainee, p.score.trainee, p.score.truthLesional);
        add(s.model, model, p.score.model, p.score.truthLesional);
    }
    for (auto [totals, sums] : {std::make_pair(&s.trainee, &trainee), std::make_pair(&s.model, &model)}) {
        totals->meanAuc = meanOf(sums->auc, sums->aucs);
        totals->meanDice = meanOf(sums->dice, sums->dices);
    }
    return s;
}

QByteArray ScoreSheet::csv(const TeachingCaseList& list, const TeachingProgress& progress) {
    QString out = QStringLiteral(
        "case,title,slide,state,truth,trainee_call,model_call,model_lesion_probability,trainee_cell_auc,model_cell_auc,"
        "trainee_dice,model_dice,trainee_pointing,model_pointing,marks,seconds,map,model_untrained,extractor_untrained,"
        "model_problem\n");
    for (const TeachingCase& c : list.cases) {
        const CaseProgress& p = progress.of(c.id);
        const bool revealed = p.state == CaseProgress::State::Revealed;
        const TeachingScore& s = p.score;
        const auto call = [revealed](bool scored, bool lesional) {
            return !revealed || !scored ? QString() : lesional ? QStringLiteral("lesional") : QStringLiteral("none");
        };
        const QString state = revealed ? QStringLiteral("revealed")
                              : p.state == CaseProgress::State::Marked ? QStringLiteral("marked")
                                                                       : QStringLiteral("new");
        QStringList row{csvField(c.id), csvField(c.title), csvField(c.slide), state,
                        c.positive() ? QStringLiteral("lesional") : QStringLiteral("none"),
                        call(s.trainee.scored, s.trainee.callsLesional), call(s.model.scored, s.model.callsLesional)};
        if (revealed) {
            row << csvNumber(s.model.lesionProbability) << csvNumber(s.trainee.cellAuc) << csvNumber(s.model.cellAuc)
                << csvNumber(s.trainee.dice) << csvNumber(s.model.dice) << pointingWord(s.trainee) << pointingWord(s.model)
                << QString::number(p.marks) << QString::number(p.secondsSpent, 'f', 0) << csvField(p.map)
                << (p.modelUntrained ? QStringLiteral("yes") : QStringLiteral("no"))
                << (p.extractorUntrained ? QStringLiteral("yes") : QStringLiteral("no")) << csvField(p.modelProblem);
        } else {
            for (int i = 0; i < 13; ++i) row << QString();
        }
        out += row.join(QLatin1Char(',')) + QLatin1Char('\n');
    }
    return out.toUtf8();
}

QByteArray ScoreSheet::html(const TeachingCaseList& list, const TeachingProgress& progress) {
    const ScoreSummary sum = summary(list, progress);
    const auto esc = [](const QString& s) { return s.toHtmlEscaped(); };
    const auto ratio = [](int k, int n) { return n > 0 ? QStringLiteral("%1/%2").arg(k).arg(n) : QStringLiteral("–"); };
    const auto pointing = [](const ReaderFigures& r) {
        if (!r.scored) return QString();
        if (!r.pointingDefined) return QStringLiteral("–");
        return r.pointingHit ? tr("hit") : tr("miss");
    };
    const auto call = [](const ReaderFigures& r) {
        if (!r.scored) return QString();
        QString s = r.callsLesional ? tr("lesional") : tr("no lesion");
        if (std::isfinite(r.lesionProbability)) s += QStringLiteral(" (p = %1)").arg(figure(r.lesionProbability));
        return s;
    };
    bool anyUntrained = false;
    for (const TeachingCase& c : list.cases)
        anyUntrained = anyUntrained || progress.of(c.id).modelUntrained || progress.of(c.id).extractorUntrained;

    QString h;
    h += QStringLiteral("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>%1</title>\n").arg(esc(tr("Score sheet: %1").arg(list.title)));
    h += QStringLiteral(
        "<style>body{font-family:sans-serif;margin:2em;color:#222}table{border-collapse:collapse;margin:0.5em 0}"
        "td,th{border:1px solid #bbb;padding:3px 8px;text-align:left}th{background:#eee}.case{page-break-inside:avoid;"
        "margin:1.5em 0;display:flex;gap:1.5em;align-items:flex-start}.case img{max-width:320px;border:1px solid #999}"
        ".note{color:#a33}.key span{display:inline-block;width:1em;height:0.6em;margin:0 0.3em}"
        "@media print{body{margin:0.5cm}}</style></head><body>\n");
    h += QStringLiteral("<h1>%1</h1>\n").arg(esc(tr("Score sheet: %1").arg(list.title)));
    h += QStringLiteral("<p>%1</p>\n").arg(esc(tr("%1 of %2 cases revealed, printed %3.")
                                                    .arg(sum.revealed)
                                                    .arg(sum.cases)
                                                    .arg(QLocale().toString(QDateTime::currentDateTime(), QLocale::ShortFormat))));
    if (anyUntrained)
        h += QStringLiteral("<p class=\"note\">%1</p>\n")
                 .arg(esc(tr("The model's maps come from a model that was never trained (in part or whole): "
                             "its figures show the method, not a diagnostic skill.")));
    h += QStringLiteral("<table><tr><th></th><th>%1</th><th>%2</th></tr>\n").arg(esc(tr("You")), esc(tr("Model")));
    h += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td></tr>\n")
             .arg(esc(tr("Slide calls right")), ratio(sum.trainee.callsRight, sum.trainee.calls), ratio(sum.model.callsRight, sum.model.calls));
    h += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td></tr>\n")
             .arg(esc(tr("Mean cell AUC")), figure(sum.trainee.meanAuc), figure(sum.model.meanAuc));
    h += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td></tr>\n")
             .arg(esc(tr("Mean Dice")), figure(sum.trainee.meanDice), figure(sum.model.meanDice));
    h += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td></tr></table>\n")
             .arg(esc(tr("Pointing game")), ratio(sum.trainee.pointingHits, sum.trainee.pointing),
                  ratio(sum.model.pointingHits, sum.model.pointing));
    h += QStringLiteral("<p class=\"key\"><span style=\"background:#00c853\"></span>%1 <span style=\"background:#2962ff\"></span>%2 "
                        "<span style=\"background:#ff6d00\"></span>%3</p>\n")
             .arg(esc(tr("truth")), esc(tr("your marks and your pointing point (+)")), esc(tr("the model's highest cell (×)")));
    for (const TeachingCase& c : list.cases) {
        const CaseProgress& p = progress.of(c.id);
        h += QStringLiteral("<div class=\"case\">");
        QFile thumbnail(progress.thumbnailPath(c.id));
        if (p.state == CaseProgress::State::Revealed && thumbnail.size() <= kMaxThumbnailBytes &&
            thumbnail.open(QIODevice::ReadOnly))
            h += QStringLiteral("<img alt=\"%1\" src=\"data:image/png;base64,%2\">")
                     .arg(esc(c.title), QString::fromLatin1(thumbnail.readAll().toBase64()));
        h += QStringLiteral("<div><h2>%1</h2><p>%2</p>").arg(esc(c.title), esc(QFileInfo(c.slide).fileName()));
        if (p.state != CaseProgress::State::Revealed) {
            h += QStringLiteral("<p>%1</p></div></div>\n").arg(esc(tr("Not revealed yet.")));
            continue;
        }
        const TeachingScore& s = p.score;
        h += QStringLiteral("<p>%1</p>").arg(esc(tr("Truth: %1. Map: %2. Marks: %3. Time before the reveal: %4 s.")
                                                     .arg(s.truthLesional ? tr("lesional") : tr("no lesion"), p.map)
                                                     .arg(p.marks)
                                                     .arg(QString::number(p.secondsSpent, 'f', 0))));
        h += QStringLiteral("<table><tr><th></th><th>%1</th><th>%2</th></tr>").arg(esc(tr("You")), esc(tr("Model")));
        h += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td></tr>").arg(esc(tr("Slide call")), esc(call(s.trainee)), esc(call(s.model)));
        h += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td></tr>")
                 .arg(esc(tr("Cell AUC")), figure(s.trainee.cellAuc), s.model.scored ? figure(s.model.cellAuc) : QString());
        h += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td></tr>")
                 .arg(esc(tr("Dice")), figure(s.trainee.dice), s.model.scored ? figure(s.model.dice) : QString());
        h += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td></tr></table>")
                 .arg(esc(tr("Pointing game")), esc(pointing(s.trainee)), esc(pointing(s.model)));
        if (!p.modelProblem.isEmpty()) h += QStringLiteral("<p class=\"note\">%1</p>").arg(esc(p.modelProblem));
        else if (p.modelUntrained) h += QStringLiteral("<p class=\"note\">%1</p>").arg(esc(tr("The model was never trained.")));
        else if (p.extractorUntrained)
            h += QStringLiteral("<p class=\"note\">%1</p>").arg(esc(tr("The model's features come from a never-trained extractor.")));
        h += QStringLiteral("</div></div>\n");
    }
    h += QStringLiteral("</body></html>\n");
    return h.toUtf8();
}

Check ScoreSheet::write(const TeachingCaseList& list, const TeachingProgress& progress, const QString& path) {
    QString base = path;
    for (const QString& suffix : {QStringLiteral(".html"), QStringLiteral(".csv")})
        if (base.endsWith(suffix, Qt::CaseInsensitive)) base.chop(suffix.size());
    if (auto written = saveBytesAtomically(csv(list, progress), base + QStringLiteral(".csv")); !written) return written;
    return saveBytesAtomically(html(list, progress), base + QStringLiteral(".html"));
}

}  // namespace slidesight
