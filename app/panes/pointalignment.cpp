#include "app/panes/pointalignment.h"

#include "app/panes/viewlink.h"
#include "viewer/view/slideview.h"

#include <QtGui/QKeyEvent>
#include <QtGui/QMouseEvent>

namespace slidesight {

namespace {

constexpr int kClickSlopPixels = 4;  ///< a press and release farther apart are a drag, not a click

}  // namespace

PointAlignment::PointAlignment(ViewLink* link, QObject* parent) : QObject(parent), link_(link) {}

void PointAlignment::start() {
    if (link_->views().size() < 2) {
        Q_EMIT message(tr("Split the view into panes first (View > Panes)."));
        return;
    }
    if (step_ == Step::Idle) watch(true);
    step_ = Step::First;
    first_ = nullptr;
    Q_EMIT message(tr("Click a feature in one pane (Escape cancels)."));
}

void PointAlignment::cancel() {
    if (step_ == Step::Idle) return;
    watch(false);
    step_ = Step::Idle;
    first_ = nullptr;
    Q_EMIT message(tr("Alignment cancelled."));
    Q_EMIT ended();
}

void PointAlignment::pick(SlideView* view, const QPointF& levelZeroPoint) {
    if (step_ == Step::First || (step_ == Step::Second && !first_)) {
        first_ = view;
        firstPoint_ = levelZeroPoint;
        step_ = Step::Second;
        Q_EMIT message(tr("Now click the same feature in another pane."));
        return;
    }
    if (step_ != Step::Second) return;
    if (view == first_) {
        Q_EMIT message(tr("Click the same feature in another pane, not in the same one."));
        return;
    }
    SlideView* reference = first_;
    link_->alignPoints(reference, firstPoint_, view, levelZeroPoint);
    watch(false);
    step_ = Step::Idle;
    first_ = nullptr;
    link_->setEnabled(true);
    link_->follow(reference);
    Q_EMIT message(tr("Panes aligned on the two points and linked."));
    Q_EMIT aligned(reference, view);
    Q_EMIT ended();
}

void PointAlignment::watch(bool on) {
    for (SlideView* view : link_->views()) {
        if (on) view->viewport()->installEventFilter(this);
        else view->viewport()->removeEventFilter(this);
    }
}

SlideView* PointAlignment::viewOfViewport(QObject* viewport) const {
    for (SlideView* view : link_->views())
        if (view->viewport() == viewport) return view;
    return nullptr;
}

bool PointAlignment::eventFilter(QObject* watched, QEvent* event) {
    if (step_ == Step::Idle) return false;
    switch (event->type()) {
    case QEvent::MouseButtonPress:
    case QEvent::MouseButtonDblClick: {
        auto* mouse = static_cast<QMouseEvent*>(event);
        if (mouse->button() != Qt::LeftButton) return false;
        pressed_ = mouse->position().toPoint();
        return true;
    }
    case QEvent::MouseButtonRelease: {
        auto* mouse = static_cast<QMouseEvent*>(event);
        if (mouse->button() != Qt::LeftButton) return false;
        const QPoint at = mouse->position().toPoint();
        SlideView* view = viewOfViewport(watched);
        if (view && (at - pressed_).manhattanLength() <= kClickSlopPixels) pick(view, view->mapToScene(at));
        return true;
    }
    case QEvent::KeyPress:
        if (static_cast<QKeyEvent*>(event)->key() == Qt::Key_Escape) {
            cancel();
            return true;
        }
        return false;
    default:
        return false;
    }
}

}  // namespace slidesight
