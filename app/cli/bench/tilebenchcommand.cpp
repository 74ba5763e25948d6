#include "app/cli/bench/tilebenchcommand.h"

#include "app/cli/bench/baselinebench.h"
#include "app/cli/bench/benchworkload.h"
#include "app/cli/bench/largebenchslide.h"
#include "app/cli/bench/pipelinebench.h"
#include "app/cli/commandline.h"
#include "app/cli/console.h"
#include "app/cli/jsonoutput.h"
#include "app/cli/progressbar.h"

#include "viewer/slide/openslidesource.h"
#include "viewer/tiles/tilecache.h"
#include "viewer/tiles/tiledslide.h"
#include "viewer/common/qstringfailure.h"

#include <QtCore/QFile>
#include <QtCore/QJsonArray>
#include <QtCore/QThread>

#include <algorithm>
#include <cstdlib>
#include <limits>

namespace slidesight::cli {

namespace {

constexpr int kViewWidth = 1920;
constexpr int kViewHeight = 1080;

/// Reads the whole file once so that every measurement starts from the same warm page cache.
void warmPageCache(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) return;
    while (!file.read(8 << 20).isEmpty()) {
    }
}

double median(std::vector<double> values) {
    if (values.empty()) return 0.0;
    std::sort(values.begin(), values.end());
    const size_t n = values.size();
    return n % 2 ? values[n / 2] : 0.5 * (values[n / 2 - 1] + values[n / 2]);
}

}  // namespace

QString TileBenchCommand::summary() const {
    return tr("Measure tile throughput of the viewer's pipeline against plain OpenSlide, and the "
              "time to the first sharp frame.");
}

int TileBenchCommand::run(const QString& path, const QStringList& arguments) {
    CommandLine cl(path, tr("Walks a seeded random sequence of %1 x %2 viewports over every level of the "
                            "display pyramid. For each viewport the viewer's tile plan is requested from the "
                            "threaded tile scheduler (fresh cache each run) and the next viewport comes when "
                            "it is idle. In the same run, plain single-threaded openslide_read_region reads "
                            "the same unique 256 x 256 tiles (the same native regions). Also times opening "
                            "the slide until every tile of a fit-to-view frame's level is cached. Runs "
                            "alternate which side goes first; the file is read once beforehand so both see "
                            "a warm page cache.")
                             .arg(kViewWidth)
                             .arg(kViewHeight));
    cl.addPositional(QStringLiteral("SLIDE"),
                     tr("The slide to measure; with --large, the slide to cut tissue from (default: "
                        "slides/cmu-1-small-region.svs under SLIDESIGHT_TEST_DATA)."),
                     QStringLiteral("[SLIDE]"));
    cl.setPositionalCount(0, 1);
    cl.addJsonOption();
    cl.addOption(QCommandLineOption(QStringLiteral("viewports"), tr("Viewports in the walk."), QStringLiteral("N"),
                                    QStringLiteral("40")));
    cl.addThreadsOption(QStringLiteral("0"), tr("one per core"), tr("Tile I/O threads"));
    cl.addOption(QCommandLineOption(QStringLiteral("seed"), tr("Seed of the viewport walk."), QStringLiteral("S"),
                                    QStringLiteral("1")));
    cl.addOption(QCommandLineOption(QStringLiteral("runs"), tr("Measured runs; the figures are totals over all."),
                                    QStringLiteral("N"), QStringLiteral("3")));
    cl.addOption(QCommandLineOption(QStringLiteral("large"),
                                    tr("Measure a large slide of real tissue, built once into the cache folder.")));
    cl.addOption(QCommandLineOption(QStringLiteral("size"), tr("Side of the --large slide in pixels."),
                                    QStringLiteral("PX"), QStringLiteral("40000")));
    if (const auto stop = cl.exitBeforeRun(arguments)) return *stop;

    const auto parsed = settingsFrom(cl);
    if (!parsed) return ExitUsageError;
    Settings settings = *parsed;
    QString slide = settings.slide;

    QJsonObject report;
    if (settings.large) {
        if (slide.isEmpty()) slide = LargeBenchSlide::defaultTissueSlide();
        if (slide.isEmpty()) {
            cl.usageError(tr("--large needs a slide to cut tissue from: give SLIDE or set SLIDESIGHT_TEST_DATA."));
            return ExitUsageError;
        }
        const auto large = LargeBenchSlide::ensure(slide, settings.largeSize);
        if (!large) {
            Console::error(QString::fromStdString(large.error()));
            return ExitFailure;
        }
        report[QStringLiteral("tissue_source")] = slide;
        report[QStringLiteral("large_slide_built_s")] =
            large->built ? JsonOutput::rounded(large->buildSeconds, 1) : QJsonValue();
        slide = large->path;
    }
    settings.slide = slide;

    if (const Check measured = measure(settings, report); !measured) {
        Console::error(QString::fromStdString(measured.error()));
        return ExitFailure;
    }
    if (cl.json())
        JsonOutput::print(report);
    else
        Console::out(toText(report));
    return ExitSuccess;
}

