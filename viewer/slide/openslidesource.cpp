#include "viewer/slide/openslidesource.h"

#include "viewer/common/translate.h"
#include "viewer/slide/directtiffreader.h"

#include <openslide/openslide.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <limits>

#if defined(__linux__)
#include <sys/stat.h>
#endif

namespace slidesight {
namespace fs = std::filesystem;

namespace {

std::optional<double> parseDouble(const char* text) {
    if (!text || !*text) return std::nullopt;
    char* end = nullptr;
    errno = 0;
    const double v = std::strtod(text, &end);
    if (errno != 0 || end == text) return std::nullopt;
    return v;
}

/// The file's modification time in nanoseconds since the Unix epoch, or 0 when unknown.
int64_t modifiedNanoseconds(const std::string& path) {
#if defined(__linux__)
    // std::filesystem's clock is not the system clock (libstdc++ counts from 2174), and C++17
    // has no clock_cast; stat() gives the Unix time exactly.
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) return 0;
    return static_cast<int64_t>(st.st_mtim.tv_sec) * 1000000000 + static_cast<int64_t>(st.st_mtim.tv_nsec);
#else
    // Elsewhere the file clock's own epoch: still exact and stable, so still a valid cache key.
    std::error_code ec;
    const auto mtime = fs::last_write_time(path, ec);
    if (ec) return 0;
    return static_cast<int64_t>(
        std::chrono::duration_cast<std::chrono::nanoseconds>(mtime.time_since_epoch()).count());
#endif
}

SlideIdentity identityOf(const std::string& path) {
    SlideIdentity id;
    std::error_code ec;
    const fs::path canonical = fs::weakly_canonical(fs::absolute(path), ec);
    id.path = ec ? path : canonical.string();
    id.fileSize = static_cast<int64_t>(fs::file_size(path, ec));
    if (ec) id.fileSize = 0;
    id.modifiedNs = modifiedNanoseconds(path);
    return id;
}

SlideInfo readInfo(openslide_t* osr, const std::string& path) {
    SlideInfo info;
    info.identity = identityOf(path);
    const int32_t count = openslide_get_level_count(osr);
    for (int32_t i = 0; i < count; ++i) {
        SlideLevel level;
        openslide_get_level_dimensions(osr, i, &level.width, &level.height);
        level.downsample = openslide_get_level_downsample(osr, i);
        const std::string prefix = "openslide.level[" + std::to_string(i) + "].";
        if (auto tw = parseDouble(openslide_get_property_value(osr, (prefix + "tile-width").c_str())))
            level.tileWidth = static_cast<int>(*tw);
        if (auto th = parseDouble(openslide_get_property_value(osr, (prefix + "tile-height").c_str())))
            level.tileHeight = static_cast<int>(*th);
        info.levels.push_back(level);
    }
    for (const char* const* name = openslide_get_property_names(osr); name && *name; ++name) {
        const char* value = openslide_get_property_value(osr, *name);
        info.properties.emplace_back(*name, value ? value : "");
    }
    std::sort(info.properties.begin(), info.properties.end());
    for (const char* const* name = openslide_get_associated_image_names(osr); name && *name; ++name)
        info.associatedImages.emplace_back(*name);

    if (auto v = info.property(OPENSLIDE_PROPERTY_NAME_VENDOR)) info.vendor = *v;
    const auto mppX = parseDouble(openslide_get_property_value(osr, OPENSLIDE_PROPERTY_NAME_MPP_X));
    const auto mppY = parseDouble(openslide_get_property_value(osr, OPENSLIDE_PROPERTY_NAME_MPP_Y));
    if (mppX && mppY && *mppX > 0.0 && *mppY > 0.0) info.mpp = Mpp{*mppX, *mppY, MppSource::Slide};
    const auto power = parseDouble(openslide_get_property_value(osr, OPENSLIDE_PROPERTY_NAME_OBJECTIVE_POWER));
    if (power && *power > 0.0) info.objectivePower = *power;
    if (const char* bg = openslide_get_property_value(osr, OPENSLIDE_PROPERTY_NAME_BACKGROUND_COLOR)) {
        char* end = nullptr;
        const unsigned long rgb = std::strtoul(bg, &end, 16);
        if (end != bg && std::strlen(bg) == 6) info.backgroundRgb = static_cast<uint32_t>(rgb) & 0xFFFFFFu;
    }
    info.identity.quickHash = info.property(OPENSLIDE_PROPERTY_NAME_QUICKHASH1).value_or("");
    return info;
}

}  // namespace

