#pragma once

// Unpacking a zipped model bundle into a cache folder (internal to bundle.cpp; plain standard
// types and libzip, no Torch, no Qt).

#include "viewer/common/expected.h"

#include <cstdint>
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
/// "..", symbolic links, names given twice, more than 10,000 entries and more than
/// `maxUnpackedBytes` in all (counted as unpacked, whatever the archive declares: a zip bomb)
/// are refused. Fails with one sentence naming the archive.
///
/// The unpacked folder records the SHA-256 of every file it holds (kUnpackedRecordName); a
/// folder already there is checked against that record on every use, and one that no longer
/// matches it (a file changed, truncated, added or removed, or no record) is unpacked again;
/// `notice`, when given, then receives one sentence saying so (it is left empty otherwise).
constexpr uint64_t kMaxBundleUnpackedBytes = uint64_t(2) << 30;  // 2 GiB
constexpr const char* kUnpackedRecordName = ".slidesight-unpacked.sha256";
Expected<std::string> unpackBundleZip(const std::string& zipPath, const std::string& cacheFolder,
                                      uint64_t maxUnpackedBytes = kMaxBundleUnpackedBytes, std::string* notice = nullptr);

}  // namespace slidesight::model
