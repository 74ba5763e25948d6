#pragma once

#include <QtCore/QtGlobal>

namespace slidesight {

/// Hard limits of the annotation readers, whatever a file declares. The largest real files
/// (Camelyon16's, QuPath exports of whole-slide tissue outlines) are a few megabytes and a
/// few hundred thousand vertices; the defaults refuse forged or runaway files with one
/// sentence before they take the application's memory or time. Tests pass smaller ones.
struct AnnotationLimits {
    /// An annotation file is read whole into memory; larger files are refused unread.
    qint64 maxFileBytes = qint64(512) << 20;
    /// Vertices in one file, all annotations together (16 bytes each in memory).
    qint64 maxVertices = 20'000'000;
    /// How deep XML elements may nest (ASAP's own files nest 4 deep).
    int maxXmlDepth = 64;
    /// How deep GeoJSON GeometryCollections may nest inside one another.
    int maxGeometryNesting = 16;
};

}  // namespace slidesight
