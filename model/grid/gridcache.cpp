#include "model/grid/gridcache.h"

#include <cstdlib>
#include <filesystem>
#include <system_error>
#include <utility>

namespace slidesight::model {

namespace {

std::string environment(const char* name) {
    const char* value = std::getenv(name);
    return value ? std::string(value) : std::string();
}

}  // namespace

GridCache::GridCache(std::string folder) : folder_(folder.empty() ? defaultFolder() : std::move(folder)) {}

std::string GridCache::defaultFolder() {
    const std::string configured = environment("SLIDESIGHT_CACHE_DIR");
    if (!configured.empty()) return configured;
    const std::string xdg = environment("XDG_CACHE_HOME");
    if (!xdg.empty()) return (std::filesystem::path(xdg) / "slidesight" / "grids").string();
    const std::string home = environment("HOME");
    const std::filesystem::path base = home.empty() ? std::filesystem::temp_directory_path() : std::filesystem::path(home);
    return (base / ".cache" / "slidesight" / "grids").string();
}

std::string GridCache::pathFor(const std::string& key) const {
    return (std::filesystem::path(folder_) / (key + ".grid.pt")).string();
}

Expected<bool> GridCache::ensureFolder() const {
    std::error_code error;
    std::filesystem::create_directories(folder_, error);
    if (error || !std::filesystem::is_directory(folder_))
        return Expected<bool>::failure("Cannot create the grid cache folder \"" + folder_ + "\" (" +
                                       (error ? error.message() : std::string("not a folder")) + ").");
    return true;
}

}  // namespace slidesight::model
