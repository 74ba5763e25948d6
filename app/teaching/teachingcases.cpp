#include "app/teaching/teachingcases.h"

#include "app/demo/demoindex.h"
#include "model/analysis/layerids.h"
#include "viewer/common/qstringfailure.h"

#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QFileInfo>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QSet>

namespace slidesight {

namespace {

const QStringList kSlidePatterns{QStringLiteral("*.svs"),  QStringLiteral("*.tif"),  QStringLiteral("*.tiff"),
                                 QStringLiteral("*.ndpi"), QStringLiteral("*.vms"),  QStringLiteral("*.scn"),
                                 QStringLiteral("*.mrxs"), QStringLiteral("*.svslide"), QStringLiteral("*.bif")};
constexpr qint64 kMaxCaseFileBytes = 4 * 1024 * 1024;

/// Gives each case an id unique in the list.
void assignIds(std::vector<TeachingCase>& cases) {
    QSet<QString> used;
    for (TeachingCase& c : cases) {
        const QString base = QFileInfo(c.slide).completeBaseName();
        QString id = base;
        for (int n = 2; used.contains(id); ++n) id = base + QStringLiteral("-%1").arg(n);
        used.insert(id);
        c.id = id;
        if (c.title.isEmpty()) c.title = id;
    }
}

Expected<TeachingCaseList> fromDemo(const QString& folder) {
    auto demo = DemoIndex::read(folder);
    if (!demo) return failure(demo.error());
    TeachingCaseList list;
    list.source = demo->folder;
    list.title = TeachingCaseList::tr("Demo: held-out mosaics");
    for (const DemoSlide& s : demo->slides) {
        TeachingCase c;
        // The demo's file names say "positive" or "negative": the list must not give it away.
        c.title = TeachingCaseList::tr("Case %1").arg(list.cases.size() + 1);
        c.slide = s.slide;
        c.truth = s.annotations;
        c.group = demo->group;
        c.bundle = demo->bundle;
        c.map = demo->firstLayer;
        list.cases.push_back(c);
    }
    return list;
}

Expected<TeachingCaseList> fromFile(const QString& path) {
    const QFileInfo info(path);
    QFile file(path);
    if (info.size() > kMaxCaseFileBytes)
        return failure(TeachingCaseList::tr("\"%1\" is too large for a case list (more than 4 MB).").arg(path));
    if (!file.open(QIODevice::ReadOnly))
        return failure(TeachingCaseList::tr("Cannot read the case list \"%1\": %2.").arg(path, file.errorString()));
    QJsonParseError parse;
    const QJsonDocument json = QJsonDocument::fromJson(file.readAll(), &parse);
    if (parse.error != QJsonParseError::NoError || !json.isObject() || !json.object().value(QLatin1String("cases")).isArray())
        return failure(TeachingCaseList::tr("\"%1\" is not a case list: a JSON object with a \"cases\" array is expected.")
                           .arg(path));
    const QDir dir = info.absoluteDir();
    const QJsonObject root = json.object();
    const auto absolute = [&dir](const QJsonValue& v) {
        const QString s = v.toString();
        return s.isEmpty() ? QString() : QDir::cleanPath(dir.absoluteFilePath(s));
    };
    TeachingCaseList list;
    list.source = info.absoluteFilePath();
    list.title = root.value(QLatin1String("title")).toString(info.completeBaseName());
    const QString bundle = absolute(root.value(QLatin1String("bundle")));
    const QString group = root.value(QLatin1String("group")).toString();
    const QString map = root.value(QLatin1String("map")).toString(TeachingCaseList::defaultMap());
    const QJsonArray cases = root.value(QLatin1String("cases")).toArray();
    for (int i = 0; i < cases.size(); ++i) {
        const QJsonObject o = cases.at(i).toObject();
        TeachingCase c;
        c.slide = absolute(o.value(QLatin1String("slide")));
        if (c.slide.isEmpty())
            return failure(TeachingCaseList::tr("Case %1 of \"%2\" names no slide.").arg(i + 1).arg(path));
        c.truth = absolute(o.value(QLatin1String("truth")));
        c.title = o.value(QLatin1String("title")).toString();
        c.group = o.value(QLatin1String("group")).toString(group);
        c.bundle = o.contains(QLatin1String("bundle")) ? absolute(o.value(QLatin1String("bundle"))) : bundle;
        c.map = o.value(QLatin1String("map")).toString(map);
        list.cases.push_back(c);
    }
    return list;
}

Expected<TeachingCaseList> fromSlideFolder(const QString& folder) {
    const QDir dir(folder);
    TeachingCaseList list;
    list.source = dir.absolutePath();
    list.title = dir.dirName();
    const QString bundle = dir.exists(QStringLiteral("bundle/model.json")) ? dir.absoluteFilePath(QStringLiteral("bundle")) : QString();
    for (const QFileInfo& slide : dir.entryInfoList(kSlidePatterns, QDir::Files, QDir::Name)) {
        TeachingCase c;
        c.slide = slide.absoluteFilePath();
        for (const QString& suffix : {QStringLiteral(".xml"), QStringLiteral(".geojson")}) {
            const QString truth = dir.absoluteFilePath(slide.completeBaseName() + suffix);
            if (QFileInfo::exists(truth)) {
                c.truth = truth;
                break;
            }
        }
        c.bundle = bundle;
        c.map = TeachingCaseList::defaultMap();
        list.cases.push_back(c);
    }
    return list;
}

}  // namespace

QString TeachingCaseList::defaultMap() {
    return QString::fromLatin1(model::layerid::kAttentionMax) + QStringLiteral(":mean");
}

Expected<TeachingCaseList> TeachingCaseList::read(const QString& given) {
    const QString path = given == QLatin1String("demo") && !QFileInfo::exists(given) ? DemoIndex::defaultFolder() : given;
    const QFileInfo info(path);
    Expected<TeachingCaseList> list = failure(tr("There are no teaching cases at \"%1\".").arg(path));
    if (info.isDir()) {
        const QDir dir(path);
        if (dir.exists(QStringLiteral("demo.json"))) list = fromDemo(path);
        else if (dir.exists(QStringLiteral("cases.json"))) list = fromFile(dir.filePath(QStringLiteral("cases.json")));
        else list = fromSlideFolder(path);
    } else if (info.isFile()) {
        list = fromFile(path);
    }
    if (!list) return list;
    if (list->cases.empty()) return failure(tr("There are no teaching cases at \"%1\": no slide was found.").arg(path));
    for (const TeachingCase& c : list->cases)
        for (const QString& needed : {c.slide, c.truth})
            if (!needed.isEmpty() && !QFileInfo::exists(needed))
                return failure(tr("The teaching cases at \"%1\" name \"%2\", which is missing.").arg(path, needed));
    assignIds(list->cases);
    return list;
}

}  // namespace slidesight
