#include "app/annotations/annotationtools.h"

#include "app/annotations/annotationdocument.h"
#include "viewer/layers/annotationgeometry.h"
#include "viewer/layers/annotationlayer.h"
#include "viewer/view/slideview.h"

#include <QtGui/QActionGroup>
#include <QtGui/QKeyEvent>
#include <QtGui/QMouseEvent>
#include <QtWidgets/QToolBar>

#include <algorithm>
#include <cmath>

namespace slidesight {

AnnotationTools::AnnotationTools(SlideView* view, AnnotationDocument* document, AnnotationLayer* layer, QObject* parent)
    : QObject(parent), view_(view), document_(document), layer_(layer), actions_(new QActionGroup(this)) {
    actions_->setExclusionPolicy(QActionGroup::ExclusionPolicy::ExclusiveOptional);
    const struct {
        Tool tool;
        QString text;
        QString tip;
    } tools[] = {
        {Tool::Select, tr("Select / move"), tr("Click an annotation to select it, drag it to move it")},
        {Tool::Point, tr("Point"), tr("Click to place a point")},
        {Tool::Rectangle, tr("Rectangle"), tr("Drag to draw a rectangle")},
        {Tool::Polygon, tr("Polygon"), tr("Click the vertices; double-click or Enter closes the polygon")},
        {Tool::Freehand, tr("Freehand"), tr("Drag to draw an outline")},
    };
    for (const auto& t : tools) {
        QAction* a = actions_->addAction(t.text);
        a->setCheckable(true);
        a->setToolTip(t.tip);
        toolActions_[t.tool] = a;
        const Tool tool = t.tool;
        connect(a, &QAction::toggled, this, [this, tool](bool on) {
            if (on) setTool(tool);
            else if (tool_ == tool) setTool(Tool::None);
        });
    }
    view->viewport()->installEventFilter(this);
    view->installEventFilter(this);
}

AnnotationTools::~AnnotationTools() {
    if (layer_) layer_->setPreview(std::nullopt);
    if (view_) {
        view_->viewport()->removeEventFilter(this);
        view_->removeEventFilter(this);
    }
}

void AnnotationTools::setLayer(AnnotationLayer* layer) {
    cancel();
    layer_ = layer;
}

QAction* AnnotationTools::action(Tool tool) const {
    const auto it = toolActions_.find(tool);
    return it == toolActions_.end() ? nullptr : it->second;
}

QToolBar* AnnotationTools::createToolBar(QWidget* parent) const {
    auto* bar = new QToolBar(tr("Annotation tools"), parent);
    bar->setObjectName(QStringLiteral("annotationToolBar"));
    bar->addActions(actions_->actions());
    return bar;
}

void AnnotationTools::setTool(Tool tool) {
    if (tool == tool_) return;
    cancel();
    tool_ = tool;
    for (const auto& [t, a] : toolActions_) a->setChecked(t == tool);
    if (view_) {
        const bool drawing = tool != Tool::None && tool != Tool::Select;
        view_->setDragMode(drawing ? QGraphicsView::NoDrag : QGraphicsView::ScrollHandDrag);
        if (drawing) view_->viewport()->setCursor(Qt::CrossCursor);
        else view_->viewport()->unsetCursor();
    }
    Q_EMIT toolChanged(tool);
}

void AnnotationTools::cancel() {
    points_.clear();
    movingId_ = 0;
    if (layer_) layer_->setPreview(std::nullopt);
}

QPointF AnnotationTools::toLevelZero(const QPointF& position) const {
    return view_->viewportTransform().inverted().map(position);
}

bool AnnotationTools::eventFilter(QObject* watched, QEvent* event) {
    if (!view_ || !document_ || !layer_ || document_->slidePath().isEmpty()) return false;
    if (watched == view_->viewport()) {
        switch (event->type()) {
        case QEvent::MouseButtonPress: return mousePress(static_cast<QMouseEvent*>(event));
        case QEvent::MouseMove: return mouseMove(static_cast<QMouseEvent*>(event));
        case QEvent::MouseButtonRelease: return mouseRelease(static_cast<QMouseEvent*>(event));
        case QEvent::MouseButtonDblClick: return doubleClick(static_cast<QMouseEvent*>(event));
        default: return false;
        }
    }
    if (watched == view_ && event->type() == QEvent::KeyPress) return keyPress(static_cast<QKeyEvent*>(event));
    return false;
}

bool AnnotationTools::mousePress(QMouseEvent* event) {
    if (tool_ == Tool::None || event->button() != Qt::LeftButton) return false;
    const QPointF p = toLevelZero(event->position());
    const double ds = view_->downsample();
    switch (tool_) {
    case Tool::Select: {
        const std::vector<quint64> hits = layer_->idsAt(p, AnnotationLayer::kMarkerRadius * ds);
        if (hits.empty()) {
            document_->setSelectedId(0);
            return false;  // the view pans
        }
        // Keep the selection when it is among the hits, so overlapped annotations can be moved.
        const quint64 id = std::find(hits.begin(), hits.end(), document_->selectedId()) != hits.end()
                               ? document_->selectedId() : hits.front();
        document_->setSelectedId(id);
        movingId_ = id;
        pressed_ = p;
        return true;
    }
    case Tool::Point: {
        Annotation a;
        a.geometry = AnnotationGeometry::Point;
        a.sourceType = QStringLiteral("Dot");
        a.points << p;
        commit(std::move(a), tr("Add point"));
        return true;
    }
    case Tool::Rectangle:
    case Tool::Freehand:
        points_ = QPolygonF() << p;
        cursor_ = p;
        showPreview();
        return true;
    case Tool::Polygon:
        // A second click on the last vertex (the first half of a double-click) adds nothing.
        if (points_.isEmpty() || QLineF(points_.back(), p).length() > 2.0 * ds) points_ << p;
        cursor_ = p;
        showPreview();
        return true;
    case Tool::None: break;
    }
    return false;
}

bool AnnotationTools::mouseMove(QMouseEvent* event) {
    const QPointF p = toLevelZero(event->position());
    if (movingId_) {
        if (const Annotation* a = document_->annotations().find(movingId_))
            layer_->setPreview(translatedAnnotation(*a, p - pressed_));
        return true;
    }
    if (points_.isEmpty()) return false;
    cursor_ = p;
    if (tool_ == Tool::Freehand && QLineF(points_.back(), p).length() >= view_->downsample()) points_ << p;
    showPreview();
    return false;  // the view still reports the cursor position
}

bool AnnotationTools::mouseRelease(QMouseEvent* event) {
    if (event->button() != Qt::LeftButton) return false;
    const QPointF p = toLevelZero(event->position());
    const double ds = view_->downsample();
    if (movingId_) {
        const quint64 id = movingId_;
        cancel();
        const QPointF offset = p - pressed_;
        if (std::hypot(offset.x(), offset.y()) >= ds) document_->moveAnnotations({id}, offset);
        return true;
    }
    if (points_.isEmpty()) return false;
    if (tool_ == Tool::Rectangle) {
        const QRectF r = QRectF(points_.front(), p).normalized();
        cancel();
        if (r.width() >= 2 * ds && r.height() >= 2 * ds) {
            Annotation a;
            a.geometry = AnnotationGeometry::Rectangle;
            a.sourceType = QStringLiteral("Rectangle");
            a.parts.push_back({QPolygonF() << r.topLeft() << r.topRight() << r.bottomRight() << r.bottomLeft(), {}});
            commit(std::move(a), tr("Add rectangle"));
        }
        return true;
    }
    if (tool_ == Tool::Freehand) {
        points_ << p;
        const QPolygonF outline = simplifyRing(points_, ds);
        cancel();
        if (outline.size() >= 3) {
            Annotation a;
            a.geometry = AnnotationGeometry::Polygon;
            a.sourceType = QStringLiteral("Polygon");
            a.parts.push_back({outline, {}});
            commit(std::move(a), tr("Add outline"));
        }
        return true;
    }
    return tool_ == Tool::Polygon;
}

bool AnnotationTools::doubleClick(QMouseEvent* event) {
    if (tool_ != Tool::Polygon || event->button() != Qt::LeftButton) return tool_ != Tool::None;
    // The press before the double-click normally placed this vertex already.
    const QPointF p = toLevelZero(event->position());
    if (points_.isEmpty() || QLineF(points_.back(), p).length() > 2.0 * view_->downsample()) points_ << p;
    finishPolygon();
    return true;
}

bool AnnotationTools::keyPress(QKeyEvent* event) {
    switch (event->key()) {
    case Qt::Key_Escape:
        if (isBusy()) cancel();
        else if (document_->selectedId()) document_->setSelectedId(0);
        else return false;
        return true;
    case Qt::Key_Return:
    case Qt::Key_Enter:
        if (tool_ != Tool::Polygon || points_.isEmpty()) return false;
        finishPolygon();
        return true;
    case Qt::Key_Delete:
    case Qt::Key_Backspace:
        if (tool_ == Tool::Polygon && points_.size() > 1 && event->key() == Qt::Key_Backspace) {
            points_.removeLast();  // Backspace while drawing takes back the last vertex
            showPreview();
            return true;
        }
        if (!document_->selectedId() || isBusy()) return false;
        document_->deleteAnnotations({document_->selectedId()});
        return true;
    default: return false;
    }
}

void AnnotationTools::showPreview() {
    Annotation a;
    a.group = drawGroup_;
    if (tool_ == Tool::Rectangle) {
        const QRectF r = QRectF(points_.front(), cursor_).normalized();
        a.geometry = AnnotationGeometry::Rectangle;
        a.parts.push_back({QPolygonF() << r.topLeft() << r.topRight() << r.bottomRight() << r.bottomLeft(), {}});
    } else {
        a.geometry = AnnotationGeometry::Line;
        a.points = points_;
        if (tool_ == Tool::Polygon) a.points << cursor_;
    }
    layer_->setPreview(a);
}

void AnnotationTools::finishPolygon() {
    const QPolygonF outline = points_;
    cancel();
    if (outline.size() < 3) return;
    Annotation a;
    a.geometry = AnnotationGeometry::Polygon;
    a.sourceType = QStringLiteral("Polygon");
    a.parts.push_back({outline, {}});
    commit(std::move(a), tr("Add polygon"));
}

void AnnotationTools::commit(Annotation annotation, const QString& text) {
    annotation.group = drawGroup_;
    const quint64 id = document_->addAnnotation(annotation, text);
    document_->setSelectedId(id);
}

}  // namespace slidesight
