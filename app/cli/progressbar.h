#pragma once

#include <QtCore/QString>

#include <chrono>
#include <mutex>

namespace slidesight::cli {

/// A one-line progress bar on stderr, drawn only when stderr is a terminal, so that scripts
/// and pipes never see it. Redraws at most ten times a second.
///
/// Thread-safe: update() may be called from worker threads.
class ProgressBar {
public:
    explicit ProgressBar(QString label);
    /// Finishes the line if anything was drawn.
    ~ProgressBar();
    ProgressBar(const ProgressBar&) = delete;
    ProgressBar& operator=(const ProgressBar&) = delete;

    /// Sets the fraction done, 0 to 1.
    void update(double fraction);
    /// Sets a new label and redraws.
    void setLabel(const QString& label);
    /// Draws 100 % and ends the line.
    void finish();

private:
    void drawLocked(bool force);

    std::mutex mutex_;
    QString label_;
    double fraction_ = 0.0;
    bool enabled_ = false;
    bool drawn_ = false;
    bool finished_ = false;
    std::chrono::steady_clock::time_point start_;
    std::chrono::steady_clock::time_point lastDraw_;
};

}  // namespace slidesight::cli
