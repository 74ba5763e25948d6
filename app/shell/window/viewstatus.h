#pragma once

#include <QtCore/QObject>

class QLabel;
class QStatusBar;

namespace slidesight {

class SlideController;

/// The status bar's account of the view: the slide being opened, the level-0 position under
/// the cursor, the magnification and the µm per screen pixel (marked when assumed).
///
/// GUI thread only.
class ViewStatus : public QObject {
    Q_OBJECT
public:
    ViewStatus(SlideController* slides, QStatusBar* bar);

    /// Rereads the magnification and µm/px (the view or the slide's µm/px changed).
    void update();

private:
    SlideController* slides_;
    QLabel* loading_;
    QLabel* position_;
    QLabel* magnification_;
    QLabel* mpp_;
};

}  // namespace slidesight
