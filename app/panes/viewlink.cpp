#include "app/panes/viewlink.h"

#include "viewer/view/slideview.h"

#include <algorithm>
#include <cmath>

namespace slidesight {

ViewLink::ViewLink(QObject* parent) : QObject(parent) {}

bool ViewLink::State::matches(const State& other) const {
    const double tolerance = 1e-3 * std::max(downsample, other.downsample);
    return std::abs(centre.x() - other.centre.x()) <= tolerance && std::abs(centre.y() - other.centre.y()) <= tolerance &&
           std::abs(downsample - other.downsample) <= 1e-9 * std::max(downsample, other.downsample) &&
           std::abs(rotation - other.rotation) <= 1e-9;
}

ViewLink::State ViewLink::stateOf(const SlideView& view) {
    return State{view.centreLevelZero(), view.downsample(), view.rotation()};
}

ViewLink::Entry* ViewLink::entryOf(const SlideView* view) {
    for (Entry& e : entries_)
        if (e.view == view) return &e;
    return nullptr;
}

const ViewLink::Entry* ViewLink::entryOf(const SlideView* view) const {
    for (const Entry& e : entries_)
        if (e.view == view) return &e;
    return nullptr;
}

void ViewLink::addView(SlideView* view) {
    if (!view || entryOf(view)) return;
    entries_.push_back(Entry{view, {}, std::nullopt});
    connect(view, &SlideView::viewChanged, this, [this, view] { viewChanged(view); });
    connect(view, &QObject::destroyed, this, [this] {
        entries_.erase(std::remove_if(entries_.begin(), entries_.end(), [](const Entry& e) { return e.view.isNull(); }),
                       entries_.end());
    });
}

void ViewLink::removeView(SlideView* view) {
    if (!view) return;
    disconnect(view, nullptr, this, nullptr);
    entries_.erase(std::remove_if(entries_.begin(), entries_.end(), [view](const Entry& e) { return e.view == view; }),
                   entries_.end());
}

std::vector<SlideView*> ViewLink::views() const {
    std::vector<SlideView*> out;
    for (const Entry& e : entries_)
        if (e.view) out.push_back(e.view);
    return out;
}

void ViewLink::setEnabled(bool enabled) { enabled_ = enabled; }

double ViewLink::scaleRatio(const SlideView& from, const SlideView& to) {
    const double a = from.mpp().average(), b = to.mpp().average();
    return a > 0.0 && b > 0.0 ? a / b : 1.0;
}

QPointF ViewLink::offset(SlideView* view) const {
    const Entry* e = entryOf(view);
    return e ? e->offset : QPointF();
}

void ViewLink::setOffset(SlideView* view, const QPointF& offset) {
    if (Entry* e = entryOf(view)) e->offset = offset;
}

void ViewLink::linkHere() {
    if (entries_.empty() || !entries_.front().view) return;
    SlideView* first = entries_.front().view;
    entries_.front().offset = QPointF();
    const QPointF c = first->centreLevelZero();
    for (size_t i = 1; i < entries_.size(); ++i) {
        Entry& e = entries_[i];
        if (!e.view) continue;
        e.offset = e.view->centreLevelZero() - c * scaleRatio(*first, *e.view);
    }
}

void ViewLink::alignPoints(SlideView* reference, const QPointF& referencePoint, SlideView* view, const QPointF& viewPoint) {
    const Entry* a = entryOf(reference);
    Entry* b = entryOf(view);
    if (!a || !b || a == b) return;
    // mapCentre(reference, view, referencePoint) == viewPoint.
    b->offset = viewPoint - (referencePoint - a->offset) * scaleRatio(*reference, *view);
}

void ViewLink::resetOffsets() {
    for (Entry& e : entries_) e.offset = QPointF();
}

QPointF ViewLink::mapCentre(SlideView* from, SlideView* to, const QPointF& fromCentre) const {
    const Entry* a = entryOf(from);
    const Entry* b = entryOf(to);
    if (!a || !b) return fromCentre;
    return (fromCentre - a->offset) * scaleRatio(*from, *to) + b->offset;
}

double ViewLink::mapDownsample(SlideView* from, SlideView* to, double fromDownsample) const {
    return fromDownsample * scaleRatio(*from, *to);
}

void ViewLink::follow(SlideView* source) {
    if (!enabled_ || !source || applying_) return;
    const State s = stateOf(*source);
    applying_ = true;
    for (Entry& e : entries_) {
        if (!e.view || e.view == source) continue;
        SlideView* v = e.view;
        v->setRotation(s.rotation);
        v->setDownsample(mapDownsample(source, v, s.downsample));
        v->centerOnLevelZero(mapCentre(source, v, s.centre));
        e.applied = stateOf(*v);
    }
    applying_ = false;
}

void ViewLink::viewChanged(SlideView* view) {
    Entry* e = entryOf(view);
    if (!e) return;
    // The change the link made itself (merged views report once per event-loop pass).
    if (e->applied && e->applied->matches(stateOf(*view))) return;
    e->applied.reset();
    follow(view);
}

}  // namespace slidesight
