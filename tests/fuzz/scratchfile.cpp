// ScratchFile: the bytes of one input as a file, for the readers that take a path.

#include "fuzztargets.h"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <stdexcept>

namespace slidesight::fuzz {

ScratchFile::ScratchFile(const uint8_t* data, size_t size, const std::string& suffix) {
    std::string pattern = (std::filesystem::temp_directory_path() / "slidesight-fuzz-XXXXXX").string();
    if (!mkdtemp(pattern.data())) throw std::runtime_error("cannot make a temporary folder");
    folder_ = pattern;
    path_ = folder_ + "/input" + suffix;
    std::FILE* out = std::fopen(path_.c_str(), "wb");
    if (!out) throw std::runtime_error("cannot write " + path_);
    const bool written = size == 0 || std::fwrite(data, 1, size, out) == size;
    std::fclose(out);
    if (!written) throw std::runtime_error("cannot write " + path_);
}

ScratchFile::~ScratchFile() {
    std::error_code ignored;
    std::filesystem::remove_all(folder_, ignored);
}

}  // namespace slidesight::fuzz
