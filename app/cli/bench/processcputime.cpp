#include "app/cli/bench/processcputime.h"

#include <ctime>

namespace slidesight::cli {

double processCpuSeconds() {
    timespec t{};
    if (clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t) != 0) return 0.0;
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

}  // namespace slidesight::cli
