#include "viewer/slide/directtiffreader.h"

#include "viewer/slide/tiledecoders.h"

#include <cstdarg>
#include <cstring>
#include <list>
#include <mutex>
#include <unordered_map>

#include <fcntl.h>
#include <unistd.h>

#include <tiffio.h>

namespace slidesight {

namespace {

/// libtiff's messages are not ours to print: a file that does not qualify is read by OpenSlide.
int quietTiff(TIFF*, void*, const char*, const char*, va_list) { return 1; }

struct LayoutTiffCloser {
    void operator()(TIFF* tiff) const { TIFFClose(tiff); }
};

/// Aperio's JPEG 2000 compression codes (YCbCr and RGB codestreams).
constexpr uint16_t kAperioJpeg2000YCbCr = 33003;
constexpr uint16_t kAperioJpeg2000Rgb = 33005;

/// The TIFF directory's layout when it is read here, as OpenSlide 3.4 decides: JPEG, chunky,
/// RGB or YCbCr, 8 bits, 3 samples (_openslide_tiff_level_init's direct path), or Aperio's
/// JPEG 2000; and, as its Aperio reader, no tile of zero bytes.
std::unique_ptr<DirectTiffReader::Level> readLevel(TIFF* tiff) {
    if (!TIFFIsTiled(tiff)) return nullptr;
    uint32_t width = 0, height = 0, tileWidth = 0, tileHeight = 0;
    uint16_t compression = 0, planar = 0, photometric = 0, bits = 0, samples = 0;
    if (!TIFFGetField(tiff, TIFFTAG_IMAGEWIDTH, &width) || !TIFFGetField(tiff, TIFFTAG_IMAGELENGTH, &height) ||
        !TIFFGetField(tiff, TIFFTAG_TILEWIDTH, &tileWidth) || !TIFFGetField(tiff, TIFFTAG_TILELENGTH, &tileHeight) ||
        !TIFFGetField(tiff, TIFFTAG_COMPRESSION, &compression) ||
        !TIFFGetFieldDefaulted(tiff, TIFFTAG_PLANARCONFIG, &planar) ||
        !TIFFGetField(tiff, TIFFTAG_PHOTOMETRIC, &photometric) ||
        !TIFFGetFieldDefaulted(tiff, TIFFTAG_BITSPERSAMPLE, &bits) ||
        !TIFFGetFieldDefaulted(tiff, TIFFTAG_SAMPLESPERPIXEL, &samples))
        return nullptr;
    using Codec = DirectTiffReader::Level::Codec;
    Codec codec = Codec::Jpeg;
    if (compression == kAperioJpeg2000YCbCr || compression == kAperioJpeg2000Rgb) {
        codec = compression == kAperioJpeg2000YCbCr ? Codec::Jpeg2000YCbCr : Codec::Jpeg2000Rgb;
        if (bits != 8 || samples != 3) return nullptr;
    } else if (compression != COMPRESSION_JPEG || planar != PLANARCONFIG_CONTIG ||
               (photometric != PHOTOMETRIC_RGB && photometric != PHOTOMETRIC_YCBCR) || bits != 8 || samples != 3) {
        return nullptr;
    }
    if (width == 0 || height == 0 || tileWidth == 0 || tileHeight == 0 || tileWidth > 8192 || tileHeight > 8192)
        return nullptr;
    auto level = std::make_unique<DirectTiffReader::Level>();
    level->codec = codec;
    level->width = width;
    level->height = height;
    level->tileWidth = static_cast<int>(tileWidth);
    level->tileHeight = static_cast<int>(tileHeight);
    level->tilesAcross = (int64_t{width} + tileWidth - 1) / tileWidth;
    level->tilesDown = (int64_t{height} + tileHeight - 1) / tileHeight;
    level->ycbcr = photometric == PHOTOMETRIC_YCBCR;
    uint32_t tablesLength = 0;
    void* tables = nullptr;
    if (TIFFGetField(tiff, TIFFTAG_JPEGTABLES, &tablesLength, &tables) && tables && tablesLength > 0)
        level->jpegTables.assign(static_cast<const uint8_t*>(tables), static_cast<const uint8_t*>(tables) + tablesLength);
    const auto count = static_cast<size_t>(level->tilesAcross * level->tilesDown);
    uint64_t* offsets = nullptr;
    uint64_t* byteCounts = nullptr;
    if (static_cast<size_t>(TIFFNumberOfTiles(tiff)) != count || !TIFFGetField(tiff, TIFFTAG_TILEOFFSETS, &offsets) ||
        !TIFFGetField(tiff, TIFFTAG_TILEBYTECOUNTS, &byteCounts) || !offsets || !byteCounts)
        return nullptr;
    level->offsets.assign(offsets, offsets + count);
    level->byteCounts.assign(byteCounts, byteCounts + count);
    for (const uint64_t n : level->byteCounts)
        if (n == 0 || n > (uint64_t{64} << 20)) return nullptr;  // a missing tile: OpenSlide's own rendering
    return level;
}

}  // namespace

/// Decoded tiles, least recently used first out, up to a byte budget. Thread-safe.
struct DirectTiffReader::TileCache {
    using Key = uint64_t;  ///< level, row, column packed
    using Tile = std::shared_ptr<const std::vector<uint32_t>>;
    static constexpr size_t kBudgetBytes = size_t{64} << 20;

