#pragma once

#include "viewer/annotations/annotation.h"

#include <QtCore/QSet>
#include <QtGui/QUndoCommand>

#include <vector>

namespace slidesight {

class AnnotationDocument;

/// Adds annotations (drawn, or imported with their groups' colours). The first redo gives
/// them ids; later redos put them back with the same ids.
class AddAnnotationsCommand : public QUndoCommand {
public:
    AddAnnotationsCommand(AnnotationDocument* document, std::vector<Annotation> annotations,
                          std::vector<AnnotationGroup> groups, const QString& text);
    void redo() override;
    void undo() override;
    /// The ids given to the annotations (empty before the first redo).
    std::vector<quint64> ids() const;

private:
    AnnotationDocument* document_;
    std::vector<Annotation> annotations_;
    std::vector<AnnotationGroup> importedGroups_;
    std::vector<AnnotationGroup> groupsBefore_;
    std::vector<AnnotationGroup> groupsAfter_;
    bool done_ = false;
};

/// Deletes annotations; undo puts them back where they were, with their ids.
class DeleteAnnotationsCommand : public QUndoCommand {
public:
    DeleteAnnotationsCommand(AnnotationDocument* document, std::vector<Annotation> annotations);
    void redo() override;
    void undo() override;

private:
    AnnotationDocument* document_;
    std::vector<Annotation> annotations_;
};

/// Replaces annotations by edited copies (moved, new vertices, another group); groups a new
/// group name creates are removed again on undo.
class ReplaceAnnotationsCommand : public QUndoCommand {
public:
    ReplaceAnnotationsCommand(AnnotationDocument* document, std::vector<Annotation> before,
                              std::vector<Annotation> after, const QString& text);
    void redo() override;
    void undo() override;

private:
    AnnotationDocument* document_;
    std::vector<Annotation> before_;
    std::vector<Annotation> after_;
    std::vector<AnnotationGroup> groupsBefore_;
    std::vector<AnnotationGroup> groupsAfter_;
    bool done_ = false;
};

/// Sets a group's colour (adding the group if it is new).
class SetGroupColourCommand : public QUndoCommand {
public:
    SetGroupColourCommand(AnnotationDocument* document, const QString& group, const QColor& colour);
    void redo() override;
    void undo() override;

private:
    AnnotationDocument* document_;
    std::vector<AnnotationGroup> before_;
    std::vector<AnnotationGroup> after_;
};

/// Shows or hides a group's annotations.
class SetGroupVisibilityCommand : public QUndoCommand {
public:
    SetGroupVisibilityCommand(AnnotationDocument* document, const QString& group, bool visible);
    void redo() override;
    void undo() override;

private:
    AnnotationDocument* document_;
    QSet<QString> before_;
    QSet<QString> after_;
};

}  // namespace slidesight
