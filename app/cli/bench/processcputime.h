#pragma once

namespace slidesight::cli {

/// CPU seconds used so far by the whole process, all threads together. Benchmarks report it
/// beside wall-clock time: on a busy machine it tells extra work apart from lost cores.
double processCpuSeconds();

}  // namespace slidesight::cli
