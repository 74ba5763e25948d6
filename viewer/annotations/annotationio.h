#pragma once

#include "viewer/annotations/annotation.h"
#include "viewer/annotations/annotationlimits.h"
#include "viewer/common/expected.h"

#include <QtCore/QByteArray>
#include <QtCore/QCoreApplication>
#include <QtCore/QString>

#include <optional>

namespace slidesight {

enum class AnnotationFormat {
    AsapXml,  ///< ASAP / Camelyon16 XML (.xml)
    GeoJson,  ///< QuPath GeoJSON (.geojson, .json)
};

/// Annotation files: reads any supported format (recognised by content, else by extension)
/// and writes one chosen format atomically.
///
/// Reentrant; call from a worker thread for large files (the GUI thread never waits on I/O).
class AnnotationIO {
    Q_DECLARE_TR_FUNCTIONS(AnnotationIO)
public:
    /// The format a file name asks for: .xml is ASAP XML, .geojson and .json GeoJSON.
    static std::optional<AnnotationFormat> formatForPath(const QString& path);
    /// The filter for file dialogs, e.g. "Annotations (*.xml *.geojson *.json)".
    static QString fileDialogFilter();

    /// Parses `data`: XML if it starts with '<', JSON if with '{' or '['. `format`, if given,
    /// receives the format that was recognised. A failure is one sentence (UTF-8), also for
    /// a file past `limits`.
    static Expected<AnnotationSet> parse(const QByteArray& data, AnnotationFormat* format = nullptr,
                                         const AnnotationLimits& limits = {});
    /// Reads a file. A failure is one sentence naming the file and what is wrong.
    static Expected<AnnotationSet> read(const QString& path, AnnotationFormat* format = nullptr,
                                        const AnnotationLimits& limits = {});
    /// "ASAP XML" or "GeoJSON".
    static QString formatName(AnnotationFormat format);

    static QByteArray serialise(const AnnotationSet& set, AnnotationFormat format);
    /// Writes atomically (QSaveFile): on failure the old file is intact and the error says why.
    static Expected<bool> write(const AnnotationSet& set, const QString& path, AnnotationFormat format);
    /// An error sentence of these functions as a QString.
    template <typename T>
    static QString errorOf(const Expected<T>& result) { return QString::fromStdString(result.error()); }
};

}  // namespace slidesight
