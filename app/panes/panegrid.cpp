#include "app/panes/panegrid.h"

#include "app/panes/pane.h"
#include "viewer/view/slideview.h"

#include <QtCore/QSignalBlocker>
#include <QtWidgets/QSplitter>
#include <QtWidgets/QVBoxLayout>

namespace slidesight {

PaneGrid::PaneGrid(SlideView* mainView, std::function<Pane*(QWidget*)> makePane, QWidget* parent)
    : QWidget(parent), main_(mainView), makePane_(std::move(makePane)) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    rows_ = new QSplitter(Qt::Vertical, this);
    rows_->setObjectName(QStringLiteral("paneRows"));
    top_ = new QSplitter(Qt::Horizontal, rows_);
    bottom_ = new QSplitter(Qt::Horizontal, rows_);
    rows_->setChildrenCollapsible(false);
    top_->setChildrenCollapsible(false);
    bottom_->setChildrenCollapsible(false);
    top_->addWidget(main_);
    bottom_->hide();
    layout->addWidget(rows_);
}

PaneGrid::~PaneGrid() {
    // The panes' slide layers go while the window's controller, whose threads they use, is
    // still there.
    const QSignalBlocker block(this);
    setCount(1);
}

void PaneGrid::setCount(int count) {
    const size_t wanted = count >= 4 ? 3 : count >= 2 ? 1 : 0;
    if (wanted == panes_.size()) return;
    while (panes_.size() > wanted) {
        Pane* pane = panes_.back();
        Q_EMIT paneRemoving(pane);
        panes_.pop_back();
        delete pane;
    }
    while (panes_.size() < wanted) {
        QSplitter* row = panes_.empty() ? top_ : bottom_;
        Pane* pane = makePane_(row);
        row->addWidget(pane);
        panes_.push_back(pane);
        Q_EMIT paneAdded(pane);
    }
    bottom_->setVisible(panes_.size() > 1);
    // Equal shares after a change of layout.
    const auto even = [](QSplitter* s) { s->setSizes(QList<int>(s->count(), 1 << 20)); };
    even(top_);
    even(bottom_);
    even(rows_);
    Q_EMIT countChanged(this->count());
}

std::vector<SlideView*> PaneGrid::views() const {
    std::vector<SlideView*> out{main_};
    for (Pane* p : panes_) out.push_back(p->view());
    return out;
}

}  // namespace slidesight
