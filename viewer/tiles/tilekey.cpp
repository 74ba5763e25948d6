#include "viewer/tiles/tilekey.h"

namespace slidesight {

size_t hashTileKey(const TileKey& key) {
    // Each field is folded in through the splitmix64 finaliser, a bijection with full
    // avalanche, so neighbouring tiles (small consecutive integers) get unrelated hashes.
    // (A hash_combine-style mix gave exact 64-bit collisions on a 40 x 40 grid.)
    auto fmix = [](quint64 x) {
        x ^= x >> 30;
        x *= 0xbf58476d1ce4e5b9ull;
        x ^= x >> 27;
        x *= 0x94d049bb133111ebull;
        x ^= x >> 31;
        return x;
    };
    quint64 h = fmix(key.sourceId);
    h = fmix(h ^ static_cast<quint64>(static_cast<qint64>(key.level)));
    h = fmix(h ^ static_cast<quint64>(key.column));
    h = fmix(h ^ static_cast<quint64>(key.row));
    return static_cast<size_t>(h);
}

}  // namespace slidesight
