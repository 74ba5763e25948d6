#include "viewer/layers/colourcache.h"

#include <algorithm>
#include <cmath>
#include <list>

namespace slidesight::colourcache {

namespace {

struct State {
    std::list<ColouredGridPtr> entries;  ///< most recently used first
    int capacity = 48;
    qint64 maxBytes = qint64(256) << 20;
    quint64 misses = 0;
};

State& state() {
    static State s;
    return s;
}

void evict(State& s) {
    qint64 bytes = 0;
    int count = 0;
    for (auto it = s.entries.begin(); it != s.entries.end();) {
        bytes += (*it)->image.sizeInBytes();
        ++count;
        // Always keep the newest entry, however large.
        if (count > 1 && (count > s.capacity || bytes > s.maxBytes))
            it = s.entries.erase(it);
        else
            ++it;
    }
}

}  // namespace

ColouredGridPtr colourise(const GridData& data, const ChannelSelection& channel, const DisplaySettings& display) {
    ++state().misses;
    auto out = std::make_shared<ColouredGrid>();
    out->serial = data.serial();
    out->channel = channel;
    out->display = display;
    const std::vector<float> raw = data.plane(channel);
    const NormalisedValues norm = normalise(raw, display);
    out->low = norm.low;
    out->high = norm.high;
    const int rows = data.rows();
    const int columns = data.columns();
    out->image = QImage(std::max(columns, 1), std::max(rows, 1), QImage::Format_ARGB32_Premultiplied);
    out->image.fill(Qt::transparent);
    const auto& table = colormapTable(display.colormap);
    const bool hasThreshold = display.threshold.has_value();
    const double threshold = display.threshold.value_or(0.0);
    for (int r = 0; r < rows; ++r) {
        auto* line = reinterpret_cast<QRgb*>(out->image.scanLine(r));
        for (int c = 0; c < columns; ++c) {
            const size_t i = static_cast<size_t>(r) * columns + c;
            const float u = norm.unit[i];
            if (std::isnan(u) || std::isnan(raw[i]) || (hasThreshold && raw[i] < threshold)) continue;
            const int index = std::min(255, static_cast<int>(std::clamp(u, 0.0f, 1.0f) * 256.0f));
            line[c] = table[static_cast<size_t>(index)];  // opaque, so premultiplied as it is
        }
    }
    return out;
}

ColouredGridPtr lookup(const GridData& data, const ChannelSelection& channel, const DisplaySettings& display) {
    State& s = state();
    for (auto it = s.entries.begin(); it != s.entries.end(); ++it) {
        if (!(*it)->matches(data.serial(), channel, display)) continue;
        ColouredGridPtr hit = *it;
        s.entries.splice(s.entries.begin(), s.entries, it);
        return hit;
    }
    ColouredGridPtr made = colourise(data, channel, display);
    s.entries.push_front(made);
    evict(s);
    return made;
}

quint64 misses() { return state().misses; }

void setCapacity(int entries) {
    state().capacity = std::max(1, entries);
    evict(state());
}

int capacity() { return state().capacity; }

void clear() { state().entries.clear(); }

}  // namespace slidesight::colourcache
