// slidesight-bench-memory: the memory the viewer holds through a long review session. A
// 1920 x 1080 SlideView pans and zooms at random (seeded) over a 100,000 x 100,000 synthetic
// slide with three heatmap layers and an annotation layer of 2,000 polygons, with the default
// 512 MB tile cache, waiting for every frame to be sharp; the resident set size is sampled
// after every frame. Reports the peak (VmHWM), the mean of each half of the run and the slope
// of the second half, which must be flat: memory that keeps growing is a leak.
//
//   slidesight-bench-memory [--slide PATH] [--size N] [--seconds S] [--seed N] [--json]
//
// Without --slide the slide is written once (about two minutes, ~0.5 GB) into
// ~/.cache/slidesight/ and reused.
#include "bench/benchlayers.h"
#include "viewer/annotations/annotation.h"
#include "viewer/layers/annotationlayer.h"
#include "viewer/layers/slidelayer.h"
#include "viewer/slide/openslidesource.h"
#include "viewer/slide/syntheticslidewriter.h"
#include "viewer/tiles/tilecache.h"
#include "viewer/tiles/tilescheduler.h"
#include "viewer/view/slideview.h"

#include <QtCore/QCommandLineParser>
#include <QtCore/QDir>
#include <QtCore/QElapsedTimer>
#include <QtCore/QFile>
#include <QtCore/QFileInfo>
#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QStandardPaths>
#include <QtCore/QTextStream>
#include <QtGui/QImage>
#include <QtWidgets/QApplication>

#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <vector>

using namespace slidesight;

namespace {

/// A field of /proc/self/status in MiB ("VmRSS", "VmHWM").
double statusMiB(const char* field) {
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly)) return 0.0;
    const QByteArray prefix = QByteArray(field) + ':';
    for (const QByteArray& line : status.readAll().split('\n'))
        if (line.startsWith(prefix)) return line.mid(prefix.size()).trimmed().split(' ').front().toDouble() / 1024.0;
    return 0.0;
}

/// 2,000 polygons of 64 vertices scattered over the slide, in four groups, each 0.4 % to 8 %
/// of the slide's side across (regions a pathologist outlines).
AnnotationSet scatteredPolygons(const QSizeF& slide, std::mt19937& random) {
    AnnotationSet set;
    const double side = std::max(slide.width(), slide.height());
    std::uniform_real_distribution<double> x(0, slide.width()), y(0, slide.height()), radius(0.002 * side, 0.04 * side);
    for (int i = 0; i < 2000; ++i) {
        Annotation a;
        a.geometry = AnnotationGeometry::Polygon;
        a.group = QStringLiteral("group %1").arg(i % 4);
        const QPointF centre(x(random), y(random));
        const double r = radius(random);
        QPolygonF ring;
        for (int k = 0; k < 64; ++k) {
            const double t = 6.283185307179586 * k / 64;
            const double wobble = 1.0 + 0.2 * std::sin(5 * t + i);
            ring << centre + QPointF(std::cos(t), std::sin(t)) * r * wobble;
        }
        a.parts.push_back({ring, {}});
        set.add(std::move(a));
    }
    return set;
}

/// Least-squares slope of y over x.
double slope(const std::vector<double>& x, const std::vector<double>& y) {
    const double n = static_cast<double>(x.size());
    if (n < 2) return 0.0;
    double mx = 0, my = 0;
    for (size_t i = 0; i < x.size(); ++i) mx += x[i], my += y[i];
    mx /= n, my /= n;
    double sxy = 0, sxx = 0;
    for (size_t i = 0; i < x.size(); ++i) sxy += (x[i] - mx) * (y[i] - my), sxx += (x[i] - mx) * (x[i] - mx);
    return sxx > 0 ? sxy / sxx : 0.0;
}

double mean(const std::vector<double>& v, size_t from, size_t to) {
    double sum = 0;
    for (size_t i = from; i < to; ++i) sum += v[i];
    return to > from ? sum / static_cast<double>(to - from) : 0.0;
}

}  // namespace

