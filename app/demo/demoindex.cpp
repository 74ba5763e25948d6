#include "app/demo/demoindex.h"
#include "viewer/common/qstringfailure.h"

#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QFileInfo>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QStandardPaths>

namespace slidesight {

QString DemoIndex::defaultFolder() {
    return QDir(QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation))
        .filePath(QStringLiteral("slidesight/demo"));
}

Expected<DemoIndex> DemoIndex::read(const QString& folder) {
    const QDir dir(folder);
    const QString path = dir.filePath(QStringLiteral("demo.json"));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return failure(tr("There is no demo in \"%1\" (no demo.json); build it with: slidesight-cli demo build %1").arg(folder));
    QJsonParseError parse;
    const QJsonObject json = QJsonDocument::fromJson(file.readAll(), &parse).object();
    if (parse.error != QJsonParseError::NoError || json.value(QLatin1String("format")).toInt() != 1)
        return failure(tr("\"%1\" is not a demo index this version reads; rebuild the demo.").arg(path));
    DemoIndex index;
    index.folder = dir.absolutePath();
    index.bundle = dir.absoluteFilePath(json.value(QLatin1String("bundle")).toString());
    index.group = json.value(QLatin1String("group")).toString();
    index.firstLayer = json.value(QLatin1String("first_layer")).toString(index.firstLayer);
    index.report = dir.absoluteFilePath(json.value(QLatin1String("report")).toString());
    for (const QJsonValue& v : json.value(QLatin1String("slides")).toArray()) {
        const QJsonObject s = v.toObject();
        DemoSlide slide;
        slide.slide = dir.absoluteFilePath(s.value(QLatin1String("slide")).toString());
        const QString annotations = s.value(QLatin1String("annotations")).toString();
        if (!annotations.isEmpty()) slide.annotations = dir.absoluteFilePath(annotations);
        slide.positive = s.value(QLatin1String("label")).toString() == QLatin1String("positive");
        for (const QString& needed : {slide.slide, slide.annotations})
            if (!needed.isEmpty() && !QFileInfo::exists(needed))
                return failure(tr("The demo in \"%1\" is incomplete: \"%2\" is missing; rebuild it.").arg(folder, needed));
        index.slides.push_back(slide);
    }
    if (index.slides.empty() || !QFileInfo::exists(QDir(index.bundle).filePath(QStringLiteral("model.json"))))
        return failure(tr("The demo in \"%1\" is incomplete (no slides or no bundle); rebuild it.").arg(folder));
    return index;
}

const DemoSlide* DemoIndex::firstShown() const {
    for (const DemoSlide& s : slides)
        if (s.positive) return &s;
    return slides.empty() ? nullptr : &slides.front();
}

}  // namespace slidesight
