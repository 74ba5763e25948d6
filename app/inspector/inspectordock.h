#pragma once

#include <QtWidgets/QDockWidget>

#include <memory>

class QTabWidget;

namespace slidesight {

class AttentionGallery;
class CellGallery;
class LayerStack;
class SlideSource;
class SlideView;

/// The attention inspector: small multiples of every max- and min-attention channel, and the
/// cells with the highest and lowest values of a chosen map with pictures of the slide.
///
/// GUI thread only.
class InspectorDock : public QDockWidget {
    Q_OBJECT
public:
    InspectorDock(LayerStack* stack, SlideView* view, QWidget* parent = nullptr);

    /// The slide the cell pictures are read from (null when none is open).
    void setSlideSource(std::shared_ptr<const SlideSource> source);

    AttentionGallery* channels() const { return channels_; }
    CellGallery* cells() const { return cells_; }
    QTabWidget* tabs() const { return tabs_; }

private:
    QTabWidget* tabs_;
    AttentionGallery* channels_;
    CellGallery* cells_;
};

}  // namespace slidesight
