#include "model/common/atomicfile.h"

#include <cerrno>
#include <cstdio>
#include <cstring>

#include <fcntl.h>
#include <unistd.h>

namespace slidesight::model {

namespace {

/// Writes every byte to `fd`, retrying short writes and interruptions; the errno of a failure.
int writeAll(int fd, const char* data, size_t size) {
    while (size > 0) {
        const ssize_t written = ::write(fd, data, size);
        if (written < 0) {
            if (errno == EINTR) continue;
            return errno;
        }
        data += written;
        size -= static_cast<size_t>(written);
    }
    return 0;
}

}  // namespace

Expected<bool> writeFileAtomically(const std::string& path, const char* data, size_t size,
                                   const std::string& what) {
    using Result = Expected<bool>;
    const std::string partial = path + ".partial";
    const int fd = ::open(partial.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0)
        return Result::failure("Cannot write " + what + " to \"" + path + "\" (" + std::strerror(errno) + ").");
    // Written, flushed to the disk and closed before the rename: after a crash or a power cut
    // the path holds the old file or the whole new one, never a torn one.
    int error = writeAll(fd, data, size);
    if (!error && ::fsync(fd) != 0) error = errno;
    if (::close(fd) != 0 && !error) error = errno;
    if (error) {
        std::remove(partial.c_str());
        const bool full = error == ENOSPC || error == EFBIG || error == EDQUOT;
        return Result::failure("Cannot write " + what + " to \"" + path + "\" (" + std::strerror(error) +
                               (full ? "; is the disk full?" : "") + ").");
    }
    if (std::rename(partial.c_str(), path.c_str()) != 0) {
        error = errno;
        std::remove(partial.c_str());
        return Result::failure("Cannot write " + what + " to \"" + path + "\" (" + std::strerror(error) + ").");
    }
    return true;
}

}  // namespace slidesight::model