std::optional<TileBenchCommand::Settings> TileBenchCommand::settingsFrom(const CommandLine& cl) {
    Settings s;
    s.large = cl.isSet(QStringLiteral("large"));
    s.slide = cl.positional().value(0);
    const auto viewports = cl.intValue(QStringLiteral("viewports"), 1, 100000);
    if (!viewports) return std::nullopt;
    const auto threads = cl.threads();
    if (!threads) return std::nullopt;
    const auto seed = cl.intValue(QStringLiteral("seed"), 0, std::numeric_limits<qint64>::max());
    if (!seed) return std::nullopt;
    const auto runs = cl.intValue(QStringLiteral("runs"), 1, 1000);
    if (!runs) return std::nullopt;
    s.viewports = static_cast<int>(*viewports);
    s.threads = static_cast<int>(*threads);
    s.seed = static_cast<quint64>(*seed);
    s.runs = static_cast<int>(*runs);
    if (!s.large) {
        if (cl.isSet(QStringLiteral("size"))) {
            cl.usageError(tr("--size only applies with --large."));
            return std::nullopt;
        }
        if (s.slide.isEmpty()) {
            cl.usageError(tr("Missing argument: SLIDE (or use --large)."));
            return std::nullopt;
        }
        return s;
    }
    const auto size = cl.intValue(QStringLiteral("size"), 1024, 200000);
    if (!size) return std::nullopt;
    s.largeSize = static_cast<int>(*size);
    return s;
}

