#pragma once

// The shell: what the main window offers its feature modules (analysis, layers, inspector,
// annotations, agreement, demo). A module takes the view, the layer stack and the slide
// controller from here and registers its docks, actions, tool bars and status widgets here.
// It never looks another module's widgets up by name, the order in which modules register does
// not decide where anything appears, and the shell knows nothing of a feature's internals.

#include <Qt>

class QAction;
class QDockWidget;
class QMenu;
class QString;
class QToolBar;
class QWidget;

namespace slidesight {

class LayerStack;
class SlideController;
class SlideView;

class Shell {
public:
    /// The menu bar's menus, in the order they appear whatever the order they are asked for.
    enum class Menu { File, Edit, View, Slide, Settings, Help };
    /// Docks of one group share a place as tabs; the first one registered stays in front.
    enum class DockGroup { Alone, SlideInfo, Layers };

    virtual ~Shell() = default;

    /// The window, as the parent of the modules' docks and dialogs.
    virtual QWidget* window() = 0;
    virtual SlideView* view() const = 0;
    /// The overlay layers of the view, top first.
    virtual LayerStack* layerStack() const = 0;
    /// Opens and closes the slide the view shows.
    virtual SlideController* controller() const = 0;
    /// Puts `area` where the view is in the window's centre; the caller then places the view
    /// inside `area` (the split panes).
    virtual void setViewArea(QWidget* area) = 0;

    /// The menu, created on first use in its place on the menu bar.
    virtual QMenu* menu(Menu which) = 0;
    /// Docks `dock` in `area` (tabbed with the docks of `group`) and lists it in the View menu.
    virtual void addDock(QDockWidget* dock, Qt::DockWidgetArea area, DockGroup group = DockGroup::Alone) = 0;
    /// An action of File's export section (after "Export view as PNG…").
    virtual void addExportAction(QAction* action) = 0;
    /// A submenu of File's open section (after "Open recent").
    virtual void addOpenMenu(QMenu* menu) = 0;
    virtual void addToolBarOf(QToolBar* bar) = 0;
    /// A permanent widget of the status bar (right of the slide's position and magnification).
    virtual void addStatusWidget(QWidget* widget) = 0;
    /// A message in the status bar; `timeoutMs` 0 keeps it until the next one.
    virtual void showStatusMessage(const QString& message, int timeoutMs = 0) = 0;
    /// A warning in a window-modal box that does not block: the event loop keeps running.
    virtual void showWarning(const QString& title, const QString& message) = 0;
    /// A name for the open slide shown instead of its file's, in the window title and the
    /// Properties dock (which then leaves out the slide's own properties, and the images dock
    /// its label and macro images): teaching mode hides names that can give the answer away. Empty: the file name. Applies to the slide
    /// open now and to those opened later.
    virtual void setSlideTitle(const QString& title) = 0;
};

}  // namespace slidesight
