#include "app/shell/docks/associatedimagesdock.h"

#include "viewer/common/background.h"
#include "viewer/tiles/tiledslide.h"

#include <QtWidgets/QLabel>
#include <QtWidgets/QScrollArea>
#include <QtWidgets/QVBoxLayout>

namespace slidesight {

namespace {
struct NamedImage {
    QString name;
    QImage image;
    QString error;
};
}  // namespace

AssociatedImagesDock::AssociatedImagesDock(QWidget* parent)
    : QDockWidget(tr("Label and macro"), parent), content_(new QWidget), layout_(new QVBoxLayout(content_)) {
    setObjectName(QStringLiteral("associatedImagesDock"));
    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setWidget(content_);
    layout_->addStretch(1);
    setWidget(scroll);
}

void AssociatedImagesDock::clear() {
    ++generation_;
    shown_ = 0;
    while (layout_->count() > 1) {
        QLayoutItem* item = layout_->takeAt(0);
        delete item->widget();
        delete item;
    }
}

void AssociatedImagesDock::setSlide(std::shared_ptr<const SlideSource> source) {
    clear();
    if (!source) return;
    const quint64 generation = generation_;
    for (const std::string& name : source->info().associatedImages) {
        if (labelsHidden_ && (name == "label" || name == "macro")) continue;
        const auto show = [this, generation](const NamedImage& result) {
            if (generation != generation_) return;
            auto* caption = new QLabel(QStringLiteral("<b>%1</b>").arg(result.name.toHtmlEscaped()), content_);
            auto* picture = new QLabel(content_);
            if (result.image.isNull()) {
                picture->setText(result.error);
            } else {
                picture->setPixmap(QPixmap::fromImage(result.image.scaled(300, 300, Qt::KeepAspectRatio,
                                                                          Qt::SmoothTransformation)));
                picture->setToolTip(tr("%1 × %2 px").arg(result.image.width()).arg(result.image.height()));
            }
            layout_->insertWidget(layout_->count() - 1, caption);
            layout_->insertWidget(layout_->count() - 1, picture);
            ++shown_;
        };
        const auto read = [source, name] {
            NamedImage out;
            out.name = QString::fromStdString(name);
            auto image = source->readAssociatedImage(name);
            if (image) out.image = TiledSlide::toQImage(std::move(image).value());
            else out.error = QString::fromStdString(image.error());
            return out;
        };
        runInBackground(this, read, show);
    }
}

}  // namespace slidesight
