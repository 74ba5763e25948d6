#pragma once

#include "viewer/annotations/annotation.h"

#include <QtCore/QObject>
#include <QtCore/QPointF>
#include <QtCore/QRectF>
#include <QtCore/QSet>
#include <QtCore/QString>

#include <vector>

class QUndoStack;

namespace slidesight {

class AnnotationLayer;

/// The annotations of the open slide and their edit history. Every edit goes through the
/// undo stack (commands in annotationcommands.h); undoing restores the exact previous state,
/// ids and order included. Group visibility is part of the document (and of its history);
/// the selection is not.
///
/// GUI thread only.
class AnnotationDocument : public QObject {
    Q_OBJECT
public:
    explicit AnnotationDocument(QObject* parent = nullptr);
    ~AnnotationDocument() override;

    const AnnotationSet& annotations() const { return set_; }
    QUndoStack* undoStack() const { return undoStack_; }
    QString slidePath() const { return slidePath_; }

    /// Starts over for `slidePath` (empty: no slide) with `set`; forgets the history.
    void reset(const QString& slidePath, AnnotationSet set = {});

    const QSet<QString>& hiddenGroups() const { return hiddenGroups_; }
    bool isGroupVisible(const QString& group) const { return !hiddenGroups_.contains(group); }

    quint64 selectedId() const { return selectedId_; }
    void setSelectedId(quint64 id);

    /// Shows the document in `layer` and keeps it current until either goes away.
    void attachLayer(AnnotationLayer* layer);

    // Edits: each pushes one undoable command.
    /// Adds `annotation`; returns its id.
    quint64 addAnnotation(const Annotation& annotation, const QString& text = {});
    /// Adds every annotation of `imported` and its groups' colours, as one step.
    void importAnnotations(const AnnotationSet& imported, const QString& text);
    void deleteAnnotations(const std::vector<quint64>& ids);
    void moveAnnotations(const std::vector<quint64>& ids, const QPointF& offset);
    /// Replaces the annotation with `edited.id` (new vertices, name, ...).
    void editAnnotation(const Annotation& edited);
    void setAnnotationsGroup(const std::vector<quint64>& ids, const QString& group);
    void setGroupColour(const QString& group, const QColor& colour);
    void setGroupVisible(const QString& group, bool visible);

    // The changes the commands apply; they emit changed().
    std::vector<quint64> applyAdd(std::vector<Annotation> annotations);
    /// Puts annotations back with their own ids, at their places (ids are in set order).
    void applyInsert(const std::vector<Annotation>& annotations);
    void applyRemove(const std::vector<quint64>& ids);
    void applyReplace(const std::vector<Annotation>& annotations);
    /// Makes the group list exactly `groups`.
    void applyGroups(const std::vector<AnnotationGroup>& groups);
    void applyHiddenGroups(const QSet<QString>& hidden);
    /// Copies of the annotations with these ids, in set order (unknown ids are skipped).
    std::vector<Annotation> copies(const std::vector<quint64>& ids) const;

Q_SIGNALS:
    /// Annotations changed inside `levelZeroDirty` (old and new shapes); a null rectangle:
    /// anything may have changed (a reset, group colours).
    void changed(const QRectF& levelZeroDirty);
    void hiddenGroupsChanged(const QSet<QString>& hidden);
    void selectionChanged(quint64 id);
    /// About to start over (reset()) or to be destroyed: the last chance to save.
    void aboutToReset();

private:
    /// Rebuilds the set with exactly these annotations (ascending ids) and groups.
    void rebuild(std::vector<Annotation> annotations, const std::vector<AnnotationGroup>& groups);
    quint64 nextId() const;
    void dropMissingSelection();

    AnnotationSet set_;
    QUndoStack* undoStack_;
    QString slidePath_;
    QSet<QString> hiddenGroups_;
    quint64 selectedId_ = 0;
};

}  // namespace slidesight
