#include "app/shell/window/firstlayout.h"

#include <QtWidgets/QDockWidget>
#include <QtWidgets/QMainWindow>
#include <QtWidgets/QScrollArea>
#include <QtWidgets/QScrollBar>

#include <algorithm>
#include <map>

namespace slidesight::FirstLayout {

namespace {

/// The width a dock's content asks for: a scroll area's inner widget and its vertical bar,
/// or the widget's own size hint.
int contentWidth(const QWidget* content) {
    if (const auto* scroll = qobject_cast<const QScrollArea*>(content); scroll && scroll->widget())
        return scroll->widget()->sizeHint().width() + scroll->verticalScrollBar()->sizeHint().width() + 2 * scroll->frameWidth();
    return content ? content->sizeHint().width() : 0;
}

}  // namespace

QRect windowGeometry(const QRect& available) {
    const QSize size = QSize(available.width() * 85 / 100, available.height() * 85 / 100)
                           .expandedTo(QSize(1024, 700))
                           .boundedTo(available.size());
    return {available.topLeft() + QPoint((available.width() - size.width()) / 2, (available.height() - size.height()) / 2), size};
}

void fitDocks(QMainWindow& window) {
    // Docks in one side area share its width (stacked or tabbed): the widest content decides.
    QList<QDockWidget*> docks;
    std::map<Qt::DockWidgetArea, int> areaWidth;
    for (QDockWidget* dock : window.findChildren<QDockWidget*>()) {
        const Qt::DockWidgetArea area = window.dockWidgetArea(dock);
        if (dock->isFloating() || (area != Qt::LeftDockWidgetArea && area != Qt::RightDockWidgetArea)) continue;
        docks << dock;
        areaWidth[area] = std::max(areaWidth[area], std::min(contentWidth(dock->widget()), window.width() / 3));
    }
    QList<int> widths;
    for (QDockWidget* dock : docks) widths << areaWidth[window.dockWidgetArea(dock)];
    if (!docks.isEmpty()) window.resizeDocks(docks, widths, Qt::Horizontal);
}

QStringList docksScrolledSideways(const QMainWindow& window) {
    QStringList titles;
    for (const QDockWidget* dock : window.findChildren<QDockWidget*>()) {
        if (!dock->isVisible() || dock->visibleRegion().isEmpty()) continue;  // closed, or a tab behind another
        for (const QScrollArea* scroll : dock->findChildren<QScrollArea*>())
            if (scroll->isVisible() && scroll->horizontalScrollBar()->isVisible()) {
                titles << dock->windowTitle();
                break;
            }
    }
    return titles;
}

}  // namespace slidesight::FirstLayout
