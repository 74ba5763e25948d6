#pragma once

#include "viewer/slide/argbimage.h"
#include "viewer/common/expected.h"

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace slidesight {

/// Where a slide's micrometres-per-pixel value came from. Only `Slide` is a measurement; the
/// others are assumptions that the user interface must show as such.
enum class MppSource {
    Unknown,         ///< nothing known: physical units cannot be shown
    Slide,           ///< read from the slide's own metadata
    ObjectivePower,  ///< assumed from the objective power (10 µm/px divided by the power)
    User,            ///< entered by the user
};

/// Micrometres per level-0 pixel.
struct Mpp {
    double x = 0.0;
    double y = 0.0;
    MppSource source = MppSource::Unknown;

    bool known() const { return source != MppSource::Unknown && x > 0.0 && y > 0.0; }
    bool assumed() const { return source == MppSource::ObjectivePower || source == MppSource::User; }
    /// The mean of x and y, or 0 when unknown.
    double average() const { return known() ? 0.5 * (x + y) : 0.0; }
};

/// Text for MppSource, for logs and machine-readable output ("slide", "objective-power", ...).
const char* mppSourceName(MppSource source);

/// One native level of a slide's pyramid, in that level's pixels.
struct SlideLevel {
    int64_t width = 0;
    int64_t height = 0;
    double downsample = 1.0;  ///< level-0 pixels per level pixel
    int tileWidth = 0;        ///< native tile size if the format reports one, else 0
    int tileHeight = 0;
};

/// What makes a slide file unique for caches: path, size and modification time (and the
/// format's own quick hash where it has one).
struct SlideIdentity {
    std::string path;          ///< absolute, canonical
    int64_t fileSize = 0;
    int64_t modifiedNs = 0;    ///< modification time, nanoseconds since the Unix epoch
    std::string quickHash;     ///< openslide.quickhash-1 where present

    /// A 64-bit FNV-1a hash of all fields, stable across runs.
    uint64_t key() const;
};

/// Everything about a slide that does not change while it is open.
struct SlideInfo {
    std::string vendor;  ///< OpenSlide's vendor name, e.g. "aperio", "generic-tiff"
    std::vector<SlideLevel> levels;
    Mpp mpp;                                    ///< as read from the slide (may be Unknown)
    std::optional<double> objectivePower;       ///< e.g. 20 for a 20x scan
    uint32_t backgroundRgb = 0xFFFFFFu;          ///< openslide.background-color, white if absent
    std::vector<std::pair<std::string, std::string>> properties;  ///< sorted by name
    std::vector<std::string> associatedImages;  ///< "label", "macro", "thumbnail", ...
    SlideIdentity identity;

    int64_t width() const { return levels.empty() ? 0 : levels.front().width; }
    int64_t height() const { return levels.empty() ? 0 : levels.front().height; }
    std::optional<std::string> property(const std::string& name) const;
};

/// A multi-resolution slide that can be read at any level in level-0 coordinates.
///
/// Thread-safe: every method may be called from several threads at once (the tile pool,
/// the analysis thread and the GUI thread for metadata).
class SlideSource {
public:
    virtual ~SlideSource() = default;

    virtual const SlideInfo& info() const = 0;

    /// Reads a w x h region of `level` whose top-left corner is (x0, y0) in level-0 pixels.
    /// The result is opaque ARGB composited over the background colour. Areas outside the
    /// slide come back as background.
    virtual Expected<ArgbImage> readRegion(int level, int64_t x0, int64_t y0, int width,
                                           int height) const = 0;

    /// readRegion() into caller-owned memory of width * height pixels (tightly packed rows),
    /// so that callers can recycle buffers; a failure carries the error sentence. The default
    /// implementation copies the result of readRegion().
    virtual Check readRegionInto(int level, int64_t x0, int64_t y0, int width, int height,
                                       uint32_t* destination) const;

    /// Reads an associated image (label, macro, thumbnail) by name.
    virtual Expected<ArgbImage> readAssociatedImage(const std::string& name) const = 0;

    /// The µm/px in effect: the user's value if one was set, else the slide's, else an
    /// assumption from the objective power, else Unknown.
    Mpp mpp() const;

    /// Sets (or with a value <= 0, clears) a user-entered µm/px, shown as assumed.
    void setUserMpp(double micronsPerPixel);

    /// The native level with the largest downsample not above `downsample` (level 0 at least).
    int bestLevelForDownsample(double downsample) const;

private:
    mutable std::mutex mppMutex_;
    double userMpp_ = 0.0;
};

}  // namespace slidesight
