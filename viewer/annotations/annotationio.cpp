#include "viewer/annotations/annotationio.h"

#include "viewer/annotations/asapxml.h"
#include "viewer/annotations/geojson.h"
#include "viewer/common/qstringfailure.h"

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

Expected<AnnotationSet> AnnotationIO::parse(const QByteArray& data, AnnotationFormat* format, const AnnotationLimits& limits) {
    for (const char c : data) {
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n') continue;
        const bool xml = c == '<';
        if (!xml && c != '{' && c != '[') break;
        if (format) *format = xml ? AnnotationFormat::AsapXml : AnnotationFormat::GeoJson;
        return xml ? AsapXml::read(data, limits) : GeoJson::read(data, limits);
    }
    return failure(tr("It is neither ASAP XML nor GeoJSON."));
}

Expected<AnnotationSet> AnnotationIO::read(const QString& path, AnnotationFormat* format, const AnnotationLimits& limits) {
    const QString shown = QDir::toNativeSeparators(path);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return failure(tr("Cannot open the annotation file %1: %2.").arg(shown, file.errorString()));
    if (file.size() > limits.maxFileBytes)
        return failure(tr("The annotation file %1 is %L2 MB; at most %L3 MB are read.")
                           .arg(shown)
                           .arg((file.size() + (1 << 20) - 1) >> 20)
                           .arg(limits.maxFileBytes >> 20));
    QByteArray data = file.readAll();
    if (file.error() != QFileDevice::NoError)
        return failure(tr("Cannot read the annotation file %1: %2.").arg(shown, file.errorString()));
    if (data.startsWith("\xEF\xBB\xBF")) data.remove(0, 3);  // a UTF-8 byte order mark
    auto set = parse(data, format, limits);
    if (set) return set;
    // "Line 12: ..." or "Feature 3: ..." reads on after the file name.
    QString why = errorOf(set);
    if (!why.isEmpty()) why[0] = why[0].toLower();
    return failure(tr("Cannot read the annotations in %1: %2").arg(shown, why));
}

QByteArray AnnotationIO::serialise(const AnnotationSet& set, AnnotationFormat format) {
    return format == AnnotationFormat::AsapXml ? AsapXml::write(set) : GeoJson::write(set);
}

Expected<bool> AnnotationIO::write(const AnnotationSet& set, const QString& path, AnnotationFormat format) {
    QSaveFile file(path);
    const QByteArray data = serialise(set, format);
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size() || !file.commit()) {
        // QSaveFile reports a failed flush (a full disk, a file-size limit) as "Unknown error".
        const bool unspecific = file.errorString().isEmpty() || file.errorString() == QLatin1String("Unknown error");
        const QString reason = unspecific ? tr("the disk is full or the file may not grow") : file.errorString();
        return failure(tr("Cannot write the annotation file %1: %2.").arg(QDir::toNativeSeparators(path), reason));
    }
    return true;
}

}  // namespace slidesight
