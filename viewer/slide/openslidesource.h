#pragma once

#include "viewer/slide/slidesource.h"

#include <atomic>
#include <memory>
#include <optional>
#include <utility>
#include <string>

typedef struct _openslide openslide_t;  // NOLINT: OpenSlide's own opaque type

namespace slidesight {

class DirectTiffReader;

/// Who decodes a slide's tiles.
enum class TileReader {
    OpenSlide,  ///< openslide_read_region for every read
    Direct,     ///< JPEG tiles of Aperio and generic tiled TIFF read and decoded here, the same
                ///< pixels as OpenSlide's (DirectTiffReader); every other read through OpenSlide
};

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

    /// Direct by default; SLIDESIGHT_TILE_READER=openslide in the environment makes OpenSlide
    /// the default. Safe to change while other threads read (each read picks one reader).
    void setTileReader(TileReader reader) { direct_enabled_.store(reader == TileReader::Direct); }
    TileReader tileReader() const { return direct_enabled_.load() ? TileReader::Direct : TileReader::OpenSlide; }
    /// Whether reads of `level` at whole level pixels are decoded here when the reader is Direct.
    bool readsDirectly(int level) const;
    /// Whether a read of `level` at level-0 (x0, y0) is decoded here when the reader is Direct:
    /// the level is covered and the read starts on a whole pixel of it (OpenSlide resamples a
    /// region that starts between two, so such reads stay with OpenSlide).
    bool readsDirectly(int level, int64_t x0, int64_t y0) const;

private:
    OpenSlideSource(openslide_t* osr, SlideInfo info);
    std::string errorMessage() const;
    /// Whether a region of that level and size can be read; a failure says why not.
    Check checkRegion(int level, int width, int height) const;
    /// The level coordinates of a read the direct reader takes (see readsDirectly), else none.
    std::optional<std::pair<int64_t, int64_t>> directOrigin(int level, int64_t x0, int64_t y0) const;

    openslide_t* osr_ = nullptr;
    SlideInfo info_;
    std::unique_ptr<DirectTiffReader> direct_;  ///< null when no level qualifies
    std::atomic<bool> direct_enabled_{true};
};

}  // namespace slidesight
