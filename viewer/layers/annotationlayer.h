#pragma once

#include "viewer/annotations/annotation.h"
#include "viewer/layers/annotationindex.h"
#include "viewer/layers/layer.h"

#include <QtCore/QSet>

#include <optional>
#include <unordered_map>
#include <vector>

namespace slidesight {

/// Annotations drawn over the slide (id "annotations"): areas outlined and lightly filled in
/// their group's colour, lines as polylines, points as markers of a fixed screen size.
///
/// Drawing stays fast with tens of thousands of vertices: a grid index over the annotations'
/// bounds finds those in the exposed rectangle, and outlines are simplified (Douglas–Peucker)
/// to about one screen pixel per zoom octave, computed the first time an annotation is drawn
/// at that zoom and kept until it changes. Annotations smaller than a couple of screen pixels
/// are drawn as a dot.
///
/// The layer reads an AnnotationSet it does not own: whoever edits the set calls
/// annotationsChanged() afterwards, and setAnnotationSet(nullptr) before the set goes away.
/// GUI thread only.
class AnnotationLayer : public Layer {
    Q_OBJECT
public:
    static constexpr double kMarkerRadius = 5.0;  ///< screen pixels, point markers and hit tolerance

    explicit AnnotationLayer(QObject* parent = nullptr);
    /// Another annotation layer than the document's (the teaching mode's truth, "truth").
    AnnotationLayer(const QString& id, const QString& name, QObject* parent = nullptr);
    ~AnnotationLayer() override;

    void setAnnotationSet(const AnnotationSet* set);
    const AnnotationSet* annotationSet() const { return set_; }
    /// The set changed inside `levelZeroDirty`, which covers the old and the new shapes of
    /// every annotation that changed (a null rectangle: anything may have changed).
    void annotationsChanged(const QRectF& levelZeroDirty = QRectF());

    /// Groups whose annotations are not drawn (nor found under the cursor).
    void setHiddenGroups(const QSet<QString>& groups);
    const QSet<QString>& hiddenGroups() const { return hiddenGroups_; }
    bool isShown(const Annotation& annotation) const { return !hiddenGroups_.contains(annotation.group); }

    /// The highlighted annotation; 0 for none.
    void setSelectedId(quint64 id);
    quint64 selectedId() const { return selectedId_; }

    /// A shape being drawn or moved, drawn dashed on top; none when empty.
    void setPreview(const std::optional<Annotation>& preview);
    const std::optional<Annotation>& preview() const { return preview_; }

    /// Ids of the annotations whose bounds touch `levelZeroRect`, shown or not, in set order.
    std::vector<quint64> idsIntersecting(const QRectF& levelZeroRect) const;
    /// Ids of the shown annotations under `levelZeroPoint` (areas by containment, points and
    /// lines within `tolerance` level-0 pixels), topmost first.
    std::vector<quint64> idsAt(const QPointF& levelZeroPoint, double tolerance) const;

    /// The outlines drawn for `annotation` at `downsample`: simplified rings (areas: the outer
    /// ring and the holes of every part) or the simplified polyline; points are never simplified.
    std::vector<QPolygonF> drawnOutlines(const Annotation& annotation, double downsample) const;
    /// The zoom octave simplifications are cached for; below 0 outlines are drawn as they are.
    static int zoomBucket(double downsample);
    /// Cached simplifications (for tests).
    int cachedOutlineCount() const { return static_cast<int>(cache_.size()); }

    /// "Name (group)" for an annotation; a numbered default when it has no name.
    static QString label(const Annotation& annotation);

    QRectF levelZeroBounds() const override;
    void paint(QPainter& painter, const QRectF& levelZeroExposed, double downsample) override;
    std::optional<QString> valueAt(const QPointF& levelZeroPoint) const override;
    void viewChanged(const QRectF& visibleLevelZeroRect, double downsample) override;

private:
    struct Outlines {
        QRectF bounds;  ///< of the annotation when it was simplified
        std::vector<QPolygonF> rings;
    };

    const std::vector<QPolygonF>& cachedOutlines(const Annotation& annotation, int bucket) const;
    void paintAnnotation(QPainter& painter, const Annotation& annotation, double downsample, bool selected,
                         bool preview) const;
    void updateBounds();
    double margin() const;

    const AnnotationSet* set_ = nullptr;
    AnnotationIndex index_;
    std::vector<QRectF> bounds_;                  ///< per annotation, in set order
    std::unordered_map<quint64, int> positions_;  ///< id -> position in the set
    QRectF extent_;
    QRectF layerBounds_;
    QSet<QString> hiddenGroups_;
    quint64 selectedId_ = 0;
    std::optional<Annotation> preview_;
    double downsample_ = 1.0;
    mutable std::unordered_map<quint64, Outlines> cache_;  ///< key: id and zoom bucket
};

}  // namespace slidesight
