// Fuzz targets of the annotation files a colleague may send: ASAP XML and QuPath GeoJSON.

#include "fuzztargets.h"

#include "viewer/annotations/asapxml.h"
#include "viewer/annotations/geojson.h"

#include <QtCore/QByteArray>

namespace slidesight::fuzz {

void asapXml(const uint8_t* data, size_t size) {
    const auto read = AsapXml::read(QByteArray(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size)));
    if (read) (void)read->annotations().size();
}

void geoJson(const uint8_t* data, size_t size) {
    const auto read = GeoJson::read(QByteArray(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size)));
    if (read) (void)read->annotations().size();
}

}  // namespace slidesight::fuzz
