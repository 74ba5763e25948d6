#pragma once

#include <QtCore/QObject>

class QAction;
class QActionGroup;

namespace slidesight {

class Pane;
class PaneGrid;
class PointAlignment;
class Shell;
class ViewLink;

/// The split view of the window: View > Panes splits the centre into one, two or four panes
/// (Ctrl+Alt+1, 2, 4), each showing the window's slide with a layer of its choice or a slide
/// of its own, all reading through one tile cache and one pool of reading threads. Navigation
/// is linked (Ctrl+Alt+L toggles it): the same place at the same µm per screen pixel and
/// rotation, with the offsets set by "Link here" after aligning the panes freely, or by two
/// points clicked on the same feature in two panes (Ctrl+Alt+A). The curtain
/// (Ctrl+Alt+C) draws the main view's top visible layer left of a line the reader drags and the
/// layers beneath it right of it.
///
/// GUI thread only.
class PanesModule : public QObject {
    Q_OBJECT
public:
    PanesModule(Shell& shell, QObject* parent = nullptr);
    ~PanesModule() override;

    PaneGrid* grid() const { return grid_; }
    ViewLink* link() const { return link_; }
    void setPaneCount(int count);
    /// Whether every pane shows a slide with every tile of its view loaded.
    bool panesSharp() const;
    QAction* linkAction() const { return linkAction_; }
    QAction* linkHereAction() const { return linkHere_; }
    QAction* samePointAction() const { return samePoint_; }
    QAction* alignAction() const { return align_; }
    PointAlignment* alignment() const { return alignment_; }
    QAction* curtainAction() const { return curtain_; }
    /// The action that shows `count` panes (1, 2 or 4).
    QAction* countAction(int count) const;

private:
    void paneAdded(Pane* pane);
    /// Puts the curtain over the top visible layer of the stack, or removes it.
    void updateCurtain();

    Shell& shell_;
    PaneGrid* grid_ = nullptr;
    ViewLink* link_ = nullptr;
    QActionGroup* counts_ = nullptr;
    QAction* linkAction_ = nullptr;
    QAction* linkHere_ = nullptr;
    QAction* samePoint_ = nullptr;
    QAction* align_ = nullptr;
    PointAlignment* alignment_ = nullptr;
    QAction* curtain_ = nullptr;
};

}  // namespace slidesight
