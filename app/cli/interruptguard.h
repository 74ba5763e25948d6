#pragma once

#include <atomic>

namespace slidesight::cli {

/// Turns Ctrl-C (SIGINT) and SIGTERM into a cancellation flag for long commands. While a guard
/// lives, the first signal sets flag(); the work stops at its next check and writes nothing.
/// The handler then restores the default action, so a second Ctrl-C ends the process at once.
///
/// One guard at a time, created and destroyed on the main thread; flag() may be read anywhere.
class InterruptGuard {
public:
    InterruptGuard();
    ~InterruptGuard();
    InterruptGuard(const InterruptGuard&) = delete;
    InterruptGuard& operator=(const InterruptGuard&) = delete;

    /// Set once a signal has arrived; pass it to the work as its cancellation token.
    const std::atomic<bool>* flag() const;
    bool interrupted() const { return flag()->load(); }
};

}  // namespace slidesight::cli