    std::mutex mutex;
    std::list<std::pair<Key, Tile>> order;  ///< most recent first
    std::unordered_map<Key, std::list<std::pair<Key, Tile>>::iterator> index;
    size_t bytes = 0;

    Tile find(Key key) {
        const std::lock_guard<std::mutex> lock(mutex);
        const auto found = index.find(key);
        if (found == index.end()) return nullptr;
        order.splice(order.begin(), order, found->second);
        return found->second->second;
    }
    void put(Key key, Tile tile) {
        const std::lock_guard<std::mutex> lock(mutex);
        if (index.count(key)) return;
        bytes += tile->size() * 4;
        order.emplace_front(key, std::move(tile));
        index[key] = order.begin();
        while (bytes > kBudgetBytes && order.size() > 1) {
            bytes -= order.back().second->size() * 4;
            index.erase(order.back().first);
            order.pop_back();
        }
    }
};

std::unique_ptr<DirectTiffReader> DirectTiffReader::open(const std::string& path,
                                                         const std::vector<std::pair<int64_t, int64_t>>& levelSizes) {
    TIFFOpenOptions* options = TIFFOpenOptionsAlloc();
    TIFFOpenOptionsSetErrorHandlerExtR(options, quietTiff, nullptr);
    TIFFOpenOptionsSetWarningHandlerExtR(options, quietTiff, nullptr);
    const std::unique_ptr<TIFF, LayoutTiffCloser> tiff(TIFFOpenExt(path.c_str(), "rm", options));
    TIFFOpenOptionsFree(options);
    if (!tiff) return nullptr;
    // Every tiled directory that qualifies, by its size; a size seen twice is ambiguous.
    std::vector<std::unique_ptr<Level>> directories;
    int guard = 0;
    do {
        if (++guard > 1024) break;
        auto level = readLevel(tiff.get());
        if (!level) continue;
        directories.push_back(std::move(level));
    } while (TIFFReadDirectory(tiff.get()));

    std::unique_ptr<DirectTiffReader> reader(new DirectTiffReader);
    reader->path_ = path;
    int covered = 0;
    for (const auto& [width, height] : levelSizes) {
        std::unique_ptr<Level> match;
        int matches = 0;
        for (auto& d : directories)
            if (d && d->width == width && d->height == height) {
                ++matches;
                if (!match) match = std::move(d);
            }
        if (matches != 1) match.reset();
        covered += match ? 1 : 0;
        reader->levels_.push_back(std::move(match));
    }
    if (covered == 0) return nullptr;
    reader->fd_ = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (reader->fd_ < 0) return nullptr;
    reader->cache_ = std::make_unique<TileCache>();
    return reader;
}

DirectTiffReader::~DirectTiffReader() {
    if (fd_ >= 0) ::close(fd_);
}

bool DirectTiffReader::covers(int level) const {
    return level >= 0 && static_cast<size_t>(level) < levels_.size() && levels_[static_cast<size_t>(level)];
}

int DirectTiffReader::coveredLevels() const {
    int n = 0;
    for (const auto& l : levels_) n += l ? 1 : 0;
    return n;
}

Check DirectTiffReader::readTile(int levelIndex, int64_t column, int64_t row, uint32_t* destination) const {
    if (!covers(levelIndex)) return Check::failure("This level is not read directly.");
    const Level& l = *levels_[static_cast<size_t>(levelIndex)];
    if (column < 0 || row < 0 || column >= l.tilesAcross || row >= l.tilesDown)
        return Check::failure("The tile lies outside the level.");
    const size_t index = static_cast<size_t>(row * l.tilesAcross + column);
    std::vector<uint8_t> data(static_cast<size_t>(l.byteCounts[index]));
    size_t done = 0;
    while (done < data.size()) {
        const ssize_t n = ::pread(fd_, data.data() + done, data.size() - done,
                                  static_cast<off_t>(l.offsets[index] + done));
        if (n <= 0) return Check::failure("Reading a tile of \"" + path_ + "\" failed: the file is truncated or unreadable.");
        done += static_cast<size_t>(n);
    }
    std::string error;
    if (l.codec == Level::Codec::Jpeg ? !tiledecoders::decodeJpeg(l, data, destination, &error)
                                      : !tiledecoders::decodeJpeg2000(l, data, destination, &error))
        return Check::failure(std::string(l.codec == Level::Codec::Jpeg ? "A JPEG" : "A JPEG 2000") + " tile of \"" +
                              path_ + "\" cannot be decoded: " + error + ".");
    // Beyond the image's right and bottom edges: transparent, as _openslide_clip_tile leaves it.
    const int64_t clipWidth = std::min<int64_t>(l.tileWidth, l.width - column * l.tileWidth);
    const int64_t clipHeight = std::min<int64_t>(l.tileHeight, l.height - row * l.tileHeight);
    for (int64_t y = 0; y < l.tileHeight; ++y) {
        uint32_t* line = destination + y * l.tileWidth;
        if (y >= clipHeight)
            std::memset(line, 0, static_cast<size_t>(l.tileWidth) * 4);
        else if (clipWidth < l.tileWidth)
            std::memset(line + clipWidth, 0, static_cast<size_t>(l.tileWidth - clipWidth) * 4);
    }
    return true;
}

std::shared_ptr<const std::vector<uint32_t>> DirectTiffReader::tile(int levelIndex, int64_t column, int64_t row,
                                                                     std::string* error) const {
    const auto key = (static_cast<uint64_t>(levelIndex) << 56) | (static_cast<uint64_t>(row) << 28) |
                     static_cast<uint64_t>(column);
    if (auto cached = cache_->find(key)) return cached;
    const Level& l = *levels_[static_cast<size_t>(levelIndex)];
    auto pixels = std::make_shared<std::vector<uint32_t>>(static_cast<size_t>(l.tileWidth) * static_cast<size_t>(l.tileHeight));
    if (const Check read = readTile(levelIndex, column, row, pixels->data()); !read) {
        *error = read.error();
        return nullptr;
    }
    cache_->put(key, pixels);
    return pixels;
}

Check DirectTiffReader::readRegion(int levelIndex, int64_t x, int64_t y, int width, int height,
                                   uint32_t* destination) const {
    if (!covers(levelIndex)) return Check::failure("This level is not read directly.");
    const Level& l = *levels_[static_cast<size_t>(levelIndex)];
    if (l.tilesAcross >= (int64_t{1} << 28) || l.tilesDown >= (int64_t{1} << 28))
        return Check::failure("The level has too many tiles.");
    std::memset(destination, 0, static_cast<size_t>(width) * static_cast<size_t>(height) * 4);
    const int64_t x0 = std::max<int64_t>(x, 0), y0 = std::max<int64_t>(y, 0);
    const int64_t x1 = std::min<int64_t>(x + width, l.width), y1 = std::min<int64_t>(y + height, l.height);
    if (x0 >= x1 || y0 >= y1) return true;
    for (int64_t row = y0 / l.tileHeight; row * l.tileHeight < y1; ++row)
        for (int64_t column = x0 / l.tileWidth; column * l.tileWidth < x1; ++column) {
            std::string error;
            const auto pixels = tile(levelIndex, column, row, &error);
            if (!pixels) return Check::failure(error);
            const int64_t tileX = column * l.tileWidth, tileY = row * l.tileHeight;
            const int64_t fromX = std::max(x0, tileX), toX = std::min(x1, tileX + l.tileWidth);
            const int64_t fromY = std::max(y0, tileY), toY = std::min(y1, tileY + l.tileHeight);
            for (int64_t py = fromY; py < toY; ++py)
                std::memcpy(destination + (py - y) * width + (fromX - x),
                            pixels->data() + (py - tileY) * l.tileWidth + (fromX - tileX),
                            static_cast<size_t>(toX - fromX) * 4);
        }
    return true;
}

}  // namespace slidesight