int main(int argc, char** argv) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("slidesight-bench-memory"));
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Measures the memory the viewer holds through a long pan-and-zoom session."));
    parser.addHelpOption();
    const QCommandLineOption slideOption(QStringLiteral("slide"), QStringLiteral("Slide to review (default: a synthetic one)."),
                                         QStringLiteral("path"));
    const QCommandLineOption sizeOption(QStringLiteral("size"), QStringLiteral("Side of the synthetic slide in pixels."),
                                        QStringLiteral("n"), QStringLiteral("100000"));
    const QCommandLineOption secondsOption(QStringLiteral("seconds"), QStringLiteral("Length of the session."),
                                           QStringLiteral("s"), QStringLiteral("240"));
    const QCommandLineOption seedOption(QStringLiteral("seed"), QStringLiteral("Seed of the random walk."),
                                        QStringLiteral("n"), QStringLiteral("7"));
    const QCommandLineOption jsonOption(QStringLiteral("json"), QStringLiteral("Print the results as JSON."));
    parser.addOptions({slideOption, sizeOption, secondsOption, seedOption, jsonOption});
    parser.process(app);
    QTextStream out(stdout);
    QTextStream err(stderr);
    const double seconds = std::max(2.0, parser.value(secondsOption).toDouble());

    QString path = parser.value(slideOption);
    if (path.isEmpty()) {
        const int64_t side = std::max(4096, parser.value(sizeOption).toInt());
        const QString cache = QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation) + QStringLiteral("/slidesight");
        path = QStringLiteral("%1/bench-memory-%2.tiff").arg(cache).arg(side);
        if (!QFileInfo::exists(path)) {
            QDir().mkpath(cache);
            err << "writing the benchmark slide " << path << " once\n";
            err.flush();
            SyntheticSlideWriter::Options o;
            o.width = o.height = side;
            o.downsamples = {1, 4, 16, 64, 256};
            while (o.downsamples.size() > 1 && side / o.downsamples.back() < 256) o.downsamples.pop_back();
            const auto written = SyntheticSlideWriter::write(path.toStdString(), o, &SyntheticSlideWriter::patternSource);
            if (!written) {
                err << "Cannot write the benchmark slide: " << QString::fromStdString(written.error()) << '\n';
                return 1;
            }
        }
    }
    // The peak from here on: writing the slide above holds its levels in memory (about 2 GB
    // for 100,000 px), which is no part of the viewer. Writing 5 to clear_refs resets VmHWM.
    QFile clearRefs(QStringLiteral("/proc/self/clear_refs"));
    const bool peakReset = clearRefs.open(QIODevice::WriteOnly) && clearRefs.write("5") == 1;
    clearRefs.close();
    const double rssBeforeSlide = statusMiB("VmRSS");
    auto opened = OpenSlideSource::open(path.toStdString());
    if (!opened) {
        err << QString::fromStdString(opened.error()) << '\n';
        return 1;
    }
    auto source = opened.value();
    auto tiled = std::make_shared<TiledSlide>(source);
    const QSizeF slideSize(static_cast<double>(source->info().width()), static_cast<double>(source->info().height()));

    std::mt19937 random(parser.value(seedOption).toUInt());
    TileCache cache;  // the viewer's default capacity
    TileScheduler scheduler(&cache, 2);
    SlideLayer slide(tiled, &cache, &scheduler);
    // Cells of 224 px, as ResNet features at the slide's own resolution.
    const int rows = std::max(1, static_cast<int>(slideSize.height() / 224)), columns = std::max(1, static_cast<int>(slideSize.width() / 224));
    const GridDataPtr grid = bench::attentionGrid(slideSize, rows, columns);
    std::vector<std::unique_ptr<HeatmapLayer>> heatmaps = bench::threeHeatmaps(grid);
    const AnnotationSet annotations = scatteredPolygons(slideSize, random);
    AnnotationLayer annotationLayer;
    annotationLayer.setAnnotationSet(&annotations);

    SlideView view;
    view.setAnimated(false);
    view.resize(1920, 1080);
    view.show();
    view.setSlideGeometry(slideSize, source->mpp(), source->info().objectivePower);
    view.addLayer(&slide);
    for (auto& h : heatmaps) view.addLayer(h.get());
    view.addLayer(&annotationLayer);
    QImage frame(view.viewport()->size(), QImage::Format_ARGB32_Premultiplied);
    const double rssLoaded = statusMiB("VmRSS");

    // The walk: mostly nearby moves at the current zoom, sometimes a zoom step, now and then a
    // jump elsewhere at a low magnification, as a reviewer scans a slide.
    const double fit = std::max(slideSize.width() / 1920.0, slideSize.height() / 1080.0);
    std::vector<double> downsamples;
    for (double d = 0.5; d < fit * 1.5; d *= 2) downsamples.push_back(d);
    int zoom = static_cast<int>(downsamples.size()) / 2;
    QPointF centre(slideSize.width() / 2, slideSize.height() / 2);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    std::vector<double> times, rss;
    int frames = 0, blurry = 0;
    double waitMs = 0, renderMs = 0;
    double maxSampled = 0, maxSampledDownsample = 0, hwm = 0;
    int hwmFrame = -1;
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < seconds * 1000.0) {
        const double choice = unit(random);
        if (choice < 0.15) {
            zoom = std::clamp(zoom + (unit(random) < 0.5 ? -1 : 1), 0, static_cast<int>(downsamples.size()) - 1);
        } else if (choice < 0.2) {
            zoom = std::max(0, static_cast<int>(downsamples.size()) - 3);
            centre = QPointF(unit(random) * slideSize.width(), unit(random) * slideSize.height());
        } else {
            const double step = downsamples[static_cast<size_t>(zoom)] * 600;
            centre += QPointF((unit(random) - 0.5) * 2 * step, (unit(random) - 0.5) * 2 * step);
        }
        centre.setX(std::clamp(centre.x(), 0.0, slideSize.width()));
        centre.setY(std::clamp(centre.y(), 0.0, slideSize.height()));
        view.setDownsample(downsamples[static_cast<size_t>(zoom)]);
        view.centerOnLevelZero(centre);
        view.flushViewChange();
        QElapsedTimer wait;
        wait.start();
        while (!(slide.isSharp(view.visibleLevelZeroRect(), view.downsample()) && scheduler.isIdle()) && wait.elapsed() < 5000)
            QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        if (!slide.isSharp(view.visibleLevelZeroRect(), view.downsample())) ++blurry;
        waitMs += static_cast<double>(wait.elapsed());
        QElapsedTimer render;
        render.start();
        view.viewport()->render(&frame);
        renderMs += static_cast<double>(render.elapsed());
        ++frames;
        times.push_back(clock.elapsed() / 60000.0);
        rss.push_back(statusMiB("VmRSS"));
        if (rss.back() > maxSampled) maxSampled = rss.back(), maxSampledDownsample = view.downsample();
        if (const double now = statusMiB("VmHWM"); now > hwm) hwm = now, hwmFrame = frames;
    }
    const size_t half = rss.size() / 2;
    const std::vector<double> secondTimes(times.begin() + static_cast<std::ptrdiff_t>(half), times.end());
    const std::vector<double> secondRss(rss.begin() + static_cast<std::ptrdiff_t>(half), rss.end());
    const double peak = statusMiB("VmHWM");
    QJsonObject o{{QStringLiteral("benchmark"), QStringLiteral("memory")},
                  {QStringLiteral("slide"), path},
                  {QStringLiteral("slide_side"), slideSize.width()},
                  {QStringLiteral("heatmap_cells"), QStringLiteral("%1x%2").arg(rows).arg(columns)},
                  {QStringLiteral("annotations"), static_cast<int>(annotations.annotations().size())},
                  {QStringLiteral("tile_cache_mib"), static_cast<double>(cache.capacityBytes()) / (1 << 20)},
                  {QStringLiteral("seconds"), clock.elapsed() / 1000.0},
                  {QStringLiteral("frames"), frames},
                  {QStringLiteral("frames_not_sharp_in_5_s"), blurry},
                  {QStringLiteral("mean_wait_for_tiles_ms"), frames ? waitMs / frames : 0.0},
                  {QStringLiteral("mean_paint_ms"), frames ? renderMs / frames : 0.0},
                  {QStringLiteral("rss_before_slide_mib"), rssBeforeSlide},
                  {QStringLiteral("rss_loaded_mib"), rssLoaded},
                  {QStringLiteral("rss_first_half_mean_mib"), mean(rss, 0, half)},
                  {QStringLiteral("rss_second_half_mean_mib"), mean(rss, half, rss.size())},
                  {QStringLiteral("rss_second_half_slope_mib_per_min"), slope(secondTimes, secondRss)},
                  {QStringLiteral("rss_end_mib"), rss.empty() ? 0.0 : rss.back()},
                  {QStringLiteral("peak_rss_mib"), peak},
                  {QStringLiteral("peak_counts_from_opening_the_slide"), peakReset},
                  {QStringLiteral("peak_reached_at_frame"), hwmFrame},
                  {QStringLiteral("max_sampled_rss_mib"), maxSampled},
                  {QStringLiteral("max_sampled_rss_downsample"), maxSampledDownsample},
                  {QStringLiteral("tile_cache_used_mib"), static_cast<double>(cache.bytesUsed()) / (1 << 20)}};
    if (parser.isSet(jsonOption)) {
        out << QJsonDocument(o).toJson(QJsonDocument::Indented);
        return 0;
    }
    out << QStringLiteral("%1 frames in %2 s over a %3 px slide (3 heatmaps, %4 annotations, %5 MB tile cache)\n")
               .arg(frames).arg(clock.elapsed() / 1000.0, 0, 'f', 0).arg(slideSize.width()).arg(annotations.annotations().size())
               .arg(cache.capacityBytes() >> 20);
    out << QStringLiteral("RSS: loaded %1 MB, first half %2 MB, second half %3 MB (slope %4 MB/min), peak %5 MB\n")
               .arg(rssLoaded, 0, 'f', 0).arg(mean(rss, 0, half), 0, 'f', 0).arg(mean(rss, half, rss.size()), 0, 'f', 0)
               .arg(slope(secondTimes, secondRss), 0, 'f', 1).arg(peak, 0, 'f', 0);
    return 0;
}
