#pragma once

#include <QtCore/QObject>

namespace slidesight {

class InspectorDock;
class Shell;

/// The attention inspector of the window: its dock, tabbed with the layer panel, reading the
/// cell pictures from the slide that is open.
///
/// GUI thread only.
class InspectorModule : public QObject {
    Q_OBJECT
public:
    explicit InspectorModule(Shell& shell, QObject* parent = nullptr);

    InspectorDock* dock() const { return dock_; }

private:
    InspectorDock* dock_ = nullptr;
};

}  // namespace slidesight
