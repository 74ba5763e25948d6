#include "app/shell/window/viewstatus.h"

#include "app/shell/slide/slidecontroller.h"
#include "viewer/view/slideview.h"

#include <QtCore/QFileInfo>
#include <QtWidgets/QLabel>
#include <QtWidgets/QStatusBar>

namespace slidesight {

ViewStatus::ViewStatus(SlideController* slides, QStatusBar* bar)
    : QObject(bar), slides_(slides), loading_(new QLabel(bar)), position_(new QLabel(bar)),
      magnification_(new QLabel(bar)), mpp_(new QLabel(bar)) {
    position_->setMinimumWidth(200);
    bar->addWidget(loading_, 1);
    bar->addPermanentWidget(position_);
    bar->addPermanentWidget(magnification_);
    bar->addPermanentWidget(mpp_);
    connect(slides, &SlideController::opening, this,
            [this](const QString& path) { loading_->setText(tr("Opening %1…").arg(QFileInfo(path).fileName())); });
    connect(slides, &SlideController::opened, loading_, &QLabel::clear);
    connect(slides, &SlideController::openFailed, loading_, &QLabel::clear);
    SlideView* view = slides->view();
    connect(view, &SlideView::viewChanged, this, &ViewStatus::update);
    connect(view, &SlideView::cursorMoved, this, [this](const QPointF& p) {
        if (!slides_->hasSlide()) return;
        const SlideInfo& info = slides_->source()->info();
        if (p.x() < 0 || p.y() < 0 || p.x() >= static_cast<double>(info.width()) ||
            p.y() >= static_cast<double>(info.height())) {
            position_->clear();
            return;
        }
        position_->setText(tr("x %1  y %2 px").arg(static_cast<qint64>(p.x())).arg(static_cast<qint64>(p.y())));
    });
    connect(view, &SlideView::cursorLeft, position_, &QLabel::clear);
}

void ViewStatus::update() {
    if (!slides_->hasSlide()) {
        magnification_->clear();
        mpp_->clear();
        position_->clear();
        return;
    }
    const SlideView* view = slides_->view();
    const double mag = view->magnification();
    magnification_->setText(mag > 0 ? tr("%1×").arg(mag, 0, 'f', mag < 10 ? 2 : 1)
                                    : tr("zoom 1:%1").arg(view->downsample(), 0, 'f', 2));
    const Mpp mpp = slides_->source()->mpp();
    if (!mpp.known()) {
        mpp_->setText(tr("µm/px unknown"));
    } else {
        const QString value = tr("%1 µm/px").arg(mpp.average() * view->downsample(), 0, 'g', 4);
        mpp_->setText(mpp.assumed() ? tr("%1 (assumed)").arg(value) : value);
    }
}

}  // namespace slidesight
