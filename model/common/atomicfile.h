#pragma once

#include "viewer/common/expected.h"

#include <cstddef>
#include <string>

namespace slidesight::model {

/// Writes `size` bytes to `path` + ".partial", flushes them to the disk (fsync), and renames
/// it to `path`, so readers never see a half-written file, a kill or power cut leaves the old
/// file or the new one, and a failure (a full disk) leaves the old file and nothing else. `what` names the
/// content in messages ("the weights", "the grid").
///
/// Thread-safe for different paths.
Expected<bool> writeFileAtomically(const std::string& path, const char* data, size_t size,
                                   const std::string& what);

}  // namespace slidesight::model
