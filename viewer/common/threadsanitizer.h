#pragma once

// What ThreadSanitizer is told by hand: the handovers between threads that go through Qt's
// own synchronisation, which in Debian's Qt (not built with ThreadSanitizer) is a bare futex
// it cannot see. Everything here is a no-op in other builds.
//
// Used where work crosses threads through Qt: background.h (jobs handed to Qt's thread pool),
// the signals of TileScheduler's I/O threads and of the analysis and LRAN workers, and the
// calls queued for those workers.

#if defined(__SANITIZE_THREAD__)
#define SLIDESIGHT_TSAN 1
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define SLIDESIGHT_TSAN 1
#endif
#endif
#ifdef SLIDESIGHT_TSAN
#include <sanitizer/tsan_interface.h>
// In the runtime (GCC's and clang's) but not in GCC 12's copy of the header.
extern "C" void __tsan_ignore_thread_begin();
extern "C" void __tsan_ignore_thread_end();
#endif

namespace slidesight::threadsanitizer {

/// Everything this thread wrote before release(address) happens before everything another
/// thread does after a later acquire(address).
inline void release([[maybe_unused]] void* address) {
#ifdef SLIDESIGHT_TSAN
    __tsan_release(address);
#endif
}
inline void acquire([[maybe_unused]] void* address) {
#ifdef SLIDESIGHT_TSAN
    __tsan_acquire(address);
#endif
}

/// While it lives, this thread's reads and writes are not recorded (its synchronisation
/// still is): for copying a queued signal's arguments into Qt's event, which the receiving
/// thread reads after Qt's event queue has handed it over.
class UnrecordedAccesses {
public:
    UnrecordedAccesses() {
#ifdef SLIDESIGHT_TSAN
        __tsan_ignore_thread_begin();
#endif
    }
    ~UnrecordedAccesses() {
#ifdef SLIDESIGHT_TSAN
        __tsan_ignore_thread_end();
#endif
    }
    UnrecordedAccesses(const UnrecordedAccesses&) = delete;
    UnrecordedAccesses& operator=(const UnrecordedAccesses&) = delete;
};

/// The one synchronisation object of the handovers below.
inline char handover;

/// Runs `post`, a Q_EMIT or QMetaObject::invokeMethod that queues a call for another thread.
/// Everything this thread wrote before it (what the arguments point to, say) happens before
/// whatever the receiver does after received(); the copies that Qt makes of the arguments
/// (or of the functor) for its event are made with this thread's accesses unrecorded, since
/// the receiving thread reads them only once Qt's event queue has handed the event over.
template <typename Post>
void queued(Post&& post) {
    release(&handover);
    const UnrecordedAccesses unrecorded;
    post();
}

/// The receiving side of queued(): first thing in a slot or functor called through Qt's event
/// queue from another thread.
inline void received() { acquire(&handover); }

}  // namespace slidesight::threadsanitizer
