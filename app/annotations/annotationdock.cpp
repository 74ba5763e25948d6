#include "app/annotations/annotationdock.h"

#include "app/annotations/annotationdocument.h"
#include "viewer/common/background.h"

#include <QtCore/QDir>
#include <QtCore/QFileInfo>
#include <QtGui/QStandardItemModel>
#include <QtWidgets/QColorDialog>
#include <QtWidgets/QFileDialog>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QHeaderView>
#include <QtWidgets/QMenu>
#include <QtWidgets/QMessageBox>
#include <QtWidgets/QToolButton>
#include <QtWidgets/QTreeView>
#include <QtWidgets/QVBoxLayout>

#include <map>

namespace slidesight {

namespace {

constexpr int kIdRole = Qt::UserRole + 1;     ///< quint64 annotation id; 0 on group rows
constexpr int kGroupRole = Qt::UserRole + 2;  ///< QString group name, on every row

QIcon swatch(const QColor& colour) {
    QPixmap pixmap(14, 14);
    pixmap.fill(colour);
    return QIcon(pixmap);
}

}  // namespace

AnnotationDock::AnnotationDock(AnnotationDocument* document, QWidget* parent)
    : QDockWidget(tr("Annotations"), parent), document_(document), tree_(new QTreeView),
      model_(new QStandardItemModel(this)), colourButton_(new QToolButton), deleteButton_(new QToolButton) {
    setObjectName(QStringLiteral("annotationDock"));
    auto* body = new QWidget(this);
    auto* layout = new QVBoxLayout(body);
    layout->setContentsMargins(4, 4, 4, 4);
    auto* buttons = new QHBoxLayout;
    colourButton_->setText(tr("Colour…"));
    colourButton_->setToolTip(tr("Set the colour of the chosen group"));
    connect(colourButton_, &QToolButton::clicked, this, &AnnotationDock::chooseColour);
    auto* importButton = new QToolButton;
    importButton->setText(tr("Import…"));
    importButton->setToolTip(tr("Add the annotations of an ASAP XML or GeoJSON file"));
    connect(importButton, &QToolButton::clicked, this, &AnnotationDock::chooseImport);
    auto* exportButton = new QToolButton;
    exportButton->setText(tr("Export"));
    exportButton->setPopupMode(QToolButton::InstantPopup);
    auto* exportMenu = new QMenu(exportButton);
    connect(exportMenu->addAction(tr("GeoJSON…")), &QAction::triggered, this,
            [this] { chooseExport(AnnotationFormat::GeoJson); });
    connect(exportMenu->addAction(tr("ASAP XML…")), &QAction::triggered, this,
            [this] { chooseExport(AnnotationFormat::AsapXml); });
    exportButton->setMenu(exportMenu);
    deleteButton_->setText(tr("Delete"));
    deleteButton_->setToolTip(tr("Delete the selected annotation"));
    connect(deleteButton_, &QToolButton::clicked, this, &AnnotationDock::deleteSelected);
    for (QToolButton* b : {colourButton_, importButton, exportButton, deleteButton_}) buttons->addWidget(b);
    buttons->addStretch(1);
    layout->addLayout(buttons);
    tree_->setModel(model_);
    tree_->setHeaderHidden(true);
    tree_->setUniformRowHeights(true);
    tree_->setSelectionMode(QAbstractItemView::SingleSelection);
    tree_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    layout->addWidget(tree_, 1);
    setWidget(body);

    rebuildTimer_.setSingleShot(true);
    rebuildTimer_.setInterval(0);
    connect(&rebuildTimer_, &QTimer::timeout, this, &AnnotationDock::rebuild);
    connect(document, &AnnotationDocument::changed, &rebuildTimer_, qOverload<>(&QTimer::start));
    connect(document, &AnnotationDocument::hiddenGroupsChanged, &rebuildTimer_, qOverload<>(&QTimer::start));
    connect(document, &AnnotationDocument::selectionChanged, this, &AnnotationDock::showSelection);
    connect(tree_->selectionModel(), &QItemSelectionModel::currentChanged, this, &AnnotationDock::onCurrentChanged);
    connect(model_, &QStandardItemModel::itemChanged, this, &AnnotationDock::onItemChanged);
    rebuild();
}

void AnnotationDock::rebuild() {
    if (!document_) return;
    updating_ = true;
    QSet<QString> expanded;
    for (int r = 0; r < model_->rowCount(); ++r)
        if (tree_->isExpanded(model_->index(r, 0))) expanded.insert(model_->item(r)->data(kGroupRole).toString());
    model_->clear();
    const AnnotationSet& set = document_->annotations();
    std::map<QString, QStandardItem*> groups;
    auto groupItem = [&](const QString& name) {
        auto it = groups.find(name);
        if (it != groups.end()) return it->second;
        const AnnotationGroup* g = set.group(name);
        auto* item = new QStandardItem(name.isEmpty() ? tr("(no group)") : name);
        item->setData(name, kGroupRole);
        item->setData(quint64(0), kIdRole);
        item->setIcon(swatch(g ? g->colour : set.colourOf(Annotation{})));
        item->setCheckable(true);
        item->setCheckState(document_->isGroupVisible(name) ? Qt::Checked : Qt::Unchecked);
        model_->appendRow(item);
        return groups[name] = item;
    };
    for (const AnnotationGroup& g : set.groups()) groupItem(g.name);
    for (const Annotation& a : set.annotations()) {
        auto* item = new QStandardItem(a.name.isEmpty() ? tr("Annotation %1").arg(a.id) : a.name);
        item->setData(a.id, kIdRole);
        item->setData(a.group, kGroupRole);
        item->setToolTip(tr("%n vertices", nullptr, a.vertexCount()));
        if (a.colour) item->setIcon(swatch(*a.colour));
        groupItem(a.group)->appendRow(item);
    }
    for (auto& [name, item] : groups) {
        item->setText(tr("%1 (%2)").arg(item->text()).arg(item->rowCount()));
        if (expanded.contains(name)) tree_->expand(item->index());
    }
    updating_ = false;
    showSelection(document_->selectedId());
}

void AnnotationDock::showSelection(quint64 id) {
    if (updating_) return;
    updating_ = true;
    QModelIndex found;
    for (int r = 0; id && r < model_->rowCount() && !found.isValid(); ++r) {
        const QStandardItem* g = model_->item(r);
        for (int c = 0; c < g->rowCount(); ++c)
            if (g->child(c)->data(kIdRole).toULongLong() == id) found = g->child(c)->index();
    }
    if (found.isValid()) {
        tree_->setCurrentIndex(found);
        tree_->scrollTo(found);
    } else if (tree_->currentIndex().data(kIdRole).toULongLong() != 0) {
        tree_->clearSelection();
    }
    deleteButton_->setEnabled(id != 0);
    updating_ = false;
}

QString AnnotationDock::currentGroup() const { return tree_->currentIndex().data(kGroupRole).toString(); }

void AnnotationDock::onCurrentChanged() {
    if (updating_ || !document_) return;
    const quint64 id = tree_->currentIndex().data(kIdRole).toULongLong();
    Q_EMIT currentGroupChanged(currentGroup());
    if (!id) return;
    document_->setSelectedId(id);
    if (const Annotation* a = document_->annotations().find(id)) Q_EMIT centreRequested(a->bounds().center());
}

void AnnotationDock::onItemChanged(QStandardItem* item) {
    if (updating_ || !document_ || item->data(kIdRole).toULongLong() != 0) return;
    document_->setGroupVisible(item->data(kGroupRole).toString(), item->checkState() == Qt::Checked);
}

void AnnotationDock::chooseColour() {
    if (!document_ || !tree_->currentIndex().isValid()) return;
    const QString group = currentGroup();
    const AnnotationGroup* g = document_->annotations().group(group);
    const QColor colour = QColorDialog::getColor(g ? g->colour : QColor(Qt::yellow), this,
                                                 tr("Colour of %1").arg(group.isEmpty() ? tr("(no group)") : group));
    if (colour.isValid()) document_->setGroupColour(group, colour);
}

QString AnnotationDock::slideFolder() const {
    return document_ && !document_->slidePath().isEmpty() ? QFileInfo(document_->slidePath()).absolutePath() : QString();
}

void AnnotationDock::chooseImport() {
    const QString path = QFileDialog::getOpenFileName(this, tr("Import annotations"), slideFolder(),
                                                      AnnotationIO::fileDialogFilter());
    if (!path.isEmpty()) importFile(path);
}

void AnnotationDock::chooseExport(AnnotationFormat format) {
    const bool xml = format == AnnotationFormat::AsapXml;
    const QString base = document_ ? QFileInfo(document_->slidePath()).completeBaseName() : QString();
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export annotations"), QDir(slideFolder()).filePath(base + (xml ? ".xml" : ".geojson")),
        xml ? tr("ASAP XML (*.xml)") : tr("GeoJSON (*.geojson *.json)"));
    if (!path.isEmpty()) exportFile(path, format);
}

