// SlideView: the view's geometry (zoom anchored at a point, fit, magnification presets,
// rotation, panning), view changes merged once per event-loop pass and repaints once per
// frame, mouse and keys, the curtain, and the background, curtain and scale bar it draws.
// Its layers (adding, stacking, following a LayerStack) are in slideviewlayers.cpp.
#include "viewer/view/slideview.h"

#include "viewer/layers/layer.h"
#include "viewer/layers/layerstack.h"
#include "viewer/view/layeritem.h"
#include "viewer/view/scalebar.h"

#include <QtCore/QVariantAnimation>
#include <QtGui/QKeyEvent>
#include <QtGui/QPainter>
#include <QtGui/QWheelEvent>
#include <QtWidgets/QScrollBar>

#include <algorithm>
#include <cmath>

namespace slidesight {

SlideView::SlideView(QWidget* parent)
    : QGraphicsView(parent), scene_(new QGraphicsScene(this)), zoomAnimation_(new QVariantAnimation(this)) {
    setScene(scene_);
    scene_->setItemIndexMethod(QGraphicsScene::NoIndex);  // a handful of large items
    setDragMode(QGraphicsView::ScrollHandDrag);
    setTransformationAnchor(QGraphicsView::NoAnchor);
    setResizeAnchor(QGraphicsView::AnchorViewCenter);
    setViewportUpdateMode(QGraphicsView::MinimalViewportUpdate);
    setOptimizationFlags(QGraphicsView::DontSavePainterState | QGraphicsView::DontAdjustForAntialiasing);
    setCacheMode(QGraphicsView::CacheNone);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus);
    setFrameShape(QFrame::NoFrame);
    viewChangeTimer_.setSingleShot(true);
    viewChangeTimer_.setInterval(0);
    connect(&viewChangeTimer_, &QTimer::timeout, this, &SlideView::flushViewChange);
    frameTimer_.setSingleShot(true);
    frameTimer_.setInterval(16);
    connect(&frameTimer_, &QTimer::timeout, this, [this] {
        viewport()->update(dirty_);
        dirty_ = QRegion();
    });
    zoomAnimation_->setDuration(150);
    zoomAnimation_->setEasingCurve(QEasingCurve::OutCubic);
    connect(zoomAnimation_, &QVariantAnimation::valueChanged, this,
            [this](const QVariant& v) { setDownsample(std::exp(v.toDouble())); });
}

SlideView::~SlideView() { clearLayers(); }

void SlideView::setSlideGeometry(const QSizeF& levelZeroSize, const Mpp& mpp, std::optional<double> objectivePower) {
    slideSize_ = levelZeroSize;
    mpp_ = mpp;
    objectivePower_ = objectivePower;
    // Allow panning up to half a slide beyond each edge, as slide viewers do.
    const double mx = levelZeroSize.width() * 0.5;
    const double my = levelZeroSize.height() * 0.5;
    scene_->setSceneRect(QRectF(-mx, -my, levelZeroSize.width() + 2 * mx, levelZeroSize.height() + 2 * my));
    zoomToFit();
}

void SlideView::setMpp(const Mpp& mpp) {
    mpp_ = mpp;
    viewport()->update();
    scheduleViewChange();
}

void SlideView::setScaleBarVisible(bool visible) {
    scaleBarVisible_ = visible;
    viewport()->update();
}

double SlideView::downsample() const {
    const QTransform& t = transform();
    const double s = std::hypot(t.m11(), t.m12());
    return s > 0.0 ? 1.0 / s : 1.0;
}

QTransform SlideView::viewTransform(double ds) const {
    QTransform t;
    t.rotate(rotation_);
    t.scale(1.0 / ds, 1.0 / ds);
    return t;
}

void SlideView::setRotation(double degrees) {
    if (!std::isfinite(degrees)) return;
    degrees = std::fmod(degrees, 360.0);
    if (degrees < 0.0) degrees += 360.0;
    if (std::abs(degrees - 360.0) < 1e-9) degrees = 0.0;
    if (degrees == rotation_) return;
    zoomAnimation_->stop();
    const QPointF centre = centreLevelZero();
    const double ds = downsample();
    rotation_ = degrees;
    setTransform(viewTransform(ds));
    centerOn(centre);
    scheduleViewChange();
    viewport()->update();
    Q_EMIT rotationChanged(rotation_);
}

QPointF SlideView::centreLevelZero() const {
    return viewportTransform().inverted().map(QRectF(viewport()->rect()).center());
}

double SlideView::clampDownsample(double ds) const {
    const double maxDs = std::max(64.0, fitDownsample() * 4.0);
    return std::clamp(ds, 1.0 / 16.0, maxDs);
}

