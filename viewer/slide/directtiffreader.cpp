#include "viewer/slide/directtiffreader.h"

#include <cstdarg>
#include <cstdio>
#include <cstring>
#include <csetjmp>
#include <list>
#include <mutex>
#include <unordered_map>

#include <fcntl.h>
#include <unistd.h>

// jpeglib.h needs FILE and size_t declared first.
#include <jpeglib.h>
#include <openjpeg.h>
#include <tiffio.h>

#include <cmath>

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

/// libjpeg reports errors by longjmp back to the decoder, with its message.
struct JpegError {
    jpeg_error_mgr manager{};
    std::jmp_buf jump{};
    char message[JMSG_LENGTH_MAX] = {};
};

void jpegFail(j_common_ptr cinfo) {
    auto* error = reinterpret_cast<JpegError*>(cinfo->err);
    (*cinfo->err->format_message)(cinfo, error->message);
    std::longjmp(error->jump, 1);
}

void jpegQuiet(j_common_ptr, int) {}

/// Decodes a tile's JPEG stream (after the level's tables) into tileWidth x tileHeight BGRA,
/// as _openslide_jpeg_decompress_run does: the colour space from the photometric tag, output
/// JCS_EXT_BGRA (alpha 255), libjpeg's default (accurate) IDCT and upsampling.
bool decodeJpeg(const DirectTiffReader::Level& level, const std::vector<uint8_t>& data, uint32_t* destination,
                std::string* error) {
    jpeg_decompress_struct cinfo{};
    JpegError jerr;
    cinfo.err = jpeg_std_error(&jerr.manager);
    jerr.manager.error_exit = jpegFail;
    jerr.manager.emit_message = jpegQuiet;
    std::vector<JSAMPROW> rows;
    if (setjmp(jerr.jump)) {
        jpeg_destroy_decompress(&cinfo);
        *error = jerr.message;
        return false;
    }
    jpeg_create_decompress(&cinfo);
    if (!level.jpegTables.empty()) {
        jpeg_mem_src(&cinfo, level.jpegTables.data(), static_cast<unsigned long>(level.jpegTables.size()));
        if (jpeg_read_header(&cinfo, FALSE) != JPEG_HEADER_TABLES_ONLY) {
            jpeg_destroy_decompress(&cinfo);
            *error = "the JPEG tables cannot be read";
            return false;
        }
    }
    jpeg_mem_src(&cinfo, data.data(), static_cast<unsigned long>(data.size()));
    if (jpeg_read_header(&cinfo, TRUE) != JPEG_HEADER_OK) {
        jpeg_destroy_decompress(&cinfo);
        *error = "the tile's JPEG header cannot be read";
        return false;
    }
    cinfo.jpeg_color_space = level.ycbcr ? JCS_YCbCr : JCS_RGB;
    cinfo.out_color_space = JCS_EXT_BGRA;
    jpeg_start_decompress(&cinfo);
    if (cinfo.output_width != static_cast<JDIMENSION>(level.tileWidth) ||
        cinfo.output_height != static_cast<JDIMENSION>(level.tileHeight)) {
        jpeg_destroy_decompress(&cinfo);
        *error = "a tile's JPEG is not the tile's size";
        return false;
    }
    auto* out = reinterpret_cast<uint8_t*>(destination);
    const size_t stride = static_cast<size_t>(level.tileWidth) * 4;
    rows.resize(static_cast<size_t>(std::max(1, cinfo.rec_outbuf_height)));
    while (cinfo.output_scanline < cinfo.output_height) {
        for (size_t i = 0; i < rows.size(); ++i) {
            const JDIMENSION line = std::min<JDIMENSION>(cinfo.output_scanline + static_cast<JDIMENSION>(i),
                                                         cinfo.output_height - 1);
            rows[i] = out + line * stride;
        }
        jpeg_read_scanlines(&cinfo, rows.data(), static_cast<JDIMENSION>(rows.size()));
    }
    jpeg_finish_decompress(&cinfo);
    jpeg_destroy_decompress(&cinfo);
    return true;
}

/// JFIF's YCbCr to RGB (ITU-T T.871) as 8-bit lookup tables, rounded as OpenSlide's
/// make-tables.c rounds them: R = Y + round(1.402 Cr'), B = Y + round(1.772 Cb'), and G = Y plus
/// the 16.16 fixed-point sum round(65536 (0.5 - 0.34414 Cb')) + round(65536 (-0.71414 Cr')),
/// shifted down (Cb' = Cb - 128, Cr' = Cr - 128).
struct YCbCrTables {
    int16_t rCr[256], bCb[256];
    int32_t gCb[256], gCr[256];
    YCbCrTables() {
        for (int i = 0; i < 256; ++i) {
            rCr[i] = static_cast<int16_t>(std::lround(1.402 * (i - 128)));
            bCb[i] = static_cast<int16_t>(std::lround(1.772 * (i - 128)));
            gCb[i] = static_cast<int32_t>(std::lround(65536.0 * (0.5 - 0.34414 * (i - 128))));
            gCr[i] = static_cast<int32_t>(std::lround(65536.0 * -0.71414 * (i - 128)));
        }
    }
};

uint8_t clampByte(int v) { return static_cast<uint8_t>(v < 0 ? 0 : v > 255 ? 255 : v); }

/// OpenJPEG reads the whole codestream in one call, from memory.
struct CodestreamSource {
    const uint8_t* data;
    OPJ_SIZE_T size;
    bool consumed = false;
};

