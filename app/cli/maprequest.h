#pragma once

#include "model/analysis/resultmaps.h"
#include "viewer/common/expected.h"
#include "viewer/layers/griddata.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QString>

namespace slidesight::cli {

/// A map of a result file named on the command line as RESULT.pt[:KEY]: the file, the layer
/// id (attention-max by default) and the channel of a multi-channel map (the mean by default).
/// Shared by `compare` and `coverage`.
struct MapRequest {
    Q_DECLARE_TR_FUNCTIONS(MapRequest)

public:
    QString file;
    QString id;
    ChannelSelection channel = ChannelSelection::mean();

    /// The file is the longest prefix before a ':' that exists, so KEY may carry a channel
    /// ("attention-max:7"). A failure is one sentence.
    static Expected<MapRequest> parse(const QString& text);
    /// The requested map of `maps`; a failure names the maps there are or the channels.
    Expected<const model::ResultMap*> find(const model::ResultMaps& maps) const;
    /// Where the result's maps lie on the slide.
    static GridGeometry geometry(const model::ResultMaps& maps);
};

/// A map named on the command line, read from its result file.
struct LoadedMap {
    MapRequest request;
    model::ResultMaps maps;  ///< every map of the file, with its grid
    size_t index = 0;        ///< of the map asked for

    /// Parses RESULT.pt[:KEY], reads the file and finds the map; a failure is one sentence.
    static Expected<LoadedMap> load(const QString& text);
    const model::ResultMap& map() const { return maps.maps[index]; }
    /// The map as GridData (all its channels).
    GridData grid() const;
};

}  // namespace slidesight::cli
