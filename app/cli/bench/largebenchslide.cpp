#include "app/cli/bench/largebenchslide.h"

#include "app/cli/bench/tissuemosaic.h"
#include "app/cli/progressbar.h"

#include "viewer/slide/openslidesource.h"
#include "viewer/slide/syntheticslidewriter.h"
#include "viewer/common/qstringfailure.h"

#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QFileInfo>
#include <QtCore/QStandardPaths>

#include <chrono>

namespace slidesight::cli {

namespace {

constexpr int kFormatVersion = 1;  // bump when the recipe below changes
constexpr quint64 kMosaicSeed = 20240601;

}  // namespace

QString LargeBenchSlide::defaultTissueSlide() {
    const QString data = qEnvironmentVariable("SLIDESIGHT_TEST_DATA");
    if (data.isEmpty()) return {};
    return QDir(data).filePath(QStringLiteral("slides/cmu-1-small-region.svs"));
}

Expected<LargeBenchSlide::Result> LargeBenchSlide::ensure(const QString& tissueSlide, int size) {
    using Failure = Expected<Result>;
    auto source = OpenSlideSource::open(QFile::encodeName(tissueSlide).toStdString());
    if (!source) return Failure::failure(source.error());
    const SlideInfo& info = (*source)->info();

    // Named after what it is made of, so that another source or size gets its own file.
    const QString folder =
        QDir(QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation)).filePath(QStringLiteral("slidesight"));
    if (!QDir().mkpath(folder))
        return failure(tr("Cannot create the cache folder \"%1\".").arg(folder));
    const QString name = QStringLiteral("bench-large-%1-%2-v%3.tiff")
                             .arg(size)
                             .arg(info.identity.key(), 16, 16, QLatin1Char('0'))
                             .arg(kFormatVersion);
    Result result;
    result.path = QDir(folder).filePath(name);
    if (QFileInfo::exists(result.path)) return result;

    auto mosaic = TissueMosaic::fromSlide(**source, kMosaicSeed);
    if (!mosaic) return Failure::failure(mosaic.error());

    SyntheticSlideWriter::Options options;
    options.width = size;
    options.height = size;
    options.tileSize = 256;
    options.downsamples = {1, 4, 16};
    options.jpegQuality = 80;
    const Mpp mpp = (*source)->mpp();
    options.mpp = mpp.known() ? mpp.average() : 0.5;
    options.objectivePower = 10.0 / options.mpp;
    ProgressBar progress(tr("Building the %1 x %1 px benchmark slide").arg(size));
    options.progress = [&progress](double fraction) { progress.update(fraction); };

    const auto start = std::chrono::steady_clock::now();
    const TissueMosaic& tissue = *mosaic;
    const auto written = SyntheticSlideWriter::write(
        QFile::encodeName(result.path).toStdString(), options,
        [&tissue](int64_t x0, int64_t y0, int w, int h, uint8_t* rgb) { tissue.fill(x0, y0, w, h, rgb); });
    progress.finish();
    if (!written) return Failure::failure(written.error());
    result.built = true;
    result.buildSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return result;
}

}  // namespace slidesight::cli
