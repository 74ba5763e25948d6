#include "app/analysis/bundlepicker.h"

#include "app/shell/settings/appsettings.h"
#include "viewer/common/background.h"

#include <QtCore/QFileInfo>
#include <QtCore/QSettings>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QFileDialog>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QPushButton>

namespace slidesight {

namespace {

const QString kRecentKey = QStringLiteral("analysis/recentBundles");

}  // namespace

Expected<model::ModelBundle> readAndCheckBundle(const std::string& path) {
    Expected<model::ModelBundle> bundle = model::readBundle(path);
    if (!bundle) return bundle;
    const Expected<bool> checked = model::checkBundleWeights(*bundle);
    if (!checked) return Expected<model::ModelBundle>::failure(checked.error());
    return bundle;
}

BundlePicker::BundlePicker(QWidget* parent) : QWidget(parent) {
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    recent_ = new QComboBox(this);
    recent_->setObjectName(QStringLiteral("recentBundles"));
    recent_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    recent_->setMinimumContentsLength(12);
    recent_->setToolTip(tr("Recent model bundles"));
    folderButton_ = new QPushButton(tr("Folder…"), this);
    folderButton_->setToolTip(tr("Open a model bundle folder"));
    zipButton_ = new QPushButton(tr("Zip…"), this);
    zipButton_->setToolTip(tr("Open a zipped model bundle"));
    layout->addWidget(recent_, 1);
    layout->addWidget(folderButton_);
    layout->addWidget(zipButton_);
    connect(folderButton_, &QPushButton::clicked, this, &BundlePicker::chooseFolder);
    connect(zipButton_, &QPushButton::clicked, this, &BundlePicker::chooseZip);
    connect(recent_, &QComboBox::activated, this, [this](int index) {
        const QString path = recent_->itemData(index).toString();
        if (!path.isEmpty()) load(path);
    });
    updateRecent();
}

QStringList BundlePicker::recentBundles() { return QSettings().value(kRecentKey).toStringList(); }

void BundlePicker::addRecentBundle(const QString& path) {
    const QString absolute = QFileInfo(path).absoluteFilePath();
    QStringList list = recentBundles();
    list.removeAll(absolute);
    list.prepend(absolute);
    while (list.size() > kRecentMaximum) list.removeLast();
    QSettings().setValue(kRecentKey, list);
}

void BundlePicker::updateRecent() {
    const QSignalBlocker blocker(recent_);
    recent_->clear();
    recent_->addItem(bundle_ ? QString::fromStdString(bundle_->name) : tr("No model bundle"),
                     bundle_ ? QString::fromStdString(bundle_->path) : QString());
    for (const QString& path : recentBundles()) {
        if (bundle_ && QFileInfo(path) == QFileInfo(QString::fromStdString(bundle_->path))) continue;
        recent_->addItem(QFileInfo(path).fileName(), path);
        recent_->setItemData(recent_->count() - 1, path, Qt::ToolTipRole);
    }
    recent_->setCurrentIndex(0);
}

void BundlePicker::chooseFolder() {
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Open model bundle"), AppSettings::lastDirectory());
    if (dir.isEmpty()) return;
    AppSettings::setLastDirectory(QFileInfo(dir).absolutePath());
    load(dir);
}

void BundlePicker::chooseZip() {
    const QString file = QFileDialog::getOpenFileName(this, tr("Open zipped model bundle"), AppSettings::lastDirectory(),
                                                      tr("Model bundles (*.zip);;All files (*)"));
    if (file.isEmpty()) return;
    AppSettings::setLastDirectory(QFileInfo(file).absolutePath());
    load(file);
}

void BundlePicker::load(const QString& path) {
    const quint64 generation = ++generation_;
    loading_ = true;
    Q_EMIT loadingStarted(path);
    const std::string file = path.toStdString();
    runInBackground(this, [file] { return readAndCheckBundle(file); },
                    [this, path, generation](Expected<model::ModelBundle> result) {
        if (generation != generation_) return;  // superseded by a newer load()
        loading_ = false;
        if (!result) {
            updateRecent();
            Q_EMIT bundleFailed(path, QString::fromStdString(result.error()));
            return;
        }
        bundle_ = std::move(result).value();
        addRecentBundle(path);
        updateRecent();
        Q_EMIT bundleLoaded(*bundle_);
    });
}

}  // namespace slidesight
