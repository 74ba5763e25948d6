#pragma once

#include <QtCore/QElapsedTimer>
#include <QtCore/QObject>
#include <QtCore/QTimer>

namespace slidesight {

/// Measures how long the GUI thread's event loop goes without running: a precise 5 ms timer
/// notes how late each tick comes. Started while an analysis runs, so a stall caused by the
/// analysis (a wait on a thread, a slow slot) shows up as longestStallMs().
///
/// GUI thread only.
class GuiStallMonitor : public QObject {
    Q_OBJECT
public:
    static constexpr int kIntervalMs = 5;

    explicit GuiStallMonitor(QObject* parent = nullptr);

    /// Starts a new measurement (the longest stall so far is forgotten).
    void start();
    void stop();
    bool isActive() const { return timer_.isActive(); }
    /// The longest time between two ticks beyond the interval, in milliseconds.
    double longestStallMs() const { return longestMs_; }
    /// Ticks seen since start().
    qint64 ticks() const { return ticks_; }

private:
    void tick();

    QTimer timer_;
    QElapsedTimer clock_;
    qint64 lastNs_ = 0;
    double longestMs_ = 0.0;
    qint64 ticks_ = 0;
};

}  // namespace slidesight
