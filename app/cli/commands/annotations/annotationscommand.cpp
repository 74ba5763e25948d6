#include "app/cli/commands/annotations/annotationscommand.h"

#include "app/cli/commandline.h"
#include "app/cli/console.h"
#include "app/cli/jsonoutput.h"

#include "viewer/annotations/annotationio.h"

#include <QtCore/QDir>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonObject>
#include <QtCore/QMap>

namespace slidesight::cli {

namespace {

const char* const kGeometryKeys[] = {"point", "points", "line", "polygon", "rectangle"};

QString coordinateText(double value) { return QString::number(value, 'g', 10); }

QString colourName(const QColor& colour) { return colour.name(QColor::HexRgb).toUpper(); }

/// What the report counts, gathered once.
struct Summary {
    struct Group {
        int annotations = 0;
        int vertices = 0;
    };
    int vertices = 0;
    int ungrouped = 0;
    QMap<QString, Group> groups;
    int geometries[std::size(kGeometryKeys)] = {};
    QMap<QString, int> sourceTypes;

    explicit Summary(const AnnotationSet& set) {
        for (const AnnotationGroup& g : set.groups()) groups[g.name];
        for (const Annotation& a : set.annotations()) {
            const int count = a.vertexCount();
            vertices += count;
            if (a.group.isEmpty()) {
                ++ungrouped;
            } else {
                ++groups[a.group].annotations;
                groups[a.group].vertices += count;
            }
            ++geometries[static_cast<int>(a.geometry)];
            if (!a.sourceType.isEmpty()) ++sourceTypes[a.sourceType];
        }
    }
};

QJsonObject toJson(const QString& file, AnnotationFormat format, const AnnotationSet& set, const Summary& s) {
    QJsonObject root{{QStringLiteral("file"), file},
                     {QStringLiteral("format"), format == AnnotationFormat::AsapXml ? QStringLiteral("asap-xml") : QStringLiteral("geojson")},
                     {QStringLiteral("annotations"), static_cast<int>(set.annotations().size())},
                     {QStringLiteral("vertices"), s.vertices},
                     {QStringLiteral("ungrouped"), s.ungrouped}};
    if (set.isEmpty()) {
        root[QStringLiteral("bounds")] = QJsonValue::Null;
    } else {
        const QRectF b = set.bounds();
        root[QStringLiteral("bounds")] = QJsonObject{{QStringLiteral("x"), b.x()}, {QStringLiteral("y"), b.y()},
                                                     {QStringLiteral("width"), b.width()}, {QStringLiteral("height"), b.height()}};
    }
    QJsonArray groups;
    for (const AnnotationGroup& g : set.groups()) {
        const Summary::Group& counts = s.groups.value(g.name);
        groups.append(QJsonObject{{QStringLiteral("name"), g.name},
                                  {QStringLiteral("colour"), colourName(g.colour)},
                                  {QStringLiteral("annotations"), counts.annotations},
                                  {QStringLiteral("vertices"), counts.vertices}});
    }
    root[QStringLiteral("groups")] = groups;
    QJsonObject geometries;
    for (size_t i = 0; i < std::size(kGeometryKeys); ++i) geometries[QLatin1String(kGeometryKeys[i])] = s.geometries[i];
    root[QStringLiteral("geometries")] = geometries;
    QJsonObject sourceTypes;
    for (auto it = s.sourceTypes.begin(); it != s.sourceTypes.end(); ++it) sourceTypes[it.key()] = it.value();
    root[QStringLiteral("source_types")] = sourceTypes;
    return root;
}

}  // namespace

QString AnnotationsCommand::summary() const {
    return tr("Summarise an annotation file (ASAP XML, QuPath GeoJSON) or convert it to the other format.");
}

int AnnotationsCommand::run(const QString& path, const QStringList& arguments) {
    CommandLine cl(path, tr("Reads an annotation file, ASAP XML (Camelyon16) or QuPath GeoJSON, recognised by its "
                            "content, and shows how many annotations each group and each geometry has, the number "
                            "of vertices and the bounds in level-0 pixels. With --export the annotations are also "
                            "written to OUT, as ASAP XML for .xml and as QuPath GeoJSON for .geojson or .json."));
    cl.addPositional(QStringLiteral("FILE"), tr("The annotation file."), QStringLiteral("FILE"));
    cl.addJsonOption();
    cl.addOption(QCommandLineOption(QStringLiteral("export"), tr("Also write the annotations to OUT (.xml, .geojson or .json)."),
                                    QStringLiteral("OUT")));
    if (const auto stop = cl.exitBeforeRun(arguments)) return *stop;
    const QString exportPath = cl.value(QStringLiteral("export"));
    const auto exportFormat = AnnotationIO::formatForPath(exportPath);
    if (cl.isSet(QStringLiteral("export")) && !exportFormat) {
        cl.usageError(tr("--export needs a file name ending in .xml, .geojson or .json, not '%1'.").arg(exportPath));
        return ExitUsageError;
    }

    const QString file = cl.positional().constFirst();
    AnnotationFormat format = AnnotationFormat::AsapXml;
    const auto set = AnnotationIO::read(file, &format);
    if (!set) {
        Console::error(AnnotationIO::errorOf(set));
        return ExitFailure;
    }
    if (exportFormat) {
        if (const auto written = AnnotationIO::write(*set, exportPath, *exportFormat); !written) {
            Console::error(AnnotationIO::errorOf(written));
            return ExitFailure;
        }
    }

    const Summary s(*set);
    if (cl.json()) {
        QJsonObject root = toJson(file, format, *set, s);
        if (exportFormat)
            root[QStringLiteral("export")] = QJsonObject{
                {QStringLiteral("file"), exportPath},
                {QStringLiteral("format"), *exportFormat == AnnotationFormat::AsapXml ? QStringLiteral("asap-xml") : QStringLiteral("geojson")}};
        JsonOutput::print(root);
        return ExitSuccess;
    }
    QString text = tr("File: %1 (%2)").arg(QDir::toNativeSeparators(file), AnnotationIO::formatName(format)) + QLatin1Char('\n') +
                   tr("Annotations: %1").arg(set->annotations().size()) + QLatin1Char('\n') +
                   tr("Vertices: %1").arg(s.vertices) + QLatin1Char('\n');
    if (!set->isEmpty()) {
        const QRectF b = set->bounds();
        text += tr("Bounds (level-0 px): x %1 to %2, y %3 to %4")
                    .arg(coordinateText(b.left()), coordinateText(b.right()), coordinateText(b.top()), coordinateText(b.bottom())) + QLatin1Char('\n');
    }
    if (!set->groups().empty() || s.ungrouped > 0) {
        text += tr("Groups:") + QLatin1Char('\n');
        for (const AnnotationGroup& g : set->groups())
            text += QStringLiteral("  %1 (%2): %3\n").arg(g.name, colourName(g.colour)).arg(s.groups.value(g.name).annotations);
        if (s.ungrouped > 0) text += QStringLiteral("  %1: %2\n").arg(tr("(no group)")).arg(s.ungrouped);
    }
    text += tr("Geometries:") + QLatin1Char('\n');
    for (size_t i = 0; i < std::size(kGeometryKeys); ++i)
        if (s.geometries[i] > 0) text += QStringLiteral("  %1: %2\n").arg(QLatin1String(kGeometryKeys[i])).arg(s.geometries[i]);
    QStringList types;
    for (auto it = s.sourceTypes.begin(); it != s.sourceTypes.end(); ++it) types << QStringLiteral("%1 %2").arg(it.key()).arg(it.value());
    if (!types.isEmpty()) text += tr("Types in the file: %1").arg(types.join(QStringLiteral(", "))) + QLatin1Char('\n');
    if (exportFormat)
        text += tr("Exported to %1 (%2).").arg(QDir::toNativeSeparators(exportPath), AnnotationIO::formatName(*exportFormat)) +
                QLatin1Char('\n');
    Console::out(text);
    return ExitSuccess;
}

}  // namespace slidesight::cli
