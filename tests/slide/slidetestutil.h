#pragma once

// Helpers shared by the slide-access tests: the shared test data, opening slides, pixel
// comparisons, reading from several threads.

#include "viewer/slide/argbimage.h"
#include "viewer/slide/openslidesource.h"

#include <QtCore/QDir>
#include <QtCore/QString>
#include <QtCore/QtGlobal>

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <thread>
#include <vector>

namespace slidesight::testutil {

/// The shared data folder from SLIDESIGHT_TEST_DATA, or an empty string when it is not set.
inline QString testDataDir() {
    return qEnvironmentVariable("SLIDESIGHT_TEST_DATA");
}

/// A slide of the shared data ("slides/<name>"), or an empty string when it is not set.
inline QString realSlide(const QString& name) {
    const QString dir = testDataDir();
    return dir.isEmpty() ? QString() : QDir(dir).filePath(QStringLiteral("slides/") + name);
}

/// Skips the calling test, with the reason, when the shared data is not available.
#define REQUIRE_TEST_DATA()                                                                      \
    do {                                                                                         \
        if (slidesight::testutil::testDataDir().isEmpty())                                      \
            QSKIP("SLIDESIGHT_TEST_DATA is not set: the real slides of the shared data are not " \
                  "tested (set it to the shared data folder).");                                \
    } while (false)

/// Opens a slide; on failure returns null and puts OpenSlideSource's message in `error`.
inline std::shared_ptr<OpenSlideSource> openOrFail(const QString& path, QString* error) {
    auto opened = OpenSlideSource::open(path.toStdString());
    if (!opened) {
        *error = QString::fromStdString(opened.error());
        return nullptr;
    }
    return *opened;
}

/// The largest per-channel difference between two RGB values (alpha ignored).
inline int maxChannelDifference(uint32_t a, uint32_t b) {
    return std::max({std::abs(redOf(a) - redOf(b)), std::abs(greenOf(a) - greenOf(b)),
                     std::abs(blueOf(a) - blueOf(b))});
}

/// Premultiplied ARGB over opaque white, written independently of compositePremultipliedOver:
/// over white, bg * (255 - a) / 255 is exactly 255 - a.
inline uint32_t premultipliedOverWhite(uint32_t p) {
    const uint32_t a = p >> 24;
    const auto channel = [a](uint32_t c) { return std::min<uint32_t>(255u, c + (255u - a)); };
    return 0xFF000000u | (channel((p >> 16) & 0xFFu) << 16) | (channel((p >> 8) & 0xFFu) << 8) |
           channel(p & 0xFFu);
}

/// A region to read: level, level-0 origin, size in level pixels.
struct Region {
    int level;
    int64_t x0, y0;
    int width, height;
};

struct ConcurrentReadResult {
    int reads = 0, failures = 0, mismatches = 0;
};

/// Reads `regions` once on this thread for reference, then `rounds` times from each of
/// `threads` threads at once (each thread in its own order), comparing every result.
inline ConcurrentReadResult readConcurrently(const SlideSource& slide, const std::vector<Region>& regions,
                                             int threads, int rounds) {
    std::vector<std::vector<uint32_t>> reference;
    for (const Region& r : regions) {
        auto image = slide.readRegion(r.level, r.x0, r.y0, r.width, r.height);
        reference.push_back(image ? image->pixels : std::vector<uint32_t>{});
    }
    std::atomic<int> reads{0}, failures{0}, mismatches{0};
    std::vector<std::thread> pool;
    for (int t = 0; t < threads; ++t)
        pool.emplace_back([&, t] {
            const size_t n = regions.size();
            for (int round = 0; round < rounds; ++round)
                for (size_t i = 0; i < n; ++i) {
                    const size_t k = (i + static_cast<size_t>(t) * 7) % n;
                    const Region& r = regions[k];
                    const auto image = slide.readRegion(r.level, r.x0, r.y0, r.width, r.height);
                    ++reads;
                    if (!image) ++failures;
                    else if (reference[k].empty() || image->pixels != reference[k]) ++mismatches;
                }
        });
    for (std::thread& t : pool) t.join();
    return ConcurrentReadResult{reads.load(), failures.load(), mismatches.load()};
}

}  // namespace slidesight::testutil
