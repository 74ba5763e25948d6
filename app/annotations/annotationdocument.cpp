#include "app/annotations/annotationdocument.h"

#include "app/annotations/annotationcommands.h"
#include "viewer/layers/annotationgeometry.h"
#include "viewer/layers/annotationlayer.h"

#include <QtCore/QPointer>
#include <QtGui/QUndoStack>

#include <algorithm>

namespace slidesight {

namespace {

QRectF boundsOf(const std::vector<Annotation>& annotations) {
    QRectF box;
    bool any = false;
    for (const Annotation& a : annotations) {
        box = uniteBounds(box, a.bounds(), any);
        any = true;
    }
    // A pixel around: a point's bounds have no area, and a null rectangle means "everything".
    return any ? box.adjusted(-1, -1, 1, 1) : box;
}

}  // namespace

AnnotationDocument::AnnotationDocument(QObject* parent) : QObject(parent), undoStack_(new QUndoStack(this)) {}

AnnotationDocument::~AnnotationDocument() { Q_EMIT aboutToReset(); }

void AnnotationDocument::reset(const QString& slidePath, AnnotationSet set) {
    Q_EMIT aboutToReset();
    undoStack_->clear();
    slidePath_ = slidePath;
    set_ = std::move(set);
    hiddenGroups_.clear();
    selectedId_ = 0;
    Q_EMIT hiddenGroupsChanged(hiddenGroups_);
    Q_EMIT selectionChanged(0);
    Q_EMIT changed(QRectF());
}

void AnnotationDocument::setSelectedId(quint64 id) {
    if (id && !set_.find(id)) id = 0;
    if (id == selectedId_) return;
    selectedId_ = id;
    Q_EMIT selectionChanged(id);
}

void AnnotationDocument::dropMissingSelection() {
    if (selectedId_ && !set_.find(selectedId_)) setSelectedId(0);
}

void AnnotationDocument::attachLayer(AnnotationLayer* layer) {
    layer->setAnnotationSet(&set_);
    layer->setHiddenGroups(hiddenGroups_);
    layer->setSelectedId(selectedId_);
    const QPointer<AnnotationLayer> guard(layer);
    connect(this, &AnnotationDocument::changed, layer, &AnnotationLayer::annotationsChanged);
    connect(this, &AnnotationDocument::hiddenGroupsChanged, layer, &AnnotationLayer::setHiddenGroups);
    connect(this, &AnnotationDocument::selectionChanged, layer, &AnnotationLayer::setSelectedId);
    connect(this, &QObject::destroyed, layer, [guard] {
        if (guard) guard->setAnnotationSet(nullptr);
    });
}

quint64 AnnotationDocument::addAnnotation(const Annotation& annotation, const QString& text) {
    auto* command = new AddAnnotationsCommand(this, {annotation}, {}, text.isEmpty() ? tr("Add annotation") : text);
    undoStack_->push(command);
    return command->ids().empty() ? 0 : command->ids().front();
}

void AnnotationDocument::importAnnotations(const AnnotationSet& imported, const QString& text) {
    if (imported.isEmpty() && imported.groups().empty()) return;
    undoStack_->push(new AddAnnotationsCommand(this, imported.annotations(), imported.groups(), text));
}

void AnnotationDocument::deleteAnnotations(const std::vector<quint64>& ids) {
    std::vector<Annotation> doomed = copies(ids);
    if (doomed.empty()) return;
    undoStack_->push(new DeleteAnnotationsCommand(this, std::move(doomed)));
}

void AnnotationDocument::moveAnnotations(const std::vector<quint64>& ids, const QPointF& offset) {
    if (offset.isNull()) return;
    std::vector<Annotation> before = copies(ids);
    if (before.empty()) return;
    std::vector<Annotation> after;
    for (const Annotation& a : before) after.push_back(translatedAnnotation(a, offset));
    undoStack_->push(new ReplaceAnnotationsCommand(this, std::move(before), std::move(after), tr("Move annotation")));
}

void AnnotationDocument::editAnnotation(const Annotation& edited) {
    std::vector<Annotation> before = copies({edited.id});
    if (before.empty()) return;
    undoStack_->push(new ReplaceAnnotationsCommand(this, std::move(before), {edited}, tr("Edit annotation")));
}

void AnnotationDocument::setAnnotationsGroup(const std::vector<quint64>& ids, const QString& group) {
    std::vector<Annotation> before = copies(ids);
    if (before.empty()) return;
    std::vector<Annotation> after = before;
    for (Annotation& a : after) a.group = group;
    undoStack_->push(new ReplaceAnnotationsCommand(this, std::move(before), std::move(after), tr("Set group")));
}

void AnnotationDocument::setGroupColour(const QString& group, const QColor& colour) {
    if (const AnnotationGroup* g = set_.group(group); g && g->colour == colour) return;
    undoStack_->push(new SetGroupColourCommand(this, group, colour));
}

void AnnotationDocument::setGroupVisible(const QString& group, bool visible) {
    if (isGroupVisible(group) == visible) return;
    undoStack_->push(new SetGroupVisibilityCommand(this, group, visible));
}

std::vector<Annotation> AnnotationDocument::copies(const std::vector<quint64>& ids) const {
    const QSet<quint64> wanted(ids.begin(), ids.end());
    std::vector<Annotation> out;
    for (const Annotation& a : set_.annotations())
        if (wanted.contains(a.id)) out.push_back(a);
    return out;
}

std::vector<quint64> AnnotationDocument::applyAdd(std::vector<Annotation> annotations) {
    std::vector<quint64> ids;
    ids.reserve(annotations.size());
    for (Annotation& a : annotations) {
        ids.push_back(set_.add(a));
        a.id = ids.back();
    }
    Q_EMIT changed(boundsOf(annotations));
    return ids;
}

quint64 AnnotationDocument::nextId() const {
    // The set hands out ids in ascending order; a copy says which one comes next.
    AnnotationSet probe = set_;
    return probe.add(Annotation{});
}

void AnnotationDocument::applyInsert(const std::vector<Annotation>& annotations) {
    if (annotations.empty()) return;
    std::vector<Annotation> sorted = annotations;
    std::sort(sorted.begin(), sorted.end(), [](const Annotation& a, const Annotation& b) { return a.id < b.id; });
    if (sorted.size() == 1 && sorted.front().id == nextId()) {
        set_.add(sorted.front());  // the common case: putting back the newest annotation
    } else {
        std::vector<Annotation> merged;
        merged.reserve(set_.annotations().size() + sorted.size());
        std::merge(set_.annotations().begin(), set_.annotations().end(), sorted.begin(), sorted.end(),
                   std::back_inserter(merged), [](const Annotation& a, const Annotation& b) { return a.id < b.id; });
        rebuild(std::move(merged), set_.groups());
    }
    Q_EMIT changed(boundsOf(sorted));
}

void AnnotationDocument::rebuild(std::vector<Annotation> annotations, const std::vector<AnnotationGroup>& groups) {
    // AnnotationSet numbers annotations itself (1, 2, ...): ids skipped by deleted annotations
    // are taken by placeholders that are removed again, so every id comes out as it was.
    const quint64 next = std::max(nextId(), annotations.empty() ? quint64(1) : annotations.back().id + 1);
    AnnotationSet rebuilt;
    for (const AnnotationGroup& g : groups) rebuilt.setGroup(g);
    std::vector<quint64> placeholders;
    quint64 id = 1;
    for (const Annotation& a : annotations) {
        for (; id < a.id; ++id) placeholders.push_back(rebuilt.add(Annotation{}));
        rebuilt.add(a);
        ++id;
    }
    for (; id < next; ++id) placeholders.push_back(rebuilt.add(Annotation{}));
    for (auto it = placeholders.rbegin(); it != placeholders.rend(); ++it) rebuilt.remove(*it);
    set_ = std::move(rebuilt);
}

void AnnotationDocument::applyRemove(const std::vector<quint64>& ids) {
    const std::vector<Annotation> removed = copies(ids);
    if (removed.empty()) return;
    for (const Annotation& a : removed) set_.remove(a.id);
    dropMissingSelection();
    Q_EMIT changed(boundsOf(removed));
}

void AnnotationDocument::applyReplace(const std::vector<Annotation>& annotations) {
    std::vector<quint64> ids;
    for (const Annotation& a : annotations) ids.push_back(a.id);
    std::vector<Annotation> touched = copies(ids);  // the old shapes, then the new ones
    for (const Annotation& a : annotations) set_.replace(a);
    touched.insert(touched.end(), annotations.begin(), annotations.end());
    Q_EMIT changed(boundsOf(touched));
}

void AnnotationDocument::applyGroups(const std::vector<AnnotationGroup>& groups) {
    const auto& current = set_.groups();
    // Colours changed and groups added at the end: in place; anything else: rebuilt.
    bool inPlace = groups.size() >= current.size();
    for (std::size_t i = 0; inPlace && i < current.size(); ++i) inPlace = current[i].name == groups[i].name;
    if (inPlace) {
        for (const AnnotationGroup& g : groups) set_.setGroup(g);
    } else {
        rebuild(set_.annotations(), groups);
    }
    Q_EMIT changed(QRectF());
}

void AnnotationDocument::applyHiddenGroups(const QSet<QString>& hidden) {
    if (hidden == hiddenGroups_) return;
    hiddenGroups_ = hidden;
    Q_EMIT hiddenGroupsChanged(hiddenGroups_);
}

}  // namespace slidesight
