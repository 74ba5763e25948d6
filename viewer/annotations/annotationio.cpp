#include "viewer/annotations/annotationio.h"

#include "viewer/annotations/asapxml.h"
#include "viewer/annotations/geojson.h"

#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QFileInfo>
#include <QtCore/QSaveFile>

namespace slidesight {

std::optional<AnnotationFormat> AnnotationIO::formatForPath(const QString& path) {
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("xml")) return AnnotationFormat::AsapXml;
    if (suffix == QLatin1String("geojson") || suffix == QLatin1String("json")) return AnnotationFormat::GeoJson;
    return std::nullopt;
}

QString AnnotationIO::fileDialogFilter() {
    return tr("Annotations (*.xml *.geojson *.json);;ASAP XML (*.xml);;QuPath GeoJSON (*.geojson *.json)");
}

QString AnnotationIO::formatName(AnnotationFormat format) {
    return format == AnnotationFormat::AsapXml ? QStringLiteral("ASAP XML") : QStringLiteral("GeoJSON");
}

std::optional<AnnotationSet> AnnotationIO::parse(const QByteArray& data, QString* error, AnnotationFormat* format) {
    for (const char c : data) {
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n') continue;
        const bool xml = c == '<';
        if (!xml && c != '{' && c != '[') break;
        if (format) *format = xml ? AnnotationFormat::AsapXml : AnnotationFormat::GeoJson;
        return xml ? AsapXml::read(data, error) : GeoJson::read(data, error);
    }
    if (error) *error = tr("It is neither ASAP XML nor GeoJSON.");
    return std::nullopt;
}

std::optional<AnnotationSet> AnnotationIO::read(const QString& path, QString* error, AnnotationFormat* format) {
    const QString shown = QDir::toNativeSeparators(path);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error) *error = tr("Cannot open the annotation file %1: %2.").arg(shown, file.errorString());
        return std::nullopt;
    }
    QByteArray data = file.readAll();
    if (file.error() != QFileDevice::NoError) {
        if (error) *error = tr("Cannot read the annotation file %1: %2.").arg(shown, file.errorString());
        return std::nullopt;
    }
    if (data.startsWith("\xEF\xBB\xBF")) data.remove(0, 3);  // a UTF-8 byte order mark
    QString why;
    auto set = parse(data, &why, format);
    if (!set && error) {
        // "Line 12: ..." or "Feature 3: ..." reads on after the file name.
        if (!why.isEmpty()) why[0] = why[0].toLower();
        *error = tr("Cannot read the annotations in %1: %2").arg(shown, why);
    }
    return set;
}

QByteArray AnnotationIO::serialise(const AnnotationSet& set, AnnotationFormat format) {
    return format == AnnotationFormat::AsapXml ? AsapXml::write(set) : GeoJson::write(set);
}

bool AnnotationIO::write(const AnnotationSet& set, const QString& path, AnnotationFormat format, QString* error) {
    QSaveFile file(path);
    const QByteArray data = serialise(set, format);
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size() || !file.commit()) {
        if (error) *error = tr("Cannot write the annotation file %1: %2.").arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    return true;
}

}  // namespace slidesight
