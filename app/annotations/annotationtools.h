#pragma once

#include <QtCore/QObject>
#include <QtCore/QPointF>
#include <QtCore/QPointer>
#include <QtGui/QPolygonF>

#include <map>

class QAction;
class QActionGroup;
class QKeyEvent;
class QMouseEvent;
class QToolBar;
class QWidget;

namespace slidesight {

struct Annotation;
class AnnotationDocument;
class AnnotationLayer;
class SlideView;

/// Drawing and editing annotations on a SlideView, through an event filter on its viewport
/// (mouse) and on the view (keys): the view itself is unchanged.
///
/// - Select / move: click an annotation to select it, drag it to move it; a drag that starts
///   outside every annotation pans.
/// - Point: click. Rectangle: drag. Polygon: click the vertices, double-click or Enter closes.
///   Freehand: drag; the outline is simplified to one screen pixel on release.
/// - Esc cancels the shape being drawn (else clears the selection); Delete or Backspace
///   removes the selected annotation. Without a tool, dragging pans as always.
///
/// Every edit goes through the document's undo stack. GUI thread only.
class AnnotationTools : public QObject {
    Q_OBJECT
public:
    enum class Tool { None, Select, Point, Rectangle, Polygon, Freehand };

    AnnotationTools(SlideView* view, AnnotationDocument* document, AnnotationLayer* layer, QObject* parent = nullptr);
    ~AnnotationTools() override;

    /// The layer that shows the document (none while no slide is open).
    void setLayer(AnnotationLayer* layer);

    Tool tool() const { return tool_; }
    void setTool(Tool tool);
    /// The checkable action of a tool (none for Tool::None).
    QAction* action(Tool tool) const;
    /// A tool bar with the tools' actions.
    QToolBar* createToolBar(QWidget* parent) const;

    /// The group new annotations join (empty: none).
    void setDrawGroup(const QString& group) { drawGroup_ = group; }
    QString drawGroup() const { return drawGroup_; }

    /// Whether a shape is being drawn or moved.
    bool isBusy() const { return !points_.isEmpty() || movingId_ != 0; }
    /// Drops the shape being drawn or moved.
    void cancel();

Q_SIGNALS:
    void toolChanged(slidesight::AnnotationTools::Tool tool);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    bool mousePress(QMouseEvent* event);
    bool mouseMove(QMouseEvent* event);
    bool mouseRelease(QMouseEvent* event);
    bool doubleClick(QMouseEvent* event);
    bool keyPress(QKeyEvent* event);
    QPointF toLevelZero(const QPointF& viewportPosition) const;
    void showPreview();
    void finishPolygon();
    void commit(Annotation annotation, const QString& text);

    QPointer<SlideView> view_;
    QPointer<AnnotationDocument> document_;
    QPointer<AnnotationLayer> layer_;
    QActionGroup* actions_;
    std::map<Tool, QAction*> toolActions_;
    Tool tool_ = Tool::None;
    QString drawGroup_;
    QPolygonF points_;      ///< the shape being drawn (level-0)
    QPointF cursor_;        ///< level-0 position of the cursor while drawing
    quint64 movingId_ = 0;  ///< the annotation being dragged
    QPointF pressed_;       ///< level-0 position of the press that started a drag
};

}  // namespace slidesight
