#pragma once

// The readers of outside bytes, one entry point each, as libFuzzer drives them (fuzzmain.cpp,
// one executable per target, built by `bash .ci/bootstrap fuzz`) and as the normal test suite
// replays the inputs that once failed (tst_fuzzreplay, tests/fuzz/regressions/<target>/).
// Each takes any bytes: a reader may refuse them with a message, never crash, hang or leak.

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace slidesight::fuzz {

using Target = void (*)(const uint8_t* data, size_t size);

void asapXml(const uint8_t* data, size_t size);        ///< AsapXml::read
void geoJson(const uint8_t* data, size_t size);        ///< GeoJson::read
void bundleManifest(const uint8_t* data, size_t size); ///< model.json: parse and check
void bundleZip(const uint8_t* data, size_t size);      ///< a zipped bundle unpacked into a cache
void torchSave(const uint8_t* data, size_t size);      ///< the torch.save reader (zip and pickle)
void gridFile(const uint8_t* data, size_t size);       ///< grid files (and result files: the same reader)
void slide(const uint8_t* data, size_t size);          ///< a slide file opened and read through OpenSlide

struct NamedTarget {
    const char* name;
    Target run;
};

/// Every target, by the name of its folder under tests/fuzz/regressions and its executable
/// (fuzz_<name>).
inline const std::vector<NamedTarget>& targets() {
    static const std::vector<NamedTarget> all{
        {"asapxml", asapXml},     {"geojson", geoJson},     {"bundlemanifest", bundleManifest},
        {"bundlezip", bundleZip}, {"torchsave", torchSave}, {"gridfile", gridFile},
        {"slide", slide},
    };
    return all;
}

/// A file in a private temporary folder holding `data`, removed with the object. For the
/// readers that take a path.
class ScratchFile {
public:
    ScratchFile(const uint8_t* data, size_t size, const std::string& suffix);
    ~ScratchFile();
    ScratchFile(const ScratchFile&) = delete;
    ScratchFile& operator=(const ScratchFile&) = delete;
    const std::string& path() const { return path_; }
    const std::string& folder() const { return folder_; }

private:
    std::string folder_;
    std::string path_;
};

}  // namespace slidesight::fuzz
