#pragma once

// Seconds on the steady clock since a point in time: the durations the extraction, its
// benchmark and the evaluation report.

#include <chrono>

namespace slidesight::model {

inline double secondsSince(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace slidesight::model
