#include "app/shell/docks/propertiesdock.h"

#include <QtCore/QFileInfo>
#include <QtCore/QLocale>
#include <QtWidgets/QHeaderView>
#include <QtWidgets/QTreeWidget>

namespace slidesight {

PropertiesDock::PropertiesDock(QWidget* parent) : QDockWidget(tr("Properties"), parent), tree_(new QTreeWidget(this)) {
    setObjectName(QStringLiteral("propertiesDock"));
    tree_->setColumnCount(2);
    tree_->setHeaderLabels({tr("Property"), tr("Value")});
    tree_->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    tree_->setUniformRowHeights(true);
    tree_->setAlternatingRowColors(true);
    setWidget(tree_);
}

QString PropertiesDock::describeMpp(const Mpp& mpp, const SlideInfo& info) {
    const QString xy = tr("%1 × %2 µm/px").arg(mpp.x, 0, 'g', 4).arg(mpp.y, 0, 'g', 4);
    switch (mpp.source) {
    case MppSource::Slide: return tr("%1 (from the slide)").arg(xy);
    case MppSource::ObjectivePower:
        return tr("%1 (assumed from the %2× objective)").arg(xy).arg(info.objectivePower.value_or(0.0));
    case MppSource::User: return tr("%1 (entered by the user: assumed)").arg(xy);
    case MppSource::Unknown: break;
    }
    return tr("unknown: the slide does not record it");
}

void PropertiesDock::setSlide(std::shared_ptr<const SlideSource> source, const QString& path) {
    clear();
    source_ = std::move(source);
    if (!source_) return;
    const SlideInfo& info = source_->info();
    const QLocale locale;
    auto* summary = new QTreeWidgetItem(tree_, {tr("Summary")});
    auto add = [summary](const QString& k, const QString& v) { return new QTreeWidgetItem(summary, {k, v}); };
    if (hiddenName_.isEmpty())
        add(tr("File"), QFileInfo(path).fileName())->setToolTip(1, path);
    else
        add(tr("File"), hiddenName_);
    add(tr("Format"), QString::fromStdString(info.vendor));
    add(tr("Dimensions"), tr("%1 × %2 px").arg(locale.toString(info.width()), locale.toString(info.height())));
    mppItem_ = add(tr("Resolution"), describeMpp(source_->mpp(), info));
    add(tr("Objective"), info.objectivePower ? tr("%1×").arg(*info.objectivePower) : tr("unknown"));
    auto* levels = add(tr("Levels"), QString::number(info.levels.size()));
    for (size_t i = 0; i < info.levels.size(); ++i) {
        const SlideLevel& l = info.levels[i];
        new QTreeWidgetItem(levels, {tr("Level %1").arg(i),
                                     tr("%1 × %2 px, downsample %3")
                                         .arg(locale.toString(l.width), locale.toString(l.height))
                                         .arg(l.downsample, 0, 'g', 6)});
    }
    QStringList images;
    for (const auto& n : info.associatedImages) images << QString::fromStdString(n);
    add(tr("Associated images"), images.isEmpty() ? tr("none") : images.join(QStringLiteral(", ")));
    if (hiddenName_.isEmpty()) {
        auto* all = new QTreeWidgetItem(tree_, {tr("All properties (%1)").arg(info.properties.size())});
        for (const auto& [k, v] : info.properties)
            new QTreeWidgetItem(all, {QString::fromStdString(k), QString::fromStdString(v)});
    } else {
        new QTreeWidgetItem(tree_, {tr("The slide's own properties are hidden while its name is.")});
    }
    summary->setExpanded(true);
}

void PropertiesDock::updateMpp(const Mpp& mpp) {
    if (mppItem_ && source_) mppItem_->setText(1, describeMpp(mpp, source_->info()));
}

void PropertiesDock::clear() {
    tree_->clear();
    mppItem_ = nullptr;
    source_.reset();
}

}  // namespace slidesight