OPJ_SIZE_T readCodestream(void* buffer, OPJ_SIZE_T count, void* user) {
    auto* source = static_cast<CodestreamSource*>(user);
    if (source->consumed || count != source->size) {
        source->consumed = true;
        return static_cast<OPJ_SIZE_T>(-1);
    }
    std::memcpy(buffer, source->data, count);
    source->consumed = true;
    return count;
}

void keepOpenJpegError(const char* message, void* user) {
    auto* error = static_cast<std::string*>(user);
    if (error->empty()) {
        *error = message;
        while (!error->empty() && (error->back() == '\n' || error->back() == ' ')) error->pop_back();
    }
}

void ignoreOpenJpegMessage(const char*, void*) {}

/// Decodes an Aperio JPEG 2000 tile (a raw J2K codestream of 3 components) into BGRA, as
/// _openslide_jp2k_decode_buffer does: each component sampled at its own subsampling (4:2:2
/// chroma for 33003), 8-bit values, YCbCr converted with the tables above.
bool decodeJpeg2000(const DirectTiffReader::Level& level, const std::vector<uint8_t>& data, uint32_t* destination,
                    std::string* error) {
    static const YCbCrTables tables;
    CodestreamSource source{data.data(), static_cast<OPJ_SIZE_T>(data.size())};
    opj_stream_t* stream = opj_stream_create(source.size, OPJ_TRUE);
    opj_stream_set_user_data(stream, &source, nullptr);
    opj_stream_set_user_data_length(stream, source.size);
    opj_stream_set_read_function(stream, readCodestream);
    opj_codec_t* codec = opj_create_decompress(OPJ_CODEC_J2K);
    opj_dparameters_t parameters;
    opj_set_default_decoder_parameters(&parameters);
    opj_setup_decoder(codec, &parameters);
    std::string message;
    opj_set_error_handler(codec, keepOpenJpegError, &message);
    opj_set_warning_handler(codec, ignoreOpenJpegMessage, nullptr);
    opj_set_info_handler(codec, ignoreOpenJpegMessage, nullptr);
    opj_image_t* image = nullptr;
    bool ok = false;
    const int w = level.tileWidth, h = level.tileHeight;
    if (!opj_read_header(stream, codec, &image)) {
        *error = message.empty() ? "the JPEG 2000 header cannot be read" : "OpenJPEG: " + message;
    } else if (image->x1 != static_cast<OPJ_UINT32>(w) || image->y1 != static_cast<OPJ_UINT32>(h) || image->numcomps != 3) {
        *error = "a tile's JPEG 2000 image is not the tile's size or has not 3 components";
    } else if (!opj_decode(codec, stream, image)) {
        *error = message.empty() ? "the JPEG 2000 tile cannot be decoded" : "OpenJPEG: " + message;
    } else {
        const opj_image_comp_t* c = image->comps;
        int subX[3], subY[3];
        bool sane = true;
        for (int k = 0; k < 3; ++k) {
            sane = sane && c[k].data && c[k].w > 0 && c[k].h > 0;
            subX[k] = sane ? w / static_cast<int>(c[k].w) : 1;
            subY[k] = sane ? h / static_cast<int>(c[k].h) : 1;
            sane = sane && subX[k] > 0 && subY[k] > 0 && static_cast<int>(c[k].w) * subX[k] >= w &&
                   static_cast<int>(c[k].h) * subY[k] >= h;
        }
        if (!sane) {
            *error = "a tile's JPEG 2000 components do not cover the tile";
        } else {
            const bool ycbcr = level.codec == DirectTiffReader::Level::Codec::Jpeg2000YCbCr;
            for (int y = 0; y < h; ++y) {
                const OPJ_INT32* row0 = c[0].data + static_cast<size_t>(y / subY[0]) * c[0].w;
                const OPJ_INT32* row1 = c[1].data + static_cast<size_t>(y / subY[1]) * c[1].w;
                const OPJ_INT32* row2 = c[2].data + static_cast<size_t>(y / subY[2]) * c[2].w;
                uint32_t* out = destination + static_cast<size_t>(y) * w;
                for (int x = 0; x < w; ++x) {
                    const auto c0 = static_cast<uint8_t>(row0[x / subX[0]]);
                    const auto c1 = static_cast<uint8_t>(row1[x / subX[1]]);
                    const auto c2 = static_cast<uint8_t>(row2[x / subX[2]]);
                    uint8_t r = c0, g = c1, b = c2;
                    if (ycbcr) {
                        const int16_t rChroma = tables.rCr[c2];
                        const auto gChroma = static_cast<int16_t>((tables.gCb[c1] + tables.gCr[c2]) >> 16);
                        const int16_t bChroma = tables.bCb[c1];
                        r = clampByte(static_cast<int16_t>(c0 + rChroma));
                        g = clampByte(static_cast<int16_t>(c0 + gChroma));
                        b = clampByte(static_cast<int16_t>(c0 + bChroma));
                    }
                    out[x] = 0xFF000000u | (uint32_t{r} << 16) | (uint32_t{g} << 8) | b;
                }
            }
            ok = true;
        }
    }
    if (image) opj_image_destroy(image);
    opj_destroy_codec(codec);
    opj_stream_destroy(stream);
    return ok;
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
    if (l.codec == Level::Codec::Jpeg ? !decodeJpeg(l, data, destination, &error)
                                      : !decodeJpeg2000(l, data, destination, &error))
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
