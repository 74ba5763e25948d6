#pragma once

// Milliseconds on the monotonic clock (QElapsedTimer's), comparable between processes on one
// machine: a test that kills a helper process compares the helper's timestamps with its own.

#include <QtCore/QElapsedTimer>

namespace slidesight::test {

inline qint64 monotonicMs() {
    QElapsedTimer clock;
    clock.start();
    return clock.msecsSinceReference();
}

}  // namespace slidesight::test
