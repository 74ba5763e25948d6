#pragma once

#include "viewer/common/background.h"
#include "viewer/common/expected.h"
#include "viewer/coverage/reviewcoverage.h"

#include <QtCore/QObject>
#include <QtCore/QPointer>
#include <QtCore/QString>
#include <QtCore/QTimer>
#include <QtGui/QPolygonF>

#include <functional>

namespace slidesight {

class SlideView;

/// Records where the reader looks on the open slide (ReviewCoverage) and keeps it in the
/// coverage sidecar beside the annotations sidecar (CoverageFile). The time since the last
/// change of view is credited to the view that was shown, at every change of view and once a
/// second, while recording is on and the application is active; no single credit exceeds two
/// seconds (a stalled event loop, a sleeping machine). Crediting a view costs a pass over the
/// cells it shows (at most 4096², in practice a few thousand): nothing a frame notices.
///
/// The sidecar lies beside the slide's annotations sidecar when that is beside the slide (or a
/// coverage sidecar already is), else in the user's data folder next to the annotations kept
/// there: a viewer that only looks never writes into a slide's folder. It is read when a slide opens and written every ten seconds while something
/// changed, when the slide closes and when the recorder goes, on a worker thread but the last
/// (GUI thread only otherwise). A sidecar that cannot be read, or that belongs to a slide of
/// another size, is renamed to *.unreadable with one notice and never overwritten.
class ReviewRecorder : public QObject {
    Q_OBJECT
public:
    static constexpr int kSaveIntervalMs = 10000;
    static constexpr double kMaxCreditSeconds = 2.0;

    explicit ReviewRecorder(SlideView* view, QObject* parent = nullptr);
    /// Writes what is not saved yet and waits for it.
    ~ReviewRecorder() override;

    /// Where the coverage of `slidePath` is kept (see above).
    static QString sidecarPathFor(const QString& slidePath);

    /// Starts recording for `slidePath` (level-0 size `slideSize`), loading its sidecar.
    void openSlide(const QString& slidePath, const QSizeF& slideSize);
    /// Saves and stops recording.
    void closeSlide();
    bool hasSlide() const { return !slidePath_.isEmpty(); }

    void setRecording(bool recording);
    bool isRecording() const { return recording_; }
    /// Records even while the application is not active (scripted runs, tests).
    void setRecordWhenInactive(bool record) { recordWhenInactive_ = record; }
    /// The clock in seconds (a steady clock by default; tests script it).
    void setClock(std::function<double()> clock);

    const ReviewCoverage& coverage() const { return coverage_; }
    QString sidecarPath() const { return sidecarPath_; }
    /// Forgets what was recorded for this slide (and saves the empty record).
    void forget();
    /// Credits the time since the last credit to the view shown now.
    void tick();
    /// Starts writing the sidecar now if anything changed.
    void saveNow();
    /// Waits until no read or write runs (for shutdown and tests); false on timeout.
    bool waitForIdle(int timeoutMs = 30000);

Q_SIGNALS:
    /// What was recorded changed (at most about once a second, and on load and forget).
    void coverageChanged();
    void recordingChanged(bool recording);
    /// The sidecar was written.
    void saved(const QString& path);
    /// One sentence for the user.
    void problem(const QString& message);

private:
    void viewChanged();
    void credit();
    void onLoaded(const QString& slidePath, Expected<ReviewCoverage> loaded);
    bool isActive() const;

    QPointer<SlideView> view_;
    QString slidePath_;
    QString sidecarPath_;
    ReviewCoverage coverage_;
    bool recording_ = true;
    bool recordWhenInactive_ = false;
    bool loading_ = false;
    std::function<double()> clock_;
    double lastCredit_ = 0.0;
    QPolygonF shown_;             ///< the level-0 area in view since lastCredit_
    double shownMagnification_ = 0.0;
    quint64 savedRevision_ = 0;   ///< coverage_.revision() when last written
    quint64 announcedRevision_ = 0;
    BackgroundTask<Check> write_;
    bool writing_ = false;
    QTimer tickTimer_;
    QTimer saveTimer_;
};

}  // namespace slidesight
