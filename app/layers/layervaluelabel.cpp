#include "app/layers/layervaluelabel.h"

#include "viewer/layers/layerstack.h"
#include "viewer/view/slideview.h"

namespace slidesight {

LayerValueLabel::LayerValueLabel(LayerStack* stack, SlideView* view, QWidget* parent)
    : QLabel(parent), stack_(stack) {
    setObjectName(QStringLiteral("layerValueLabel"));
    setTextFormat(Qt::PlainText);
    if (view) {
        connect(view, &SlideView::cursorMoved, this, &LayerValueLabel::showValuesAt);
        connect(view, &SlideView::cursorLeft, this, &QLabel::clear);
    }
}

void LayerValueLabel::showValuesAt(const QPointF& levelZeroPoint) {
    setText(stack_->valuesAt(levelZeroPoint).join(QStringLiteral("  ·  ")));
}

}  // namespace slidesight
