#pragma once

#include "viewer/common/expected.h"

#include <cstddef>
#include <string>

namespace slidesight::model {

/// Writes `size` bytes to `path` + ".partial", flushes, and renames it to `path`, so readers
/// never see a half-written file and a failure leaves nothing behind. `what` names the
/// content in messages ("the weights", "the grid").
///
/// Thread-safe for different paths.
Expected<bool> writeFileAtomically(const std::string& path, const char* data, size_t size,
                                   const std::string& what);

}  // namespace slidesight::model
