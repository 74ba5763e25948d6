#include "viewer/slide/syntheticslidewriter.h"

#include "viewer/common/translate.h"

#include <tiffio.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <memory>
#include <sstream>

namespace slidesight {

namespace {

struct TiffCloser {
    void operator()(TIFF* t) const {
        if (t) TIFFClose(t);
    }
};

/// An RGB8 image held in memory for the reduced levels.
struct Rgb8 {
    int64_t width = 0, height = 0;
    std::vector<uint8_t> data;
    Rgb8() = default;
    Rgb8(int64_t w, int64_t h) : width(w), height(h), data(static_cast<size_t>(w * h * 3), 255) {}
};

/// Box-filters `src` by an integer factor, averaging only the pixels inside the image.
Rgb8 reduce(const Rgb8& src, int factor) {
    Rgb8 dst((src.width + factor - 1) / factor, (src.height + factor - 1) / factor);
    for (int64_t y = 0; y < dst.height; ++y) {
        for (int64_t x = 0; x < dst.width; ++x) {
            uint32_t sum[3] = {0, 0, 0};
            uint32_t n = 0;
            for (int64_t sy = y * factor; sy < std::min(src.height, (y + 1) * factor); ++sy)
                for (int64_t sx = x * factor; sx < std::min(src.width, (x + 1) * factor); ++sx) {
                    const uint8_t* p = &src.data[static_cast<size_t>((sy * src.width + sx) * 3)];
                    sum[0] += p[0];
                    sum[1] += p[1];
                    sum[2] += p[2];
                    ++n;
                }
            uint8_t* q = &dst.data[static_cast<size_t>((y * dst.width + x) * 3)];
            for (int c = 0; c < 3; ++c) q[c] = static_cast<uint8_t>((sum[c] + n / 2) / std::max(1u, n));
        }
    }
    return dst;
}

std::string aperioDescription(const SyntheticSlideWriter::Options& o, int64_t w, int64_t h) {
    std::ostringstream s;
    s << "Aperio Image Library v10.0.50 \r\n" << o.width << "x" << o.height << " [0,0 " << w << "x" << h
      << "] (" << o.tileSize << "x" << o.tileSize << ") JPEG/RGB Q=" << o.jpegQuality;
    if (o.objectivePower > 0) s << "|AppMag = " << o.objectivePower;
    if (o.mpp > 0) s << "|MPP = " << o.mpp;
    s << "|Filename = synthetic";
    return s.str();
}

void setCommonTags(TIFF* tif, int64_t w, int64_t h) {
    TIFFSetField(tif, TIFFTAG_IMAGEWIDTH, static_cast<uint32_t>(w));
    TIFFSetField(tif, TIFFTAG_IMAGELENGTH, static_cast<uint32_t>(h));
    TIFFSetField(tif, TIFFTAG_BITSPERSAMPLE, 8);
    TIFFSetField(tif, TIFFTAG_SAMPLESPERPIXEL, 3);
    TIFFSetField(tif, TIFFTAG_PLANARCONFIG, PLANARCONFIG_CONTIG);
}

/// Starts a tiled JPEG directory for one pyramid level.
void beginLevel(TIFF* tif, const SyntheticSlideWriter::Options& o, int64_t w, int64_t h, bool first,
                double downsample) {
    setCommonTags(tif, w, h);
    TIFFSetField(tif, TIFFTAG_TILEWIDTH, static_cast<uint32_t>(o.tileSize));
    TIFFSetField(tif, TIFFTAG_TILELENGTH, static_cast<uint32_t>(o.tileSize));
    TIFFSetField(tif, TIFFTAG_COMPRESSION, COMPRESSION_JPEG);
    TIFFSetField(tif, TIFFTAG_PHOTOMETRIC, PHOTOMETRIC_YCBCR);
    TIFFSetField(tif, TIFFTAG_JPEGQUALITY, o.jpegQuality);
    TIFFSetField(tif, TIFFTAG_JPEGCOLORMODE, JPEGCOLORMODE_RGB);
    if (!first) TIFFSetField(tif, TIFFTAG_SUBFILETYPE, FILETYPE_REDUCEDIMAGE);
    if (o.flavour == SyntheticSlideWriter::Flavour::Aperio) {
        const std::string d = aperioDescription(o, w, h);
        TIFFSetField(tif, TIFFTAG_IMAGEDESCRIPTION, d.c_str());
    }
    if (o.mpp > 0 && o.flavour == SyntheticSlideWriter::Flavour::Aperio) {
        // Resolution tags in pixels per centimetre, for tools other than OpenSlide.
        const float perCm = static_cast<float>(1e4 / (o.mpp * downsample));
        TIFFSetField(tif, TIFFTAG_RESOLUTIONUNIT, RESUNIT_CENTIMETER);
        TIFFSetField(tif, TIFFTAG_XRESOLUTION, perCm);
        TIFFSetField(tif, TIFFTAG_YRESOLUTION, perCm);
    }
}

bool writeTile(TIFF* tif, const std::vector<uint8_t>& tile, int64_t x, int64_t y) {
    return TIFFWriteTile(tif, const_cast<uint8_t*>(tile.data()), static_cast<uint32_t>(x),
                         static_cast<uint32_t>(y), 0, 0) >= 0;
}

/// Copies a tileSize^2 window of `img` at (x, y) into `tile`, padding with white.
void cutTile(const Rgb8& img, int64_t x, int64_t y, int ts, std::vector<uint8_t>& tile) {
    std::fill(tile.begin(), tile.end(), 255);
    const int64_t w = std::min<int64_t>(ts, img.width - x);
    const int64_t h = std::min<int64_t>(ts, img.height - y);
    for (int64_t r = 0; r < h; ++r)
        std::copy_n(&img.data[static_cast<size_t>(((y + r) * img.width + x) * 3)], w * 3,
                    &tile[static_cast<size_t>(r * ts * 3)]);
}

bool writeLevelFromImage(TIFF* tif, const SyntheticSlideWriter::Options& o, const Rgb8& img,
                         double downsample) {
    beginLevel(tif, o, img.width, img.height, false, downsample);
    std::vector<uint8_t> tile(static_cast<size_t>(o.tileSize * o.tileSize * 3));
    for (int64_t y = 0; y < img.height; y += o.tileSize)
        for (int64_t x = 0; x < img.width; x += o.tileSize) {
            cutTile(img, x, y, o.tileSize, tile);
            if (!writeTile(tif, tile, x, y)) return false;
        }
    return TIFFWriteDirectory(tif) != 0;
}

bool writeThumbnail(TIFF* tif, const Rgb8& img) {
    setCommonTags(tif, img.width, img.height);
    TIFFSetField(tif, TIFFTAG_SUBFILETYPE, FILETYPE_REDUCEDIMAGE);
    TIFFSetField(tif, TIFFTAG_COMPRESSION, COMPRESSION_JPEG);
    TIFFSetField(tif, TIFFTAG_PHOTOMETRIC, PHOTOMETRIC_YCBCR);
    TIFFSetField(tif, TIFFTAG_JPEGCOLORMODE, JPEGCOLORMODE_RGB);
    TIFFSetField(tif, TIFFTAG_ROWSPERSTRIP, 16);
    const std::string d = "Aperio Image Library v10.0.50 \r\nthumbnail";
    TIFFSetField(tif, TIFFTAG_IMAGEDESCRIPTION, d.c_str());
    for (int64_t y = 0; y < img.height; ++y)
        if (TIFFWriteScanline(tif, const_cast<uint8_t*>(&img.data[static_cast<size_t>(y * img.width * 3)]),
                              static_cast<uint32_t>(y), 0) < 0)
            return false;
    return TIFFWriteDirectory(tif) != 0;
}

}  // namespace

uint32_t SyntheticSlideWriter::patternRgb(int64_t x, int64_t y) {
    const int64_t bx = x / 64;
    const int64_t by = y / 64;
    const uint32_t r = static_cast<uint32_t>(40 + (bx * 37) % 180);
    const uint32_t g = static_cast<uint32_t>(40 + (by * 53) % 180);
    const uint32_t b = static_cast<uint32_t>(40 + ((bx + 2 * by) * 29) % 180);
    return (r << 16) | (g << 8) | b;
}

void SyntheticSlideWriter::patternSource(int64_t x0, int64_t y0, int width, int height, uint8_t* rgb) {
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x) {
            const uint32_t c = patternRgb(x0 + x, y0 + y);
            uint8_t* p = rgb + (static_cast<size_t>(y) * width + x) * 3;
            p[0] = static_cast<uint8_t>(c >> 16);
            p[1] = static_cast<uint8_t>(c >> 8);
            p[2] = static_cast<uint8_t>(c);
        }
}

