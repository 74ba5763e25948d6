#include "app/cli/commands/slides/slidereport.h"

#include "app/cli/jsonoutput.h"

#include <openslide/openslide.h>

#include <QtCore/QJsonArray>

#include <algorithm>

namespace slidesight::cli {

namespace {

QString shortNumber(double value) { return QString::number(value, 'g', 6); }

/// Rows of a two-column "Label: value" block, aligned.
QString fieldBlock(const QList<QPair<QString, QString>>& rows) {
    int width = 0;
    for (const auto& row : rows) width = std::max(width, static_cast<int>(row.first.size()) + 1);
    QString text;
    for (const auto& row : rows)
        text += QStringLiteral("%1 %2\n").arg((row.first + QLatin1Char(':')).leftJustified(width), row.second);
    return text;
}

}  // namespace

SlideReport::SlideReport(const OpenSlideSource& slide) : slide_(slide) {}

QString SlideReport::colourName(uint32_t rgb) {
    return QStringLiteral("#%1").arg(rgb & 0xFFFFFFu, 6, 16, QLatin1Char('0')).toUpper();
}

QList<SlideReport::AssociatedImage> SlideReport::associatedImages() const {
    QList<AssociatedImage> images;
    for (const std::string& name : slide_.info().associatedImages) {
        AssociatedImage image{QString::fromStdString(name)};
        openslide_get_associated_image_dimensions(slide_.handle(), name.c_str(), &image.width, &image.height);
        images.append(image);
    }
    return images;
}

QString SlideReport::describeMpp(const Mpp& mpp, const std::optional<double>& objectivePower) {
    const QString value = mpp.x == mpp.y ? tr("%1 µm/px").arg(shortNumber(mpp.x))
                                         : tr("%1 x %2 µm/px").arg(shortNumber(mpp.x), shortNumber(mpp.y));
    switch (mpp.source) {
    case MppSource::Slide:
        return tr("%1 (read from the slide)").arg(value);
    case MppSource::ObjectivePower:
        return tr("%1, ASSUMED from the %2x objective power (10 µm/px divided by the power); "
                  "the slide does not record its µm/px")
            .arg(value, shortNumber(objectivePower.value_or(0.0)));
    case MppSource::User:
        return tr("%1 (entered by the user, assumed)").arg(value);
    case MppSource::Unknown:
        break;
    }
    return tr("UNKNOWN: the slide records neither its µm/px nor its objective power, so "
              "physical sizes cannot be shown");
}

QJsonObject SlideReport::toJson(bool withProperties) const {
    const SlideInfo& info = slide_.info();
    QJsonObject root;
    root[QStringLiteral("path")] = JsonOutput::string(info.identity.path);
    root[QStringLiteral("file_size")] = static_cast<double>(info.identity.fileSize);
    root[QStringLiteral("vendor")] = JsonOutput::string(info.vendor);
    root[QStringLiteral("width")] = static_cast<double>(info.width());
    root[QStringLiteral("height")] = static_cast<double>(info.height());

    QJsonArray levels;
    for (size_t i = 0; i < info.levels.size(); ++i) {
        const SlideLevel& l = info.levels[i];
        QJsonObject level;
        level[QStringLiteral("index")] = static_cast<int>(i);
        level[QStringLiteral("width")] = static_cast<double>(l.width);
        level[QStringLiteral("height")] = static_cast<double>(l.height);
        level[QStringLiteral("downsample")] = l.downsample;
        level[QStringLiteral("tile_width")] = l.tileWidth > 0 ? QJsonValue(l.tileWidth) : QJsonValue();
        level[QStringLiteral("tile_height")] = l.tileHeight > 0 ? QJsonValue(l.tileHeight) : QJsonValue();
        levels.append(level);
    }
    root[QStringLiteral("levels")] = levels;

    const Mpp mpp = slide_.mpp();
    QJsonObject mppJson;
    mppJson[QStringLiteral("x")] = mpp.known() ? QJsonValue(mpp.x) : QJsonValue();
    mppJson[QStringLiteral("y")] = mpp.known() ? QJsonValue(mpp.y) : QJsonValue();
    mppJson[QStringLiteral("source")] = QString::fromLatin1(mppSourceName(mpp.source));
    mppJson[QStringLiteral("assumed")] = mpp.assumed();
    mppJson[QStringLiteral("known")] = mpp.known();
    mppJson[QStringLiteral("description")] = describeMpp(mpp, info.objectivePower);
    root[QStringLiteral("mpp")] = mppJson;
    root[QStringLiteral("objective_power")] = JsonOutput::numberOrNull(info.objectivePower);
    root[QStringLiteral("background_color")] = colourName(info.backgroundRgb);

    QJsonArray associated;
    for (const AssociatedImage& image : associatedImages()) {
        QJsonObject a;
        a[QStringLiteral("name")] = image.name;
        a[QStringLiteral("width")] = static_cast<double>(image.width);
        a[QStringLiteral("height")] = static_cast<double>(image.height);
        associated.append(a);
    }
    root[QStringLiteral("associated_images")] = associated;
    root[QStringLiteral("quickhash")] = JsonOutput::string(info.identity.quickHash);
    root[QStringLiteral("openslide_version")] = JsonOutput::string(OpenSlideSource::libraryVersion());

    if (withProperties) {
        QJsonObject properties;
        for (const auto& [name, value] : info.properties)
            properties[QString::fromStdString(name)] = QString::fromStdString(value);
        root[QStringLiteral("properties")] = properties;
    }
    return root;
}

QString SlideReport::toText(bool withProperties) const {
    const SlideInfo& info = slide_.info();
    const Mpp mpp = slide_.mpp();
    QList<QPair<QString, QString>> rows;
    rows.append({tr("File"), QString::fromStdString(info.identity.path)});
    rows.append({tr("Vendor"), QString::fromStdString(info.vendor)});
    rows.append({tr("Dimensions"), tr("%1 x %2 px").arg(info.width()).arg(info.height())});
    rows.append({tr("Resolution"), describeMpp(mpp, info.objectivePower)});
    rows.append({tr("Objective power"),
                 info.objectivePower ? tr("%1x").arg(shortNumber(*info.objectivePower)) : tr("unknown")});
    rows.append({tr("Background colour"), colourName(info.backgroundRgb)});
    rows.append({tr("OpenSlide version"), QString::fromStdString(OpenSlideSource::libraryVersion())});
    QString text = fieldBlock(rows);

    text += QStringLiteral("\n") + tr("Levels (%1):").arg(info.levels.size()) + QLatin1Char('\n');
    text += QStringLiteral("  %1 %2 %3 %4\n")
                .arg(tr("level"), -6)
                .arg(tr("size (px)"), -16)
                .arg(tr("downsample"), -11)
                .arg(tr("tile size"));
    for (size_t i = 0; i < info.levels.size(); ++i) {
        const SlideLevel& l = info.levels[i];
        const QString tile = l.tileWidth > 0 ? QStringLiteral("%1 x %2").arg(l.tileWidth).arg(l.tileHeight)
                                             : tr("not tiled");
        text += QStringLiteral("  %1 %2 %3 %4\n")
                    .arg(static_cast<int>(i), -6)
                    .arg(QStringLiteral("%1 x %2").arg(l.width).arg(l.height), -16)
                    .arg(shortNumber(l.downsample), -11)
                    .arg(tile);
    }

    const auto images = associatedImages();
    text += QStringLiteral("\n") + tr("Associated images (%1):").arg(images.size()) + QLatin1Char('\n');
    if (images.isEmpty()) text += QStringLiteral("  ") + tr("none") + QLatin1Char('\n');
    for (const AssociatedImage& image : images)
        text += QStringLiteral("  %1 %2\n").arg(image.name, -12).arg(tr("%1 x %2 px").arg(image.width).arg(image.height));

    if (withProperties) {
        text += QStringLiteral("\n") + tr("Properties (%1):").arg(info.properties.size()) + QLatin1Char('\n');
        for (const auto& [name, value] : info.properties) {
            QString oneLine = QString::fromStdString(value);
            oneLine.replace(QLatin1Char('\r'), QLatin1Char(' ')).replace(QLatin1Char('\n'), QLatin1Char(' '));
            text += QStringLiteral("  %1 = %2\n").arg(QString::fromStdString(name), oneLine);
        }
    }
    return text;
}

}  // namespace slidesight::cli
