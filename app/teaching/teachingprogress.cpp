#include "app/teaching/teachingprogress.h"

#include "app/shell/screenshots/imageio.h"
#include "viewer/common/qstringfailure.h"

#include <QtCore/QCryptographicHash>
#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QStandardPaths>

#include <cmath>

namespace slidesight {

namespace {

constexpr qint64 kMaxProgressBytes = 16 * 1024 * 1024;

QJsonValue number(double v) { return std::isfinite(v) ? QJsonValue(v) : QJsonValue(QJsonValue::Null); }
double numberOf(const QJsonValue& v) { return v.isDouble() ? v.toDouble() : ReaderFigures::kNaN; }

const char* stateName(CaseProgress::State s) {
    switch (s) {
    case CaseProgress::State::Marked: return "marked";
    case CaseProgress::State::Revealed: return "revealed";
    case CaseProgress::State::New: break;
    }
    return "new";
}

QJsonObject readerJson(const ReaderFigures& r) {
    QJsonObject o{{QStringLiteral("scored"), r.scored},
                  {QStringLiteral("cell_auc"), number(r.cellAuc)},
                  {QStringLiteral("dice"), number(r.dice)},
                  {QStringLiteral("threshold"), number(r.threshold)},
                  {QStringLiteral("pointing_defined"), r.pointingDefined},
                  {QStringLiteral("pointing_hit"), r.pointingHit},
                  {QStringLiteral("calls_lesional"), r.callsLesional},
                  {QStringLiteral("lesion_probability"), number(r.lesionProbability)}};
    if (r.pointingPoint)
        o.insert(QStringLiteral("pointing_point"), QJsonArray{r.pointingPoint->x(), r.pointingPoint->y()});
    return o;
}

ReaderFigures readerOf(const QJsonObject& o) {
    ReaderFigures r;
    r.scored = o.value(QLatin1String("scored")).toBool();
    r.cellAuc = numberOf(o.value(QLatin1String("cell_auc")));
    r.dice = numberOf(o.value(QLatin1String("dice")));
    r.threshold = numberOf(o.value(QLatin1String("threshold")));
    r.pointingDefined = o.value(QLatin1String("pointing_defined")).toBool();
    r.pointingHit = o.value(QLatin1String("pointing_hit")).toBool();
    r.callsLesional = o.value(QLatin1String("calls_lesional")).toBool();
    r.lesionProbability = numberOf(o.value(QLatin1String("lesion_probability")));
    const QJsonArray p = o.value(QLatin1String("pointing_point")).toArray();
    if (p.size() == 2) r.pointingPoint = QPointF(p.at(0).toDouble(), p.at(1).toDouble());
    return r;
}

}  // namespace

QString TeachingProgress::defaultFolderFor(const TeachingCaseList& list) {
    const QByteArray hash = QCryptographicHash::hash(list.source.toUtf8(), QCryptographicHash::Sha1).toHex().left(16);
    return QDir(QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation))
        .filePath(QStringLiteral("slidesight/teaching/") + QString::fromLatin1(hash));
}

