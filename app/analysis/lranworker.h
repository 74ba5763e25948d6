#pragma once

#include "model/lran/lransession.h"

#include <QtCore/QMutex>
#include <QtCore/QObject>
#include <QtCore/QRectF>
#include <QtCore/QString>

#include <atomic>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

namespace slidesight {

using LranInfoPtr = std::shared_ptr<const model::LranSessionInfo>;
using LranBatchPtr = std::shared_ptr<const model::LranBatchResult>;

/// One start() of the LRAN layers, shared by the GUI thread (which writes) and the analysis
/// thread (which reads before each batch): the cancellation token and the visible rectangle.
class LranRequest {
public:
    std::atomic<bool> cancel{false};
    /// Run only the patches touching the visible rectangle, then finish (a screenshot).
    std::atomic<bool> visibleOnly{false};

    void setVisibleRect(const QRectF& levelZeroRect);
    /// The latest visible level-0 rectangle; empty before the first.
    std::optional<QRectF> visibleRect() const;

private:
    mutable QMutex mutex_;
    std::optional<QRectF> visible_;
};

/// The order patches are run in: those touching `visible` first, nearest its centre first,
/// then the others by their distance to it. Returns the first `count` of `cells` in that
/// order (ties by row, then column). Without a visible rectangle the grid's centre leads.
std::vector<std::pair<int, int>> nearestCells(const model::LranSessionInfo& info,
                                              const std::vector<std::pair<int, int>>& cells,
                                              const std::optional<QRectF>& visible, size_t count);
/// Whether patch (row, column) touches the visible rectangle.
bool touchesView(const model::LranSessionInfo& info, int row, int column, const QRectF& visible);

/// Lives on the analysis thread: keeps the open LranSession (so that a later start on the same
/// slide and bundle goes on where the last one stopped) and runs one batch per queued step().
class LranWorker : public QObject {
    Q_OBJECT
public:
    enum class Outcome { Finished, Cancelled, Failed };
    Q_ENUM(Outcome)

    using QObject::QObject;

    /// Opens a session for `key` (or keeps the open one when the key is the same), reports
    /// opened() and starts stepping through the tissue patches for `generation`.
    void open(quint64 generation, const QString& key, const model::LranSessionOptions& options, int batchSize,
              const std::shared_ptr<LranRequest>& request);
    /// Runs the next batch of `generation`: the patches nearest the request's visible
    /// rectangle that are not done yet. Queues the next step, or reports stopped().
    void step(quint64 generation);

Q_SIGNALS:
    /// `session` numbers the sessions opened; a new number means the earlier results are void.
    void opened(quint64 generation, quint64 session, const slidesight::LranInfoPtr& info, qint64 done, qint64 total);
    void batchDone(quint64 session, const slidesight::LranBatchPtr& batch, qint64 done, qint64 total);
    void stopped(quint64 generation, slidesight::LranWorker::Outcome outcome, const QString& message);

private:
    void queueStep(quint64 generation);

    quint64 generation_ = 0;
    std::shared_ptr<LranRequest> request_;
    int batchSize_ = 0;
    QString key_;
    quint64 sessionNumber_ = 0;
    std::shared_ptr<model::LranSession> session_;
    std::vector<std::pair<int, int>> cells_;  ///< the session's tissue patches
};

}  // namespace slidesight

Q_DECLARE_METATYPE(slidesight::LranInfoPtr)
Q_DECLARE_METATYPE(slidesight::LranBatchPtr)
