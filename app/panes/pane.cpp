#include "app/panes/pane.h"

#include "app/shell/settings/appsettings.h"
#include "app/shell/slide/slidecontroller.h"
#include "app/shell/slide/slidefilefilter.h"
#include "viewer/layers/layer.h"
#include "viewer/layers/layerstack.h"
#include "viewer/view/slideview.h"

#include <QtCore/QFileInfo>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QFileDialog>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QLabel>
#include <QtWidgets/QToolButton>
#include <QtWidgets/QVBoxLayout>

namespace slidesight {

Pane::Pane(const SlideController& main, LayerStack* stack, QWidget* parent)
    : QWidget(parent), main_(main), stack_(stack) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    auto* header = new QHBoxLayout;
    header->setContentsMargins(4, 2, 4, 2);
    title_ = new QLabel(this);
    title_->setObjectName(QStringLiteral("paneTitle"));
    title_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // A long file name is cut, never widening the pane.
    title_->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    title_->setMinimumWidth(40);
    overlays_ = new QComboBox(this);
    overlays_->setObjectName(QStringLiteral("paneOverlay"));
    overlays_->setToolTip(tr("The layer this pane shows over the slide"));
    overlays_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    overlays_->setMinimumContentsLength(10);
    mainSlide_ = new QToolButton(this);
    mainSlide_->setText(tr("Window's slide"));
    mainSlide_->setToolTip(tr("Show the slide of the main view in this pane"));
    open_ = new QToolButton(this);
    open_->setText(tr("Open…"));
    open_->setToolTip(tr("Open another slide in this pane (a re-scan, a serial section)"));
    header->addWidget(title_, 1);
    header->addWidget(overlays_);
    header->addWidget(mainSlide_);
    header->addWidget(open_);
    layout->addLayout(header);
    view_ = new SlideView(this);
    layout->addWidget(view_, 1);

    controller_ = new SlideController(view_, main_, this);
    view_->setLayerStack(stack_);
    connect(controller_, &SlideController::opened, this, [this] {
        updateTitle();
        applyOverlay();
        Q_EMIT slideShown();
    });
    connect(controller_, &SlideController::openFailed, this, [this](const QString& path, const QString& message) {
        Q_EMIT openFailed(path, message);
        showMainSlide();  // never an empty pane
    });
    connect(controller_, &SlideController::closed, this, &Pane::updateTitle);
    connect(&main_, &SlideController::opened, this, &Pane::mainOpenedOrClosed);
    connect(&main_, &SlideController::closed, this, &Pane::mainOpenedOrClosed);
    if (stack_) connect(stack_, &LayerStack::orderChanged, this, &Pane::refillOverlays);
    connect(overlays_, &QComboBox::activated, this, [this](int index) { setOverlay(overlays_->itemData(index).toString()); });
    connect(mainSlide_, &QToolButton::clicked, this, &Pane::showMainSlide);
    connect(open_, &QToolButton::clicked, this, [this] {
        const QString path =
            QFileDialog::getOpenFileName(this, tr("Open a slide in this pane"), AppSettings::lastDirectory(), slideFileFilter());
        if (!path.isEmpty()) openSlide(path);
    });
    refillOverlays();
    showMainSlide();
}

Pane::~Pane() {
    // The controller's slide layer goes before the view it is in.
    delete controller_;
    controller_ = nullptr;
}

void Pane::mainOpenedOrClosed() {
    if (followsMain_) showMainSlide();
}

void Pane::showMainSlide() {
    followsMain_ = true;
    controller_->showSameAs(main_);
    updateTitle();
    applyOverlay();
    if (controller_->hasSlide()) Q_EMIT slideShown();
}

void Pane::openSlide(const QString& path) {
    followsMain_ = false;
    controller_->open(path);
    updateTitle();
    applyOverlay();
}

void Pane::setOverlay(const QString& choice) {
    overlay_ = choice;
    const int index = overlays_->findData(choice);
    if (index >= 0) overlays_->setCurrentIndex(index);
    applyOverlay();
}

void Pane::refillOverlays() {
    overlays_->clear();
    overlays_->addItem(tr("Layers of the main view"), sameAsMain());
    overlays_->addItem(tr("Slide only"), noOverlay());
    if (stack_)
        for (int row = 0; row < stack_->count(); ++row)
            if (const Layer* layer = stack_->layerAt(row)) overlays_->addItem(layer->name(), layer->id());
    const int index = overlays_->findData(overlay_);
    overlays_->setCurrentIndex(std::max(0, index));
    applyOverlay();
}

void Pane::applyOverlay() {
    overlays_->setEnabled(followsMain_);
    const QString choice = overlay_;
    const bool ownSlide = !followsMain_;
    view_->setLayerVisibilityRule([choice, ownSlide](const Layer& layer) -> std::optional<bool> {
        if (layer.id() == QLatin1String("slide")) return std::nullopt;
        if (ownSlide) return false;  // the window's layers lie on another slide
        if (choice.isEmpty()) return std::nullopt;
        return layer.id() == choice;
    });
    Q_EMIT overlayChanged();
}

Layer* Pane::topShownLayer() const {
    if (!followsMain_ || !stack_ || overlay_ == noOverlay()) return nullptr;
    if (!overlay_.isEmpty()) return stack_->layer(overlay_);
    for (int row = 0; row < stack_->count(); ++row)
        if (Layer* layer = stack_->layerAt(row); layer && layer->isVisible()) return layer;
    return nullptr;
}

void Pane::updateTitle() {
    const QString path = controller_->path();
    if (path.isEmpty()) {
        title_->setText(controller_->isOpening() ? tr("Opening…") : tr("No slide"));
        return;
    }
    const QString name = QFileInfo(path).fileName();
    title_->setText(followsMain_ ? name : tr("%1 (this pane only)").arg(name));
    title_->setToolTip(path);
}

}  // namespace slidesight
