#pragma once

#include <QtCore/QPointer>
#include <QtCore/QString>
#include <QtWidgets/QWidget>

class QComboBox;
class QLabel;
class QToolButton;

namespace slidesight {

class Layer;
class LayerStack;
class SlideController;
class SlideView;

/// One extra pane of a split view: a SlideView with a header that says what it shows. A pane
/// shows the window's slide (sharing its source, tile cache and reading threads: a tile that
/// several panes need is read once) or a slide of its own, opened in the pane with the same
/// cache and threads (a re-scan, a serial section).
///
/// Over the window's slide it shows the window's overlay layers with a choice of its own: one
/// layer (attention-max here, Grad-CAM in the main view), none, or the same as the main view.
/// Over a slide of its own it shows the slide alone: the window's layers belong to the other
/// slide.
///
/// GUI thread only.
class Pane : public QWidget {
    Q_OBJECT
public:
    /// `main` is the window's slide controller (its cache and threads are shared); `stack`
    /// the window's overlay layers.
    Pane(const SlideController& main, LayerStack* stack, QWidget* parent = nullptr);
    ~Pane() override;

    SlideView* view() const { return view_; }
    SlideController* controller() const { return controller_; }

    /// Shows the window's slide (again).
    void showMainSlide();
    /// Opens `path` in this pane; failures are reported by openFailed().
    void openSlide(const QString& path);
    bool showsMainSlide() const { return followsMain_; }

    /// "" for the main view's choice, "-" for no overlay, else a layer id of the stack.
    static QString sameAsMain() { return {}; }
    static QString noOverlay() { return QStringLiteral("-"); }
    void setOverlay(const QString& choice);
    QString overlay() const { return overlay_; }
    /// The top layer this pane shows over its slide (its curtain goes over it); null when it
    /// shows the slide alone.
    Layer* topShownLayer() const;

Q_SIGNALS:
    /// The pane shows a slide now (its own, or the window's).
    void slideShown();
    /// What the pane draws over its slide changed (another choice, another slide).
    void overlayChanged();
    void openFailed(const QString& path, const QString& message);

private:
    void mainOpenedOrClosed();
    void refillOverlays();
    void applyOverlay();
    void updateTitle();

    const SlideController& main_;
    QPointer<LayerStack> stack_;
    SlideView* view_ = nullptr;
    SlideController* controller_ = nullptr;
    QLabel* title_ = nullptr;
    QComboBox* overlays_ = nullptr;
    QToolButton* open_ = nullptr;
    QToolButton* mainSlide_ = nullptr;
    QString overlay_;
    bool followsMain_ = true;
};

}  // namespace slidesight
