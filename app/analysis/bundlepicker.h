#pragma once

#include "model/bundle/bundle.h"

#include <QtCore/QStringList>
#include <QtWidgets/QWidget>

#include <optional>

class QComboBox;
class QPushButton;

namespace slidesight {

/// Reads a bundle's manifest and checks its weights against it; slow (worker threads only).
Expected<model::ModelBundle> readAndCheckBundle(const std::string& path);

/// Chooses a model bundle: a folder or a .zip (file dialogs) or one of the recent bundles kept
/// in QSettings. The manifest is read and the weights checked on a worker thread (the GUI never
/// waits on them); the outcome is bundleLoaded() or one sentence in bundleFailed(), which
/// leaves the bundle in use unchanged.
///
/// GUI thread only.
class BundlePicker : public QWidget {
    Q_OBJECT
public:
    static constexpr int kRecentMaximum = 8;

    explicit BundlePicker(QWidget* parent = nullptr);

    /// Starts loading `path`; a newer load supersedes it.
    void load(const QString& path);
    bool isLoading() const { return loading_; }
    const std::optional<model::ModelBundle>& bundle() const { return bundle_; }

    static QStringList recentBundles();
    static void addRecentBundle(const QString& path);

Q_SIGNALS:
    void loadingStarted(const QString& path);
    void bundleLoaded(const slidesight::model::ModelBundle& bundle);
    void bundleFailed(const QString& path, const QString& message);

private:
    void chooseFolder();
    void chooseZip();
    void updateRecent();

    QComboBox* recent_;
    QPushButton* folderButton_;
    QPushButton* zipButton_;
    std::optional<model::ModelBundle> bundle_;
    quint64 generation_ = 0;
    bool loading_ = false;
};

}  // namespace slidesight
