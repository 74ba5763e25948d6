#pragma once

#include <QtWidgets/QDialog>

class QComboBox;
class QSpinBox;

namespace slidesight {

/// Preferences: tile cache size, tile threads, interface language. Saved with QSettings on OK.
///
/// GUI thread only.
class SettingsDialog : public QDialog {
    Q_OBJECT
public:
    explicit SettingsDialog(QWidget* parent = nullptr);
    void accept() override;

private:
    QSpinBox* cacheMegabytes_;
    QSpinBox* threads_;
    QComboBox* language_;
};

}  // namespace slidesight
