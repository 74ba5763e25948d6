#include "model/bundle/bundlezip.h"

#include "model/common/sha256.h"
#include "model/grid/gridcache.h"

#include <zip.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <set>
#include <system_error>
#include <thread>
#include <vector>

namespace slidesight::model {

namespace fs = std::filesystem;

namespace {

struct ZipCloser {
    void operator()(zip_t* archive) const { zip_discard(archive); }
};
struct ZipFileCloser {
    void operator()(zip_file_t* file) const { zip_fclose(file); }
};

/// Hard limits of an archive, whatever it declares: a real bundle holds a manifest and a few
/// weights files (ResNet-34 is 85 MB), so these refuse only zip bombs and forged archives.
constexpr zip_int64_t kMaxEntries = 10000;

/// Whether the entry is a symbolic link (Unix mode in the external attributes).
bool isSymlink(zip_t* archive, zip_uint64_t index) {
    zip_uint8_t system = 0;
    zip_uint32_t attributes = 0;
    if (zip_file_get_external_attributes(archive, index, 0, &system, &attributes) != 0) return false;
    return system == ZIP_OPSYS_UNIX && ((attributes >> 16) & 0170000) == 0120000;
}

/// An entry name that stays inside the folder it is unpacked to.
bool safeEntryName(const std::string& name) {
    if (name.empty() || name.front() == '/' || name.find('\\') != std::string::npos) return false;
    for (const auto& part : fs::path(name))
        if (part == "..") return false;
    return true;
}

/// A folder name no other thread or process picks at the same time.
std::string privateName(const std::string& base) {
    static std::atomic<unsigned> counter{0};
    const auto ticks = std::chrono::steady_clock::now().time_since_epoch().count();
    const auto thread = std::hash<std::thread::id>()(std::this_thread::get_id());
    return base + ".unpacking-" + std::to_string(ticks) + "-" + std::to_string(thread) + "-" +
           std::to_string(counter.fetch_add(1));
}

Expected<bool> unpackInto(const std::string& zipPath, const fs::path& target, uint64_t maxUnpackedBytes) {
    using Done = Expected<bool>;
    const std::string what = "The model bundle archive \"" + zipPath + "\"";
    int code = 0;
    std::unique_ptr<zip_t, ZipCloser> archive(zip_open(zipPath.c_str(), ZIP_RDONLY, &code));
    if (!archive) {
        zip_error_t error;
        zip_error_init_with_code(&error, code);
        const std::string reason = zip_error_strerror(&error);
        zip_error_fini(&error);
        return Done::failure(what + " cannot be read as a zip file (" + reason + ").");
    }
    const zip_int64_t count = zip_get_num_entries(archive.get(), 0);
    if (count > kMaxEntries)
        return Done::failure(what + " holds " + std::to_string(count) + " entries; a bundle holds at most " +
                             std::to_string(kMaxEntries) + ".");
    std::vector<char> buffer(1 << 16);
    std::set<std::string> names;
    uint64_t unpackedBytes = 0;
    for (zip_int64_t i = 0; i < count; ++i) {
        const char* rawName = zip_get_name(archive.get(), static_cast<zip_uint64_t>(i), 0);
        const std::string name = rawName ? rawName : "";
        if (!safeEntryName(name))
            return Done::failure(what + " holds the entry \"" + name + "\", which points outside the bundle.");
        if (isSymlink(archive.get(), static_cast<zip_uint64_t>(i)))
            return Done::failure(what + " holds the symbolic link \"" + name + "\"; a bundle holds plain files only.");
        if (!names.insert(name).second)
            return Done::failure(what + " holds the entry \"" + name + "\" twice.");
        const fs::path destination = target / name;
        std::error_code error;
        if (name.back() == '/') {
            fs::create_directories(destination, error);
            if (error) return Done::failure(what + " cannot be unpacked to \"" + target.string() + "\" (" + error.message() + ").");
            continue;
        }
        fs::create_directories(destination.parent_path(), error);
        std::unique_ptr<zip_file_t, ZipFileCloser> in(zip_fopen_index(archive.get(), static_cast<zip_uint64_t>(i), 0));
        std::ofstream out(destination, std::ios::binary | std::ios::trunc);
        if (!in || !out || error)
            return Done::failure(what + " cannot be unpacked: the entry \"" + name + "\" cannot be read or written.");
        zip_int64_t read = 0;
        while ((read = zip_fread(in.get(), buffer.data(), buffer.size())) > 0) {
            // Counted as written, not as declared: a forged header cannot hide a bomb.
            unpackedBytes += static_cast<uint64_t>(read);
            if (unpackedBytes > maxUnpackedBytes)
                return Done::failure(what + " unpacks to more than " + std::to_string(maxUnpackedBytes) +
                                     " bytes; it is refused as a zip bomb.");
            out.write(buffer.data(), static_cast<std::streamsize>(read));
        }
        out.flush();
        if (read < 0 || !out)
            return Done::failure(what + " cannot be unpacked: the entry \"" + name + "\" is damaged or the disk is full.");
    }
    return true;
}

/// Every regular file under `folder` but the record, as generic paths relative to it, sorted.
std::set<std::string> filesUnder(const fs::path& folder) {
    std::set<std::string> files;
    std::error_code error;
    for (auto it = fs::recursive_directory_iterator(folder, error); !error && it != fs::recursive_directory_iterator();
         it.increment(error)) {
        if (!it->is_regular_file(error) && !it->is_symlink(error)) continue;
        const std::string relative = it->path().lexically_relative(folder).generic_string();
        if (relative != kUnpackedRecordName) files.insert(relative);
    }
    return files;
}

/// Writes the record of an unpacked folder: "<SHA-256>  <relative path>" a line, as sha256sum.
Expected<bool> writeRecord(const fs::path& folder) {
    std::string text;
    for (const std::string& name : filesUnder(folder)) {
        const auto sha = Sha256::hexOfFile((folder / name).string());
        if (!sha) return failure(sha.error());
        text += *sha + "  " + name + "\n";
    }
    std::ofstream out(folder / kUnpackedRecordName, std::ios::binary | std::ios::trunc);
    out << text;
    out.flush();
    if (!out) return failure("Cannot write the record of the unpacked bundle in \"" + folder.string() + "\".");
    return true;
}

/// Why an unpacked folder no longer matches its record, or "" when it does.
std::string recordMismatch(const fs::path& folder) {
    std::ifstream in(folder / kUnpackedRecordName, std::ios::binary);
    if (!in) return "it has no record of its files";
    std::set<std::string> recorded;
    std::string line;
    while (std::getline(in, line)) {
        if (line.size() < 67 || line.compare(64, 2, "  ") != 0) return "its record is damaged";
        const std::string name = line.substr(66);
        const auto sha = Sha256::hexOfFile((folder / name).string());
        if (!sha) return "\"" + name + "\" is missing";
        if (*sha != line.substr(0, 64)) return "\"" + name + "\" has changed";
        recorded.insert(name);
    }
    if (filesUnder(folder) != recorded) return "it holds files its record does not name";
    return {};
}

/// The folder holding model.json: `folder` itself, or its only subfolder.
std::string manifestFolder(const fs::path& folder) {
    if (fs::is_regular_file(folder / "model.json")) return folder.string();
    std::vector<fs::path> children;
    std::error_code error;
    for (const auto& entry : fs::directory_iterator(folder, error))
        if (entry.path().filename() != kUnpackedRecordName) children.push_back(entry.path());
    if (children.size() == 1 && fs::is_directory(children.front()) && fs::is_regular_file(children.front() / "model.json"))
        return children.front().string();
    return folder.string();
}

}  // namespace

std::string defaultBundleCacheFolder() {
    const char* configured = std::getenv("SLIDESIGHT_CACHE_DIR");
    if (configured && *configured) return (fs::path(configured) / "bundles").string();
    return (fs::path(GridCache::defaultFolder()).parent_path() / "bundles").string();
}

Expected<std::string> unpackBundleZip(const std::string& zipPath, const std::string& cacheFolder,
                                      uint64_t maxUnpackedBytes, std::string* notice) {
    if (notice) notice->clear();
    const auto sha = Sha256::hexOfFile(zipPath);
    if (!sha) return failure(sha.error());
    const fs::path folder = fs::path(cacheFolder) / *sha;
    std::error_code error;
    if (fs::is_directory(folder, error)) {
        const std::string mismatch = recordMismatch(folder);
        if (mismatch.empty()) return manifestFolder(folder);
        // Never used as it is: moved aside (another user of the cache may be reading it) and
        // unpacked again below.
        const fs::path damaged = privateName(folder.string() + ".damaged");
        fs::rename(folder, damaged, error);
        fs::remove_all(error ? folder : damaged, error);
        if (notice)
            *notice = "The unpacked copy of \"" + zipPath + "\" in the cache was damaged (" + mismatch +
                      "); it was unpacked again.";
    }
    fs::create_directories(cacheFolder, error);
    if (error)
        return failure("Cannot create the model bundle cache folder \"" + cacheFolder + "\" (" + error.message() + ").");
    const fs::path temporary = privateName(folder.string());
    auto unpacked = unpackInto(zipPath, temporary, maxUnpackedBytes);
    if (unpacked) unpacked = writeRecord(temporary);
    if (!unpacked) {
        fs::remove_all(temporary, error);
        return failure(unpacked.error());
    }
    fs::rename(temporary, folder, error);
    if (error) {
        // Another caller unpacked the same archive first: theirs is identical (same hash).
        fs::remove_all(temporary, error);
        if (!fs::is_directory(folder))
            return failure("Cannot unpack the model bundle archive \"" + zipPath + "\" into \"" + folder.string() + "\".");
    }
    return manifestFolder(folder);
}

}  // namespace slidesight::model
