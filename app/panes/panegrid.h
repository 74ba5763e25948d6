#pragma once

#include <QtWidgets/QWidget>

#include <functional>
#include <vector>

class QSplitter;

namespace slidesight {

class Pane;
class SlideView;

/// The window's centre when split: the main view top-left and up to three panes, in
/// splitters the reader can drag (1: the main view alone; 2: side by side; 4: two by two).
/// Panes are made by the factory when the count grows and deleted when it shrinks.
///
/// GUI thread only.
class PaneGrid : public QWidget {
    Q_OBJECT
public:
    PaneGrid(SlideView* mainView, std::function<Pane*(QWidget* parent)> makePane, QWidget* parent = nullptr);
    ~PaneGrid() override;

    /// 1, 2 or 4 (other values are taken as the nearest of these).
    void setCount(int count);
    int count() const { return 1 + static_cast<int>(panes_.size()); }
    /// The extra panes, left to right and top to bottom after the main view.
    const std::vector<Pane*>& panes() const { return panes_; }
    /// The main view first, then the panes' views.
    std::vector<SlideView*> views() const;

Q_SIGNALS:
    void paneAdded(slidesight::Pane* pane);
    /// The pane is about to be deleted.
    void paneRemoving(slidesight::Pane* pane);
    void countChanged(int count);

private:
    SlideView* main_;
    std::function<Pane*(QWidget*)> makePane_;
    QSplitter* rows_;
    QSplitter* top_;
    QSplitter* bottom_;
    std::vector<Pane*> panes_;
};

}  // namespace slidesight
