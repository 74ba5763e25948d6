#pragma once

#include <QtCore/QObject>

namespace slidesight {

class AgreementDock;
class AnnotationDocument;
class Shell;

/// The agreement feature of the window: the dock comparing a heatmap layer with a group of
/// `annotations` (hidden until asked for in the View menu), whose Previous / Next centre the
/// view on each disagreement.
///
/// GUI thread only.
class AgreementModule : public QObject {
    Q_OBJECT
public:
    AgreementModule(Shell& shell, AnnotationDocument* annotations, QObject* parent = nullptr);

    AgreementDock* dock() const { return dock_; }

private:
    AgreementDock* dock_ = nullptr;
};

}  // namespace slidesight
