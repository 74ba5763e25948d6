#pragma once

#include "viewer/annotations/annotation.h"
#include "viewer/common/background.h"
#include "viewer/common/expected.h"

#include <QtCore/QFutureWatcher>
#include <QtCore/QHash>
#include <QtCore/QObject>
#include <QtCore/QPointer>
#include <QtCore/QString>
#include <QtCore/QTimer>

#include <optional>

namespace slidesight {

class AnnotationDocument;

/// Keeps a document's annotations in a GeoJSON sidecar file: SLIDE.slidesight-annotations.geojson
/// beside the slide, or, when the slide's folder is not writable, a file under the user's data
/// folder named by a hash of the slide's path. Saved on a worker thread, atomically, at most
/// kDelayMs after a change (a killed program loses at most the last two seconds of edits),
/// and when the document starts over or goes away. Opening a slide loads its sidecar (the
/// newer one if both exist) on a worker thread.
///
/// An unreadable sidecar is never overwritten: it is renamed to *.unreadable and the reason
/// reported. GUI thread only.
class AnnotationAutosave : public QObject {
    Q_OBJECT
public:
    static constexpr int kDelayMs = 2000;
    static constexpr const char* kSuffix = ".slidesight-annotations.geojson";

    explicit AnnotationAutosave(AnnotationDocument* document, QObject* parent = nullptr);
    /// Saves what is not saved yet and waits for the writes to finish.
    ~AnnotationAutosave() override;

    /// The sidecar beside the slide.
    static QString besideSlidePath(const QString& slidePath);
    /// The sidecar under the user's data folder.
    static QString userDataPath(const QString& slidePath);
    /// Where the annotations of `slidePath` are saved: beside the slide when that folder is
    /// writable, else under the user's data folder.
    static QString sidecarPathFor(const QString& slidePath);

    /// Keeps the annotations of `slidePath` in `sidecar` instead of the usual sidecars (the
    /// teaching mode keeps a trainee's marks apart from the slide's own annotations); an empty
    /// `sidecar` ends the redirection. Takes effect at the next openSlide().
    void redirect(const QString& slidePath, const QString& sidecar);
    /// Starts the document over for `slidePath` and loads its sidecar if there is one.
    void openSlide(const QString& slidePath);
    /// Saves the annotations and starts the document over without a slide.
    void closeSlide();
    /// Starts saving now if anything changed.
    void saveNow();

    bool isLoading() const { return loading_; }
    bool hasUnsavedChanges() const { return dirty_; }
    QString sidecarPath() const { return target_; }
    /// Waits until no load or save runs (for shutdown and tests); false on timeout.
    bool waitForIdle(int timeoutMs = 30000);

Q_SIGNALS:
    /// The sidecar of `slidePath` was read; `count` annotations.
    void loaded(const QString& slidePath, int count);
    void saved(const QString& sidecarPath);
    /// One sentence for the user (a sidecar could not be read or written).
    void failed(const QString& message);

private:
    void onChanged();
    void onLoaded(const QString& slidePath, quint64 generation, const QString& readPath,
                  const Expected<AnnotationSet>& read);
    void startWrite(const AnnotationSet& snapshot, const QString& path);
    void writeFinished();

    QPointer<AnnotationDocument> document_;
    QTimer timer_;
    QString target_;
    QHash<QString, QString> redirects_;  ///< slide path -> sidecar
    bool dirty_ = false;
    bool loading_ = false;
    bool resetting_ = false;
    quint64 generation_ = 0;
    QFutureWatcher<void> write_;        ///< the running write
    BackgroundTask<QString> writeTask_;  ///< its result: an error or empty
    QString writePath_;                  ///< where it writes
    std::optional<AnnotationSet> queuedSet_;
    QString queuedPath_;
    int loads_ = 0;  ///< reads still running
};

}  // namespace slidesight