Expected<TeachingProgress> TeachingProgress::open(const QString& folder, const TeachingCaseList& list, QString* notice) {
    if (!QDir().mkpath(folder)) return failure(tr("Cannot create the folder \"%1\" for the teaching progress.").arg(folder));
    TeachingProgress p;
    p.folder_ = QDir(folder).absolutePath();
    p.source_ = list.source;
    for (const TeachingCase& c : list.cases) p.cases_.insert(c.id, CaseProgress{});
    const QString path = QDir(folder).filePath(QString::fromLatin1(kFileName));
    QFile file(path);
    if (!file.exists()) return p;
    QJsonParseError parse{};
    QJsonDocument json;
    if (file.size() <= kMaxProgressBytes && file.open(QIODevice::ReadOnly)) json = QJsonDocument::fromJson(file.readAll(), &parse);
    file.close();
    if (!json.isObject() || parse.error != QJsonParseError::NoError ||
        json.object().value(QLatin1String("format")).toInt() != 1) {
        const QString kept = path + QStringLiteral(".unreadable");
        QFile::remove(kept);
        QFile::rename(path, kept);
        if (notice) *notice = tr("The teaching progress in \"%1\" could not be read; it was kept as %2 and starts over.")
                                  .arg(path, QFileInfo(kept).fileName());
        return p;
    }
    const QJsonObject cases = json.object().value(QLatin1String("cases")).toObject();
    for (auto it = p.cases_.begin(); it != p.cases_.end(); ++it) {
        const QJsonObject o = cases.value(it.key()).toObject();
        if (o.isEmpty()) continue;
        CaseProgress& c = it.value();
        const QString state = o.value(QLatin1String("state")).toString();
        c.state = state == QLatin1String("revealed") ? CaseProgress::State::Revealed
                  : state == QLatin1String("marked") ? CaseProgress::State::Marked
                                                     : CaseProgress::State::New;
        c.marks = o.value(QLatin1String("marks")).toInt();
        c.secondsSpent = o.value(QLatin1String("seconds")).toDouble();
        c.revealedAt = QDateTime::fromString(o.value(QLatin1String("revealed_at")).toString(), Qt::ISODate);
        c.map = o.value(QLatin1String("map")).toString();
        c.modelUntrained = o.value(QLatin1String("model_untrained")).toBool();
        c.extractorUntrained = o.value(QLatin1String("extractor_untrained")).toBool();
        c.modelProblem = o.value(QLatin1String("model_problem")).toString();
        const QJsonObject s = o.value(QLatin1String("score")).toObject();
        c.score.rows = s.value(QLatin1String("rows")).toInt();
        c.score.columns = s.value(QLatin1String("columns")).toInt();
        c.score.validCells = s.value(QLatin1String("valid_cells")).toInt();
        c.score.truthCells = s.value(QLatin1String("truth_cells")).toInt();
        c.score.truthLesional = s.value(QLatin1String("truth_lesional")).toBool();
        c.score.trainee = readerOf(s.value(QLatin1String("trainee")).toObject());
        c.score.model = readerOf(s.value(QLatin1String("model")).toObject());
    }
    return p;
}

QString TeachingProgress::filePath() const { return QDir(folder_).filePath(QString::fromLatin1(kFileName)); }

QString TeachingProgress::marksPath(const QString& caseId) const {
    return QDir(folder_).filePath(caseId + QStringLiteral(".marks.geojson"));
}

QString TeachingProgress::thumbnailPath(const QString& caseId) const {
    return QDir(folder_).filePath(caseId + QStringLiteral(".png"));
}

const CaseProgress& TeachingProgress::of(const QString& caseId) const {
    static const CaseProgress kNone;
    const auto it = cases_.constFind(caseId);
    return it == cases_.constEnd() ? kNone : it.value();
}

CaseProgress& TeachingProgress::of(const QString& caseId) { return cases_[caseId]; }

int TeachingProgress::revealedCount() const {
    int n = 0;
    for (const CaseProgress& c : cases_) n += c.state == CaseProgress::State::Revealed ? 1 : 0;
    return n;
}

QJsonObject TeachingProgress::toJson() const {
    QJsonObject cases;
    for (auto it = cases_.constBegin(); it != cases_.constEnd(); ++it) {
        const CaseProgress& c = it.value();
        QJsonObject o{{QStringLiteral("state"), QString::fromLatin1(stateName(c.state))},
                      {QStringLiteral("marks"), c.marks},
                      {QStringLiteral("seconds"), c.secondsSpent}};
        if (c.state == CaseProgress::State::Revealed) {
            o.insert(QStringLiteral("revealed_at"), c.revealedAt.toString(Qt::ISODate));
            o.insert(QStringLiteral("map"), c.map);
            o.insert(QStringLiteral("model_untrained"), c.modelUntrained);
            o.insert(QStringLiteral("extractor_untrained"), c.extractorUntrained);
            if (!c.modelProblem.isEmpty()) o.insert(QStringLiteral("model_problem"), c.modelProblem);
            o.insert(QStringLiteral("score"),
                     QJsonObject{{QStringLiteral("rows"), c.score.rows},
                                 {QStringLiteral("columns"), c.score.columns},
                                 {QStringLiteral("valid_cells"), c.score.validCells},
                                 {QStringLiteral("truth_cells"), c.score.truthCells},
                                 {QStringLiteral("truth_lesional"), c.score.truthLesional},
                                 {QStringLiteral("trainee"), readerJson(c.score.trainee)},
                                 {QStringLiteral("model"), readerJson(c.score.model)}});
        }
        cases.insert(it.key(), o);
    }
    return QJsonObject{{QStringLiteral("format"), 1}, {QStringLiteral("source"), source_}, {QStringLiteral("cases"), cases}};
}

Check TeachingProgress::save() const {
    return saveBytesAtomically(QJsonDocument(toJson()).toJson(), filePath());
}

}  // namespace slidesight
