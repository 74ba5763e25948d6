// slidesight-bench-paint: how long one full 1920 x 1080 frame of the SlideView takes to paint
// with the slide alone and with the slide under three heatmap layers, in the same run.
// With --panes 2 or 4 the 1920 x 1080 window is split as the viewer splits it (side by side,
// two by two): one view per pane, each with its own slide layer over one shared slide, tile
// cache and reading pool, all at the same place; a frame is every pane painted once.
//
// The view pans along a scripted loop over the slide; a first pass loads the tiles, then the
// measured passes alternate "slide only" and "slide + 3 heatmaps" frames round by round and
// report p50 / p95 / max paint time per frame (QWidget::render of the viewport into a QImage).
//
//   slidesight-bench-paint [--slide PATH] [--size N] [--frames N] [--downsample D] [--panes 1|2|4] [--json]
#include "bench/benchlayers.h"
#include "viewer/layers/heatmaplayer.h"
#include "viewer/layers/slidelayer.h"
#include "viewer/slide/openslidesource.h"
#include "viewer/slide/syntheticslidewriter.h"
#include "viewer/tiles/tilecache.h"
#include "viewer/tiles/tilescheduler.h"
#include "viewer/view/slideview.h"

#include <QtCore/QCommandLineParser>
#include <QtCore/QElapsedTimer>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>
#include <QtCore/QTemporaryDir>
#include <QtCore/QTextStream>
#include <QtGui/QImage>
#include <QtWidgets/QApplication>

#include <algorithm>
#include <ctime>
#include <cmath>
#include <limits>
#include <memory>
#include <vector>

using namespace slidesight;

namespace {

struct Stats {
    double p50 = 0, p95 = 0, max = 0, mean = 0;
};

Stats statsOf(std::vector<double> ms) {
    Stats s;
    if (ms.empty()) return s;
    std::sort(ms.begin(), ms.end());
    // numpy's linear percentile.
    const auto pct = [&ms](double p) {
        const double pos = p / 100.0 * static_cast<double>(ms.size() - 1);
        const size_t lo = static_cast<size_t>(std::floor(pos));
        const size_t hi = std::min(lo + 1, ms.size() - 1);
        return ms[lo] + (ms[hi] - ms[lo]) * (pos - static_cast<double>(lo));
    };
    s.p50 = pct(50);
    s.p95 = pct(95);
    s.max = ms.back();
    for (double v : ms) s.mean += v;
    s.mean /= static_cast<double>(ms.size());
    return s;
}

/// Wall-clock statistics, plus the same for the painting thread's CPU time, which a busy
/// machine does not inflate by preempting the thread.
QJsonObject toJson(const Stats& s, const Stats& cpu) {
    return QJsonObject{{QStringLiteral("p50_ms"), s.p50},       {QStringLiteral("p95_ms"), s.p95},
                       {QStringLiteral("max_ms"), s.max},       {QStringLiteral("mean_ms"), s.mean},
                       {QStringLiteral("cpu_p50_ms"), cpu.p50}, {QStringLiteral("cpu_p95_ms"), cpu.p95},
                       {QStringLiteral("cpu_max_ms"), cpu.max}};
}

double threadCpuMs() {
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6;
}

/// A loop around the slide's middle: frames level-0 centres, consecutive ones ~40 screen px apart.
std::vector<QPointF> panPath(const QSizeF& slide, const QSizeF& view, int frames) {
    std::vector<QPointF> out;
    const double rx = std::max(0.0, slide.width() / 2 - view.width() / 2) * 0.8;
    const double ry = std::max(0.0, slide.height() / 2 - view.height() / 2) * 0.8;
    for (int i = 0; i < frames; ++i) {
        const double t = 6.283185307179586 * i / frames;
        out.emplace_back(slide.width() / 2 + rx * std::cos(t), slide.height() / 2 + ry * std::sin(2 * t));
    }
    return out;
}

}  // namespace

