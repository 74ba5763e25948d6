#pragma once

// Unpacking a zipped model bundle into a cache folder (internal to bundle.cpp; plain standard
// types and libzip, no Torch, no Qt).

#include "viewer/common/expected.h"

#include <string>

namespace slidesight::model {

/// Where zipped bundles are unpacked: $SLIDESIGHT_CACHE_DIR/bundles when that is set, else
/// "bundles" beside the default grid cache (~/.cache/slidesight/bundles).
std::string defaultBundleCacheFolder();

/// Unpacks the zip archive `zipPath` into `cacheFolder`/<SHA-256 of the archive>/ unless that
/// folder is already there, and returns the folder holding model.json: the unpacked folder
/// itself, or its single top-level folder when the archive holds one. The archive is unpacked
/// into a private temporary folder first and renamed into place, so concurrent callers (two
/// threads, two programs) never see a half-unpacked bundle. Entries with absolute paths or
/// ".." are refused. Fails with one sentence naming the archive.
Expected<std::string> unpackBundleZip(const std::string& zipPath, const std::string& cacheFolder);

}  // namespace slidesight::model
