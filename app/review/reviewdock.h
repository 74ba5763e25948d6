#pragma once

#include "viewer/coverage/reviewregions.h"

#include <QtCore/QPointF>
#include <QtWidgets/QDockWidget>

class QCheckBox;
class QDoubleSpinBox;
class QComboBox;
class QLabel;
class QListWidget;
class QPushButton;
class QSpinBox;

namespace slidesight {

class LayerStack;
class ReviewRecorder;

/// The Review dock: whether the viewer records where the reader looks, how much of the slide
/// was seen at the chosen magnification, and the model's top regions (of the chosen attention
/// or Grad-CAM layer) not yet reviewed, with Previous / Next to visit each and the report line
/// "x of the model's top k regions reviewed". The figures follow the recorder (about once a
/// second) and the chosen layer.
///
/// GUI thread only.
class ReviewDock : public QDockWidget {
    Q_OBJECT
public:
    ReviewDock(LayerStack* stack, ReviewRecorder* recorder, QWidget* parent = nullptr);

    const ReviewReport& report() const { return report_; }
    ReviewOptions options() const;
    /// The report line, e.g. "3 of the model's top 10 regions reviewed".
    QString reportLine() const;
    /// Chooses the map (a layer id of the stack); false when the stack has no such heatmap.
    bool selectLayer(const QString& id);
    void setMinimumMagnification(double magnification);
    void setTopK(int regions);
    /// The fraction of the map's cells (0 to 1) that make up the regions.
    void setTopFraction(double fraction);
    /// Visits the next / previous region not yet reviewed (emits visitRequested).
    void next();
    void previous();
    /// Recomputes the figures now.
    void refresh();

Q_SIGNALS:
    /// Show this level-0 point at least at this magnification.
    void visitRequested(const QPointF& levelZeroPoint, double magnification);

private:
    void refreshLayers();
    void step(int direction);
    std::vector<const ReviewRegion*> unreviewed() const;

    LayerStack* stack_;
    ReviewRecorder* recorder_;
    QCheckBox* recordBox_;
    QLabel* seenLabel_;
    QLabel* reportLabel_;
    QComboBox* layerCombo_;
    QComboBox* magnificationCombo_;
    QSpinBox* topSpin_;
    QDoubleSpinBox* fractionSpin_;
    QListWidget* list_;
    QPushButton* previousButton_;
    QPushButton* nextButton_;
    QPushButton* forgetButton_;
    ReviewReport report_;
    int visited_ = -1;  ///< rank of the region visited last; -1 none
};

}  // namespace slidesight