int main(int argc, char** argv) {
    // Frames are rendered into images: no display is needed (a set QT_QPA_PLATFORM wins).
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("slidesight-bench-paint"));
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "BenchPaint", "Measures the paint time of full frames with and without three heatmap layers."));
    parser.addHelpOption();
    const QCommandLineOption slideOption(QStringLiteral("slide"),
                                         QCoreApplication::translate("BenchPaint", "Slide to pan over (default: a synthetic one)."),
                                         QStringLiteral("path"));
    const QCommandLineOption sizeOption(QStringLiteral("size"),
                                        QCoreApplication::translate("BenchPaint", "Side of the synthetic slide in pixels."),
                                        QStringLiteral("n"), QStringLiteral("16384"));
    const QCommandLineOption framesOption(QStringLiteral("frames"),
                                          QCoreApplication::translate("BenchPaint", "Frames per pass."),
                                          QStringLiteral("n"), QStringLiteral("300"));
    const QCommandLineOption downsampleOption(
        QStringLiteral("downsample"), QCoreApplication::translate("BenchPaint", "Level-0 pixels per screen pixel."),
        QStringLiteral("d"), QStringLiteral("2"));
    const QCommandLineOption jsonOption(QStringLiteral("json"),
                                        QCoreApplication::translate("BenchPaint", "Print the results as JSON."));
    const QCommandLineOption panesOption(
        QStringLiteral("panes"), QCoreApplication::translate("BenchPaint", "Panes the 1920 x 1080 window is split into: 1, 2 or 4."),
        QStringLiteral("n"), QStringLiteral("1"));
    parser.addOptions({slideOption, sizeOption, framesOption, downsampleOption, panesOption, jsonOption});
    parser.process(app);
    QTextStream out(stdout);
    QTextStream err(stderr);
    const int frames = std::max(2, parser.value(framesOption).toInt());
    const double downsample = std::max(0.0625, parser.value(downsampleOption).toDouble());
    const int panes = parser.value(panesOption).toInt();
    if (panes != 1 && panes != 2 && panes != 4) {
        err << QCoreApplication::translate("BenchPaint", "--panes must be 1, 2 or 4.") << '\n';
        return 2;
    }
    const QSize paneSize(panes == 1 ? 1920 : 960, panes == 4 ? 540 : 1080);

    QTemporaryDir dir;
    QString path = parser.value(slideOption);
    if (path.isEmpty()) {
        SyntheticSlideWriter::Options o;
        o.width = o.height = std::max(2048, parser.value(sizeOption).toInt());
        path = dir.filePath(QStringLiteral("bench-paint.svs"));
        const auto written = SyntheticSlideWriter::write(path.toStdString(), o, &SyntheticSlideWriter::patternSource);
        if (!written) {
            err << QCoreApplication::translate("BenchPaint", "Cannot write the benchmark slide: %1")
                       .arg(QString::fromStdString(written.error()))
                << '\n';
            return 1;
        }
    }
    auto opened = OpenSlideSource::open(path.toStdString());
    if (!opened) {
        err << QString::fromStdString(opened.error()) << '\n';
        return 1;
    }
    auto source = opened.value();
    auto tiled = std::make_shared<TiledSlide>(source);
    const QSizeF slideSize(static_cast<double>(source->info().levels.front().width),
                           static_cast<double>(source->info().levels.front().height));

    TileCache cache;
    TileScheduler scheduler(&cache, 2);
    const GridDataPtr grid = bench::attentionGrid(slideSize, 100, 200);
    std::vector<std::unique_ptr<HeatmapLayer>> heatmaps = bench::threeHeatmaps(grid);

    // One slide layer per pane over the one slide; the first owns its tiles.
    std::vector<std::unique_ptr<SlideLayer>> slides;
    std::vector<std::unique_ptr<SlideView>> views;
    std::vector<QImage> frames_;
    for (int i = 0; i < panes; ++i) {
        slides.push_back(std::make_unique<SlideLayer>(tiled, &cache, &scheduler));
        slides.back()->setKeepTilesOnClose(i > 0);
        auto view = std::make_unique<SlideView>();
        view->setAnimated(false);
        view->resize(paneSize);
        view->show();
        view->setSlideGeometry(slideSize, source->mpp(), source->info().objectivePower);
        view->addLayer(slides.back().get());
        for (auto& h : heatmaps) view->addLayer(h.get());
        view->setDownsample(downsample);
        frames_.emplace_back(view->viewport()->size(), QImage::Format_ARGB32_Premultiplied);
        views.push_back(std::move(view));
    }
    SlideView& view = *views.front();
    // The same route whatever the panes: the window's size decides it.
    const std::vector<QPointF> route = panPath(slideSize, QSizeF(1920, 1080) * downsample, frames);

    const auto goTo = [&](const QPointF& centre) {
        for (auto& v : views) {
            v->centerOnLevelZero(centre);
            v->flushViewChange();
        }
        QCoreApplication::processEvents();
    };
    const auto allSharp = [&] {
        for (size_t i = 0; i < views.size(); ++i)
            if (!slides[i]->isSharp(views[i]->visibleLevelZeroRect(), views[i]->downsample())) return false;
        return scheduler.isIdle();
    };
    const auto paintAll = [&] {
        for (size_t i = 0; i < views.size(); ++i) views[i]->viewport()->render(&frames_[i]);
    };
    // Warm-up pass: every frame's tiles in the cache.
    QElapsedTimer warm;
    warm.start();
    for (const QPointF& centre : route) {
        goTo(centre);
        QElapsedTimer wait;
        wait.start();
        while (!allSharp() && wait.elapsed() < 20000) QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        paintAll();
    }
    const double warmSeconds = warm.elapsed() / 1000.0;

    const quint64 colouredBefore = HeatmapLayer::colourisationCount();
    std::vector<double> slideOnly;
    std::vector<double> withHeatmaps;
    std::vector<double> slideOnlyCpu;
    std::vector<double> withHeatmapsCpu;
    QElapsedTimer timer;
    // Two rounds of each, alternating, so that load changes touch both alike.
    for (int round = 0; round < 4; ++round) {
        const bool heat = round % 2 == 1;
        for (auto& h : heatmaps) h->setVisible(heat);
        for (const QPointF& centre : route) {
            goTo(centre);
            const double cpuBefore = threadCpuMs();
            timer.start();
            paintAll();
            const double ms = static_cast<double>(timer.nsecsElapsed()) / 1e6;
            (heat ? withHeatmaps : slideOnly).push_back(ms);
            (heat ? withHeatmapsCpu : slideOnlyCpu).push_back(threadCpuMs() - cpuBefore);
        }
    }
    const quint64 recoloured = HeatmapLayer::colourisationCount() - colouredBefore;
    const Stats a = statsOf(slideOnly);
    const Stats b = statsOf(withHeatmaps);
    const Stats aCpu = statsOf(slideOnlyCpu);
    const Stats bCpu = statsOf(withHeatmapsCpu);

    if (parser.isSet(jsonOption)) {
        QJsonObject o{{QStringLiteral("benchmark"), QStringLiteral("paint")},
                      {QStringLiteral("slide"), path},
                      {QStringLiteral("slide_width"), slideSize.width()},
                      {QStringLiteral("slide_height"), slideSize.height()},
                      {QStringLiteral("panes"), panes},
                      {QStringLiteral("tiles_read"), static_cast<double>(scheduler.tilesRead())},
                      {QStringLiteral("viewport_width"), view.viewport()->width()},
                      {QStringLiteral("viewport_height"), view.viewport()->height()},
                      {QStringLiteral("downsample"), view.downsample()},
                      {QStringLiteral("frames_per_pass"), frames},
                      {QStringLiteral("heatmap_cells"), QStringLiteral("%1x%2").arg(grid->rows()).arg(grid->columns())},
                      {QStringLiteral("warmup_s"), warmSeconds},
                      {QStringLiteral("slide_only"), toJson(a, aCpu)},
                      {QStringLiteral("slide_and_3_heatmaps"), toJson(b, bCpu)},
                      {QStringLiteral("ratio_p50"), a.p50 > 0 ? b.p50 / a.p50 : 0.0},
                      {QStringLiteral("ratio_p95"), a.p95 > 0 ? b.p95 / a.p95 : 0.0},
                      {QStringLiteral("recolourings_while_panning"), static_cast<double>(recoloured)}};
        out << QJsonDocument(o).toJson(QJsonDocument::Indented);
        return 0;
    }
    out << QCoreApplication::translate("BenchPaint", "Paint time per frame of %6 pane(s) of %1x%2, %3 frames of each kind, downsample %4, slide %5")
               .arg(view.viewport()->width())
               .arg(view.viewport()->height())
               .arg(2 * frames)
               .arg(view.downsample())
               .arg(path)
               .arg(panes)
        << '\n';
    const auto line = [&out](const QString& label, const Stats& s, const Stats& cpu) {
        out << QCoreApplication::translate("BenchPaint", "%1: p50 %2 ms, p95 %3 ms, max %4 ms (CPU p50 %5, p95 %6 ms)")
                   .arg(label)
                   .arg(s.p50, 0, 'f', 2)
                   .arg(s.p95, 0, 'f', 2)
                   .arg(s.max, 0, 'f', 2)
                   .arg(cpu.p50, 0, 'f', 2)
                   .arg(cpu.p95, 0, 'f', 2)
            << '\n';
    };
    line(QCoreApplication::translate("BenchPaint", "slide only"), a, aCpu);
    line(QCoreApplication::translate("BenchPaint", "slide + 3 heatmaps"), b, bCpu);
    out << QCoreApplication::translate("BenchPaint", "ratio: p50 %1, p95 %2; recolourings while panning: %3")
               .arg(a.p50 > 0 ? b.p50 / a.p50 : 0.0, 0, 'f', 2)
               .arg(a.p95 > 0 ? b.p95 / a.p95 : 0.0, 0, 'f', 2)
               .arg(recoloured)
        << '\n';
    return 0;
}
