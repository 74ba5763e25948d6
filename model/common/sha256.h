#pragma once

#include "viewer/common/expected.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>

namespace slidesight::model {

/// SHA-256 (FIPS 180-4), for identifying weights files and grid cache keys, and for verifying
/// downloaded weights. Small and dependency-free: the project does not link OpenSSL.
///
/// Not thread-safe: one hasher per thread; the static helpers are thread-safe.
class Sha256 {
public:
    using Digest = std::array<uint8_t, 32>;

    Sha256();
    /// Feeds `size` more bytes.
    void update(const void* data, size_t size);
    void update(const std::string& text) { update(text.data(), text.size()); }
    /// The digest of everything fed so far. The hasher must not be fed again afterwards.
    Digest finish();

    /// Lower-case hexadecimal text of a digest.
    static std::string hex(const Digest& digest);
    /// The hex digest of a string's bytes.
    static std::string hexOf(const std::string& bytes);
    /// The hex digest of a file's bytes, read in blocks. Fails with a message when it cannot be read.
    static Expected<std::string> hexOfFile(const std::string& path);

private:
    void compress(const uint8_t* block);

    std::array<uint32_t, 8> state_;
    std::array<uint8_t, 64> buffer_{};
    size_t buffered_ = 0;
    uint64_t totalBytes_ = 0;
};

}  // namespace slidesight::model
