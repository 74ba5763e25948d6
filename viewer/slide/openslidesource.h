#pragma once

#include "viewer/slide/slidesource.h"

#include <memory>
#include <string>

typedef struct _openslide openslide_t;  // NOLINT: OpenSlide's own opaque type

namespace slidesight {

/// A SlideSource backed by OpenSlide: SVS, NDPI, MRXS, SCN, BIF, VMS, generic tiled TIFF.
///
/// Thread-safe: OpenSlide handles may be read from several threads at once.
class OpenSlideSource final : public SlideSource {
public:
    /// Opens a slide. Fails with one sentence naming the file when it is missing, not a
    /// format OpenSlide reads, or damaged.
    static Expected<std::shared_ptr<OpenSlideSource>> open(const std::string& path);

    /// OpenSlide's version string, for `info` output and bug reports.
    static std::string libraryVersion();

    ~OpenSlideSource() override;
    OpenSlideSource(const OpenSlideSource&) = delete;
    OpenSlideSource& operator=(const OpenSlideSource&) = delete;

    const SlideInfo& info() const override { return info_; }
    Check readRegionInto(int level, int64_t x0, int64_t y0, int width, int height,
                               uint32_t* destination) const override;
    Expected<ArgbImage> readRegion(int level, int64_t x0, int64_t y0, int width,
                                   int height) const override;
    Expected<ArgbImage> readAssociatedImage(const std::string& name) const override;

    /// The raw handle, for benchmarks that compare against OpenSlide itself.
    openslide_t* handle() const { return osr_; }

private:
    OpenSlideSource(openslide_t* osr, SlideInfo info);
    std::string errorMessage() const;
    /// Whether a region of that level and size can be read; a failure says why not.
    Check checkRegion(int level, int width, int height) const;

    openslide_t* osr_ = nullptr;
    SlideInfo info_;
};

}  // namespace slidesight
