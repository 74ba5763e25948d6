#pragma once

#include "model/evaluation/agreement.h"
#include "viewer/layers/griddata.h"

#include <QtCore/QPointF>
#include <QtCore/QPointer>
#include <QtWidgets/QDockWidget>

#include <array>
#include <memory>

class QComboBox;
class QLabel;
class QPushButton;
class QSlider;

namespace slidesight {

class AgreementLayer;
class AnnotationDocument;
class LayerStack;

/// Agreement between a heatmap layer and an annotation group: the group is rasterised at the
/// layer's grid (on a worker thread, whenever the layer, the group or the annotations change)
/// and the panel shows cell AUC, Dice and IoU at the threshold, the pointing game and the
/// FROC sensitivities at 1/4 to 8 false positives (model::Agreement). Moving the threshold
/// only re-counts (no rasterisation). The false positive and negative cells are shown in the
/// "agreement" layer of the stack, and Previous / Next centre the view on them one by one.
///
/// GUI thread only.
class AgreementDock : public QDockWidget {
    Q_OBJECT
public:
    AgreementDock(LayerStack* stack, AnnotationDocument* document, QWidget* parent = nullptr);
    ~AgreementDock() override;

    /// The current comparison; null before the first one is ready or without layer.
    std::shared_ptr<const model::Agreement> agreement() const { return agreement_; }
    const GridGeometry& geometry() const { return geometry_; }
    /// Whether a rasterisation is running.
    bool isComputing() const { return computing_; }
    double threshold() const { return threshold_; }
    /// Moves the slider to the step nearest `threshold` and shows the counts there.
    void setThreshold(double threshold);
    /// Chooses the layer (qualified id) and the group (empty: every annotation).
    bool selectLayer(const QString& qualifiedId);
    bool selectGroup(const QString& group);

    /// What Previous / Next step through.
    enum class Navigate { FalsePositives, FalseNegatives };
    void setNavigation(Navigate what);
    /// Centres on the next / previous cell of the chosen kind (emits centreRequested).
    void next();
    void previous();

Q_SIGNALS:
    /// Centre the view on this level-0 point.
    void centreRequested(const QPointF& levelZeroPoint);

private:
    void refreshLayers();
    void refreshGroups();
    void recompute();
    /// A heatmap's display changed: recompute only when its data or channel did.
    void layerDisplayChanged();
    QString layerKey() const;
    void finished(quint64 generation, std::shared_ptr<const model::Agreement> agreement, const GridGeometry& geometry,
                  const QString& error);
    void thresholdMoved(int step);
    void showReport();
    void showThreshold();
    void step(int direction);
    void clearLayer();

    LayerStack* stack_;
    AnnotationDocument* document_;
    QComboBox* layerCombo_;
    QComboBox* groupCombo_;
    QSlider* slider_;
    QLabel* thresholdLabel_;
    QLabel* aucLabel_;
    QLabel* diceLabel_;
    QLabel* iouLabel_;
    QLabel* countsLabel_;
    QLabel* pointingLabel_;
    std::array<QLabel*, 6> frocLabels_{};
    QLabel* frocScoreLabel_;
    QLabel* problemLabel_;
    QComboBox* navigateCombo_;
    QLabel* positionLabel_;
    QPushButton* previousButton_;
    QPushButton* nextButton_;
    QPointer<AgreementLayer> layer_;

    std::shared_ptr<const model::Agreement> agreement_;
    model::AgreementAtThreshold at_;
    GridGeometry geometry_;
    double threshold_ = 0.0;
    quint64 generation_ = 0;
    QString computedKey_;  ///< layerKey() of the last comparison started
    bool computing_ = false;
    bool recomputePending_ = false;
    int navigationIndex_ = -1;
};

}  // namespace slidesight
