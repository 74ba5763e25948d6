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
    void clear();
    /// The number of images shown so far (they arrive asynchronously).
    int shownCount() const { return shown_; }

private:
    QWidget* content_;
    QVBoxLayout* layout_;
    quint64 generation_ = 0;
    int shown_ = 0;
};

}  // namespace slidesight