Expected<bool> SyntheticSlideWriter::write(const std::string& path, const Options& o,
                                           const PixelSource& source) {
    using Result = Expected<bool>;
    if (o.width <= 0 || o.height <= 0 || o.tileSize <= 0 || o.tileSize % 16 != 0)
        return Result::failure("Invalid synthetic slide size or tile size.");
    if (o.downsamples.empty() || o.downsamples.front() != 1)
        return Result::failure("The first pyramid level must have downsample 1.");
    for (size_t i = 1; i < o.downsamples.size(); ++i)
        if (o.downsamples[i] <= o.downsamples[i - 1] || o.downsamples[i] % o.downsamples[i - 1] != 0)
            return Result::failure("Each downsample must be a multiple of the previous one.");
    if (o.downsamples.size() > 1 && o.tileSize % o.downsamples[1] != 0)
        return Result::failure("The second level's downsample must divide the tile size.");

    const bool big = o.width * o.height * 3 > (int64_t(1) << 31);
    const std::string tmp = path + ".partial";
    std::unique_ptr<TIFF, TiffCloser> tif(TIFFOpen(tmp.c_str(), big ? "w8" : "w"));
    if (!tif) return Result::failure(fill(translate("SlideError", "Cannot create \"%1\"."), {path}));

    // Level 0 is produced one row of tiles at a time; the second level is accumulated in memory
    // and the coarser ones are reduced from it.
    const int ts = o.tileSize;
    const int f1 = o.downsamples.size() > 1 ? o.downsamples[1] : 0;
    Rgb8 level1;
    if (f1 > 0) level1 = Rgb8((o.width + f1 - 1) / f1, (o.height + f1 - 1) / f1);
    beginLevel(tif.get(), o, o.width, o.height, true, 1.0);
    std::vector<uint8_t> band(static_cast<size_t>(o.width * ts * 3));
    std::vector<uint8_t> tile(static_cast<size_t>(ts * ts * 3));
    for (int64_t y = 0; y < o.height; y += ts) {
        const int bandH = static_cast<int>(std::min<int64_t>(ts, o.height - y));
        std::fill(band.begin(), band.end(), 255);
        for (int64_t x = 0; x < o.width; x += ts) {
            const int w = static_cast<int>(std::min<int64_t>(ts, o.width - x));
            std::vector<uint8_t> region(static_cast<size_t>(w * bandH * 3));
            source(x, y, w, bandH, region.data());
            for (int r = 0; r < bandH; ++r)
                std::copy_n(&region[static_cast<size_t>(r * w * 3)], w * 3,
                            &band[static_cast<size_t>((r * o.width + x) * 3)]);
            std::fill(tile.begin(), tile.end(), 255);
            for (int r = 0; r < bandH; ++r)
                std::copy_n(&region[static_cast<size_t>(r * w * 3)], w * 3, &tile[static_cast<size_t>(r * ts * 3)]);
            if (!writeTile(tif.get(), tile, x, y)) {
                std::remove(tmp.c_str());
                return Result::failure(fill(translate("SlideError", "Writing \"%1\" failed (disk full?)."), {path}));
            }
        }
        if (f1 > 0) {
            Rgb8 bandImg;
            bandImg.width = o.width;
            bandImg.height = bandH;
            bandImg.data.assign(band.begin(), band.begin() + o.width * bandH * 3);
            const Rgb8 reduced = reduce(bandImg, f1);
            std::copy(reduced.data.begin(), reduced.data.end(),
                      level1.data.begin() + (y / f1) * level1.width * 3);
        }
        if (o.progress) o.progress(static_cast<double>(y + bandH) / static_cast<double>(o.height));
    }
    if (!TIFFWriteDirectory(tif.get())) {
        std::remove(tmp.c_str());
        return Result::failure(fill(translate("SlideError", "Writing \"%1\" failed."), {path}));
    }

    bool ok = true;
    if (f1 > 0) {
        Rgb8 current = std::move(level1);
        // Aperio files keep the thumbnail in the second directory, where OpenSlide looks for it.
        if (o.thumbnail && o.flavour == Flavour::Aperio) {
            const int64_t longest = std::max(current.width, current.height);
            const int tf = static_cast<int>(std::max<int64_t>(1, (longest + 767) / 768));
            ok = writeThumbnail(tif.get(), reduce(current, tf));
        }
        ok = ok && writeLevelFromImage(tif.get(), o, current, f1);
        for (size_t i = 2; ok && i < o.downsamples.size(); ++i) {
            current = reduce(current, o.downsamples[i] / o.downsamples[i - 1]);
            ok = writeLevelFromImage(tif.get(), o, current, o.downsamples[i]);
        }
    }
    tif.reset();
    if (!ok || std::rename(tmp.c_str(), path.c_str()) != 0) {
        std::remove(tmp.c_str());
        return Result::failure(fill(translate("SlideError", "Writing \"%1\" failed."), {path}));
    }
    return true;
}

}  // namespace slidesight
