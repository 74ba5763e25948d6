#pragma once

#include "viewer/common/expected.h"
#include "viewer/coverage/reviewcoverage.h"

#include <QtCore/QByteArray>
#include <QtCore/QCoreApplication>
#include <QtCore/QString>

namespace slidesight {

/// The review coverage sidecar, SLIDE.slidesight-coverage.json beside the annotations sidecar:
///
///   {"format": "slidesight-coverage", "version": 1, "slide": "name.svs",
///    "slide_width": W, "slide_height": H, "cell_size": S, "rows": R, "columns": C,
///    "band_edges": [0, 1.25, 2.5, 5, 10, 20, 40], "recorded_seconds": T,
///    "cells": [[row, column, s0, ..., s6], ...]}   (cells with any time only)
///
/// Reading refuses, with one sentence, anything else: another format or version, a grid that
/// does not follow from the slide size and cell size or exceeds kMaxCellsPerSide, a cell
/// outside the grid or given twice, seconds that are negative or not finite, a file over 64 MB.
/// Writing is atomic (QSaveFile): a failed write keeps the previous file.
class CoverageFile {
    Q_DECLARE_TR_FUNCTIONS(CoverageFile)

public:
    static constexpr const char* kSuffix = ".slidesight-coverage.json";
    static constexpr qint64 kMaxFileBytes = 64LL * 1024 * 1024;

    /// The coverage sidecar that goes with an annotations sidecar (…annotations.geojson).
    static QString besideAnnotations(const QString& annotationSidecarPath);

    static QByteArray serialise(const ReviewCoverage& coverage, const QString& slideName);
    static Expected<ReviewCoverage> parse(const QByteArray& bytes);
    static Expected<ReviewCoverage> read(const QString& path);
    /// The slide's file name as recorded; empty when the file has none or cannot be read.
    static QString slideNameIn(const QString& path);
    static Check write(const QByteArray& bytes, const QString& path);
};

}  // namespace slidesight
