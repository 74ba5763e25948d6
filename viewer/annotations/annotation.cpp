#include "viewer/annotations/annotation.h"

#include <algorithm>

namespace slidesight {

namespace {

// Colour of a group that appears only through an annotation's group name.
const QColor kUnknownGroupColour(128, 128, 128);
// Colour of an annotation that has neither its own colour nor a known group (ASAP's default).
const QColor kDefaultColour(0xF4, 0xFA, 0x58);

// The smallest rectangle holding both; unlike QRectF::united, a point's empty rectangle counts.
QRectF unite(const QRectF& a, const QRectF& b) {
    const qreal left = std::min(a.left(), b.left()), top = std::min(a.top(), b.top());
    return QRectF(left, top, std::max(a.right(), b.right()) - left, std::max(a.bottom(), b.bottom()) - top);
}

}  // namespace

QPolygonF openRing(QPolygonF ring) {
    if (ring.size() > 1 && ring.constFirst() == ring.constLast()) ring.removeLast();
    return ring;
}

QRectF Annotation::bounds() const {
    if (!isArea()) return points.boundingRect();
    QRectF box;
    bool any = false;
    for (const PolygonPart& part : parts) {
        box = any ? unite(box, part.outer.boundingRect()) : part.outer.boundingRect();
        any = true;
    }
    return box;
}

int Annotation::vertexCount() const {
    if (!isArea()) return static_cast<int>(points.size());
    qsizetype count = 0;
    for (const PolygonPart& part : parts) {
        count += part.outer.size();
        for (const QPolygonF& hole : part.holes) count += hole.size();
    }
    return static_cast<int>(count);
}

quint64 AnnotationSet::add(Annotation annotation) {
    annotation.id = nextId_++;
    if (!annotation.group.isEmpty() && !group(annotation.group))
        groups_.push_back({annotation.group, kUnknownGroupColour});
    annotations_.push_back(std::move(annotation));
    return annotations_.back().id;
}

bool AnnotationSet::remove(quint64 id) {
    const auto it = std::find_if(annotations_.begin(), annotations_.end(), [id](const Annotation& a) { return a.id == id; });
    if (it == annotations_.end()) return false;
    annotations_.erase(it);
    return true;
}

bool AnnotationSet::replace(const Annotation& annotation) {
    const auto it = std::find_if(annotations_.begin(), annotations_.end(),
                                 [&](const Annotation& a) { return a.id == annotation.id; });
    if (it == annotations_.end()) return false;
    // Like add(): a group named for the first time becomes a (grey) group of the set.
    if (!annotation.group.isEmpty() && !group(annotation.group))
        groups_.push_back({annotation.group, kUnknownGroupColour});
    *it = annotation;
    return true;
}

const Annotation* AnnotationSet::find(quint64 id) const {
    const auto it = std::find_if(annotations_.begin(), annotations_.end(), [id](const Annotation& a) { return a.id == id; });
    return it == annotations_.end() ? nullptr : &*it;
}

void AnnotationSet::setGroup(const AnnotationGroup& newGroup) {
    for (AnnotationGroup& g : groups_)
        if (g.name == newGroup.name) {
            g.colour = newGroup.colour;
            return;
        }
    groups_.push_back(newGroup);
}

const AnnotationGroup* AnnotationSet::group(const QString& name) const {
    for (const AnnotationGroup& g : groups_)
        if (g.name == name) return &g;
    return nullptr;
}

QColor AnnotationSet::colourOf(const Annotation& annotation) const {
    if (annotation.colour && annotation.colour->isValid()) return *annotation.colour;
    if (const AnnotationGroup* g = group(annotation.group); g && g->colour.isValid()) return g->colour;
    return kDefaultColour;
}

QRectF AnnotationSet::bounds() const {
    QRectF box;
    bool any = false;
    for (const Annotation& a : annotations_) {
        const QRectF b = a.bounds();
        box = any ? unite(box, b) : b;
        any = true;
    }
    return box;
}

}  // namespace slidesight
