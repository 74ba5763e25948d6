#include "app/shell/window/mppbar.h"

#include "viewer/slide/slidesource.h"

#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QLabel>
#include <QtWidgets/QPushButton>

namespace slidesight {

MppBar::MppBar(QWidget* parent) : QFrame(parent) {
    setObjectName(QStringLiteral("mppBar"));
    setStyleSheet(QStringLiteral("#mppBar { background: #fff3cd; color: #664d03; }"));
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 8, 4);
    text_ = new QLabel(this);
    text_->setWordWrap(true);
    auto* button = new QPushButton(tr("Set µm/px…"), this);
    connect(button, &QPushButton::clicked, this, &MppBar::entryRequested);
    layout->addWidget(text_, 1);
    layout->addWidget(button);
    hide();
}

void MppBar::showFor(const Mpp& mpp) {
    if (!mpp.known()) {
        text_->setText(tr("This slide does not record its resolution (µm/px): physical sizes and "
                          "magnifications are unavailable until you enter it."));
        show();
    } else if (mpp.source == MppSource::ObjectivePower) {
        text_->setText(tr("This slide does not record µm/px; %1 µm/px is assumed from its objective "
                          "power. Enter the true value if you know it.")
                           .arg(mpp.average(), 0, 'g', 4));
        show();
    } else {
        hide();
    }
}

}  // namespace slidesight
