#include "app/cli/maprequest.h"

#include "model/analysis/layerids.h"
#include "viewer/common/qstringfailure.h"

#include <QtCore/QFile>
#include <QtCore/QFileInfo>

namespace slidesight::cli {

Expected<MapRequest> MapRequest::parse(const QString& text) {
    MapRequest request;
    request.id = QString::fromLatin1(model::layerid::kAttentionMax);
    QString key;
    if (QFileInfo(text).isFile()) {
        request.file = text;
    } else {
        for (qsizetype i = text.indexOf(QLatin1Char(':')); i > 0; i = text.indexOf(QLatin1Char(':'), i + 1)) {
            if (QFileInfo(text.left(i)).isFile()) {
                request.file = text.left(i);
                key = text.mid(i + 1);
                break;
            }
        }
    }
    if (request.file.isEmpty())
        return failure(tr("The result file '%1' does not exist.").arg(text.section(QLatin1Char(':'), 0, 0)));
    if (!key.isEmpty()) {
        const QString id = key.section(QLatin1Char(':'), 0, 0).trimmed().toLower().replace(QLatin1Char('_'), QLatin1Char('-'));
        if (!id.isEmpty()) request.id = id;
        if (key.contains(QLatin1Char(':'))) {
            const auto channel = ChannelSelection::parse(key.section(QLatin1Char(':'), 1));
            if (!channel)
                return failure(tr("'%1' is not a channel: give a channel number, 'mean' or 'max'.")
                                   .arg(key.section(QLatin1Char(':'), 1)));
            request.channel = *channel;
        }
    }
    return request;
}

Expected<const model::ResultMap*> MapRequest::find(const model::ResultMaps& maps) const {
    const model::ResultMap* map = maps.map(id.toStdString());
    if (!map)
        return failure(tr("The result file has no map '%1'; it has: %2.").arg(id, QString::fromStdString(maps.idList())));
    if (channel.kind == ChannelSelection::Kind::Index && channel.index >= map->channels)
        return failure(tr("The map '%1' has %2 channels, so there is no channel %3.").arg(id).arg(map->channels).arg(channel.index));
    return map;
}

GridGeometry MapRequest::geometry(const model::ResultMaps& maps) {
    return GridGeometry{QPointF(maps.originX, maps.originY), QSizeF(maps.cellWidth, maps.cellHeight), maps.rows, maps.columns};
}

Expected<LoadedMap> LoadedMap::load(const QString& text) {
    auto request = MapRequest::parse(text);
    if (!request) return failure(request.error());
    auto maps = model::readResultMaps(QFile::encodeName(request->file).toStdString());
    if (!maps) return failure(maps.error());
    const auto found = request->find(*maps);
    if (!found) return failure(found.error());
    LoadedMap loaded;
    loaded.index = static_cast<size_t>(*found - maps->maps.data());
    loaded.request = std::move(*request);
    loaded.maps = std::move(*maps);
    return loaded;
}

GridData LoadedMap::grid() const { return GridData(MapRequest::geometry(maps), map().channels, map().values, QString()); }

}  // namespace slidesight::cli
