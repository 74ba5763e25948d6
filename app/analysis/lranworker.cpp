#include "app/analysis/lranworker.h"

#include "viewer/common/threadsanitizer.h"

#include <QtCore/QLineF>
#include <QtCore/QMutexLocker>

#include <algorithm>
#include <cmath>
#include <tuple>

namespace slidesight {

void LranRequest::setVisibleRect(const QRectF& levelZeroRect) {
    const QMutexLocker lock(&mutex_);
    visible_ = levelZeroRect;
}

std::optional<QRectF> LranRequest::visibleRect() const {
    const QMutexLocker lock(&mutex_);
    return visible_;
}

namespace {

/// How far a point lies outside a rectangle (0 inside).
double distanceTo(const QRectF& rect, const QPointF& point) {
    const double dx = std::max({rect.left() - point.x(), 0.0, point.x() - rect.right()});
    const double dy = std::max({rect.top() - point.y(), 0.0, point.y() - rect.bottom()});
    return std::hypot(dx, dy);
}

/// The distance between two rectangles (0 when they touch or overlap).
double distanceBetween(const QRectF& a, const QRectF& b) {
    const double dx = std::max({a.left() - b.right(), 0.0, b.left() - a.right()});
    const double dy = std::max({a.top() - b.bottom(), 0.0, b.top() - a.bottom()});
    return std::hypot(dx, dy);
}

}  // namespace

bool touchesView(const model::LranSessionInfo& info, int row, int column, const QRectF& visible) {
    const double w = info.cellSize[0], h = info.cellSize[1];
    const QRectF rect(info.origin[0] + column * w, info.origin[1] + row * h, w, h);
    return rect.intersects(visible) || distanceTo(rect, visible.center()) == 0.0;
}

std::vector<std::pair<int, int>> nearestCells(const model::LranSessionInfo& info,
                                              const std::vector<std::pair<int, int>>& cells,
                                              const std::optional<QRectF>& visible, size_t count) {
    const double w = info.cellSize[0], h = info.cellSize[1];
    const QRectF grid(info.origin[0], info.origin[1], w * info.columns, h * info.rows);
    const QRectF target = visible && visible->isValid() ? *visible : QRectF(grid.center(), QSizeF(0, 0));
    // (outside, distance, row, column): inside the view by distance to its centre, then outward.
    using Key = std::tuple<bool, double, int, int>;
    std::vector<Key> keys;
    keys.reserve(cells.size());
    for (const auto& [row, column] : cells) {
        const QRectF rect(info.origin[0] + column * w, info.origin[1] + row * h, w, h);
        const bool inside = touchesView(info, row, column, target);
        const double distance = inside ? QLineF(rect.center(), target.center()).length() : distanceBetween(rect, target);
        keys.emplace_back(!inside, distance, row, column);
    }
    count = std::min(count, keys.size());
    std::partial_sort(keys.begin(), keys.begin() + static_cast<std::ptrdiff_t>(count), keys.end());
    std::vector<std::pair<int, int>> out;
    out.reserve(count);
    for (size_t i = 0; i < count; ++i) out.emplace_back(std::get<2>(keys[i]), std::get<3>(keys[i]));
    return out;
}

void LranWorker::open(quint64 generation, const QString& key, const model::LranSessionOptions& options,
                      int batchSize, const std::shared_ptr<LranRequest>& request) {
    generation_ = generation;
    request_ = request;
    if (!session_ || key != key_) {
        session_.reset();
        cells_.clear();
        key_.clear();
        auto session = model::LranSession::open(options);
        if (!session) {
            threadsanitizer::queued([&] { Q_EMIT stopped(generation, Outcome::Failed, QString::fromStdString(session.error())); });
            return;
        }
        session_ = *session;
        key_ = key;
        ++sessionNumber_;
        cells_ = session_->tissueCells();
    }
    const model::LranSessionInfo& info = session_->info();
    batchSize_ = batchSize > 0 ? batchSize : info.batchSize;
    const auto shared = std::make_shared<const model::LranSessionInfo>(info);
    const qint64 done = session_->doneCount();
    threadsanitizer::queued([&] { Q_EMIT opened(generation, sessionNumber_, shared, done, qint64(cells_.size())); });
    queueStep(generation);
}

void LranWorker::queueStep(quint64 generation) {
    QMetaObject::invokeMethod(this, [this, generation] { step(generation); }, Qt::QueuedConnection);
}

void LranWorker::step(quint64 generation) {
    if (generation != generation_ || !request_ || !session_) return;
    const std::shared_ptr<LranRequest> request = request_;
    if (request->cancel.load()) {
        request_.reset();
        threadsanitizer::queued([&] { Q_EMIT stopped(generation, Outcome::Cancelled, {}); });
        return;
    }
    std::vector<std::pair<int, int>> todo;
    const std::optional<QRectF> visible = request->visibleRect();
    const bool visibleOnly = request->visibleOnly.load() && visible && visible->isValid();
    for (const auto& [row, column] : cells_)
        if (!session_->isDone(row, column) && (!visibleOnly || touchesView(session_->info(), row, column, *visible)))
            todo.emplace_back(row, column);
    if (todo.empty()) {
        request_.reset();
        threadsanitizer::queued([&] { Q_EMIT stopped(generation, Outcome::Finished, {}); });
        return;
    }
    const auto batch = nearestCells(session_->info(), todo, visible, size_t(batchSize_));
    const qint64 total = qint64(cells_.size());
    const quint64 number = sessionNumber_;
    const auto ran = session_->run(
        batch, batchSize_,
        [&](const model::LranBatchResult& result) {
            const auto shared = std::make_shared<const model::LranBatchResult>(result);
            const qint64 done = session_->doneCount();
            threadsanitizer::queued([&] { Q_EMIT batchDone(number, shared, done, total); });
        },
        &request->cancel);
    if (!ran) {
        request_.reset();
        threadsanitizer::queued([&] { Q_EMIT stopped(generation, Outcome::Failed, QString::fromStdString(ran.error())); });
        return;
    }
    queueStep(generation);
}

}  // namespace slidesight
