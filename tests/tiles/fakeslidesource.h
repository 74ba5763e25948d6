#pragma once

// A SlideSource for the tile tests: known pixels, counted and logged reads, and a gate that
// holds reads until the test lets them go, so that timing-dependent code is tested
// deterministically.

#include "viewer/slide/slidesource.h"

#include <QtCore/QSemaphore>
#include <QtCore/QString>
#include <QtCore/QThread>

#include <atomic>
#include <mutex>
#include <set>
#include <string>
#include <vector>

namespace slidesight::testutil {

class FakeSlideSource final : public SlideSource {
public:
    struct Read {
        int level;
        int64_t x0, y0;
        int width, height;
        QString thread;
    };

    /// `name` makes the identity (and so the tile source id) unique.
    FakeSlideSource(std::vector<SlideLevel> levels, const std::string& name = "fake") {
        info_.vendor = "fake";
        info_.levels = std::move(levels);
        info_.identity.path = "/fake/" + name;
        info_.identity.fileSize = 1;
    }

    /// The colour of level-0 pixel (x, y) as the fake paints it at `level`: constant in
    /// 128 x 128 blocks of level 0, with the level in the blue channel. Opaque.
    static uint32_t colour(int level, int64_t x, int64_t y) {
        if (x < 0 || y < 0) return 0xFFFFFFFFu;
        return argbFromRgb(static_cast<uint32_t>(20 + (x / 128) * 37 % 200),
                           static_cast<uint32_t>(20 + (y / 128) * 53 % 200),
                           static_cast<uint32_t>(20 + level * 50));
    }

    const SlideInfo& info() const override { return info_; }

    Expected<ArgbImage> readRegion(int level, int64_t x0, int64_t y0, int width, int height) const override {
        {
            std::lock_guard<std::mutex> lock(mutex_);
            log_.push_back(Read{level, x0, y0, width, height, QThread::currentThread()->objectName()});
        }
        ++reads_;
        const int now = ++active_;
        int seen = maxActive_.load();
        while (now > seen && !maxActive_.compare_exchange_weak(seen, now)) {}
        if (blocking_) {
            entered.release();  // tell the test a read has started
            gate.acquire();     // and wait until it lets this read finish
        }
        --active_;
        if (failingX0s_.count(x0)) return Expected<ArgbImage>::failure("Fake failure.");
        const SlideLevel& l = info_.levels.at(static_cast<size_t>(level));
        ArgbImage image(width, height);
        for (int y = 0; y < height; ++y)
            for (int x = 0; x < width; ++x) {
                const auto lx = static_cast<int64_t>(x0 / l.downsample) + x;
                const auto ly = static_cast<int64_t>(y0 / l.downsample) + y;
                if (lx < l.width && ly < l.height)
                    image.pixel(x, y) = colour(level, static_cast<int64_t>(lx * l.downsample),
                                               static_cast<int64_t>(ly * l.downsample));
            }
        return image;
    }

    Expected<ArgbImage> readAssociatedImage(const std::string& name) const override {
        return Expected<ArgbImage>::failure("The slide has no \"" + name + "\" image.");
    }

    /// While blocking, each read releases `entered` and then waits for `gate`. Turning it on
    /// starts afresh: permits left over from an earlier round are dropped.
    void setBlocking(bool on) {
        if (on) {
            gate.tryAcquire(gate.available());
            entered.tryAcquire(entered.available());
        }
        blocking_ = on;
    }
    /// Reads whose level-0 x is `x0` fail.
    void failAt(int64_t x0) { failingX0s_.insert(x0); }

    int reads() const { return reads_; }
    int activeReads() const { return active_; }
    int maxConcurrentReads() const { return maxActive_; }
    std::vector<Read> log() const {
        std::lock_guard<std::mutex> lock(mutex_);
        return log_;
    }

    mutable QSemaphore entered;
    mutable QSemaphore gate;

private:
    SlideInfo info_;
    std::set<int64_t> failingX0s_;
    std::atomic<bool> blocking_{false};
    mutable std::mutex mutex_;
    mutable std::vector<Read> log_;
    mutable std::atomic<int> reads_{0}, active_{0}, maxActive_{0};
};

}  // namespace slidesight::testutil
