#pragma once

#include <QtCore/QObject>

class QAction;

namespace slidesight {

class HeatmapLayer;
class ReviewDock;
class ReviewRecorder;
class Shell;

/// The review feature of the window: the recorder of where the reader looks (kept beside the
/// annotations), the "coverage" layer in the layer stack while a slide is open (hidden until
/// asked for: per cell the highest magnification it was seen at), the Review dock with the
/// model's top regions not yet reviewed, and View > Next / Previous unreviewed region.
///
/// GUI thread only.
class ReviewModule : public QObject {
    Q_OBJECT
public:
    ReviewModule(Shell& shell, QObject* parent = nullptr);
    ~ReviewModule() override;

    ReviewRecorder* recorder() const { return recorder_; }
    ReviewDock* dock() const { return dock_; }
    QAction* nextAction() const { return next_; }
    QAction* previousAction() const { return previous_; }
    /// Gives the coverage layer the recorder's current values.
    void updateLayer();

private:
    Shell& shell_;
    ReviewRecorder* recorder_ = nullptr;
    ReviewDock* dock_ = nullptr;
    QAction* next_ = nullptr;
    QAction* previous_ = nullptr;
};

}  // namespace slidesight