void SlideView::setDownsample(double ds, std::optional<QPoint> anchor) {
    ds = clampDownsample(ds);
    const QPoint a = anchor.value_or(viewport()->rect().center());
    const QPointF before = mapToScene(a);
    setTransform(viewTransform(ds));
    // Keep the level-0 point under the anchor where it was.
    const QPointF after = mapToScene(a);
    const QPointF centre = mapToScene(viewport()->rect().center());
    centerOn(centre + (before - after));
    // centerOn() rounds to whole scroll steps; correct the remainder to within half a pixel:
    // `error` is how far, in viewport pixels, the point now shows from the anchor.
    const QPointF error = viewportTransform().map(before) - QPointF(a);
    horizontalScrollBar()->setValue(horizontalScrollBar()->value() + static_cast<int>(std::lround(error.x())));
    verticalScrollBar()->setValue(verticalScrollBar()->value() + static_cast<int>(std::lround(error.y())));
    scheduleViewChange();
    viewport()->update();
}

void SlideView::zoomBy(double factor, std::optional<QPoint> anchor) {
    if (factor > 0.0) setDownsample(downsample() / factor, anchor);
}

double SlideView::fitDownsample() const {
    if (slideSize_.isEmpty()) return 1.0;
    const QSize v = viewport()->size();
    if (v.width() <= 0 || v.height() <= 0) return 1.0;
    // The slide's bounding box as rotated.
    const double radians = rotation_ * M_PI / 180.0;
    const double c = std::abs(std::cos(radians));
    const double sn = std::abs(std::sin(radians));
    const double w = slideSize_.width() * c + slideSize_.height() * sn;
    const double h = slideSize_.width() * sn + slideSize_.height() * c;
    return std::max(w / v.width(), h / v.height()) * 1.02;
}

void SlideView::zoomToFit() {
    zoomAnimation_->stop();
    const double ds = fitDownsample();
    setTransform(viewTransform(ds));
    centerOn(QPointF(slideSize_.width() / 2, slideSize_.height() / 2));
    scheduleViewChange();
}

double SlideView::nativeMagnification() const {
    if (objectivePower_ && *objectivePower_ > 0.0) return *objectivePower_;
    if (mpp_.known()) return 10.0 / mpp_.average();
    return 0.0;
}

double SlideView::magnification() const {
    const double native = nativeMagnification();
    return native > 0.0 ? native / downsample() : 0.0;
}

void SlideView::setMagnification(double magnification) {
    const double native = nativeMagnification();
    if (native <= 0.0 || magnification <= 0.0) return;
    animateTo(native / magnification);
}

void SlideView::animateTo(double ds) {
    ds = clampDownsample(ds);
    zoomAnimation_->stop();
    if (!animated_ || !isVisible()) {
        setDownsample(ds);
        return;
    }
    zoomAnimation_->setStartValue(std::log(downsample()));
    zoomAnimation_->setEndValue(std::log(ds));
    zoomAnimation_->start();
}

void SlideView::centerOnLevelZero(const QPointF& p) {
    centerOn(p);
    scheduleViewChange();
}

QRectF SlideView::visibleLevelZeroRect() const {
    return mapToScene(viewport()->rect()).boundingRect();
}

QPolygonF SlideView::visibleLevelZeroPolygon() const {
    return viewportTransform().inverted().map(QPolygonF(QRectF(viewport()->rect())));
}

void SlideView::scheduleViewChange() {
    if (!viewChangeTimer_.isActive()) viewChangeTimer_.start();
}

void SlideView::flushViewChange() {
    viewChangeTimer_.stop();
    const QRectF visible = visibleLevelZeroRect();
    const double ds = downsample();
    for (LayerItem* item : items_)
        if (item->layer() && item->layer()->isVisible()) item->layer()->viewChanged(visible, ds);
    Q_EMIT viewChanged(visible, ds);
}

void SlideView::scheduleRepaint(const QRectF& levelZeroRect) {
    dirty_ += mapFromScene(levelZeroRect).boundingRect().adjusted(-1, -1, 1, 1);
    if (!frameTimer_.isActive()) frameTimer_.start();
}

void SlideView::wheelEvent(QWheelEvent* event) {
    const QPoint delta = event->angleDelta();
    if (delta.y() == 0) {
        QGraphicsView::wheelEvent(event);
        return;
    }
    zoomAnimation_->stop();
    // 120 units per notch; one notch zooms by 1.25.
    zoomBy(std::pow(1.25, delta.y() / 120.0), event->position().toPoint());
    event->accept();
}

void SlideView::keyPressEvent(QKeyEvent* event) {
    const int key = event->key();
    if (key >= Qt::Key_1 && key <= Qt::Key_6) {
        setMagnification(kPresets[key - Qt::Key_1]);
        return;
    }
    const QSize v = viewport()->size();
    switch (key) {
    case Qt::Key_0: zoomToFit(); return;
    case Qt::Key_Plus:
    case Qt::Key_Equal: animateTo(downsample() / 1.5); return;
    case Qt::Key_Minus: animateTo(downsample() * 1.5); return;
    case Qt::Key_Left: horizontalScrollBar()->setValue(horizontalScrollBar()->value() - v.width() / 4); return;
    case Qt::Key_Right: horizontalScrollBar()->setValue(horizontalScrollBar()->value() + v.width() / 4); return;
    case Qt::Key_Up: verticalScrollBar()->setValue(verticalScrollBar()->value() - v.height() / 4); return;
    case Qt::Key_Down: verticalScrollBar()->setValue(verticalScrollBar()->value() + v.height() / 4); return;
    default: break;
    }
    QGraphicsView::keyPressEvent(event);
}

