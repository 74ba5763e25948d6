#include "app/shell/window/guistallmonitor.h"

#include <algorithm>

namespace slidesight {

GuiStallMonitor::GuiStallMonitor(QObject* parent) : QObject(parent) {
    timer_.setTimerType(Qt::PreciseTimer);
    timer_.setInterval(kIntervalMs);
    connect(&timer_, &QTimer::timeout, this, &GuiStallMonitor::tick);
}

void GuiStallMonitor::start() {
    longestMs_ = 0.0;
    ticks_ = 0;
    clock_.start();
    lastNs_ = 0;
    timer_.start();
}

void GuiStallMonitor::stop() {
    if (timer_.isActive()) tick();  // a stall that is still going on counts too
    timer_.stop();
}

void GuiStallMonitor::tick() {
    const qint64 now = clock_.nsecsElapsed();
    const double late = double(now - lastNs_) / 1e6 - kIntervalMs;
    longestMs_ = std::max(longestMs_, late);
    lastNs_ = now;
    ++ticks_;
}

}  // namespace slidesight
