#pragma once

#include <QtCore/QObject>

class QAction;
class QLabel;

namespace slidesight {

class LayerPanelDock;
class Shell;

/// The layers feature of the window: the layer panel (order, visibility, opacity, colour map,
/// legend), the value of every visible layer under the cursor in the status bar, and
/// File > Export layer…, written on a worker thread.
///
/// GUI thread only.
class LayersModule : public QObject {
    Q_OBJECT
public:
    explicit LayersModule(Shell& shell, QObject* parent = nullptr);

    LayerPanelDock* panel() const { return panel_; }
    QAction* exportAction() const { return exportAction_; }

    /// Shows `row` of the layer stack selected, with its legend, in front of its tab group.
    void present(int row);

private:
    void updateActions();
    void chooseAndExport();

    Shell& shell_;
    LayerPanelDock* panel_ = nullptr;
    QLabel* valueLabel_ = nullptr;
    QAction* exportAction_ = nullptr;
};

}  // namespace slidesight