Expected<std::shared_ptr<OpenSlideSource>> OpenSlideSource::open(const std::string& path) {
    using Result = Expected<std::shared_ptr<OpenSlideSource>>;
    const std::string name = fs::path(path).filename().string();
    std::error_code ec;
    const auto failed = [](const std::string& text, std::initializer_list<std::string> values) {
        return Result::failure(fill(text, values));
    };
    if (!fs::exists(path, ec)) return failed(translate("SlideError", "The file \"%1\" does not exist."), {path});
    if (fs::is_directory(path, ec)) return failed(translate("SlideError", "\"%1\" is a folder, not a slide file."), {path});
    {
        std::ifstream probe(path, std::ios::binary);
        if (!probe) return failed(translate("SlideError", "The file \"%1\" cannot be read (permission denied)."), {name});
    }
    const char* vendor = openslide_detect_vendor(path.c_str());
    openslide_t* osr = openslide_open(path.c_str());
    if (!osr) {
        if (vendor)
            return failed(translate("SlideError", "\"%1\" is not a slide format that OpenSlide can read (it looks like %2)."),
                          {name, vendor});
        return failed(translate("SlideError", "\"%1\" is not a slide format that OpenSlide can read."), {name});
    }
    const auto damaged = [&](const char* err) {
        openslide_close(osr);
        return failed(translate("SlideError", "\"%1\" is damaged or incomplete: %2."), {name, err});
    };
    if (const char* err = openslide_get_error(osr)) return damaged(err);
    SlideInfo info = readInfo(osr, path);
    if (info.levels.empty() || info.width() <= 0 || info.height() <= 0) {
        openslide_close(osr);
        return failed(translate("SlideError", "\"%1\" has no image levels."), {name});
    }
    // A one-pixel read catches files whose header parses but whose tiles do not.
    uint32_t pixel = 0;
    openslide_read_region(osr, &pixel, 0, 0, static_cast<int32_t>(info.levels.size()) - 1, 1, 1);
    if (const char* err = openslide_get_error(osr)) return damaged(err);
    return std::shared_ptr<OpenSlideSource>(new OpenSlideSource(osr, std::move(info)));
}

std::string OpenSlideSource::libraryVersion() {
    const char* v = openslide_get_version();
    return v ? v : "unknown";
}

OpenSlideSource::OpenSlideSource(openslide_t* osr, SlideInfo info) : osr_(osr), info_(std::move(info)) {
    // The vendors whose JPEG levels OpenSlide 3.4 reads with its direct JPEG path.
    if (info_.vendor == "aperio" || info_.vendor == "generic-tiff") {
        std::vector<std::pair<int64_t, int64_t>> sizes;
        for (const SlideLevel& l : info_.levels) sizes.emplace_back(l.width, l.height);
        direct_ = DirectTiffReader::open(info_.identity.path, sizes);
    }
    const char* reader = std::getenv("SLIDESIGHT_TILE_READER");
    direct_enabled_.store(!(reader && std::string(reader) == "openslide"));
}

bool OpenSlideSource::readsDirectly(int level) const { return direct_ && direct_->covers(level); }

std::optional<std::pair<int64_t, int64_t>> OpenSlideSource::directOrigin(int level, int64_t x0, int64_t y0) const {
    if (!readsDirectly(level)) return std::nullopt;
    const double downsample = info_.levels[static_cast<size_t>(level)].downsample;
    const double x = static_cast<double>(x0) / downsample, y = static_cast<double>(y0) / downsample;
    if (x != std::floor(x) || y != std::floor(y)) return std::nullopt;
    return std::make_pair(static_cast<int64_t>(x), static_cast<int64_t>(y));
}

