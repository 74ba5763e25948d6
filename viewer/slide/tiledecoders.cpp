#include "viewer/slide/tiledecoders.h"

#include <algorithm>
#include <cmath>
#include <csetjmp>
#include <cstdio>
#include <cstring>

// jpeglib.h needs FILE and size_t declared first.
#include <jpeglib.h>
#include <openjpeg.h>

namespace slidesight::tiledecoders {

namespace {

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

}  // namespace

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

}  // namespace slidesight::tiledecoders
