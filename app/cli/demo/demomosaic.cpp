#include "app/cli/demo/demomosaic.h"

#include "viewer/annotations/annotation.h"
#include "viewer/annotations/asapxml.h"
#include "viewer/slide/openslidesource.h"
#include "viewer/slide/syntheticslidewriter.h"
#include "viewer/common/qstringfailure.h"

#include <QtCore/QSaveFile>
#include <QtGui/QImage>
#include <QtGui/QPainter>

#include <algorithm>
#include <cmath>
#include <random>
#include <vector>

namespace slidesight::cli {

namespace {

constexpr int kMaxMosaicSide = 8192;

/// The whole slide at level 0, resampled from `sourceMpp` to `mpp` (area averaging).
Expected<ArgbImage> readResampled(const QString& path, double assumedMpp, double mpp) {
    using Result = Expected<ArgbImage>;
    auto slide = OpenSlideSource::open(path.toStdString());
    if (!slide) return Result::failure(slide.error());
    const SlideInfo& info = (*slide)->info();
    const double sourceMpp = assumedMpp > 0 ? assumedMpp : info.mpp.average();
    if (!(sourceMpp > 0))
        return failure(DemoTissues::tr("\"%1\" records no µm/px; give one to assume.").arg(path));
    if (info.width() > kMaxMosaicSide || info.height() > kMaxMosaicSide)
        return failure(DemoTissues::tr("\"%1\" is larger than %2 x %2 px; a smaller slide is needed for the demo.")
                                   .arg(path)
                                   .arg(kMaxMosaicSide)
                                   );
    auto region = (*slide)->readRegion(0, 0, 0, info.width(), info.height());
    if (!region) return Result::failure(region.error());
    const QImage full(reinterpret_cast<const uchar*>(region->pixels.data()), region->width, region->height,
                      QImage::Format_RGB32);
    const double scale = sourceMpp / mpp;
    const QImage scaled = full.scaled(std::max(1, int(std::lround(region->width * scale))),
                                      std::max(1, int(std::lround(region->height * scale))), Qt::IgnoreAspectRatio,
                                      Qt::SmoothTransformation)
                              .convertToFormat(QImage::Format_RGB32);
    ArgbImage out(scaled.width(), scaled.height());
    for (int y = 0; y < scaled.height(); ++y) {
        const auto* line = reinterpret_cast<const uint32_t*>(scaled.constScanLine(y));
        std::copy_n(line, scaled.width(), &out.pixels[static_cast<size_t>(y) * out.width]);
    }
    return out;
}

}  // namespace

Expected<DemoTissues> DemoTissues::load(const Options& options) {
    using Result = Expected<DemoTissues>;
    auto negative = readResampled(options.negativeSlide, options.negativeMppAssumed, options.mpp);
    if (!negative) return Result::failure(negative.error());
    auto positive = readResampled(options.positiveSlide, options.positiveMppAssumed, options.mpp);
    if (!positive) return Result::failure(positive.error());
    auto a = TissueMosaic::fromImage(std::move(negative).value(), options.piece, options.seed);
    if (!a) return Result::failure(a.error());
    auto b = TissueMosaic::fromImage(std::move(positive).value(), options.piece, options.seed + 1);
    if (!b) return Result::failure(b.error());
    DemoTissues tissues;
    tissues.negative_ = std::make_shared<const TissueMosaic>(std::move(a).value());
    tissues.positive_ = std::make_shared<const TissueMosaic>(std::move(b).value());
    tissues.mpp_ = options.mpp;
    tissues.piece_ = options.piece;
    return tissues;
}

void DemoTissues::fill(bool positive, quint64 seed, int64_t x0, int64_t y0, int width, int height, uint8_t* rgb) const {
    // A seed moves the mosaic by a whole number of pieces far away: another arrangement.
    const int64_t shift = static_cast<int64_t>(seed % 100003u) * 131 * piece_;
    (positive ? positive_ : negative_)->fill(x0 + shift, y0 + shift, width, height, rgb);
}

namespace {

/// A wavy ellipse around (cx, cy) with half-axes rx, ry, clamped to [0, width] x [0, height].
QPolygonF wavyBlob(double cx, double cy, double rx, double ry, int vertices, double phase1, double phase2,
                   double width, double height) {
    QPolygonF polygon;
    for (int i = 0; i < vertices; ++i) {
        const double t = 2 * M_PI * i / vertices;
        const double wave = 1.0 + 0.18 * std::sin(3 * t + phase1) + 0.08 * std::sin(5 * t + phase2);
        polygon << QPointF(std::clamp(cx + rx * wave * std::cos(t), 0.0, width),
                           std::clamp(cy + ry * wave * std::sin(t), 0.0, height));
    }
    return polygon;
}

}  // namespace

QPolygonF DemoMosaic::randomRegion(int64_t width, int64_t height, double margin, double minRadius, double maxRadius,
                                   quint64 seed) {
    std::mt19937_64 random(seed);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    const double cx = margin + unit(random) * std::max(0.0, double(width) - 2 * margin);
    const double cy = margin + unit(random) * std::max(0.0, double(height) - 2 * margin);
    const double radius = minRadius + unit(random) * (maxRadius - minRadius);
    const double aspect = 0.7 + 0.6 * unit(random);
    const double phase1 = unit(random) * 2 * M_PI, phase2 = unit(random) * 2 * M_PI;
    return wavyBlob(cx, cy, radius * aspect, radius / aspect, 40, phase1, phase2, double(width), double(height));
}

QPolygonF DemoMosaic::randomIsland(int64_t width, int64_t height, double minMargin, double maxMargin, quint64 seed) {
    std::mt19937_64 random(seed);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    auto margin = [&] { return minMargin + unit(random) * (maxMargin - minMargin); };
    const double left = margin(), right = double(width) - margin();
    const double top = margin(), bottom = double(height) - margin();
    const double phase1 = unit(random) * 2 * M_PI, phase2 = unit(random) * 2 * M_PI;
    // The wave reaches 1.26 times the half-axes: divide it out so the margins hold.
    return wavyBlob((left + right) / 2, (top + bottom) / 2, (right - left) / 2 / 1.26, (bottom - top) / 2 / 1.26, 64,
                    phase1, phase2, double(width), double(height));
}

QPolygonF DemoMosaic::randomRegionInside(const QPolygonF& island, double minRadius, double maxRadius, quint64 seed) {
    std::mt19937_64 random(seed);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    const QRectF box = island.boundingRect();
    double radius = minRadius + unit(random) * (maxRadius - minRadius);
    const double aspect = 0.75 + 0.5 * unit(random);
    const double phase1 = unit(random) * 2 * M_PI, phase2 = unit(random) * 2 * M_PI;
    // The centre: uniform in the island's box, kept when a circle of the radius around it
    // lies in the island; after every 50 misses the radius shrinks by a tenth.
    QPointF centre = box.center();
    for (int attempt = 0; attempt < 1000; ++attempt) {
        if (attempt > 0 && attempt % 50 == 0) radius = std::max(minRadius * 0.5, radius * 0.9);
        const QPointF c(box.left() + unit(random) * box.width(), box.top() + unit(random) * box.height());
        bool fits = island.containsPoint(c, Qt::OddEvenFill);
        for (int i = 0; fits && i < 16; ++i) {
            const double t = 2 * M_PI * i / 16;
            fits = island.containsPoint(c + QPointF(radius * std::cos(t), radius * std::sin(t)), Qt::OddEvenFill);
        }
        if (fits) {
            centre = c;
            break;
        }
    }
    const QPolygonF blob = wavyBlob(centre.x(), centre.y(), radius * aspect, radius / aspect, 40, phase1, phase2,
                                    box.right(), box.bottom());
    QPolygonF clipped = blob.intersected(island);
    // intersected() closes the polygon by repeating its first point: ASAP XML wants it once.
    if (clipped.size() > 1 && clipped.first() == clipped.last()) clipped.removeLast();
    return clipped;
}

Expected<bool> DemoMosaic::write(const DemoTissues& tissues, const QString& path, const QString& annotationPath,
                                 const QString& group) const {
    SyntheticSlideWriter::Options o;
    o.width = width;
    o.height = height;
    o.tileSize = 256;
    o.downsamples = {1, 4, 16};
    o.jpegQuality = 85;
    o.flavour = SyntheticSlideWriter::Flavour::Aperio;
    o.mpp = tissues.mpp();
    o.objectivePower = 10.0 / tissues.mpp();
    const DemoMosaic& self = *this;
    // The pixels whose centre lies inside `polygon` (odd-even rule) of the tile at (x0, y0).
    auto maskOf = [](const QPolygonF& polygon, int64_t x0, int64_t y0, int w, int h) {
        QImage mask(w, h, QImage::Format_Grayscale8);
        mask.fill(0);
        QPainter painter(&mask);
        painter.setRenderHint(QPainter::Antialiasing, false);
        painter.setPen(Qt::NoPen);
        painter.setBrush(Qt::white);
        painter.translate(-double(x0), -double(y0));
        painter.drawPolygon(polygon, Qt::OddEvenFill);
        return mask;
    };
    // Copies the pixels of `from` that `mask` marks into `rgb`.
    auto paste = [](const QImage& mask, const uint8_t* from, uint8_t* rgb, int w, int h) {
        for (int y = 0; y < h; ++y) {
            const uchar* m = mask.constScanLine(y);
            for (int x = 0; x < w; ++x)
                if (m[x]) std::copy_n(&from[(size_t(y) * w + x) * 3], 3, &rgb[(size_t(y) * w + x) * 3]);
        }
    };
    auto source = [&tissues, &self, &maskOf, &paste](int64_t x0, int64_t y0, int w, int h, uint8_t* rgb) {
        const QRectF tile(x0, y0, w, h);
        if (self.tissue.isEmpty()) {
            tissues.fill(false, self.seed, x0, y0, w, h, rgb);
        } else {
            std::fill_n(rgb, static_cast<size_t>(w) * h * 3, kBackground);
            if (self.tissue.boundingRect().intersects(tile)) {
                std::vector<uint8_t> negative(static_cast<size_t>(w) * h * 3);
                tissues.fill(false, self.seed, x0, y0, w, h, negative.data());
                paste(maskOf(self.tissue, x0, y0, w, h), negative.data(), rgb, w, h);
            }
        }
        if (!self.positive || !self.region.boundingRect().intersects(tile)) return;
        std::vector<uint8_t> inside(static_cast<size_t>(w) * h * 3);
        tissues.fill(true, self.seed, x0, y0, w, h, inside.data());
        paste(maskOf(self.region, x0, y0, w, h), inside.data(), rgb, w, h);
    };
    auto written = SyntheticSlideWriter::write(path.toStdString(), o, source);
    if (!written) return written;
    if (!positive) return true;
    AnnotationSet set;
    set.setGroup(AnnotationGroup{group, QColor(0xE0, 0x20, 0x40)});
    Annotation a;
    a.name = group;
    a.group = group;
    a.geometry = AnnotationGeometry::Polygon;
    a.sourceType = QStringLiteral("Polygon");
    a.parts.push_back(PolygonPart{region, {}});
    set.add(std::move(a));
    QSaveFile file(annotationPath);
    if (!file.open(QIODevice::WriteOnly) || file.write(AsapXml::write(set)) < 0 || !file.commit())
        return failure(
            DemoTissues::tr("Cannot write \"%1\": %2").arg(annotationPath, file.errorString()));
    return true;
}

}  // namespace slidesight::cli