bool OpenSlideSource::readsDirectly(int level, int64_t x0, int64_t y0) const {
    return directOrigin(level, x0, y0).has_value();
}

OpenSlideSource::~OpenSlideSource() {
    direct_.reset();
    if (osr_) openslide_close(osr_);
}

std::string OpenSlideSource::errorMessage() const {
    const char* err = openslide_get_error(osr_);
    return err ? err : "";
}

Check OpenSlideSource::checkRegion(int level, int width, int height) const {
    if (level < 0 || level >= static_cast<int>(info_.levels.size()))
        return Check::failure(fill(translate("SlideError", "Level %1 does not exist."), {std::to_string(level)}));
    if (width <= 0 || height <= 0 ||
        static_cast<int64_t>(width) * height > std::numeric_limits<int32_t>::max() / 4)
        return Check::failure(fill(translate("SlideError", "A region of %1x%2 pixels cannot be read."),
                                   {std::to_string(width), std::to_string(height)}));
    return true;
}

Check OpenSlideSource::readRegionInto(int level, int64_t x0, int64_t y0, int width, int height,
                                      uint32_t* destination) const {
    if (const Check valid = checkRegion(level, width, height); !valid) return valid;
    const auto origin = direct_enabled_.load(std::memory_order_relaxed) ? directOrigin(level, x0, y0) : std::nullopt;
    if (origin) {
        if (const Check read = direct_->readRegion(level, origin->first, origin->second, width, height, destination); !read)
            return Check::failure(fill(translate("SlideError", "Reading the slide failed: %1."), {read.error()}));
        compositePremultipliedOver(destination, static_cast<size_t>(width) * static_cast<size_t>(height),
                                   info_.backgroundRgb);
        return true;
    }
    openslide_read_region(osr_, destination, x0, y0, level, width, height);
    const std::string err = errorMessage();
    if (!err.empty()) return Check::failure(fill(translate("SlideError", "Reading the slide failed: %1."), {err}));
    compositePremultipliedOver(destination, static_cast<size_t>(width) * static_cast<size_t>(height),
                               info_.backgroundRgb);
    return true;
}

Expected<ArgbImage> OpenSlideSource::readRegion(int level, int64_t x0, int64_t y0, int width,
                                                int height) const {
    if (const Check valid = checkRegion(level, width, height); !valid) return Expected<ArgbImage>::failure(valid.error());
    ArgbImage image(width, height, 0u);
    if (const Check read = readRegionInto(level, x0, y0, width, height, image.pixels.data()); !read)
        return Expected<ArgbImage>::failure(read.error());
    return image;
}

Expected<ArgbImage> OpenSlideSource::readAssociatedImage(const std::string& name) const {
    if (std::find(info_.associatedImages.begin(), info_.associatedImages.end(), name) ==
        info_.associatedImages.end())
        return Expected<ArgbImage>::failure(fill(translate("SlideError", "The slide has no \"%1\" image."), {name}));
    int64_t w = 0, h = 0;
    openslide_get_associated_image_dimensions(osr_, name.c_str(), &w, &h);
    if (w <= 0 || h <= 0 || w * h > std::numeric_limits<int32_t>::max() / 4)
        return Expected<ArgbImage>::failure(fill(translate("SlideError", "The \"%1\" image cannot be read."), {name}));
    ArgbImage image(static_cast<int>(w), static_cast<int>(h), 0u);
    openslide_read_associated_image(osr_, name.c_str(), image.pixels.data());
    const std::string err = errorMessage();
    if (!err.empty())
        return Expected<ArgbImage>::failure(
            fill(translate("SlideError", "Reading the \"%1\" image failed: %2."), {name, err}));
    compositePremultipliedOver(image.pixels, info_.backgroundRgb);
    return image;
}

}  // namespace slidesight
