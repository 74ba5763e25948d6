#include "app/panes/panesmodule.h"

#include "app/panes/pane.h"
#include "app/panes/panegrid.h"
#include "app/panes/pointalignment.h"
#include "app/panes/viewlink.h"
#include "app/shell/shell.h"
#include "app/shell/slide/slidecontroller.h"
#include "viewer/layers/layer.h"
#include "viewer/layers/layerstack.h"
#include "viewer/view/slideview.h"

#include <QtCore/QFileInfo>
#include <QtCore/QTimer>
#include <QtGui/QAction>
#include <QtGui/QActionGroup>
#include <QtWidgets/QMenu>

namespace slidesight {

PanesModule::PanesModule(Shell& shell, QObject* parent) : QObject(parent), shell_(shell) {
    link_ = new ViewLink(this);
    SlideController* main = shell_.controller();
    LayerStack* stack = shell_.layerStack();
    grid_ = new PaneGrid(
        shell_.view(), [main, stack](QWidget* parent) { return new Pane(*main, stack, parent); }, shell_.window());
    grid_->setObjectName(QStringLiteral("paneGrid"));
    shell_.setViewArea(grid_);
    link_->addView(shell_.view());
    connect(grid_, &PaneGrid::paneAdded, this, &PanesModule::paneAdded);
    connect(grid_, &PaneGrid::paneRemoving, this, [this](Pane* pane) {
        if (alignment_) alignment_->cancel();
        link_->removeView(pane->view());
    });

    QMenu* menu = shell_.menu(Shell::Menu::View)->addMenu(tr("&Panes"));
    counts_ = new QActionGroup(this);
    const struct {
        int count;
        const char* text;
        const char* shortcut;
    } layouts[] = {
        {1, QT_TR_NOOP("Single view"), QT_TR_NOOP("Ctrl+Alt+1")},
        {2, QT_TR_NOOP("Two panes side by side"), QT_TR_NOOP("Ctrl+Alt+2")},
        {4, QT_TR_NOOP("Four panes"), QT_TR_NOOP("Ctrl+Alt+4")},
    };
    for (const auto& l : layouts) {
        QAction* a = menu->addAction(tr(l.text));
        a->setShortcut(QKeySequence(tr(l.shortcut)));
        a->setCheckable(true);
        a->setChecked(l.count == 1);
        a->setData(l.count);
        counts_->addAction(a);
        const int count = l.count;
        connect(a, &QAction::triggered, this, [this, count] { setPaneCount(count); });
    }
    menu->addSeparator();
    linkAction_ = menu->addAction(tr("Link navigation"));
    linkAction_->setShortcut(QKeySequence(tr("Ctrl+Alt+L")));
    linkAction_->setCheckable(true);
    linkAction_->setChecked(true);
    linkAction_->setToolTip(tr("Moving one pane moves the others to the same place at the same scale"));
    connect(linkAction_, &QAction::toggled, this, [this](bool on) {
        link_->setEnabled(on);
        if (on) link_->follow(shell_.view());
    });
    linkHere_ = menu->addAction(tr("Link here (keep the panes' offsets)"));
    linkHere_->setShortcut(QKeySequence(tr("Ctrl+Alt+K")));
    linkHere_->setToolTip(tr("Align the panes freely, then link them as they are now"));
    connect(linkHere_, &QAction::triggered, this, [this] {
        link_->linkHere();
        linkAction_->setChecked(true);
        shell_.showStatusMessage(tr("Panes linked with their present offsets"), 4000);
    });
    samePoint_ = menu->addAction(tr("Link at the same point"));
    connect(samePoint_, &QAction::triggered, this, [this] {
        link_->resetOffsets();
        linkAction_->setChecked(true);
        link_->follow(shell_.view());
    });
    alignment_ = new PointAlignment(link_, this);
    align_ = menu->addAction(tr("Align by two points…"));
    align_->setShortcut(QKeySequence(tr("Ctrl+Alt+A")));
    align_->setToolTip(tr("Click a feature in one pane, then the same feature in another: they are linked with that offset"));
    connect(align_, &QAction::triggered, alignment_, &PointAlignment::start);
    connect(alignment_, &PointAlignment::message, this, [this](const QString& text) { shell_.showStatusMessage(text, 8000); });
    connect(alignment_, &PointAlignment::aligned, this, [this] { linkAction_->setChecked(true); });
    menu->addSeparator();
    curtain_ = menu->addAction(tr("Curtain over the top layer"));
    curtain_->setShortcut(QKeySequence(tr("Ctrl+Alt+C")));
    curtain_->setCheckable(true);
    curtain_->setToolTip(tr("Drag the line to compare the top layer with the layers beneath it"));
    connect(curtain_, &QAction::toggled, this, [this](bool on) {
        updateCurtain();
        if (on && shell_.view()->curtainLayer())
            shell_.showStatusMessage(tr("Curtain: %1 left of the line, the layers beneath it right of it")
                                         .arg(shell_.view()->curtainLayer()->name()),
                                     4000);
    });
    connect(stack, &LayerStack::orderChanged, this, &PanesModule::updateCurtain);

    connect(grid_, &PaneGrid::countChanged, this, [this](int count) {
        for (QAction* a : counts_->actions()) a->setChecked(a->data().toInt() == count);
        for (QAction* a : {linkAction_, linkHere_, samePoint_}) a->setEnabled(count > 1);
    });
    for (QAction* a : {linkAction_, linkHere_, samePoint_}) a->setEnabled(false);
}

PanesModule::~PanesModule() {
    // The panes' controllers use the window's tile threads: they go first.
    if (grid_) grid_->setCount(1);
}

void PanesModule::updateCurtain() {
    SlideView* view = shell_.view();
    if (!curtain_->isChecked()) {
        view->setCurtain(nullptr);
        for (Pane* pane : grid_->panes()) pane->view()->setCurtain(nullptr);
        return;
    }
    // Each view's curtain goes over the top layer it shows: the main view's top visible layer,
    // a pane's own choice (then the curtain is between that layer and the slide).
    Layer* top = nullptr;
    LayerStack* stack = shell_.layerStack();
    for (int row = 0; row < stack->count() && !top; ++row)
        if (Layer* layer = stack->layerAt(row); layer && layer->isVisible()) top = layer;
    bool any = top != nullptr;
    for (Pane* pane : grid_->panes()) any = any || pane->topShownLayer();
    if (!any) {
        shell_.showStatusMessage(tr("There is no visible layer to draw a curtain over."), 4000);
        curtain_->setChecked(false);  // comes back here and removes it
        return;
    }
    view->setCurtain(top);
    for (Pane* pane : grid_->panes()) pane->view()->setCurtain(pane->topShownLayer());
}

QAction* PanesModule::countAction(int count) const {
    for (QAction* a : counts_->actions())
        if (a->data().toInt() == count) return a;
    return nullptr;
}

void PanesModule::setPaneCount(int count) { grid_->setCount(count); }

bool PanesModule::panesSharp() const {
    for (const Pane* pane : grid_->panes())
        if (!pane->controller()->hasSlide() || !pane->controller()->isViewSharp()) return false;
    return true;
}

void PanesModule::paneAdded(Pane* pane) {
    link_->addView(pane->view());
    // A new pane starts where the main view is, once it has its size.
    const auto align = [this] {
        if (link_->isEnabled()) link_->follow(shell_.view());
    };
    connect(pane, &Pane::slideShown, this, [pane, align] { QTimer::singleShot(0, pane, align); });
    QTimer::singleShot(0, pane, align);
    connect(pane, &Pane::overlayChanged, this, &PanesModule::updateCurtain);
    if (alignment_) alignment_->cancel();  // the clicks it waits for are in the panes it knew
    if (curtain_ && curtain_->isChecked()) QTimer::singleShot(0, this, &PanesModule::updateCurtain);
    connect(pane, &Pane::openFailed, this, [this](const QString& path, const QString& message) {
        shell_.showWarning(tr("Cannot open %1").arg(QFileInfo(path).fileName()), message);
    });
}

}  // namespace slidesight
