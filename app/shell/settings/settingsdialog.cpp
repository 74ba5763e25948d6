#include "app/shell/settings/settingsdialog.h"

#include "app/shell/settings/appsettings.h"

#include <QtWidgets/QComboBox>
#include <QtWidgets/QDialogButtonBox>
#include <QtWidgets/QFormLayout>
#include <QtWidgets/QLabel>
#include <QtWidgets/QSpinBox>

namespace slidesight {

SettingsDialog::SettingsDialog(QWidget* parent)
    : QDialog(parent), cacheMegabytes_(new QSpinBox(this)), threads_(new QSpinBox(this)), language_(new QComboBox(this)) {
    setWindowTitle(tr("Preferences"));
    auto* form = new QFormLayout(this);
    cacheMegabytes_->setRange(64, 64 * 1024);
    cacheMegabytes_->setSingleStep(128);
    cacheMegabytes_->setSuffix(tr(" MB"));
    cacheMegabytes_->setValue(static_cast<int>(AppSettings::tileCacheBytes() / (1024 * 1024)));
    form->addRow(tr("Tile cache size:"), cacheMegabytes_);
    threads_->setRange(0, 64);
    threads_->setSpecialValueText(tr("automatic"));
    threads_->setValue(AppSettings::tileThreads());
    form->addRow(tr("Tile reading threads:"), threads_);
    language_->addItem(tr("System default"), QString());
    language_->addItem(QStringLiteral("English"), QStringLiteral("en"));
    language_->addItem(QStringLiteral("Italiano"), QStringLiteral("it"));
    language_->setCurrentIndex(std::max(0, language_->findData(AppSettings::language())));
    form->addRow(tr("Language:"), language_);
    form->addRow(new QLabel(tr("Thread and language changes take effect after a restart."), this));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);
    form->addRow(buttons);
}

void SettingsDialog::accept() {
    AppSettings::setTileCacheBytes(static_cast<qint64>(cacheMegabytes_->value()) * 1024 * 1024);
    AppSettings::setTileThreads(threads_->value());
    AppSettings::setLanguage(language_->currentData().toString());
    QDialog::accept();
}

}  // namespace slidesight
