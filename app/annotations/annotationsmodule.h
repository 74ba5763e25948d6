#pragma once

#include <QtCore/QObject>

namespace slidesight {

class AnnotationAutosave;
class AnnotationDock;
class AnnotationDocument;
class AnnotationTools;
class Shell;

/// The annotations feature of the window: the document with its undo history and autosave,
/// its layer in the view's layer stack while a slide is open, the annotation dock, the drawing
/// tools (tool bar and Edit menu) and Edit > Undo / Redo.
///
/// GUI thread only.
class AnnotationsModule : public QObject {
    Q_OBJECT
public:
    explicit AnnotationsModule(Shell& shell, QObject* parent = nullptr);

    AnnotationDocument* document() const { return document_; }
    AnnotationTools* tools() const { return tools_; }
    AnnotationDock* dock() const { return dock_; }
    AnnotationAutosave* autosave() const { return autosave_; }

private:
    AnnotationDocument* document_ = nullptr;
    AnnotationAutosave* autosave_ = nullptr;
    AnnotationTools* tools_ = nullptr;
    AnnotationDock* dock_ = nullptr;
};

}  // namespace slidesight