void AnnotationDock::importFile(const QString& path) {
    runInBackground(this, [path] { return AnnotationIO::read(path); }, [this, path](const Expected<AnnotationSet>& read) {
        if (read && document_) document_->importAnnotations(*read, tr("Import %1").arg(QFileInfo(path).fileName()));
        report(AnnotationIO::errorOf(read),
               tr("Imported %n annotation(s).", nullptr, read ? static_cast<int>(read->annotations().size()) : 0));
    });
}

void AnnotationDock::exportFile(const QString& path, AnnotationFormat format) {
    if (!document_) return;
    const AnnotationSet snapshot = document_->annotations();
    const auto write = [snapshot, path, format] {
        const auto written = AnnotationIO::write(snapshot, path, format);
        return written ? QString() : AnnotationIO::errorOf(written);
    };
    runInBackground(this, write, [this, path](const QString& error) { report(error, tr("Saved %1.").arg(QFileInfo(path).fileName())); });
}

void AnnotationDock::report(const QString& error, const QString& done) {
    Q_EMIT finished(error);
    if (error.isEmpty()) {
        setStatusTip(done);
        return;
    }
    if (!isVisible()) return;  // no window to show a message on
    auto* box = new QMessageBox(QMessageBox::Warning, tr("Annotations"), error, QMessageBox::Ok, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void AnnotationDock::deleteSelected() {
    if (document_ && document_->selectedId()) document_->deleteAnnotations({document_->selectedId()});
}

}  // namespace slidesight
