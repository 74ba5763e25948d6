#include "viewer/layers/annotationlayer.h"

#include "viewer/layers/annotationgeometry.h"

#include <QtGui/QPainter>
#include <QtGui/QPainterPath>

#include <algorithm>
#include <cmath>

namespace slidesight {

namespace {

constexpr int kMaxBucket = 62;
constexpr int kHandleLimit = 400;  ///< vertex handles are drawn for selections with fewer vertices

quint64 cacheKey(quint64 id, int bucket) { return (id << 6) | static_cast<quint64>(bucket); }

QPen cosmeticPen(const QColor& colour, double width, Qt::PenStyle style = Qt::SolidLine) {
    QPen pen(colour, width, style, Qt::RoundCap, Qt::RoundJoin);
    pen.setCosmetic(true);
    return pen;
}

/// Every ring of an area annotation (outer rings and holes), or its points / polyline.
std::vector<QPolygonF> rawOutlines(const Annotation& annotation) {
    std::vector<QPolygonF> rings;
    if (!annotation.isArea()) {
        rings.push_back(annotation.points);
        return rings;
    }
    for (const PolygonPart& part : annotation.parts) {
        rings.push_back(part.outer);
        rings.insert(rings.end(), part.holes.begin(), part.holes.end());
    }
    return rings;
}

}  // namespace

AnnotationLayer::AnnotationLayer(QObject* parent) : Layer(QStringLiteral("annotations"), tr("Annotations"), parent) {}

AnnotationLayer::AnnotationLayer(const QString& id, const QString& name, QObject* parent) : Layer(id, name, parent) {}

AnnotationLayer::~AnnotationLayer() = default;

void AnnotationLayer::setAnnotationSet(const AnnotationSet* set) {
    set_ = set;
    annotationsChanged();
}

void AnnotationLayer::annotationsChanged(const QRectF& dirty) {
    bounds_.clear();
    positions_.clear();
    extent_ = QRectF();
    if (set_) {
        const auto& annotations = set_->annotations();
        bounds_.reserve(annotations.size());
        for (std::size_t i = 0; i < annotations.size(); ++i) {
            bounds_.push_back(annotations[i].bounds());
            positions_[annotations[i].id] = static_cast<int>(i);
            extent_ = uniteBounds(extent_, bounds_.back(), i > 0);
        }
    }
    index_.build(bounds_);
    if (dirty.isNull()) {
        cache_.clear();
    } else {
        for (auto it = cache_.begin(); it != cache_.end();) {
            const quint64 id = it->first >> 6;
            if (!positions_.count(id) || rectsTouch(it->second.bounds, dirty)) it = cache_.erase(it);
            else ++it;
        }
    }
    if (selectedId_ && !positions_.count(selectedId_)) selectedId_ = 0;
    updateBounds();
    const double m = margin();
    Q_EMIT contentChanged(dirty.isNull() ? layerBounds_ : dirty.adjusted(-m, -m, m, m));
}

void AnnotationLayer::setHiddenGroups(const QSet<QString>& groups) {
    if (groups == hiddenGroups_) return;
    hiddenGroups_ = groups;
    Q_EMIT contentChanged(layerBounds_);
}

void AnnotationLayer::setSelectedId(quint64 id) {
    if (id == selectedId_) return;
    const double m = margin();
    for (quint64 changed : {selectedId_, id}) {
        const auto it = positions_.find(changed);
        if (it != positions_.end())
            Q_EMIT contentChanged(bounds_[static_cast<std::size_t>(it->second)].adjusted(-m, -m, m, m));
    }
    selectedId_ = id;
}

void AnnotationLayer::setPreview(const std::optional<Annotation>& preview) {
    const double m = margin();
    if (preview_) Q_EMIT contentChanged(preview_->bounds().adjusted(-m, -m, m, m));
    preview_ = preview;
    updateBounds();
    if (preview_) Q_EMIT contentChanged(preview_->bounds().adjusted(-m, -m, m, m));
}

double AnnotationLayer::margin() const { return (kMarkerRadius + 4.0) * downsample_; }

void AnnotationLayer::updateBounds() {
    const bool any = !bounds_.empty();
    QRectF b = extent_;
    if (preview_) b = uniteBounds(b, preview_->bounds(), any);
    // Room for markers and pens at any zoom down to 64 level-0 pixels per screen pixel.
    const double m = (kMarkerRadius + 4.0) * std::max(downsample_, 64.0);
    if (any || preview_) b.adjust(-m, -m, m, m);
    else b = QRectF();
    if (b == layerBounds_) return;
    layerBounds_ = b;
    Q_EMIT appearanceChanged();  // the view re-reads levelZeroBounds()
}

QRectF AnnotationLayer::levelZeroBounds() const { return layerBounds_; }

void AnnotationLayer::viewChanged(const QRectF&, double downsample) {
    if (downsample <= 0.0 || downsample == downsample_) return;
    const bool grew = downsample > std::max(downsample_, 64.0);
    downsample_ = downsample;
    if (grew) updateBounds();
}

std::vector<quint64> AnnotationLayer::idsIntersecting(const QRectF& rect) const {
    std::vector<quint64> ids;
    if (!set_) return ids;
    for (int i : index_.query(rect)) ids.push_back(set_->annotations()[static_cast<std::size_t>(i)].id);
    return ids;
}

std::vector<quint64> AnnotationLayer::idsAt(const QPointF& p, double tolerance) const {
    std::vector<quint64> ids;
    if (!set_) return ids;
    const std::vector<int> near = index_.query(QRectF(p, p).adjusted(-tolerance, -tolerance, tolerance, tolerance));
    for (auto it = near.rbegin(); it != near.rend(); ++it) {
        const Annotation& a = set_->annotations()[static_cast<std::size_t>(*it)];
        if (isShown(a) && annotationHit(a, p, tolerance)) ids.push_back(a.id);
    }
    return ids;
}

int AnnotationLayer::zoomBucket(double downsample) {
    if (!(downsample >= 1.0)) return -1;
    return std::min(static_cast<int>(std::floor(std::log2(downsample))), kMaxBucket);
}

std::vector<QPolygonF> AnnotationLayer::drawnOutlines(const Annotation& annotation, double downsample) const {
    const int bucket = zoomBucket(downsample);
    if (bucket < 0) return rawOutlines(annotation);
    return cachedOutlines(annotation, bucket);
}

const std::vector<QPolygonF>& AnnotationLayer::cachedOutlines(const Annotation& annotation, int bucket) const {
    const quint64 key = cacheKey(annotation.id, bucket);
    auto it = cache_.find(key);
    if (it != cache_.end()) return it->second.rings;
    // At downsample d in [2^b, 2^(b+1)) a tolerance of 2^b level-0 pixels is 0.5 to 1 screen pixel.
    const double tolerance = std::ldexp(1.0, bucket);
    Outlines outlines;
    outlines.bounds = annotation.bounds();
    if (annotation.isArea()) {
        for (const QPolygonF& ring : rawOutlines(annotation)) outlines.rings.push_back(simplifyRing(ring, tolerance));
    } else if (annotation.geometry == AnnotationGeometry::Line) {
        outlines.rings.push_back(simplifyPolyline(annotation.points, tolerance));
    } else {
        outlines.rings.push_back(annotation.points);
    }
    return cache_.emplace(key, std::move(outlines)).first->second.rings;
}

void AnnotationLayer::paint(QPainter& painter, const QRectF& exposed, double downsample) {
    if (!set_ && !preview_) return;
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    if (set_) {
        const double m = (kMarkerRadius + 4.0) * downsample;
        const auto& annotations = set_->annotations();
        const Annotation* selected = nullptr;
        for (int i : index_.query(exposed.adjusted(-m, -m, m, m))) {
            const Annotation& a = annotations[static_cast<std::size_t>(i)];
            if (!isShown(a)) continue;
            if (a.id == selectedId_) selected = &a;
            else paintAnnotation(painter, a, downsample, false, false);
        }
        if (selected) paintAnnotation(painter, *selected, downsample, true, false);
    }
    if (preview_) paintAnnotation(painter, *preview_, downsample, false, true);
    painter.restore();
}

void AnnotationLayer::paintAnnotation(QPainter& painter, const Annotation& a, double ds, bool selected,
                                      bool preview) const {
    const QColor colour = set_ ? set_->colourOf(a) : a.colour.value_or(QColor(255, 200, 0));
    const bool markers = a.geometry == AnnotationGeometry::Point || a.geometry == AnnotationGeometry::Points;
    const auto position = positions_.find(a.id);
    const QRectF b = !preview && position != positions_.end() ? bounds_[static_cast<std::size_t>(position->second)]
                                                              : a.bounds();
    if (!markers && !selected && !preview && b.width() < 2.0 * ds && b.height() < 2.0 * ds) {
        // Smaller than two screen pixels: a dot says where it is.
        painter.fillRect(QRectF(b.center() - QPointF(ds, ds), QSizeF(2.0 * ds, 2.0 * ds)), colour);
        return;
    }
    const std::vector<QPolygonF> rings = preview ? rawOutlines(a) : drawnOutlines(a, ds);
    const Qt::PenStyle style = preview ? Qt::DashLine : Qt::SolidLine;
    if (markers) {
        const double r = kMarkerRadius * ds * (selected ? 1.4 : 1.0);
        painter.setPen(cosmeticPen(selected ? QColor(Qt::white) : colour.darker(160), selected ? 2.0 : 1.0, style));
        painter.setBrush(colour);
        for (const QPointF& p : rings.front()) painter.drawEllipse(p, r, r);
        return;
    }
    // Unselected outlines one pixel wide: the raster engine strokes those on its fast path.
    const double width = selected ? 2.5 : 1.0;
    if (selected) {
        // A white halo under the outline sets the selection apart on any stain.
        painter.setPen(cosmeticPen(Qt::white, width + 3.0));
        painter.setBrush(Qt::NoBrush);
        for (const QPolygonF& ring : rings) a.isArea() ? painter.drawPolygon(ring) : painter.drawPolyline(ring);
    }
    if (a.isArea()) {
        // The light fill without antialiasing (its edge lies under the outline): filling
        // large areas antialiased costs several times as much.
        QColor fill = colour;
        fill.setAlpha(selected ? 70 : 40);
        painter.setRenderHint(QPainter::Antialiasing, false);
        painter.setPen(Qt::NoPen);
        painter.setBrush(fill);
        if (rings.size() == 1) {
            painter.drawPolygon(rings.front(), Qt::OddEvenFill);
        } else {
            QPainterPath path;
            path.setFillRule(Qt::OddEvenFill);
            for (const QPolygonF& ring : rings) path.addPolygon(ring);
            painter.drawPath(path);
        }
        painter.setRenderHint(QPainter::Antialiasing, true);
    }
    painter.setPen(cosmeticPen(colour, width, style));
    painter.setBrush(Qt::NoBrush);
    for (const QPolygonF& ring : rings) a.isArea() ? painter.drawPolygon(ring) : painter.drawPolyline(ring);
    int vertices = 0;
    for (const QPolygonF& ring : rings) vertices += static_cast<int>(ring.size());
    if ((selected || preview) && vertices <= kHandleLimit) {
        const double h = 3.0 * ds;
        painter.setPen(cosmeticPen(colour.darker(170), 1.0));
        painter.setBrush(Qt::white);
        for (const QPolygonF& ring : rings)
            for (const QPointF& p : ring) painter.drawRect(QRectF(p.x() - h, p.y() - h, 2 * h, 2 * h));
    }
}

QString AnnotationLayer::label(const Annotation& a) {
    const QString name = a.name.isEmpty() ? tr("Annotation %1").arg(a.id) : a.name;
    return a.group.isEmpty() ? name : tr("%1 (%2)").arg(name, a.group);
}

std::optional<QString> AnnotationLayer::valueAt(const QPointF& p) const {
    const std::vector<quint64> ids = idsAt(p, kMarkerRadius * downsample_);
    if (ids.empty()) return std::nullopt;
    QStringList labels;
    for (quint64 id : ids) labels << label(set_->annotations()[static_cast<std::size_t>(positions_.at(id))]);
    return labels.join(QStringLiteral(", "));
}

}  // namespace slidesight
