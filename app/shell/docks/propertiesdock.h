#pragma once

#include "viewer/slide/slidesource.h"

#include <QtWidgets/QDockWidget>

#include <memory>

class QTreeWidget;
class QTreeWidgetItem;

namespace slidesight {

/// Shows a slide's summary (file, format, size, levels, µm/px and where it came from,
/// objective power) and all of its properties.
///
/// GUI thread only.
class PropertiesDock : public QDockWidget {
    Q_OBJECT
public:
    explicit PropertiesDock(QWidget* parent = nullptr);

    void setSlide(std::shared_ptr<const SlideSource> source, const QString& path);
    /// A name shown instead of the file's, with the slide's own properties (which can hold the
    /// file name and the case) left out; empty: the file and every property. Teaching mode
    /// sets it. Applies from the next setSlide().
    void setHiddenName(const QString& name) { hiddenName_ = name; }
    void updateMpp(const Mpp& mpp);
    void clear();

    /// "0.499 µm/px (from the slide)", "0.5 µm/px (assumed from 20× objective)", ...
    static QString describeMpp(const Mpp& mpp, const SlideInfo& info);

private:
    QTreeWidget* tree_;
    QTreeWidgetItem* mppItem_ = nullptr;
    QString hiddenName_;
    std::shared_ptr<const SlideSource> source_;
};

}  // namespace slidesight
