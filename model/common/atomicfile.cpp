#include "model/common/atomicfile.h"

#include <cstdio>
#include <fstream>

namespace slidesight::model {

Expected<bool> writeFileAtomically(const std::string& path, const char* data, size_t size,
                                   const std::string& what) {
    using Result = Expected<bool>;
    const std::string partial = path + ".partial";
    {
        std::ofstream out(partial, std::ios::binary | std::ios::trunc);
        if (!out) return Result::failure("Cannot write " + what + " to \"" + path + "\".");
        out.write(data, static_cast<std::streamsize>(size));
        out.flush();
        if (!out) {
            out.close();
            std::remove(partial.c_str());
            return Result::failure("Cannot write " + what + " to \"" + path + "\" (is the disk full?).");
        }
    }
    if (std::rename(partial.c_str(), path.c_str()) != 0) {
        std::remove(partial.c_str());
        return Result::failure("Cannot write " + what + " to \"" + path + "\".");
    }
    return true;
}

}  // namespace slidesight::model
