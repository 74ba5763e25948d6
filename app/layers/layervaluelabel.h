#pragma once

#include <QtCore/QPointF>
#include <QtWidgets/QLabel>

namespace slidesight {

class LayerStack;
class SlideView;

/// The status bar's value under the cursor: "Name: value" for every visible layer of the
/// stack that has a value at the cursor, top layer first; empty when the cursor leaves.
///
/// GUI thread only.
class LayerValueLabel : public QLabel {
    Q_OBJECT
public:
    LayerValueLabel(LayerStack* stack, SlideView* view, QWidget* parent = nullptr);

    /// Shows the values at a level-0 point.
    void showValuesAt(const QPointF& levelZeroPoint);

private:
    LayerStack* stack_;
};

}  // namespace slidesight
