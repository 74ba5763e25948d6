#pragma once

#include "viewer/annotations/annotationio.h"

#include <QtCore/QPointer>
#include <QtCore/QTimer>
#include <QtWidgets/QDockWidget>

class QStandardItem;
class QStandardItemModel;
class QToolButton;
class QTreeView;

namespace slidesight {

class AnnotationDocument;

/// The annotations of the slide by group: a tree of groups (colour swatch, check box for
/// visibility) and their annotations. Choosing an annotation selects it and asks for the view
/// to centre on it. Buttons set the chosen group's colour, import ASAP XML / GeoJSON files,
/// export to either format and delete the selected annotation. Files are read and written on
/// a worker thread.
///
/// GUI thread only.
class AnnotationDock : public QDockWidget {
    Q_OBJECT
public:
    explicit AnnotationDock(AnnotationDocument* document, QWidget* parent = nullptr);

    /// Reads `path` and adds its annotations (one undoable step); reports through finished().
    void importFile(const QString& path);
    /// Writes every annotation to `path` in `format`, atomically; reports through finished().
    void exportFile(const QString& path, AnnotationFormat format);

    QTreeView* tree() const { return tree_; }
    /// The group chosen in the tree (of the chosen annotation, or the chosen group row).
    QString currentGroup() const;

Q_SIGNALS:
    /// The view should centre on this level-0 point.
    void centreRequested(const QPointF& levelZeroPoint);
    void currentGroupChanged(const QString& group);
    /// An import or export ended: `error` is empty on success, else one sentence.
    void finished(const QString& error);

private:
    void rebuild();
    void showSelection(quint64 id);
    void onCurrentChanged();
    void onItemChanged(QStandardItem* item);
    void chooseColour();
    void chooseImport();
    void chooseExport(AnnotationFormat format);
    void deleteSelected();
    void report(const QString& error, const QString& done);
    QString slideFolder() const;

    QPointer<AnnotationDocument> document_;
    QTreeView* tree_;
    QStandardItemModel* model_;
    QToolButton* colourButton_;
    QToolButton* deleteButton_;
    QTimer rebuildTimer_;
    bool updating_ = false;
};

}  // namespace slidesight
