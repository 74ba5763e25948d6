#include "viewer/slide/slidesource.h"

#include <algorithm>
#include <cstring>

namespace slidesight {

const char* mppSourceName(MppSource source) {
    switch (source) {
    case MppSource::Slide: return "slide";
    case MppSource::ObjectivePower: return "objective-power";
    case MppSource::User: return "user";
    case MppSource::Unknown: break;
    }
    return "unknown";
}

uint64_t SlideIdentity::key() const {
    uint64_t h = 1469598103934665603ull;
    auto mix = [&h](const void* data, size_t n) {
        const auto* bytes = static_cast<const unsigned char*>(data);
        for (size_t i = 0; i < n; ++i) {
            h ^= bytes[i];
            h *= 1099511628211ull;
        }
    };
    mix(path.data(), path.size());
    mix(&fileSize, sizeof fileSize);
    mix(&modifiedNs, sizeof modifiedNs);
    mix(quickHash.data(), quickHash.size());
    return h;
}

std::optional<std::string> SlideInfo::property(const std::string& name) const {
    auto it = std::lower_bound(properties.begin(), properties.end(), name,
                               [](const auto& p, const std::string& n) { return p.first < n; });
    if (it != properties.end() && it->first == name) return it->second;
    return std::nullopt;
}

Check SlideSource::readRegionInto(int level, int64_t x0, int64_t y0, int width, int height,
                                  uint32_t* destination) const {
    auto region = readRegion(level, x0, y0, width, height);
    if (!region) return Check::failure(region.error());
    std::memcpy(destination, region->pixels.data(), region->byteCount());
    return true;
}

Mpp SlideSource::mpp() const {
    {
        std::lock_guard<std::mutex> lock(mppMutex_);
        if (userMpp_ > 0.0) return Mpp{userMpp_, userMpp_, MppSource::User};
    }
    const SlideInfo& i = info();
    if (i.mpp.known()) return i.mpp;
    if (i.objectivePower && *i.objectivePower > 0.0) {
        const double assumed = 10.0 / *i.objectivePower;
        return Mpp{assumed, assumed, MppSource::ObjectivePower};
    }
    return Mpp{};
}

void SlideSource::setUserMpp(double micronsPerPixel) {
    std::lock_guard<std::mutex> lock(mppMutex_);
    userMpp_ = micronsPerPixel > 0.0 ? micronsPerPixel : 0.0;
}

int SlideSource::bestLevelForDownsample(double downsample) const {
    const auto& levels = info().levels;
    int best = 0;
    for (int i = 0; i < static_cast<int>(levels.size()); ++i) {
        // A small tolerance: OpenSlide reports downsamples such as 4.0003 for a 4x level.
        if (levels[static_cast<size_t>(i)].downsample <= downsample * 1.001) best = i;
    }
    return best;
}

}  // namespace slidesight