void SlideView::setCurtain(Layer* layer) {
    if (layer == curtainLayer_) return;
    curtainLayer_ = layer;
    draggingCurtain_ = false;
    applyCurtain();
    Q_EMIT curtainChanged();
}

void SlideView::setCurtainPosition(double fraction) {
    if (!std::isfinite(fraction)) return;
    fraction = std::clamp(fraction, 0.0, 1.0);
    if (fraction == curtainPosition_) return;
    curtainPosition_ = fraction;
    applyCurtain();
    Q_EMIT curtainChanged();
}

Layer* SlideView::curtainLayer() const { return curtainLayer_; }

double SlideView::curtainX() const { return curtainPosition_ * viewport()->width(); }

bool SlideView::nearCurtain(double x) const { return curtainLayer_ && std::abs(x - curtainX()) <= 6.0; }

void SlideView::applyCurtain() {
    for (LayerItem* item : items_)
        item->setCurtain(curtainLayer_ && item->layer() == curtainLayer_ ? std::optional<double>(curtainX()) : std::nullopt);
    viewport()->update();
}

void SlideView::mousePressEvent(QMouseEvent* event) {
    if (event->button() == Qt::LeftButton && nearCurtain(event->position().x())) {
        draggingCurtain_ = true;
        event->accept();
        return;
    }
    QGraphicsView::mousePressEvent(event);
}

void SlideView::mouseMoveEvent(QMouseEvent* event) {
    if (draggingCurtain_) {
        setCurtainPosition(event->position().x() / std::max(1, viewport()->width()));
        event->accept();
    } else {
        QGraphicsView::mouseMoveEvent(event);
        if (curtainLayer_ && !(event->buttons() & Qt::LeftButton))
            viewport()->setCursor(nearCurtain(event->position().x()) ? Qt::SplitHCursor : Qt::OpenHandCursor);
    }
    Q_EMIT cursorMoved(mapToScene(event->position().toPoint()));
}

void SlideView::mouseReleaseEvent(QMouseEvent* event) {
    if (draggingCurtain_) {
        draggingCurtain_ = false;
        event->accept();
        return;
    }
    QGraphicsView::mouseReleaseEvent(event);
}

void SlideView::leaveEvent(QEvent* event) {
    QGraphicsView::leaveEvent(event);
    Q_EMIT cursorLeft();
}

void SlideView::resizeEvent(QResizeEvent* event) {
    QGraphicsView::resizeEvent(event);
    if (curtainLayer_) applyCurtain();
    scheduleViewChange();
}

void SlideView::scrollContentsBy(int dx, int dy) {
    QGraphicsView::scrollContentsBy(dx, dy);
    // The curtain stays where it is on the screen while the slide moves under it: a blit
    // would drag the curtain's edge along.
    if (curtainLayer_) viewport()->update();
    // The viewport is scrolled by blitting, which drags the fixed scale bar along: repaint
    // its box and where the blit moved it.
    const QRect box = scaleBarBox();
    viewport()->update(box);
    viewport()->update(box.translated(dx, dy));
    scheduleViewChange();
}

QRect SlideView::scaleBarBox() const {
    const QRect v = viewport()->rect();
    return QRect(v.left(), v.bottom() - 80, std::min(v.width(), v.width() / 5 + 260), 81);
}

void SlideView::drawBackground(QPainter* painter, const QRectF& rect) {
    painter->fillRect(rect, QColor(48, 48, 52));
}

void SlideView::drawForeground(QPainter* painter, const QRectF&) {
    if (curtainLayer_) {
        // The curtain: a line with a round handle in the middle.
        painter->save();
        painter->resetTransform();
        painter->setRenderHint(QPainter::Antialiasing);
        const double x = curtainX();
        const double h = viewport()->height();
        painter->setPen(QPen(QColor(255, 255, 255, 230), 2.0));
        painter->drawLine(QPointF(x, 0), QPointF(x, h));
        painter->setBrush(QColor(40, 40, 44, 220));
        painter->drawEllipse(QPointF(x, h / 2), 11.0, 11.0);
        painter->drawLine(QPointF(x - 6, h / 2), QPointF(x - 2, h / 2 - 4));
        painter->drawLine(QPointF(x - 6, h / 2), QPointF(x - 2, h / 2 + 4));
        painter->drawLine(QPointF(x + 6, h / 2), QPointF(x + 2, h / 2 - 4));
        painter->drawLine(QPointF(x + 6, h / 2), QPointF(x + 2, h / 2 + 4));
        painter->restore();
    }
    if (!scaleBarVisible_ || !mpp_.known()) return;
    painter->save();
    painter->resetTransform();
    const ScaleBar bar = ScaleBar::choose(mpp_.average() * downsample(), viewport()->width() / 5.0);
    bar.paint(*painter, viewport()->rect(), mpp_.assumed());
    painter->restore();
}

}  // namespace slidesight
