#pragma once

#include "app/inspector/cellranking.h"

#include <QtCore/QPointer>
#include <QtCore/QTimer>
#include <QtGui/QImage>
#include <QtWidgets/QWidget>

#include <memory>
#include <vector>

class QComboBox;
class QGridLayout;
class QLabel;
class QSpinBox;
class QToolButton;

namespace slidesight {

class HeatmapLayer;
class LayerStack;
class SlideSource;
class SlideView;

/// The k cells with the highest and the k with the lowest values of the chosen layer's shown
/// plane (an attention map by default), each with its value and a picture of the slide under
/// it. Pictures are read from the slide on a worker thread; a click centres the view on the
/// cell at 10×.
///
/// GUI thread only.
class CellGallery : public QWidget {
    Q_OBJECT
public:
    CellGallery(LayerStack* stack, SlideView* view, QWidget* parent = nullptr);
    ~CellGallery() override;

    /// The slide the pictures are read from (none: tiles without pictures).
    void setSlideSource(std::shared_ptr<const SlideSource> source);

    static constexpr int kDefaultCount = 8;
    static constexpr int kPictureSize = 72;
    /// The magnification a click zooms to.
    static constexpr double kMagnification = 10.0;

    QComboBox* layerCombo() const { return layerCombo_; }
    QSpinBox* countSpin() const { return count_; }
    HeatmapLayer* currentLayer() const;
    const std::vector<RankedCell>& topShown() const { return top_; }
    const std::vector<RankedCell>& bottomShown() const { return bottom_; }
    QList<QToolButton*> topTiles() const { return topTiles_; }
    QList<QToolButton*> bottomTiles() const { return bottomTiles_; }
    /// Centres the view on a cell of the current layer at kMagnification.
    void showCell(const RankedCell& cell);
    /// Recomputes now instead of at the next event-loop pass.
    void refreshNow();

Q_SIGNALS:
    /// The pictures of the cells shown have been read.
    void picturesReady();

private:
    void scheduleRefresh();
    void updateLayerChoices();
    QList<QToolButton*> fillGrid(QGridLayout* grid, const std::vector<RankedCell>& cells, const QString& units);
    void requestPictures();
    void applyPictures(quint64 generation, const std::vector<QImage>& pictures);

    LayerStack* stack_;
    QPointer<SlideView> view_;
    std::shared_ptr<const SlideSource> source_;
    QComboBox* layerCombo_ = nullptr;
    QSpinBox* count_ = nullptr;
    QLabel* note_ = nullptr;
    QGridLayout* topGrid_ = nullptr;
    QGridLayout* bottomGrid_ = nullptr;
    QTimer refreshTimer_;
    QPointer<HeatmapLayer> watched_;
    std::vector<RankedCell> top_;
    std::vector<RankedCell> bottom_;
    QList<QToolButton*> topTiles_;
    QList<QToolButton*> bottomTiles_;
    quint64 generation_ = 0;
};

/// Pictures of level-0 rectangles of a slide, each fitted into size x size, read at the
/// pyramid level nearest that size. Thread-safe; a rectangle that cannot be read gives a null
/// image.
std::vector<QImage> readCellPictures(const SlideSource& source, const std::vector<QRectF>& rects, int size);

}  // namespace slidesight
