#include "app/cli/progressbar.h"

#include "app/cli/console.h"

#include <QtCore/QCoreApplication>

#include <algorithm>
#include <cmath>

namespace slidesight::cli {

ProgressBar::ProgressBar(QString label)
    : label_(std::move(label)),
      enabled_(Console::stderrIsTerminal()),
      start_(std::chrono::steady_clock::now()) {}

ProgressBar::~ProgressBar() {
    std::lock_guard<std::mutex> lock(mutex_);
    if (drawn_ && !finished_) Console::err(QStringLiteral("\n"));
}

void ProgressBar::update(double fraction) {
    std::lock_guard<std::mutex> lock(mutex_);
    fraction_ = std::clamp(fraction, 0.0, 1.0);
    drawLocked(false);
}

void ProgressBar::setLabel(const QString& label) {
    std::lock_guard<std::mutex> lock(mutex_);
    label_ = label;
    drawLocked(true);
}

void ProgressBar::finish() {
    std::lock_guard<std::mutex> lock(mutex_);
    if (finished_) return;
    fraction_ = 1.0;
    drawLocked(true);
    if (drawn_) Console::err(QStringLiteral("\n"));
    finished_ = true;
}

void ProgressBar::drawLocked(bool force) {
    if (!enabled_ || finished_) return;
    const auto now = std::chrono::steady_clock::now();
    if (!force && drawn_ && now - lastDraw_ < std::chrono::milliseconds(100)) return;
    lastDraw_ = now;
    drawn_ = true;

    const double elapsed = std::chrono::duration<double>(now - start_).count();
    QString eta;
    if (fraction_ > 0.02 && fraction_ < 1.0) {
        const int seconds = static_cast<int>(std::lround(elapsed * (1.0 - fraction_) / fraction_));
        eta = QCoreApplication::translate("ProgressBar", "%1 s left").arg(seconds);
    }
    const QString percent = QStringLiteral("%1 %").arg(static_cast<int>(std::floor(fraction_ * 100.0)), 3);
    const int columns = Console::terminalColumns();
    const int barWidth = std::clamp(static_cast<int>(columns - label_.size() - percent.size() - eta.size() - 8), 10, 40);
    const int filled = static_cast<int>(std::floor(fraction_ * barWidth));
    const QString bar = QString(filled, QLatin1Char('#')) + QString(barWidth - filled, QLatin1Char('-'));
    QString line = QStringLiteral("%1 [%2] %3 %4").arg(label_, bar, percent, eta);
    if (line.size() > columns - 1) line.truncate(std::max(0, columns - 1));
    // \r returns to the start of the line; \x1b[K clears what a longer previous line left.
    Console::err(QStringLiteral("\r") + line + QStringLiteral("\x1b[K"));
}

}  // namespace slidesight::cli
