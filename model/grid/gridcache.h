#pragma once

#include "viewer/common/expected.h"

#include <string>

namespace slidesight::model {

/// The folder where extracted grids are kept, one file per cache key (the hash of everything
/// the grid depends on; see GridProvenance::cacheKey()), so that re-opening a slide never
/// recomputes its features.
///
/// Immutable; thread-safe. Files appear atomically (written as ".partial" and renamed).
class GridCache {
public:
    /// `folder` empty: defaultFolder().
    explicit GridCache(std::string folder = {});

    /// $SLIDESIGHT_CACHE_DIR if set, else $XDG_CACHE_HOME/slidesight/grids, else
    /// ~/.cache/slidesight/grids.
    static std::string defaultFolder();

    const std::string& folder() const { return folder_; }
    /// The file for a cache key (hex text): "<folder>/<key>.grid.pt".
    std::string pathFor(const std::string& key) const;
    /// Creates the folder if needed; fails with a message when it cannot.
    Expected<bool> ensureFolder() const;

private:
    std::string folder_;
};

}  // namespace slidesight::model