Check TileBenchCommand::measure(const Settings& s, QJsonObject& report) {
    const std::string path = QFile::encodeName(s.slide).toStdString();
    auto source = OpenSlideSource::open(path);
    if (!source) return failure(QString::fromStdString(source.error()));
    const TiledSlide planning(*source);
    const PyramidGeometry& g = planning.geometry();
    const BenchWorkload workload =
        BenchWorkload::randomWalk(g, planning.sourceId(), s.viewports, s.seed, kViewWidth, kViewHeight);
    if (workload.uniqueTiles.empty()) return failure(tr("The viewport walk requested no tiles."));

    // Room for every tile, so that the pipeline reads each unique tile exactly once, as the
    // baseline does: it gets no credit for skipping work and pays for no re-reads.
    const qint64 cacheBytes =
        std::max<qint64>(TileCache::kDefaultCapacityBytes, workload.uniqueTileBytes + workload.uniqueTileBytes / 4);
    const PipelineBench pipeline(path, s.threads, cacheBytes);
    const BaselineBench baseline(path);

    ProgressBar progress(tr("Measuring"));
    warmPageCache(s.slide);
    const int steps = 4 * s.runs;
    int done = 0;
    double pipelineSeconds = 0.0, baselineSeconds = 0.0, pipelineCpu = 0.0, baselineCpu = 0.0, directSeconds = 0.0;
    int directReads = 0;
    qint64 tilesRead = 0;
    int threadCount = 0;
    QJsonArray perRun;
    for (int run = 0; run < s.runs; ++run) {
        // Alternate the order, so neither side always profits from the other's warm-up.
        double runPipeline = 0.0, runBaseline = 0.0;
        for (int side = 0; side < 2; ++side) {
            if ((side == 0) == (run % 2 == 0)) {
                const auto r = pipeline.run(workload);
                if (!r) return failure(QString::fromStdString(r.error()));
                runPipeline = r->seconds;
                pipelineCpu += r->cpuSeconds;
                tilesRead += r->tilesRead;
                threadCount = r->threads;
            } else {
                const auto r = baseline.run(workload);
                if (!r) return failure(QString::fromStdString(r.error()));
                runBaseline = r->seconds;
                baselineCpu += r->cpuSeconds;
            }
            progress.update(static_cast<double>(++done) / steps);
        }
        // The two readers side by side on one thread: OpenSlide's (above) and the direct one.
        const auto direct = baseline.runDirect(workload);
        if (!direct) return failure(QString::fromStdString(direct.error()));
        directSeconds += direct->seconds;
        directReads = direct->directReads;
        progress.update(static_cast<double>(++done) / steps);
        pipelineSeconds += runPipeline;
        baselineSeconds += runBaseline;
        const double tiles = static_cast<double>(workload.uniqueTiles.size());
        QJsonObject r;
        r[QStringLiteral("tiles_per_s")] = JsonOutput::rounded(tiles / runPipeline, 1);
        r[QStringLiteral("baseline_tiles_per_s")] = JsonOutput::rounded(tiles / runBaseline, 1);
        r[QStringLiteral("direct_tiles_per_s")] = JsonOutput::rounded(tiles / direct->seconds, 1);
        perRun.append(r);
    }
    std::vector<double> frameMs, openMs;
    PipelineBench::FirstFrame frame;
    for (int run = 0; run < s.runs; ++run) {
        const auto r = pipeline.firstSharpFrame(kViewWidth, kViewHeight);
        if (!r) return failure(QString::fromStdString(r.error()));
        frame = *r;
        frameMs.push_back(r->milliseconds);
        openMs.push_back(r->openMilliseconds);
        progress.update(static_cast<double>(++done) / steps);
    }
    progress.finish();

    const double totalTiles = static_cast<double>(workload.uniqueTiles.size()) * s.runs;
    const double tilesPerS = totalTiles / pipelineSeconds;
    const double baselinePerS = totalTiles / baselineSeconds;
    const SlideInfo& info = (*source)->info();
    report[QStringLiteral("slide")] = s.slide;
    report[QStringLiteral("width")] = static_cast<double>(info.width());
    report[QStringLiteral("height")] = static_cast<double>(info.height());
    QJsonArray levels;
    for (int l = 0; l < g.levelCount(); ++l) {
        QJsonObject level;
        level[QStringLiteral("downsample")] = g.level(l).downsample;
        level[QStringLiteral("virtual")] = g.level(l).isVirtual;
        level[QStringLiteral("tiles")] = static_cast<double>(workload.uniqueTilesPerLevel[static_cast<size_t>(l)]);
        levels.append(level);
    }
    report[QStringLiteral("levels")] = levels;
    report[QStringLiteral("viewports")] = s.viewports;
    report[QStringLiteral("viewport_width")] = kViewWidth;
    report[QStringLiteral("viewport_height")] = kViewHeight;
    report[QStringLiteral("seed")] = QString::number(s.seed);
    report[QStringLiteral("runs")] = s.runs;
    report[QStringLiteral("tile_size")] = g.tileSize();
    report[QStringLiteral("tiles")] = static_cast<double>(workload.uniqueTiles.size());
    report[QStringLiteral("pipeline_tiles_read")] = static_cast<double>(tilesRead / s.runs);
    report[QStringLiteral("cache_capacity_bytes")] = static_cast<double>(cacheBytes);
    report[QStringLiteral("threads")] = threadCount;
    report[QStringLiteral("cores")] = QThread::idealThreadCount();
    double load[1] = {0.0};
    report[QStringLiteral("load_average")] = getloadavg(load, 1) == 1 ? JsonOutput::rounded(load[0], 2) : QJsonValue();
    report[QStringLiteral("tiles_per_s")] = JsonOutput::rounded(tilesPerS, 1);
    report[QStringLiteral("baseline_tiles_per_s")] = JsonOutput::rounded(baselinePerS, 1);
    report[QStringLiteral("ratio")] = JsonOutput::rounded(tilesPerS / baselinePerS, 3);
    report[QStringLiteral("reader")] = (*source)->tileReader() == TileReader::Direct ? QStringLiteral("direct") : QStringLiteral("openslide");
    report[QStringLiteral("direct_tiles_per_s")] = JsonOutput::rounded(totalTiles / directSeconds, 1);
    report[QStringLiteral("direct_ratio")] = JsonOutput::rounded(baselineSeconds / directSeconds, 3);
    report[QStringLiteral("direct_read_fraction")] =
        JsonOutput::rounded(static_cast<double>(directReads) / static_cast<double>(workload.uniqueTiles.size()), 3);
    report[QStringLiteral("pipeline_seconds")] = JsonOutput::rounded(pipelineSeconds, 3);
    report[QStringLiteral("baseline_seconds")] = JsonOutput::rounded(baselineSeconds, 3);
    report[QStringLiteral("pipeline_cpu_seconds")] = JsonOutput::rounded(pipelineCpu, 3);
    report[QStringLiteral("baseline_cpu_seconds")] = JsonOutput::rounded(baselineCpu, 3);
    report[QStringLiteral("per_run")] = perRun;
    report[QStringLiteral("first_sharp_frame_ms")] = JsonOutput::rounded(median(frameMs), 1);
    report[QStringLiteral("first_sharp_frame_open_ms")] = JsonOutput::rounded(median(openMs), 1);
    report[QStringLiteral("first_sharp_frame_level")] = frame.level;
    report[QStringLiteral("first_sharp_frame_tiles")] = static_cast<double>(frame.tiles);
    report[QStringLiteral("first_sharp_frame_target_tiles")] = static_cast<double>(frame.targetTiles);
    QJsonArray frames;
    for (double ms : frameMs) frames.append(JsonOutput::rounded(ms, 1));
    report[QStringLiteral("first_sharp_frame_runs_ms")] = frames;
    report[QStringLiteral("openslide_version")] = JsonOutput::string(OpenSlideSource::libraryVersion());
    return true;
}

