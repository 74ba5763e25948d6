#pragma once

#include "viewer/slide/slidesource.h"

#include <QtWidgets/QDockWidget>

#include <memory>

class QVBoxLayout;
class QWidget;

namespace slidesight {

/// Shows a slide's associated images (label, macro, thumbnail), read on a worker thread.
///
/// GUI thread only.
class AssociatedImagesDock : public QDockWidget {
    Q_OBJECT
public:
    explicit AssociatedImagesDock(QWidget* parent = nullptr);

    void setSlide(std::shared_ptr<const SlideSource> source);
    /// Leaves out the label and the macro image (both can show the case's name); the
    /// thumbnail stays. Teaching mode sets it. Applies from the next setSlide().
    void setLabelsHidden(bool hidden) { labelsHidden_ = hidden; }
    void clear();
    /// The number of images shown so far (they arrive asynchronously).
    int shownCount() const { return shown_; }

private:
    QWidget* content_;
    QVBoxLayout* layout_;
    quint64 generation_ = 0;
    int shown_ = 0;
    bool labelsHidden_ = false;
};

}  // namespace slidesight
