#include "app/annotations/annotationcommands.h"

#include "app/annotations/annotationdocument.h"

#include <QtCore/QCoreApplication>

#include <algorithm>

namespace slidesight {

AddAnnotationsCommand::AddAnnotationsCommand(AnnotationDocument* document, std::vector<Annotation> annotations,
                                             std::vector<AnnotationGroup> groups, const QString& text)
    : QUndoCommand(text), document_(document), annotations_(std::move(annotations)),
      importedGroups_(std::move(groups)) {}

void AddAnnotationsCommand::redo() {
    if (done_) {
        document_->applyInsert(annotations_);
        document_->applyGroups(groupsAfter_);
        return;
    }
    groupsBefore_ = document_->annotations().groups();
    if (!importedGroups_.empty()) {
        std::vector<AnnotationGroup> groups = groupsBefore_;
        for (const AnnotationGroup& g : importedGroups_) {
            auto it = std::find_if(groups.begin(), groups.end(), [&g](const AnnotationGroup& x) { return x.name == g.name; });
            if (it == groups.end()) groups.push_back(g);
            else it->colour = g.colour;
        }
        document_->applyGroups(groups);
    }
    const std::vector<quint64> ids = document_->applyAdd(annotations_);
    for (std::size_t i = 0; i < ids.size(); ++i) annotations_[i].id = ids[i];
    groupsAfter_ = document_->annotations().groups();
    done_ = true;
}

void AddAnnotationsCommand::undo() {
    document_->applyRemove(ids());
    document_->applyGroups(groupsBefore_);
}

std::vector<quint64> AddAnnotationsCommand::ids() const {
    std::vector<quint64> out;
    if (!done_) return out;
    for (const Annotation& a : annotations_) out.push_back(a.id);
    return out;
}

DeleteAnnotationsCommand::DeleteAnnotationsCommand(AnnotationDocument* document, std::vector<Annotation> annotations)
    : QUndoCommand(annotations.size() == 1
                       ? QCoreApplication::translate("slidesight::AnnotationDocument", "Delete annotation")
                       : QCoreApplication::translate("slidesight::AnnotationDocument", "Delete %n annotation(s)",
                                                     nullptr, static_cast<int>(annotations.size()))),
      document_(document), annotations_(std::move(annotations)) {}

void DeleteAnnotationsCommand::redo() {
    std::vector<quint64> ids;
    for (const Annotation& a : annotations_) ids.push_back(a.id);
    document_->applyRemove(ids);
}

void DeleteAnnotationsCommand::undo() { document_->applyInsert(annotations_); }

ReplaceAnnotationsCommand::ReplaceAnnotationsCommand(AnnotationDocument* document, std::vector<Annotation> before,
                                                     std::vector<Annotation> after, const QString& text)
    : QUndoCommand(text), document_(document), before_(std::move(before)), after_(std::move(after)) {}

void ReplaceAnnotationsCommand::redo() {
    if (!done_) groupsBefore_ = document_->annotations().groups();
    document_->applyReplace(after_);
    if (done_) document_->applyGroups(groupsAfter_);
    else groupsAfter_ = document_->annotations().groups();
    done_ = true;
}

void ReplaceAnnotationsCommand::undo() {
    document_->applyReplace(before_);
    if (groupsAfter_.size() != groupsBefore_.size()) document_->applyGroups(groupsBefore_);
}

namespace {
std::vector<AnnotationGroup> withColour(std::vector<AnnotationGroup> groups, const QString& name, const QColor& colour) {
    auto it = std::find_if(groups.begin(), groups.end(), [&name](const AnnotationGroup& g) { return g.name == name; });
    if (it == groups.end()) groups.push_back({name, colour});
    else it->colour = colour;
    return groups;
}
}  // namespace

SetGroupColourCommand::SetGroupColourCommand(AnnotationDocument* document, const QString& group, const QColor& colour)
    : QUndoCommand(QCoreApplication::translate("slidesight::AnnotationDocument", "Set colour of %1").arg(group)),
      document_(document), before_(document->annotations().groups()), after_(withColour(before_, group, colour)) {}

void SetGroupColourCommand::redo() { document_->applyGroups(after_); }

void SetGroupColourCommand::undo() { document_->applyGroups(before_); }

SetGroupVisibilityCommand::SetGroupVisibilityCommand(AnnotationDocument* document, const QString& group, bool visible)
    : QUndoCommand(visible ? QCoreApplication::translate("slidesight::AnnotationDocument", "Show %1").arg(group)
                           : QCoreApplication::translate("slidesight::AnnotationDocument", "Hide %1").arg(group)),
      document_(document), before_(document->hiddenGroups()), after_(before_) {
    if (visible) after_.remove(group);
    else after_.insert(group);
}

void SetGroupVisibilityCommand::redo() { document_->applyHiddenGroups(after_); }

void SetGroupVisibilityCommand::undo() { document_->applyHiddenGroups(before_); }

}  // namespace slidesight