QString TileBenchCommand::toText(const QJsonObject& r) {
    auto num = [&r](const char* key) { return r.value(QLatin1String(key)).toVariant().toString(); };
    QStringList perLevel;
    const QJsonArray levels = r.value(QLatin1String("levels")).toArray();
    for (int l = 0; l < levels.size(); ++l)
        perLevel << tr("level %1: %2").arg(l).arg(levels.at(l).toObject().value(QLatin1String("tiles")).toInt());
    QString text;
    text += tr("Slide:              %1 (%2 x %3 px, %4 display levels)\n")
                .arg(num("slide"), num("width"), num("height"))
                .arg(levels.size());
    text += tr("Walk:               %1 viewports of %2 x %3 px, seed %4, %5 runs\n")
                .arg(num("viewports"), num("viewport_width"), num("viewport_height"), num("seed"), num("runs"));
    text += tr("Tiles per run:      %1 unique 256 x 256 tiles (%2)\n").arg(num("tiles"), perLevel.join(QStringLiteral(", ")));
    text += tr("Pipeline:           %1 tiles/s with %2 threads (%3 cores, load average %4)\n")
                .arg(num("tiles_per_s"), num("threads"), num("cores"), num("load_average"));
    text += tr("OpenSlide baseline: %1 tiles/s, one thread\n").arg(num("baseline_tiles_per_s"));
    text += tr("Ratio:              %1 (goal: at least 1.6; the pipeline's reader: %2)\n").arg(num("ratio"), num("reader"));
    text += tr("Direct reader:      %1 tiles/s, one thread: %2 x OpenSlide (goal: at least 2.5; it decoded %3 of the "
               "reads itself, the rest went to OpenSlide)\n")
                .arg(num("direct_tiles_per_s"), num("direct_ratio"), num("direct_read_fraction"));
    text += tr("First sharp frame:  %1 ms (goal: at most 1000 ms; opening %2 ms; level %3, %4 tiles)\n")
                .arg(num("first_sharp_frame_ms"), num("first_sharp_frame_open_ms"), num("first_sharp_frame_level"),
                     num("first_sharp_frame_tiles"));
    return text;
}

}  // namespace slidesight::cli
